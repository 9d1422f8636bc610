/**
 * Bench part `hotspot`: booking opens at a fixed hour and a burst of patients hits ONE popular
 * session. DynamoDB serves about 1,000 WCU/s per partition key, and a booking transaction costs
 * 2 WCU on the session's counter whether its condition holds or not; DynamoDB Local has no such
 * limit, so this simulation adds it: an SDK middleware keeps a token bucket per partition key and
 * answers `ProvisionedThroughputExceededException` when a key runs dry (the SDK's own retries with
 * back-off then run, as in AWS). Everything else is real: DynamoDB Local, conditional counters in
 * TransactWriteItems, booking items.
 *
 * Scale: the per-key limit is divided by SCALE (1,000 → 20 WCU/s) so that a laptop can offer
 * ten times what one key takes. Three runs, same arrivals (open loop, fixed rate):
 *  - one counter at 1× the key's rate (the design today, ADR 0016, under normal load);
 *  - one counter at 10× (the burst);
 *  - the sharded design at 10×: the session's places split over SHARDS items with their own
 *    partition keys; a client picks a random shard it has not seen full and moves on to another
 *    when one answers full, so every place is sold and no shard is hotter than 1/SHARDS.
 * Figures: bookings, overbookings (counter vs items vs capacity), refusals while places were left
 * (a throttled attempt the patient sees as "try again"), p50/p99, and time to fill.
 */
import { DynamoDBClient, QueryCommand, ScanCommand, TransactWriteItemsCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../functions/src/local/dynamodb-local';
import { percentile } from './load';
import type { BenchContext, BenchSection } from './section';

const REAL_KEY_WCU = 1_000;
const SCALE = 50;
const KEY_WCU_PER_S = REAL_KEY_WCU / SCALE;
/** A transactional write of a small item costs 2 WCU, charged even when its condition fails. */
const TX_WCU = 2;
const KEY_ATTEMPTS_PER_S = KEY_WCU_PER_S / TX_WCU;
const CAPACITY = 300;
const SHARDS = 32;
const DURATION_S = 8;

interface Outcome {
  kind: 'booked' | 'full' | 'throttled' | 'error';
  ms: number;
  /** Milliseconds since the run started when the attempt ended. */
  at: number;
}

interface Run {
  design: string;
  attemptsPerS: number;
  attempts: number;
  booked: number;
  counterSum: number;
  items: number;
  overbooked: number;
  full: number;
  throttled: number;
  errors: number;
  /** Throttled refusals answered while the session still had places. */
  refusedWithPlacesLeft: number;
  p50Ms: number;
  p99Ms: number;
  /** Seconds from the first attempt until the last place was sold, or undefined when it never filled. */
  fillS?: number;
}

/** A token bucket per partition key: KEY_WCU_PER_S refill, one second of burst. */
function hotKeyThrottle(client: DynamoDBClient): void {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const take = (pk: string, wcu: number): boolean => {
    const now = performance.now();
    const bucket = buckets.get(pk) ?? { tokens: KEY_WCU_PER_S, at: now };
    bucket.tokens = Math.min(KEY_WCU_PER_S, bucket.tokens + ((now - bucket.at) / 1000) * KEY_WCU_PER_S);
    bucket.at = now;
    buckets.set(pk, bucket);
    if (bucket.tokens < wcu) return false;
    bucket.tokens -= wcu;
    return true;
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        const input = args.input as { TransactItems: Array<{ Update?: { Key: Record<string, { S?: string }> } }> };
        // Only the session counters are hot; the booking items have keys of their own.
        const hot = input.TransactItems.map((i) => i.Update?.Key.pk?.S).filter((pk): pk is string => !!pk);
        if (!hot.every((pk) => take(pk, TX_WCU))) {
          throw Object.assign(new Error('Throughput exceeds the current capacity of the partition key'), {
            name: 'ProvisionedThroughputExceededException',
            $fault: 'client',
            $metadata: { httpStatusCode: 400 },
          });
        }
      }
      return next(args);
    },
    // Below the SDK's retry middleware (finalizeRequest), so its back-off and retries run.
    { step: 'deserialize', name: 'hotKeyThrottle', override: true },
  );
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message);
}

/** One session, either as a single counter item or as SHARDS counter items (own partition keys). */
async function seedSession(client: DynamoDBClient, table: string, sessionId: string, shards: number): Promise<string[]> {
  const keys: string[] = [];
  for (let s = 0; s < shards; s++) {
    const places = Math.floor(CAPACITY / shards) + (s < CAPACITY % shards ? 1 : 0);
    const pk = shards === 1 ? `SESSION#${sessionId}` : `SESSION#${sessionId}#SHARD#${String(s).padStart(2, '0')}`;
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, sk: { S: 'COUNTER' }, capacity: { N: String(places) }, booked: { N: '0' }, status: { S: 'open' } } }));
    keys.push(pk);
  }
  return keys;
}

/** The booking transaction: the counter under `status = open AND booked < capacity`, plus the booking item. */
function bookOn(client: DynamoDBClient, table: string, counterPk: string) {
  const id = randomUUID();
  return client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: { pk: { S: counterPk }, sk: { S: 'COUNTER' } },
            UpdateExpression: 'SET booked = booked + :one',
            ConditionExpression: '#status = :open AND booked < #capacity',
            ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':one': { N: '1' }, ':open': { S: 'open' } },
          },
        },
        { Put: { TableName: table, Item: { pk: { S: `APPT#${id}` }, sk: { S: 'APPT' }, session: { S: counterPk } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
  );
}

async function runDesign(ctx: BenchContext, design: string, shards: number, attemptsPerS: number): Promise<Run> {
  const client = new DynamoDBClient({ endpoint: ctx.dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
  hotKeyThrottle(client);
  const table = `hotspot-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, table);
  const counters = await seedSession(client, table, 'hosp-cho-ray.tim-mach.2030-01-07.0700', shards);
  // What a container has seen full (ADR 0016's hint): shared here, as one warm container would.
  const seenFull = new Set<string>();
  let soldOutAt: number | undefined;
  let firstError: Error | undefined;
  let placesSold = 0;
  const outcomes: Outcome[] = [];
  const started = performance.now();

  const attempt = async (): Promise<void> => {
    const t = performance.now();
    const done = (kind: Outcome['kind']): void => {
      outcomes.push({ kind, ms: performance.now() - t, at: performance.now() - started });
    };
    for (;;) {
      const open = counters.filter((c) => !seenFull.has(c));
      if (!open.length) return done('full');
      const counter = open[Math.floor(Math.random() * open.length)]!;
      try {
        await bookOn(client, table, counter);
        if (++placesSold === CAPACITY) soldOutAt = performance.now() - started;
        return done('booked');
      } catch (error) {
        if (isConditionFailure(error)) {
          seenFull.add(counter);
          continue;
        }
        if ((error as Error).name === 'ProvisionedThroughputExceededException') return done('throttled');
        firstError ??= error as Error;
        return done('error');
      }
    }
  };

  // Open loop: arrivals at a fixed rate, whatever the answers' latency (patients do not wait for each other).
  const total = attemptsPerS * DURATION_S;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / attemptsPerS;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(attempt());
  }
  await Promise.all(inFlight);
  if (firstError) ctx.log(`  unexpected errors, the first: ${firstError.name}: ${firstError.message}`);

  const counterItems = await Promise.all(
    counters.map(async (pk) => (await client.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: pk } } }))).Items?.[0]),
  );
  const counterSum = counterItems.reduce((n, item) => n + Number(item?.booked?.N ?? 0), 0);
  let items = 0;
  let startKey: Record<string, never> | undefined;
  do {
    // A throwaway table of this run only: a Scan is how the simulation counts what was really written.
    const page = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT', FilterExpression: 'begins_with(pk, :appt)', ExpressionAttributeValues: { ':appt': { S: 'APPT#' } }, ExclusiveStartKey: startKey }));
    items += page.Count ?? 0;
    startKey = page.LastEvaluatedKey as typeof startKey;
  } while (startKey);
  client.destroy();

  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  return {
    design,
    attemptsPerS,
    attempts: total,
    booked: count('booked'),
    counterSum,
    items,
    overbooked: Math.max(0, items - CAPACITY, counterSum - CAPACITY) + Math.abs(items - counterSum),
    full: count('full'),
    throttled: count('throttled'),
    errors: count('error'),
    refusedWithPlacesLeft: outcomes.filter((o) => o.kind === 'throttled' && (soldOutAt === undefined || o.at < soldOutAt)).length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    fillS: soldOutAt === undefined ? undefined : soldOutAt / 1000,
  };
}

export async function measureHotSpot(ctx: BenchContext): Promise<BenchSection> {
  const runs: Run[] = [];
  for (const [design, shards, rate] of [
    ['one counter, 1× load', 1, KEY_ATTEMPTS_PER_S],
    ['one counter, 10× burst', 1, 10 * KEY_ATTEMPTS_PER_S],
    [`${SHARDS} shards, 10× burst`, SHARDS, 10 * KEY_ATTEMPTS_PER_S],
  ] as const) {
    ctx.log(`hot spot: ${design} (${rate} attempts/s for ${DURATION_S} s, ${CAPACITY} places)`);
    runs.push(await runDesign(ctx, design, shards, rate));
  }
  const sharded = runs[2]!;
  const burstSingle = runs[1]!;
  const describe = (r: Run) =>
    `${r.booked} booked of ${CAPACITY}, ${r.throttled} throttled (${r.refusedWithPlacesLeft} while places were left), ${r.overbooked} overbooked, p99 ${r.p99Ms.toFixed(0)} ms${r.fillS === undefined ? ', never filled' : `, full after ${r.fillS.toFixed(1)} s`}`;
  return {
    id: 'hotspot',
    title: 'Hot spot: one popular session under a 10× burst (simulated per-key limit)',
    rows: [
      {
        figure: `Hot session, ${SHARDS} sharded counters, 10× burst (${10 * KEY_ATTEMPTS_PER_S} attempts/s where one key takes ${KEY_ATTEMPTS_PER_S}; limit scaled 1/${SCALE})`,
        measured: describe(sharded),
        baseline: `one counter at 10×: ${describe(burstSingle)}`,
        target: '0 overbookings; no throttled refusal while places are left',
        met: sharded.overbooked === 0 && sharded.refusedWithPlacesLeft === 0 && sharded.booked === CAPACITY,
      },
    ],
    notes: [
      `Per-key limit ${REAL_KEY_WCU} WCU/s scaled by 1/${SCALE} to ${KEY_WCU_PER_S} WCU/s (token bucket per partition key, 1 s of burst); a booking transaction costs ${TX_WCU} WCU on its counter, charged also when the condition fails, so one key takes ${KEY_ATTEMPTS_PER_S} attempts/s. Arrivals are open-loop at a fixed rate for ${DURATION_S} s; the SDK retries throttled calls (3 attempts, its own back-off). Session of ${CAPACITY} places.`,
      '',
      '| Design | Attempts/s | Attempts | Booked | Counter sum | Booking items | Overbooked | Full (409) | Throttled (503) | … while places left | p50 | p99 | Full after |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...runs.map(
        (r) =>
          `| ${r.design}${r.errors ? ` (${r.errors} errors)` : ''} | ${r.attemptsPerS} | ${r.attempts} | ${r.booked} | ${r.counterSum} | ${r.items} | ${r.overbooked} | ${r.full} | ${r.throttled} | ${r.refusedWithPlacesLeft} | ${r.p50Ms.toFixed(0)} ms | ${r.p99Ms.toFixed(0)} ms | ${r.fillS === undefined ? 'never' : `${r.fillS.toFixed(1)} s`} |`,
      ),
    ],
    json: { scale: SCALE, keyWcuPerS: KEY_WCU_PER_S, txWcu: TX_WCU, capacity: CAPACITY, shards: SHARDS, durationS: DURATION_S, runs },
  };
}
