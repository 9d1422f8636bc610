/**
 * The jobs of shared/src/jobs.ts (ADR 0009): one Lambda per job built like the HTTP functions, the
 * outbox's filtered stream mapping, the sweep's schedule, their dead-letter queues and alarms, and
 * least privilege across every role of the stack.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Job, type JobId } from '@portal/shared/jobs';
import { FUNCTIONS, type FunctionName } from '@portal/shared/routes';
import { AUDIT_PREFIX, FUNCTION_TAG, JOB_TAG, tableActions } from '../../infra/lib/functions';
import { HIS_CALLBACK_JOBS, JOB_SIZING } from '../../infra/lib/jobs';
import { jobEntry } from '../../infra/lib/paths';
import { ofType, resourcesOf, synthPortal, type Synthesised } from './synth';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
type GetAtt = { 'Fn::GetAtt': [string, string] };
const getAtt = (value: unknown): [string, string] => (value as GetAtt)['Fn::GetAtt'];

const ALL_JOBS = jobs as readonly Job[];
const streamJobs = ALL_JOBS.filter((j) => j.trigger.kind === 'stream');
const scheduleJobs = ALL_JOBS.filter((j) => j.trigger.kind === 'schedule');
const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

let synth: Synthesised;
let resources: ReturnType<typeof resourcesOf>;
/** Portal functions by `http:<name>` or `job:<id>` (a job may share its name with an HTTP function). */
const portalFunctions = new Map<string, { logicalId: string; props: Record<string, unknown>; roleId: string; kind: 'http' | 'job' }>();
let tableId: string;
let portalSecretId: string;

const jobFunction = (id: string) => {
  const fn = portalFunctions.get(`job:${id}`);
  if (!fn) throw new Error(`No job function ${id}`);
  return fn;
};
/** Statements of the inline policies attached to one role. */
const statementsOfRole = (roleId: string): Statement[] =>
  ofType(synth.portalTemplate, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => (p.PolicyDocument as { Statement: Statement[] }).Statement);
/** Every role of the stack with the statements of its policies (CDK's helper roles included). */
const allRoles = (): [string, Statement[]][] => ofType(synth.portalTemplate, 'AWS::IAM::Role').map(([id]) => [id, statementsOfRole(id)]);
const queueOf = (arn: unknown): Record<string, unknown> => {
  const [id, attribute] = getAtt(arn);
  expect(attribute).toBe('Arn');
  expect(resources[id]?.Type).toBe('AWS::SQS::Queue');
  return { id, ...(resources[id]?.Properties ?? {}) };
};

beforeAll(() => {
  synth = synthPortal();
  resources = resourcesOf(synth.portalTemplate);
  for (const [logicalId, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
    const tags = (props.Tags ?? []) as { Key: string; Value: string }[];
    const http = tags.find((t) => t.Key === FUNCTION_TAG);
    const job = tags.find((t) => t.Key === JOB_TAG);
    const roleId = getAtt(props.Role)[0];
    if (http) portalFunctions.set(`http:${http.Value}`, { logicalId, props, roleId, kind: 'http' });
    if (job) portalFunctions.set(`job:${job.Value}`, { logicalId, props, roleId, kind: 'job' });
  }
  [[tableId] = ['']] = ofType(synth.portalTemplate, 'AWS::DynamoDB::GlobalTable');
  [[portalSecretId] = ['']] = ofType(synth.portalTemplate, 'AWS::SecretsManager::Secret').filter(([id]) => /PortalSecret/.test(id));
});

describe('the job table', () => {
  it('names every job once', () => {
    expect(new Set(ALL_JOBS.map((j) => j.id)).size).toBe(ALL_JOBS.length);
  });

  it('has an entry module exporting `handler` for every job', () => {
    for (const job of ALL_JOBS) {
      const entry = jobEntry(job.id);
      expect(existsSync(entry), entry).toBe(true);
      expect(readFileSync(entry, 'utf8'), entry).toMatch(/export (async )?function handler\b|export const handler\b/);
    }
  });
});

describe('the Jobs nested stack (ADR 0017)', () => {
  const jobsStack = () => {
    const found = synth.portalStacks.find((s) => s.path === 'Portal/JobsStack');
    if (!found) throw new Error('No Jobs nested stack');
    return found;
  };

  it('holds every job with its role, policies, log group, trigger, dead-letter queue and alarms, and the queues\' key', () => {
    const inner = resourcesOf(jobsStack().template);
    const jobTypes = ['AWS::Lambda::EventSourceMapping', 'AWS::Scheduler::Schedule', 'AWS::Lambda::EventInvokeConfig', 'AWS::SQS::Queue', 'AWS::SQS::QueuePolicy'];
    for (const type of jobTypes) {
      const everywhere = ofType(synth.portalTemplate, type).map(([id]) => id).sort();
      expect(everywhere.length, type).toBeGreaterThan(0);
      expect(everywhere.filter((id) => inner[id]?.Type === type), type).toEqual(everywhere);
    }
    for (const job of ALL_JOBS) {
      const { logicalId, roleId } = jobFunction(job.id);
      expect(inner[logicalId]?.Type, job.id).toBe('AWS::Lambda::Function');
      expect(inner[roleId]?.Type, job.id).toBe('AWS::IAM::Role');
      const alarms = Object.values(inner).filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties?.Dimensions).includes(`"${logicalId}"`));
      expect(alarms.length, job.id).toBeGreaterThanOrEqual(2);
    }
    for (const [id, q] of ofType(synth.portalTemplate, 'AWS::SQS::Queue')) expect(inner[getAtt(q.KmsMasterKeyId)[0]]?.Type, id).toBe('AWS::KMS::Key');
  });

  it('gives nothing back to the portal stack: no outputs, so no resource outside depends on a job', () => {
    expect((jobsStack().template.toJSON() as { Outputs?: object }).Outputs ?? {}).toEqual({});
  });
});

describe('one Lambda function per job, built like the HTTP functions', () => {
  it('deploys exactly the jobs of shared/src/jobs.ts, tagged portal:job and not portal:function', () => {
    const jobNames = [...portalFunctions].filter(([, f]) => f.kind === 'job').map(([n]) => n.replace(/^job:/, ''));
    expect(jobNames.sort()).toEqual(ALL_JOBS.map((j) => j.id).sort());
    for (const [, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
      const keys = ((props.Tags ?? []) as { Key: string }[]).map((t) => t.Key);
      expect(keys.includes(FUNCTION_TAG) && keys.includes(JOB_TAG)).toBe(false);
    }
  });

  it('bundles each job from functions/src/jobs/<id>.ts', () => {
    // The staged asset of each job's code; the outbox's partial batch response and the sweep's
    // optional `asOf` survive minification as property names.
    const marker: Record<string, string> = { outbox: 'batchItemFailures', paymentsSweep: 'asOf' };
    const outdir = synth.app.outdir;
    const bundles = new Set<string>();
    for (const job of ALL_JOBS) {
      const { props } = jobFunction(job.id);
      expect(props.Handler, job.id).toBe('index.handler');
      const key = String((props.Code as { S3Key: unknown }).S3Key).replace(/\.zip$/, '');
      bundles.add(key);
      const dir = path.join(outdir, `asset.${key}`);
      expect(existsSync(dir), dir).toBe(true);
      const file = readdirSync(dir).find((f) => /^index\.m?js$/.test(f));
      expect(file, dir).toBeDefined();
      const code = readFileSync(path.join(dir, file ?? ''), 'utf8');
      expect(code, job.id).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\b/);
      if (marker[job.id]) expect(code, job.id).toContain(marker[job.id]);
    }
    // Each job has a bundle of its own, different from every HTTP function's.
    const httpBundles = [...portalFunctions.values()].filter((f) => f.kind === 'http').map((f) => String((f.props.Code as { S3Key: unknown }).S3Key).replace(/\.zip$/, ''));
    expect(bundles.size).toBe(ALL_JOBS.length);
    for (const key of bundles) expect(httpBundles).not.toContain(key);
  });

  it('gives every job the runtime, architecture, environment and log group of an HTTP function', () => {
    const [, http] = [...portalFunctions].find(([, f]) => f.kind === 'http') ?? [];
    const httpProps = http?.props ?? {};
    const httpVars = (httpProps.Environment as { Variables: Record<string, unknown> }).Variables;
    for (const job of ALL_JOBS) {
      const { props } = jobFunction(job.id);
      expect(props.Runtime, job.id).toBe(httpProps.Runtime);
      expect(props.Architectures, job.id).toEqual(httpProps.Architectures);
      // The receipts job renders PDFs: its size is its own (infra/lib/jobs.ts JOB_SIZING).
      expect(props.MemorySize, job.id).toBe(JOB_SIZING[job.id as JobId]?.memorySize ?? httpProps.MemorySize);
      const vars = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      // Per job: the portal secret, the documents bucket and the HIS endpoints by declaration; no
      // job verifies a token, so none gets the issuers (ADR 0022).
      const optional = ['PORTAL_SECRET_ARN', 'DOCUMENTS_BUCKET', 'HIS_CALLBACK_URLS', 'LICENCE_SIGNING_KEY_ID', 'AUTH_ISSUERS'];
      const expected = Object.keys(httpVars)
        .filter((k) => !optional.includes(k))
        .concat(
          job.portalSecret ? ['PORTAL_SECRET_ARN'] : [],
          job.documents ? ['DOCUMENTS_BUCKET'] : [],
          HIS_CALLBACK_JOBS.includes(job.id as JobId) ? ['HIS_CALLBACK_URLS'] : [],
          job.licenceKey ? ['LICENCE_SIGNING_KEY_ID'] : [],
        );
      expect(Object.keys(vars).sort(), job.id).toEqual(expected.sort());
      for (const k of ['TABLE_NAME', 'ORIGIN_VERIFY_SECRET_ARN', 'PUBLIC_BASE_URL', 'VNPAY_PAY_URL', 'VNPAY_API_URL']) {
        expect(vars[k], `${job.id} ${k}`).toEqual(httpVars[k]);
      }
      // Its own service name in the logs, distinct from an HTTP function of the same name.
      expect(vars.POWERTOOLS_SERVICE_NAME).toBe(`portal-job-${job.id}`);
      const logGroupId = (props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(resources[logGroupId]?.Properties?.RetentionInDays, job.id).toBeGreaterThan(0);
      // A job runs longer than a request, but well within its schedule's period.
      expect(props.Timeout as number, job.id).toBeLessThanOrEqual(300);
      expect(resources[jobFunction(job.id).roleId]?.Properties?.ManagedPolicyArns, job.id).toBeUndefined();
    }
  });
});

describe('the outbox: a filtered stream mapping with partial batch responses', () => {
  const mappings = () => ofType(synth.portalTemplate, 'AWS::Lambda::EventSourceMapping');

  it('has exactly one event source mapping per stream job, and none for any other function', () => {
    expect(streamJobs.length).toBeGreaterThan(0);
    const targets = mappings().map(([, p]) => (p.FunctionName as { Ref: string }).Ref);
    expect(targets.sort()).toEqual(streamJobs.map((j) => jobFunction(j.id).logicalId).sort());
  });

  it('keeps at most two readers on the table stream (DynamoDB Streams throttles a third reader per shard)', () => {
    // "No more than two processes at most should be reading from the same streams shard at the
    // same time": a third stream job would need one consumer fanning out instead (ADR 0009).
    const readers = mappings().filter(([, p]) => JSON.stringify(p.EventSourceArn) === JSON.stringify({ 'Fn::GetAtt': [tableId, 'StreamArn'] }));
    expect(readers.length).toBeLessThanOrEqual(2);
  });

  for (const job of streamJobs) {
    it(`invokes ${job.id} only for outbox INSERTs, from the table's stream, newest first`, () => {
      const [, m] = mappings().find(([, p]) => (p.FunctionName as { Ref: string }).Ref === jobFunction(job.id).logicalId) ?? ['', {}];
      expect(m.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
      expect(m.StartingPosition).toBe('LATEST');
      const filters = (m.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
      expect(filters).toHaveLength(1);
      expect(JSON.parse(filters[0]?.Pattern ?? '{}')).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } });
    });

    it(`reports ${job.id}'s failed records, bisects failing batches, and gives up into a dead-letter queue`, () => {
      const [, m] = mappings().find(([, p]) => (p.FunctionName as { Ref: string }).Ref === jobFunction(job.id).logicalId) ?? ['', {}];
      expect(m.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(m.BisectBatchOnFunctionError).toBe(true);
      expect(m.BatchSize as number).toBeLessThanOrEqual(10);
      // Bounded: -1 (the default) would retry a poison record until it leaves the stream (24 h) and block its shard.
      expect(m.MaximumRetryAttempts as number).toBeGreaterThan(0);
      expect(m.MaximumRetryAttempts as number).toBeLessThanOrEqual(10);
      expect(m.MaximumRecordAgeInSeconds as number).toBeGreaterThan(0);
      expect(m.MaximumRecordAgeInSeconds as number).toBeLessThanOrEqual(86_400);
      const destination = (m.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
      const queue = queueOf(destination);
      expect(queue.KmsMasterKeyId).toBeDefined();
      // The mapping sends with the function's role: SendMessage on that queue only.
      const send = statementsOfRole(jobFunction(job.id).roleId).filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
      expect(send.flatMap(actionsOf)).toEqual(['sqs:SendMessage']);
      expect(send.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [queue.id, 'Arn'] }]);
    });

    it(`alarms when ${job.id} falls behind the stream (IteratorAge)`, () => {
      const alarms = ofType(synth.portalTemplate, 'AWS::CloudWatch::Alarm').filter(([, p]) => p.MetricName === 'IteratorAge');
      const dims = alarms.map(([, p]) => JSON.stringify(p.Dimensions));
      expect(dims).toContain(JSON.stringify([{ Name: 'FunctionName', Value: { Ref: jobFunction(job.id).logicalId } }]));
    });
  }
});

describe('scheduled jobs: EventBridge Scheduler', () => {
  const schedules = () => ofType(synth.portalTemplate, 'AWS::Scheduler::Schedule');
  const scheduleOf = (id: string) => {
    const found = schedules().filter(([, p]) => JSON.stringify((p.Target as { Arn: unknown }).Arn) === JSON.stringify({ 'Fn::GetAtt': [jobFunction(id).logicalId, 'Arn'] }));
    expect(found, id).toHaveLength(1);
    return (found[0] as [string, Record<string, unknown>])[1];
  };

  it('has exactly one schedule per scheduled job, and no EventBridge rule', () => {
    expect(scheduleJobs.length).toBeGreaterThan(0);
    expect(schedules()).toHaveLength(scheduleJobs.length);
    synth.portalTemplate.resourceCountIs('AWS::Events::Rule', 0);
  });

  for (const job of scheduleJobs) {
    it(`runs ${job.id} on the expression of shared/src/jobs.ts, on time (no flexible window)`, () => {
      const schedule = scheduleOf(job.id);
      expect(schedule.ScheduleExpression).toBe(job.trigger.kind === 'schedule' ? job.trigger.expression : undefined);
      expect(schedule.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(schedule.State).toBe('ENABLED');
    });

    it(`retries ${job.id}'s invocation, then dead-letters it, as do failed asynchronous runs`, () => {
      const target = scheduleOf(job.id).Target as { RetryPolicy: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number }; DeadLetterConfig: { Arn: unknown } };
      expect(target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(target.RetryPolicy.MaximumEventAgeInSeconds).toBeGreaterThanOrEqual(60);
      const queue = queueOf(target.DeadLetterConfig.Arn);
      expect(queue.KmsMasterKeyId).toBeDefined();
      const [[, invokeConfig] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::Lambda::EventInvokeConfig').filter(
        ([, p]) => (p.FunctionName as { Ref: string }).Ref === jobFunction(job.id).logicalId,
      );
      expect((invokeConfig.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue.id, 'Arn'] });
    });

    it(`gives ${job.id}'s schedule a role that EventBridge Scheduler of this account alone may assume, which may invoke only that function`, () => {
      const target = scheduleOf(job.id).Target as { RoleArn: unknown; DeadLetterConfig: { Arn: unknown } };
      const [roleId] = getAtt(target.RoleArn);
      const trust = resources[roleId]?.Properties?.AssumeRolePolicyDocument as { Statement: (Statement & { Principal: unknown })[] };
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0]?.Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
      expect(trust.Statement[0]?.Condition?.StringEquals?.['aws:SourceAccount']).toBe('123456789012');
      const statements = statementsOfRole(roleId);
      const invoke = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('lambda:')));
      expect(invoke.flatMap(actionsOf)).toEqual(['lambda:InvokeFunction']);
      expect(invoke.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [jobFunction(job.id).logicalId, 'Arn'] }]);
      const others = statements.filter((s) => !invoke.includes(s)).flatMap(actionsOf);
      expect([...new Set(others)].sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey', 'sqs:SendMessage']);
      expect(JSON.stringify(statements)).not.toContain('*');
    });
  }
});

describe('least privilege across the stack', () => {
  it('lets only stream jobs read the table stream, and only the stream', () => {
    const readers = allRoles()
      .filter(([, statements]) => statements.some((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => STREAM_ACTIONS.includes(a))))
      .map(([id]) => id);
    expect(readers.sort()).toEqual(streamJobs.map((j) => jobFunction(j.id).roleId).sort());
    for (const job of streamJobs) {
      const statements = statementsOfRole(jobFunction(job.id).roleId).filter((s) => actionsOf(s).some((a) => STREAM_ACTIONS.includes(a)));
      expect([...new Set(statements.flatMap(actionsOf))].sort()).toEqual(STREAM_ACTIONS);
      for (const s of statements) expect(s.Resource, job.id).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    }
  });

  it('lets exactly the functions and jobs flagged portalSecret read the portal secret', () => {
    const flagged = (key: string, kind: 'http' | 'job'): boolean => {
      const name = key.replace(/^(http|job):/, '');
      return kind === 'job'
        ? ALL_JOBS.some((j) => j.id === name && j.portalSecret === true)
        : (FUNCTIONS[name as FunctionName] as { portalSecret?: true }).portalSecret === true;
    };
    const roleToFunction = new Map([...portalFunctions].map(([name, f]) => [f.roleId, { name, kind: f.kind }]));
    const readers = allRoles()
      .filter(([, statements]) => JSON.stringify(statements).includes(`"${portalSecretId}"`))
      .map(([id]) => roleToFunction.get(id)?.name ?? `(not a portal function: ${id})`);
    const expected = [...portalFunctions].filter(([name, f]) => flagged(name, f.kind)).map(([name]) => name);
    expect(readers.sort()).toEqual(expected.sort());
    // The check means something only while some jobs read the secret and some do not.
    expect(ALL_JOBS.some((j) => j.portalSecret)).toBe(true);
    expect(ALL_JOBS.every((j) => j.portalSecret)).toBe(false);
  });

  for (const job of ALL_JOBS) {
    it(`lets the ${job.id} job do exactly what '${job.access}' table access allows, and never change the audit log`, () => {
      const statements = statementsOfRole(jobFunction(job.id).roleId);
      const tableAllowed = statements
        .filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Resource).includes(`"${tableId}","Arn"`))
        .flatMap(actionsOf);
      expect([...new Set(tableAllowed)].sort(), job.id).toEqual([...tableActions(job.access)].sort());
      expect(statements.flatMap(actionsOf)).not.toContain('dynamodb:Scan');
      if (job.access === 'none') return;
      const deny = statements.find((s) => s.Effect === 'Deny');
      expect(deny, job.id).toBeDefined();
      expect(actionsOf(deny as Statement).sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
      expect(deny?.Condition).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } });
    });
  }
});

describe('dead-letter queues and alarms', () => {
  it('keeps every dead-letter queue KMS-encrypted with a rotating key, TLS-only, 14 days', () => {
    const queues = ofType(synth.portalTemplate, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(ALL_JOBS.length);
    for (const [id, q] of queues) {
      const [keyId] = getAtt(q.KmsMasterKeyId);
      expect(resources[keyId]?.Properties?.EnableKeyRotation, id).toBe(true);
      expect(q.MessageRetentionPeriod, id).toBe(14 * 24 * 3600);
      const [[, policy] = ['', {}]] = ofType(synth.portalTemplate, 'AWS::SQS::QueuePolicy').filter(([, p]) => JSON.stringify(p.Queues).includes(`"${id}"`));
      const deny = (policy.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement.find((s) => s.Effect === 'Deny');
      expect(deny?.Condition, id).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    }
  });

  it('alarms on the first visible message of every dead-letter queue', () => {
    const watched = ofType(synth.portalTemplate, 'AWS::CloudWatch::Alarm')
      .filter(([, p]) => p.Namespace === 'AWS/SQS' && p.MetricName === 'ApproximateNumberOfMessagesVisible' && p.Threshold === 1)
      .map(([, p]) => JSON.stringify(p.Dimensions));
    for (const [id] of ofType(synth.portalTemplate, 'AWS::SQS::Queue')) {
      expect(watched, id).toContain(JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]));
    }
  });

  it('watches errors and throttles of every job, like every HTTP function', () => {
    const alarms = ofType(synth.portalTemplate, 'AWS::CloudWatch::Alarm');
    for (const job of ALL_JOBS) {
      const dims = JSON.stringify([{ Name: 'FunctionName', Value: { Ref: jobFunction(job.id).logicalId } }]);
      const metrics = alarms.filter(([, p]) => JSON.stringify(p.Dimensions) === dims).map(([, p]) => `${p.Namespace}/${p.MetricName}`);
      expect(metrics, job.id).toEqual(expect.arrayContaining(['AWS/Lambda/Errors', 'AWS/Lambda/Throttles']));
      for (const [, p] of alarms.filter(([, a]) => JSON.stringify(a.Dimensions) === dims)) expect(p.AlarmActions, job.id).toHaveLength(1);
    }
  });
});
