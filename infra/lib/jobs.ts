/**
 * The jobs of shared/src/jobs.ts: functions no HTTP route invokes (ADR 0009). Each is built by the
 * same `portalFunction` as the HTTP functions (same bundle settings, runtime, environment, log
 * group, table grant, audit-log Deny, portal-secret and documents grants), tagged `portal:job`, and
 * gets the trigger its entry names:
 *
 * - `stream`: an event source mapping on the table's stream, filtered to outbox INSERTs, with
 *   partial batch responses, bisection, bounded retries and an on-failure SQS destination. Only
 *   such a job's role may read the stream.
 * - `schedule`: an EventBridge Scheduler schedule (flexible window off) whose own role may invoke
 *   only that function, with a retry policy and a dead-letter queue; failed asynchronous
 *   invocations go to the same queue.
 *
 * Every job has its own dead-letter queue (KMS, TLS only) with an alarm on visible messages, plus
 * the errors/throttles alarms every portal function has; the stream job also an iterator-age alarm.
 * The jobs live in a nested stack of their own (`JobsStack`, ADR 0017).
 */
import { Duration, NestedStack, RemovalPolicy, Stack, Validations, type NestedStackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition, type IDestination, type IEventSourceDlq } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs as jobTable, type Job, type JobId } from '@portal/shared/jobs';
import { addFunctionAlarms, portalFunction, type PortalFunctionContext } from './functions';
import { jobEntry } from './paths';

/** A job may run longer than an HTTP request (the sweep calls QueryDR once per expired attempt), and well under the 5-minute schedule. */
export const JOB_TIMEOUT = Duration.minutes(2);

/**
 * Jobs that need more than a default job: the receipts job renders PDFs (our PDF writer, an
 * embedded font; ADR 0018) for up to a batch of ten payments; CPU comes with memory, so it keeps 512 MB even
 * if the default ever shrinks, and gets five minutes for a whole batch on a cold container. A
 * longer timeout holds the stream shard longer when a batch hangs, so it is not the default.
 */
export const JOB_SIZING: Partial<Record<JobId, { memorySize: number; timeout: Duration }>> = {
  receipts: { memorySize: 512, timeout: Duration.minutes(5) },
  // PDF rendering as receipts do; a run of many approvals fits in two minutes, and an overlapping run is harmless (ADR 0015).
  licences: { memorySize: 512, timeout: Duration.minutes(2) },
};

/**
 * Jobs that call hospitals' information systems (ADR 0010) and so get `HIS_CALLBACK_URLS`: the
 * outbox (first attempt) and the retry sweep. shared/src/jobs.ts has no field for it; a job that
 * builds `platformDeps` without being listed here parses the default `{}` and sends nothing.
 */
export const HIS_CALLBACK_JOBS: readonly JobId[] = ['outbox', 'hisCallbacks'];

/**
 * The outbox mapping's settings: small batches, each failed record reported back (the handler
 * returns `batchItemFailures`), a failing batch split in two until the bad record is alone, then
 * after ten retries or a day the record's coordinates go to the dead-letter queue.
 */
export const STREAM_MAPPING = { batchSize: 10, retryAttempts: 10, maxRecordAge: Duration.days(1) } as const;
/** Only INSERTs of outbox items invoke the stream job; every other write to the table costs nothing. */
export const OUTBOX_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { type: { S: FilterRule.isEqual('outbox') } } },
});
/** The iterator-age alarm: the outbox is this far behind the table (notifications are late). */
export const ITERATOR_AGE_ALARM = Duration.minutes(10);
/**
 * Scheduler's retry policy: a run that could not be delivered within five minutes is overtaken by
 * the next one (every sweep re-reads all that is pending), so it goes to the dead-letter queue.
 */
export const SCHEDULE_RETRY = { maximumRetryAttempts: 3, maximumEventAge: Duration.minutes(5) } as const;

export interface PortalJobsProps extends PortalFunctionContext {
  alarmAction: IAlarmAction;
}

export class PortalJobs extends Construct {
  readonly byId: Record<JobId, NodejsFunction>;
  /** Each job's dead-letter queue: stream failure destination, or the schedule's DLQ. */
  readonly deadLetters: Record<JobId, Queue>;
  /** Encrypts the dead-letter queues. */
  readonly queueKey: Key;

  constructor(scope: Construct, id: string, props: PortalJobsProps) {
    super(scope, id);
    // Dead letters hold keys and sequence numbers of outbox records (no message bodies), but the
    // project's rule is a customer-managed key for anything that may point at personal data.
    this.queueKey = new Key(this, 'DeadLetterKey', {
      description: 'Portal job dead-letter queues',
      enableKeyRotation: true,
      // The queues go with the stack (their messages live 14 days at most), so may their key.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const byId: Partial<Record<string, NodejsFunction>> = {};
    const deadLetters: Partial<Record<string, Queue>> = {};
    for (const job of jobTable as readonly Job[]) {
      const sizing = JOB_SIZING[job.id as JobId];
      const fn = portalFunction(
        this,
        {
          name: job.id,
          description: job.description,
          entry: jobEntry(job.id),
          access: job.access,
          portalSecret: job.portalSecret === true,
          ...(job.documents ? { documents: job.documents } : {}),
          ...(job.licenceKey ? { licenceKey: job.licenceKey } : {}),
          hisCallbacks: HIS_CALLBACK_JOBS.includes(job.id as JobId),
          kind: 'job',
          timeout: sizing?.timeout ?? JOB_TIMEOUT,
          memorySize: sizing?.memorySize,
        },
        props,
      );
      addFunctionAlarms(this, job.id, fn, props.alarmAction, `Job ${job.id}`);
      const dlq = this.deadLetterQueue(job, props.alarmAction);

      const { trigger } = job;
      switch (trigger.kind) {
        case 'stream':
          this.streamTrigger(job, fn, dlq, props);
          break;
        case 'schedule':
          this.scheduleTrigger(job, trigger.expression, fn, dlq);
          break;
        default:
          throw new Error(`Job ${(job as Job).id}: unknown trigger ${JSON.stringify(trigger satisfies never)}`);
      }
      byId[job.id] = fn;
      deadLetters[job.id] = dlq;
    }
    this.byId = byId as Record<JobId, NodejsFunction>;
    this.deadLetters = deadLetters as Record<JobId, Queue>;
  }

  private deadLetterQueue(job: Job, alarmAction: IAlarmAction): Queue {
    const queue = new Queue(this, `${job.id}DeadLetters`, {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.queueKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter destination of job ${job.id} (${job.trigger.kind === 'stream' ? 'the stream mapping\'s on-failure destination' : 'the schedule\'s DLQ and the function\'s failed asynchronous invocations'}); nothing consumes it automatically, so it needs no DLQ of its own. Its messages stay 14 days, an alarm fires on the first one, and an operator redrives or discards them.`,
    });
    new Alarm(this, `${job.id}DeadLettersVisible`, {
      alarmDescription: `Job ${job.id} gave up on something: its dead-letter queue holds messages.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);
    return queue;
  }

  /**
   * Send to one dead-letter queue and nothing else: SendMessage on that queue (not
   * `grantSendMessages`, which adds GetQueueAttributes/GetQueueUrl and kms:ReEncrypt*,
   * GenerateDataKey*), and the two key actions SQS needs from a producer, only through SQS.
   */
  private grantSendTo(role: Role, queue: Queue): void {
    role.addToPolicy(new PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    role.addToPolicy(
      new PolicyStatement({
        sid: 'DeadLettersKey',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.queueKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sqs.${Stack.of(this).region}.${Stack.of(this).urlSuffix}` } },
      }),
    );
  }

  private streamTrigger(job: Job, fn: NodejsFunction, dlq: Queue, props: PortalJobsProps): void {
    // The mapping sends the failed batch's coordinates with the function's own role.
    this.grantSendTo(fn.role as Role, dlq);
    const onFailure: IEventSourceDlq = { bind: () => ({ destination: dlq.queueArn }) };
    // DynamoEventSource grants this function's role, and only it, DescribeStream, GetRecords,
    // GetShardIterator and ListStreams on the table's stream ARN, and kms:Decrypt/DescribeKey on
    // the table key (TableV2.grantStreamRead).
    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: STREAM_MAPPING.batchSize,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: STREAM_MAPPING.retryAttempts,
        maxRecordAge: STREAM_MAPPING.maxRecordAge,
        onFailure,
        filters: [OUTBOX_FILTER],
      }),
    );
    new Alarm(this, `${job.id}IteratorAge`, {
      alarmDescription: `Job ${job.id} is more than ${ITERATOR_AGE_ALARM.toMinutes()} minutes behind the table's stream.`,
      metric: fn.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: ITERATOR_AGE_ALARM.toMilliseconds(),
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(props.alarmAction);
  }

  private scheduleTrigger(job: Job, expression: string, fn: NodejsFunction, dlq: Queue): void {
    const stack = Stack.of(this);
    const role = new Role(this, `${job.id}SchedulerRole`, {
      description: `EventBridge Scheduler: invokes job ${job.id}, nothing else`,
      // Only schedules of this account's default group may use it (confused-deputy guard).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    // The function's ARN exactly: not `grantInvoke`, which adds `<arn>:*` (every version and alias).
    role.addToPolicy(new PolicyStatement({ sid: 'InvokeJob', actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }));
    this.grantSendTo(role, dlq);

    new CfnSchedule(this, `${job.id}Schedule`, {
      description: job.description,
      scheduleExpression: expression,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: fn.functionArn,
        roleArn: role.roleArn,
        // The handler's event: no `asOf`, so the sweep uses the current time.
        input: '{}',
        retryPolicy: {
          maximumRetryAttempts: SCHEDULE_RETRY.maximumRetryAttempts,
          maximumEventAgeInSeconds: SCHEDULE_RETRY.maximumEventAge.toSeconds(),
        },
        deadLetterConfig: { arn: dlq.queueArn },
      },
    });

    // Scheduler invokes asynchronously: its DLQ catches invocations Lambda refused (throttling,
    // permissions); a run that started and failed is Lambda's to report. No Lambda retry (the
    // next run is the retry), and the failed event goes to the same queue, sent with the
    // function's role.
    this.grantSendTo(fn.role as Role, dlq);
    const onFailure: IDestination = { bind: () => ({ destination: dlq.queueArn }) };
    fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: SCHEDULE_RETRY.maximumEventAge, onFailure });
  }
}

/**
 * The nested stack of the jobs (ADR 0017): each job's function, role, policy, log group, trigger,
 * dead-letter queue and alarms (11 to 13 resources), and the key of the dead-letter queues. Like
 * FunctionsStack it takes the table, keys, secrets, bucket and alarm topic of the portal stack as
 * parameters; nothing outside reads anything back from it.
 */
export class JobsStack extends NestedStack {
  readonly jobs: PortalJobs;

  constructor(scope: Construct, id: string, props: PortalJobsProps & Pick<NestedStackProps, 'description'>) {
    const { description, ...context } = props;
    super(scope, id, { description });
    this.jobs = new PortalJobs(this, 'Jobs', context);
  }
}
