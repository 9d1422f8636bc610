/**
 * The local stand-in for DynamoDB Streams → Lambda and EventBridge Scheduler → Lambda: it reads
 * DynamoDB Local's stream and feeds the records to the same job handlers AWS would invoke, and
 * runs scheduled jobs on a timer. `runNow` lets tests and the sandbox trigger a job on demand.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { jobs, type JobId } from '@portal/shared/jobs';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localClient } from './dynamodb-local';

type JobHandler = (event: never) => Promise<unknown>;

/** Every job of shared/src/jobs.ts; `Record<JobId, …>` makes a missing one a type error. */
const jobModules: Record<JobId, () => Promise<{ handler: JobHandler }>> = {
  outbox: () => import('../jobs/outbox'),
  receipts: () => import('../jobs/receipts'),
  paymentsSweep: () => import('../jobs/paymentsSweep'),
  hisCallbacks: () => import('../jobs/hisCallbacks'),
  bookingSweep: () => import('../jobs/bookingSweep'),
  licences: () => import('../jobs/licences'),
  licenceReminders: () => import('../jobs/licenceReminders'),
};

export interface JobRunner {
  runNow(job: JobId, event?: unknown): Promise<unknown>;
  /** Resolves once every stream record written so far has been handed to its consumer. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  endpoint: string;
  tableName: string;
  /** Run scheduled jobs on their local timer (off in tests, which call runNow). */
  schedules?: boolean;
  pollMs?: number;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const handlers = new Map<JobId, JobHandler>();
  for (const job of jobs) handlers.set(job.id, (await jobModules[job.id]()).handler);
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const table = localClient(options.endpoint);
  const { Table } = await table.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  let running = true;
  const timers: NodeJS.Timeout[] = [];
  /**
   * Every stream job reads the stream on its own, as each Lambda's event source mapping does in
   * AWS: its own position per shard (shardId → next iterator; a shard whose iterator runs out is
   * closed and dropped), so one job's failed batch is read again for that job only.
   */
  const consumers = jobs
    .filter((job) => job.trigger.kind === 'stream')
    .map((job) => ({ id: job.id, handler: handlers.get(job.id) as (e: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>, iterators: new Map<string, string>(), seenShards: new Set<string>() }));
  let idle = Promise.resolve();
  let markIdle: () => void = () => undefined;

  /** At start, open shards are read from now on (history was handled by an earlier run); shards that appear later are read whole. */
  async function discoverShards(initial: boolean): Promise<void> {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const consumer of consumers) {
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || consumer.seenShards.has(shard.ShardId)) continue;
        consumer.seenShards.add(shard.ShardId);
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        if (initial && closed) continue;
        const type = initial ? 'LATEST' : 'TRIM_HORIZON';
        const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: type }));
        if (ShardIterator) consumer.iterators.set(shard.ShardId, ShardIterator);
      }
    }
  }

  async function pollOnce(): Promise<number> {
    let delivered = 0;
    for (const consumer of consumers) {
      for (const [shardId, iterator] of [...consumer.iterators]) {
        const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
        if (Records.length > 0) {
          const event: DynamoDBStreamEvent = { Records: Records.map(toLambdaRecord) };
          // Like a Lambda event source mapping: a reported failure means the batch is read again.
          const result = await consumer.handler(event).catch((error: unknown): DynamoDBBatchResponse => {
            console.error(`${consumer.id} job failed:`, error instanceof Error ? error.message : error);
            return { batchItemFailures: [{ itemIdentifier: 'all' }] };
          });
          if (result.batchItemFailures.length > 0) continue;
          delivered += Records.length;
        }
        if (NextShardIterator) consumer.iterators.set(shardId, NextShardIterator);
        else consumer.iterators.delete(shardId);
      }
    }
    return delivered;
  }

  await discoverShards(true);
  const loop = (async () => {
    let rounds = 0;
    while (running) {
      try {
        if (rounds++ % 20 === 0) await discoverShards(false);
        const delivered = await pollOnce();
        if (delivered === 0) markIdle();
      } catch (error) {
        if (running) console.error('stream runner:', error instanceof Error ? error.message : error);
      }
      await sleep(options.pollMs ?? 200);
    }
  })();

  if (options.schedules) {
    for (const job of jobs) {
      if (job.trigger.kind !== 'schedule') continue;
      const handler = handlers.get(job.id) as (e: object) => Promise<unknown>;
      timers.push(setInterval(() => void handler({}).catch((error: unknown) => console.error(`${job.id} failed:`, error)), job.trigger.localEveryMs));
    }
  }

  return {
    async runNow(job, event = {}) {
      const handler = handlers.get(job) as ((e: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`Unknown job ${job}`);
      return handler(event);
    },
    async drain() {
      // Two idle polls in a row after this call: everything written before it has been delivered.
      for (let i = 0; i < 2; i++) {
        idle = new Promise<void>((resolve) => (markIdle = resolve));
        await idle;
      }
    },
    async stop() {
      running = false;
      for (const timer of timers) clearInterval(timer);
      markIdle();
      await loop;
      streams.destroy();
      table.destroy();
    },
  };
}

/** The SDK's stream record → the shape Lambda receives (times in epoch seconds). */
type Image = Record<string, unknown>;

/**
 * The streams client reads an empty map attribute (`{"M": {}}`) back as `{}`, which no unmarshaller
 * accepts ("No value defined: {}"), so one item with an empty map (an audit entry without details,
 * a draft without data) would stop every stream job locally. Lambda gets `{"M": {}}` from AWS; this
 * gives the handlers the same.
 */
export function repairEmptyMaps(image: Image | undefined): Image | undefined {
  if (!image) return image;
  const fix = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const v = value as Record<string, unknown>;
    if (Object.keys(v).length === 0) return { M: {} };
    if (v.M && typeof v.M === 'object') return { M: repairEmptyMaps(v.M as Image) };
    if (Array.isArray(v.L)) return { L: v.L.map(fix) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)]));
}

function toLambdaRecord(record: _Record): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  return {
    ...(rest as DynamoDBRecord),
    eventSource: 'aws:dynamodb',
    dynamodb: dynamodb && {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(dynamodb.NewImage ? { NewImage: repairEmptyMaps(dynamodb.NewImage as Image) as never } : {}),
      ...(dynamodb.OldImage ? { OldImage: repairEmptyMaps(dynamodb.OldImage as Image) as never } : {}),
      ApproximateCreationDateTime: dynamodb.ApproximateCreationDateTime ? Math.floor(dynamodb.ApproximateCreationDateTime.getTime() / 1000) : undefined,
    },
  };
}
