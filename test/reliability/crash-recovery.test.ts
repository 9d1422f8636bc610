/**
 * 500 crashes between a committed change and its side effects (issue 6 §2; reliability.md §2.4 and
 * headline #8). Payments are settled and bookings confirmed through the real handlers; their outbox
 * items are handed to the stream jobs as the local job runner hands them (one INSERT record each):
 *  - receipts job (payment.paid → the e-receipt: number, PDF, receipt item);
 *  - outbox job on payment.paid (HIS callback created, sent, recorded; then the SMS);
 *  - outbox job on appointment.confirmed (the SMS).
 * The first delivery of every record crashes at one point, spread over every DynamoDB call of the job:
 * before the call is sent or after it committed (so also "after the PDF was stored, before the receipt
 * was recorded" and "after the HIS got the callback, before it was recorded"). Then, as AWS would: the
 * stream redelivers each failed record, and the HIS-callback sweep runs with its clock moved on.
 * Every side effect must then exist exactly once. Deliveries run concurrently (each in its own crash
 * scope); nothing sleeps.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_ID_HEADER } from '../../shared/src/payments/his-callbacks';
import { keys } from '../../shared/src/table';
import { bookHttp, bookingBody, makeSession } from '../helpers/booking';
import { attachCrashes, type CrashInjector, type CrashPlan } from '../helpers/faults';
import { openPayment, payByIpn, pushBill } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';

type Item = Record<string, unknown>;
type StreamJob = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

const PAYMENTS = 170;
const BOOKINGS = 160;

let portal: TestPortal;
let crashes: CrashInjector;
let outboxJob: StreamJob;
let receiptsJob: StreamJob;
let hisSweep: (event: { asOf?: string }) => Promise<{ attempted: number }>;
/** What reached the HIS double, per event id, counting every POST (the double itself keeps one per id). */
const hisPosts = new Map<string, number>();
const realFetch = globalThis.fetch;

beforeAll(async () => {
  portal = await startTestPortal();
  // Imported once the portal has set the configuration the jobs read at cold start.
  const { db } = await import('../../functions/src/platform/dynamo');
  crashes = attachCrashes(db);
  outboxJob = (await import('../../functions/src/jobs/outbox')).handler;
  receiptsJob = (await import('../../functions/src/jobs/receipts')).handler;
  hisSweep = (await import('../../functions/src/jobs/hisCallbacks')).handler;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/sandbox/his/') && init?.method === 'POST') {
      const eventId = new Headers(init.headers).get(EVENT_ID_HEADER) ?? '';
      hisPosts.set(eventId, (hisPosts.get(eventId) ?? 0) + 1);
    }
    return realFetch(input, init);
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  crashes?.detach();
  await portal?.close();
});

const get = async (key: { pk: string; sk: string }): Promise<Item | undefined> =>
  (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: key, ConsistentRead: true }))).Item;

async function scanType(type: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await portal.db.send(new ScanCommand({ TableName: portal.tableName, FilterExpression: '#t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':t': type }, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  }));
  return results;
}

let sequence = 0;
/** The outbox item as DynamoDB's stream delivers it to a Lambda: an INSERT with its new image. */
const streamEvent = (item: Item): DynamoDBStreamEvent => ({
  Records: [{ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }) as never, NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: String(++sequence) } }],
});

type Kind = 'receipt' | 'hisCallback' | 'message';
interface Case {
  kind: Kind;
  job: StreamJob;
  outbox: Item;
  plan?: CrashPlan;
}

/** Every point of a job's work, in turn: before call 1, after call 1, before call 2, … */
const pointOf = (i: number, calls: number): CrashPlan => ({ call: Math.floor(i / 2) % calls + 1, when: i % 2 === 0 ? 'before' : 'after' });

/** A paid bill (HTTP: the HIS pushes it, the patient opens a payment, VNPay's IPN settles it). */
async function paidBill(): Promise<string> {
  const bill = await pushBill(portal, { amount: 120_000 });
  const { paymentId } = await openPayment(portal, bill.payLinkToken);
  const answer = await payByIpn(portal, paymentId, 120_000);
  if (answer !== '00') throw new Error(`IPN answered ${answer}`);
  return paymentId;
}

async function confirmedBooking(sessionId: string, i: number): Promise<string> {
  const response = await bookHttp(portal, 'citizen-binh', bookingBody(sessionId, 20_000 + i));
  const view = (await response.json()) as { appointmentId: string; status: string };
  if (response.status !== 201 || view.status !== 'confirmed') throw new Error(`booking answered ${response.status} ${view.status}`);
  return view.appointmentId;
}

const outboxItem = async (eventId: string): Promise<Item> => {
  const item = await get(keys.outbox(eventId));
  if (!item) throw new Error(`no outbox item ${eventId}`);
  return item;
};

/** One delivery of a case's record; true when the job reported the record failed (so the stream redelivers it). */
async function deliver(c: Case, plan?: CrashPlan): Promise<{ failed: boolean; crashed: boolean; calls: string[] }> {
  const { result, scope } = await crashes.run(plan, () => c.job(streamEvent(c.outbox)));
  return { failed: result.batchItemFailures.length > 0, crashed: scope.crashed, calls: scope.calls };
}

const messageCount = async (eventId: string): Promise<number> => {
  let n = 0;
  while (await get(keys.message(`${eventId}#${n}`))) n++;
  return n;
};

describe('crash recovery: 500 crashes between a commit and its side effects', () => {
  it('recovers 100 % by stream redelivery and the callback sweep, with 0 duplicate side effects', async () => {
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The committed changes (the side effects wait: no job runner in this portal).
    const paymentIds = await pool(Array.from({ length: PAYMENTS + 1 }), 6, () => paidBill());
    const session = await makeSession(portal, BOOKINGS + 5);
    const appointmentIds = await pool(Array.from({ length: BOOKINGS + 1 }, (_, i) => i), 6, (i) => confirmedBooking(session.sessionId, i));

    // One record of each kind without a crash: how many calls each job makes, and how many messages.
    phase('setup');
    const [calPayment, ...payments] = paymentIds as [string, ...string[]];
    const [calBooking, ...bookings] = appointmentIds as [string, ...string[]];
    const calibration = {
      receipt: await deliver({ kind: 'receipt', job: receiptsJob, outbox: await outboxItem(`payment.paid#${calPayment}`) }),
      hisCallback: await deliver({ kind: 'hisCallback', job: outboxJob, outbox: await outboxItem(`payment.paid#${calPayment}`) }),
      message: await deliver({ kind: 'message', job: outboxJob, outbox: await outboxItem(`appointment.confirmed#${calBooking}`) }),
    };
    for (const [kind, run] of Object.entries(calibration)) expect(run.failed || run.calls.length === 0, `${kind} calibration`).toBe(false);
    const paymentMessages = await messageCount(`payment.paid#${calPayment}`);
    const bookingMessages = await messageCount(`appointment.confirmed#${calBooking}`);
    expect(paymentMessages).toBeGreaterThan(0);
    expect(bookingMessages).toBeGreaterThan(0);

    const cases: Case[] = [];
    for (const id of payments) {
      const outbox = await outboxItem(`payment.paid#${id}`);
      cases.push({ kind: 'receipt', job: receiptsJob, outbox }, { kind: 'hisCallback', job: outboxJob, outbox });
    }
    for (const id of bookings) cases.push({ kind: 'message', job: outboxJob, outbox: await outboxItem(`appointment.confirmed#${id}`) });
    const seen: Record<Kind, number> = { receipt: 0, hisCallback: 0, message: 0 };
    for (const c of cases) c.plan = pointOf(seen[c.kind]++, calibration[c.kind].calls.length);

    // First delivery: every one crashes where planned and is reported failed.
    const first = await pool(cases, 8, (c) => deliver(c, c.plan));
    const crashed = first.filter((r) => r.crashed && r.failed).length;
    phase('crashes');

    // The stream redelivers each failed record until it succeeds (bounded, as the event source mapping's retries).
    let pending = cases.filter((_, i) => first[i]?.failed);
    for (let round = 0; round < 3 && pending.length > 0; round++) {
      const again = await pool(pending, 8, (c) => deliver(c));
      pending = pending.filter((_, i) => again[i]?.failed);
    }
    // The callback sweep, its clock a minute on: callbacks created but never sent (or sent and not recorded).
    const asOf = new Date(Date.now() + 60_000).toISOString();
    for (let run = 0; run < 10 && (await hisSweep({ asOf })).attempted > 0; run++);

    phase('recovery');
    // What came out.
    const receipts = await scanType('receipt');
    const receiptsOf = new Map<string, Item[]>();
    for (const r of receipts) receiptsOf.set(String(r.paymentId), [...(receiptsOf.get(String(r.paymentId)) ?? []), r]);
    const documentsDir = String(process.env.DOCUMENTS_DIR);
    const received = new Map<string, number>();
    for (const hospitalId of ['hosp-cho-ray']) {
      const list = ((await (await portal.request(`/sandbox/his/${hospitalId}/callbacks`)).json()) as { received: { eventId: string }[] }).received;
      for (const r of list) received.set(r.eventId, (received.get(r.eventId) ?? 0) + 1);
    }

    let recovered = 0;
    let duplicates = 0;
    const lost: string[] = [];
    for (const c of cases) {
      const eventId = String(c.outbox.pk).replace(/^OUTBOX#/, '');
      const paymentId = String(c.outbox.paymentId ?? '');
      let ok: boolean;
      if (c.kind === 'receipt') {
        const mine = receiptsOf.get(paymentId) ?? [];
        duplicates += Math.max(0, mine.length - 1);
        const guard = await get(keys.receiptOfPayment(paymentId));
        ok = mine.length === 1 && guard?.status === 'issued' && existsSync(join(documentsDir, String(mine[0]?.documentKey)));
      } else {
        const messages = await messageCount(eventId);
        const expected = c.kind === 'message' ? bookingMessages : paymentMessages;
        duplicates += Math.max(0, messages - expected);
        ok = messages === expected;
        if (c.kind === 'hisCallback') {
          const callback = await get(keys.hisCallback(eventId));
          duplicates += Math.max(0, (received.get(eventId) ?? 0) - 1);
          ok = ok && callback?.status === 'delivered' && received.get(eventId) === 1;
        }
      }
      if (ok) recovered++;
      else lost.push(`${c.kind} ${eventId} (crash ${c.plan?.when} call #${c.plan?.call})`);
    }
    // One PDF per receipt number: a re-render after a crash overwrote the same key.
    const pdfs = readdirSync(join(documentsDir, 'receipts'), { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;
    duplicates += Math.max(0, pdfs - receipts.length);
    const resent = [...hisPosts.entries()].filter(([id, n]) => n > 1 && cases.some((c) => c.outbox.pk === `OUTBOX#${id}`)).length;

    const byKind = Object.fromEntries((['receipt', 'hisCallback', 'message'] as const).map((k) => [k, cases.filter((c) => c.kind === k).length]));
    console.log(
      `Crash recovery: ${crashed}/${cases.length} injected crashes (${JSON.stringify(byKind)}); recovered ${recovered}/${cases.length} (${((100 * recovered) / cases.length).toFixed(1)} %); ` +
        `duplicate side effects ${duplicates}; HIS callbacks re-sent after a crash between sending and recording: ${resent} (acknowledged once by event id); calls per job ${JSON.stringify(Object.fromEntries(Object.entries(calibration).map(([k, r]) => [k, r.calls.length])))}; ${phases.join(', ')}`,
    );
    expect(cases).toHaveLength(500);
    expect(crashed).toBe(cases.length);
    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
  });
});
