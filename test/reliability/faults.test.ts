/**
 * Fault injection at every DynamoDB call of four write paths (issue 6 §2; reliability.md §2.3 and
 * headline #7): dossier submission, booking, cancellation and VNPay's IPN. For each path the happy
 * request is run once to list its calls; then for call #k (k = 1..n) and each fault of
 * test/helpers/faults.ts the request runs with the fault injected into the handlers' own client
 * (inside the SDK's retry loop), and afterwards:
 *  - the answer is a success only if the change really committed (read back from the table), else
 *    409/503 problem+json with a known code, or the IPN's RspCode 99; never a 500;
 *  - the invariants hold: session counter = live bookings, guards only for live bookings; a paid
 *    payment has exactly one outbox event and its bill paid by it; dossier state = last history entry,
 *    code guard only for a submitted dossier;
 *  - the same request without faults completes, and the invariants still hold.
 * Each case uses a fresh session / booking / draft / bill.
 */
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/src/errors';
import { keys } from '../../shared/src/table';
import { sessionKey } from '../../functions/src/repositories/booking-schedule';
import { bookHttp, bookingBody, makeSession } from '../helpers/booking';
import { readyDraft, submit } from '../helpers/dossiers';
import { attachFaults, FAULTS, type Fault, type FaultInjector } from '../helpers/faults';
import { openPayment, pushBill } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
let faults: FaultInjector;
beforeAll(async () => {
  portal = await startTestPortal();
  // Imported after the portal has set the handlers' configuration (it is read at import, as at cold start).
  const { db } = await import('../../functions/src/platform/dynamo');
  faults = attachFaults(db);
});
afterAll(async () => {
  faults?.detach();
  await portal?.close();
});

type Item = Record<string, unknown>;
const get = async (key: { pk: string; sk: string }): Promise<Item | undefined> =>
  (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: key, ConsistentRead: true }))).Item;
const query = async (input: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Item }): Promise<Item[]> =>
  (await portal.db.send(new QueryCommand({ TableName: portal.tableName, ...input }))).Items ?? [];

/** What the client got: an HTTP status and, for the IPN, VNPay's RspCode. */
interface Answer {
  status: number;
  body: Item;
  contentType: string;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Item) : {}, contentType: response.headers.get('content-type') ?? '' };
}

interface Flow<C> {
  name: string;
  /** A fresh resource for one case (no faults armed). */
  prepare(i: number): Promise<C>;
  /** The request under test; the same call is the retry. */
  send(c: C): Promise<Answer>;
  /** Whether the client was told the change happened. */
  claimsSuccess(a: Answer): boolean;
  /** Whether the change is in the table. */
  committed(c: C): Promise<boolean>;
  /** Broken invariants, described. */
  invariants(c: C): Promise<string[]>;
}

/** A refusal the contract allows: 409/503 problem+json with a known code of that status; the IPN: 99. */
function refusalProblem(flow: string, a: Answer): string | undefined {
  if (flow === 'ipn') return a.body.RspCode === '99' ? undefined : `IPN answered ${JSON.stringify(a.body)}`;
  if (a.status !== 409 && a.status !== 503) return `HTTP ${a.status} ${String(a.body.code)}`;
  const code = String(a.body.code) as keyof typeof ERRORS;
  if (!a.contentType.includes('application/problem+json') || ERRORS[code]?.status !== a.status) return `HTTP ${a.status} with code ${code}`;
  return undefined;
}

// ---- Booking and cancellation -------------------------------------------------------------------

interface Booking {
  sessionId: string;
  body: unknown;
  key: ReturnType<typeof crypto.randomUUID>;
  appointmentId?: string;
}

const LIVE = new Set(['held', 'confirmed']);
let patients = 5_000;

async function bookingInvariants(sessionId: string): Promise<string[]> {
  const problems: string[] = [];
  const session = await get(sessionKey(sessionId));
  const appointments = await query({ IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionAppointmentsQueue(sessionId).queuePk } });
  const live = appointments.filter((a) => LIVE.has(String(a.status)));
  if (session?.booked !== live.length) problems.push(`session counter ${String(session?.booked)} ≠ ${live.length} live bookings`);
  for (const a of appointments) {
    const isLive = LIVE.has(String(a.status));
    for (const hash of a.patientHashes as string[]) {
      const guard = await get(keys.appointmentGuard(hash, String(a.hospitalId), String(a.specialtyId), String(a.date)));
      if (isLive && guard?.appointmentId !== a.appointmentId) problems.push(`live booking ${String(a.appointmentId)} without its guard`);
      if (!isLive && guard?.appointmentId === a.appointmentId) problems.push(`orphan guard of ${String(a.status)} booking ${String(a.appointmentId)}`);
    }
    if (!(await get(keys.appointmentCode(String(a.code))))) problems.push(`booking ${String(a.appointmentId)} without its code item`);
    const cancelledEvent = await get(keys.outbox(`appointment.cancelled#${String(a.appointmentId)}`));
    if ((a.status === 'cancelled') !== Boolean(cancelledEvent)) problems.push(`booking ${String(a.status)} with${cancelledEvent ? '' : 'out'} a cancellation event`);
  }
  return problems;
}

const appointmentOf = async (b: Booking): Promise<Item | undefined> => {
  const idempotency = await get(keys.appointmentIdempotency('citizen-an', b.key));
  const id = b.appointmentId ?? (idempotency?.appointmentId as string | undefined);
  return id ? get(keys.appointment(id)) : undefined;
};

const booking: Flow<Booking> = {
  name: 'booking',
  async prepare() {
    const session = await makeSession(portal, 3);
    return { sessionId: session.sessionId, body: bookingBody(session.sessionId, ++patients), key: crypto.randomUUID() };
  },
  send: async (b) => answerOf(await bookHttp(portal, 'citizen-an', b.body, b.key)),
  claimsSuccess: (a) => a.status === 201 || a.status === 200,
  async committed(b) {
    const a = await appointmentOf(b);
    return Boolean(a && LIVE.has(String(a.status)));
  },
  async invariants(b) {
    const problems = await bookingInvariants(b.sessionId);
    const idempotency = await get(keys.appointmentIdempotency('citizen-an', b.key));
    if (idempotency && !(await get(keys.appointment(String(idempotency.appointmentId))))) problems.push('idempotency item without its booking');
    return problems;
  },
};

const cancellation: Flow<Booking> = {
  name: 'cancellation',
  async prepare(i) {
    const b = await booking.prepare(i);
    const made = await booking.send(b);
    if (made.status !== 201) throw new Error(`booking for the cancellation case answered ${made.status}`);
    return { ...b, appointmentId: String(made.body.appointmentId) };
  },
  send: async (b) => answerOf(await portal.request(`/api/appointments/${b.appointmentId}/cancel`, { as: 'citizen-an', method: 'POST' })),
  claimsSuccess: (a) => a.status === 200 && a.body.status === 'cancelled',
  committed: async (b) => (await appointmentOf(b))?.status === 'cancelled',
  invariants: (b) => bookingInvariants(b.sessionId),
};

// ---- Dossier submission --------------------------------------------------------------------------

interface Draft {
  dossierId: string;
  version: number;
}

const SUBMITTED = new Set(['submitted', 'awaiting_fee']);

const submission: Flow<Draft> = {
  name: 'submission',
  async prepare() {
    const draft = await readyDraft(portal);
    return { dossierId: draft.dossierId, version: draft.version };
  },
  send: async (d) => {
    const { status, body } = await submit(portal, d);
    return { status, body: body as unknown as Item, contentType: status >= 400 ? 'application/problem+json' : 'application/json' };
  },
  claimsSuccess: (a) => a.status === 200,
  committed: async (d) => SUBMITTED.has(String((await get(keys.dossier(d.dossierId)))?.state)),
  async invariants(d) {
    const problems: string[] = [];
    const items = await query({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.dossierItems(d.dossierId).pk } });
    const dossier = items.find((i) => i.sk === 'DOSSIER');
    const history = items.filter((i) => String(i.sk).startsWith('HISTORY#'));
    const lastTo = history.at(-1)?.to;
    if (dossier?.state !== lastTo) problems.push(`dossier state ${String(dossier?.state)} ≠ last history entry ${String(lastTo)}`);
    if (history.filter((h) => h.action === 'submit').length > 1) problems.push('two submissions in the history');
    // Code guards of this dossier: exactly the dossier's own code once submitted, none before.
    const guards = ((await portal.db.send(new ScanCommand({ TableName: portal.tableName, FilterExpression: 'begins_with(pk, :p) AND dossierId = :id', ExpressionAttributeValues: { ':p': 'DOSSIERCODE#', ':id': d.dossierId } }))).Items ?? []);
    const expected = dossier?.code ? [`DOSSIERCODE#${String(dossier.code)}`] : [];
    if (JSON.stringify(guards.map((g) => g.pk)) !== JSON.stringify(expected)) problems.push(`code guards ${JSON.stringify(guards.map((g) => g.pk))} for code ${String(dossier?.code)}`);
    const fee = items.find((i) => i.sk === 'FEE');
    if (Boolean(fee) !== Number((dossier?.fee as Item | undefined)?.amountVnd ?? 0) > 0) problems.push(`fee item ${fee ? 'present' : 'missing'} in state ${String(dossier?.state)}`);
    return problems;
  },
};

// ---- IPN ----------------------------------------------------------------------------------------

interface Payment {
  billId: string;
  paymentId: string;
  query: string;
}

const PAID_EVENTS = ['payment.paid', 'payment.duplicate', 'payment.held'];

const ipn: Flow<Payment> = {
  name: 'ipn',
  async prepare() {
    const bill = await pushBill(portal, { amount: 180_000 });
    const { paymentId } = await openPayment(portal, bill.payLinkToken);
    return { billId: bill.billId, paymentId, query: signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 180_000 })) };
  },
  send: async (p) => answerOf(await portal.request(`/api/payments/vnpay/ipn?${p.query}`)),
  claimsSuccess: (a) => a.body.RspCode === '00' || a.body.RspCode === '02',
  committed: async (p) => (await get(keys.payment(p.paymentId)))?.status === 'paid',
  async invariants(p) {
    const problems: string[] = [];
    const attempt = await get(keys.payment(p.paymentId));
    const bill = await get(keys.bill(p.billId));
    const events = (await Promise.all(PAID_EVENTS.map((e) => get(keys.outbox(`${e}#${p.paymentId}`))))).filter(Boolean);
    const marker = attempt && (await get(keys.pendingPayment(String(attempt.expiresAt), p.paymentId)));
    if (attempt?.status === 'paid') {
      if (events.length !== 1) problems.push(`paid with ${events.length} outbox events`);
      if (bill?.status !== 'paid' || bill.paidBy !== p.paymentId) problems.push(`paid attempt, bill ${String(bill?.status)} by ${String(bill?.paidBy)}`);
      if (marker) problems.push('paid attempt still has its sweep marker');
    } else {
      if (events.length !== 0) problems.push(`${String(attempt?.status)} attempt with ${events.length} outbox events`);
      if (bill?.status !== 'unpaid' || bill.openAttemptId !== p.paymentId) problems.push(`pending attempt, bill ${String(bill?.status)} open attempt ${String(bill?.openAttemptId)}`);
      if (!marker) problems.push('pending attempt without its sweep marker');
    }
    return problems;
  },
};

// ---- The cases ----------------------------------------------------------------------------------

interface Tally {
  cases: number;
  violations: string[];
  byOutcome: Record<string, number>;
}

async function runCase<C>(flow: Flow<C>, call: number, fault: Fault, expectedOp: string, tally: Tally, i: number): Promise<void> {
  const label = `${flow.name} call #${call} (${expectedOp}) ${fault}`;
  const c = await flow.prepare(i);
  faults.arm({ call, fault });
  const answer = await flow.send(c);
  const { thrown } = faults;
  const reached = faults.calls[call - 1];
  faults.arm();
  tally.cases++;
  const violation = (what: string) => tally.violations.push(`${label}: ${what}`);
  // The harness itself: the fault was thrown, at the call the happy path had there.
  if (thrown === 0 || reached !== expectedOp) violation(`fault not injected as planned (thrown ${thrown}, call #${call} was ${reached})`);
  const committed = await flow.committed(c);
  const success = flow.claimsSuccess(answer);
  const outcome = success ? 'success' : flow.name === 'ipn' ? `RspCode ${String(answer.body.RspCode)}` : `${answer.status} ${String(answer.body.code)}`;
  tally.byOutcome[outcome] = (tally.byOutcome[outcome] ?? 0) + 1;
  if (success && !committed) violation('false success: the client was told it happened, the table says no');
  if (!success) {
    const problem = refusalProblem(flow.name, answer);
    if (problem) violation(`refused with ${problem}`);
  }
  for (const p of await flow.invariants(c)) violation(`after the fault: ${p}`);

  // The client (or VNPay) tries again with nothing injected: it completes, exactly once.
  const again = await flow.send(c);
  const done = await flow.committed(c);
  const retryOk = flow.claimsSuccess(again) || (flow.name === 'submission' && again.status === 409 && done);
  if (!retryOk || !done) violation(`retry without faults: HTTP ${again.status} ${JSON.stringify(again.body).slice(0, 120)}, committed ${done}`);
  for (const p of await flow.invariants(c)) violation(`after the retry: ${p}`);
}

const FLOWS = [submission, booking, cancellation, ipn] as Flow<unknown>[];
const totals = { cases: 0, violations: 0 };

describe('fault injection at every DynamoDB call (throttle, conditional failure, cancelled transaction, timeout)', () => {
  for (const flow of FLOWS) {
    it(`${flow.name}: every call × every fault keeps the invariants and never claims a false success`, async () => {
      // Warm the handlers' caches, then list the calls of the happy path.
      for (let i = 0; i < 2; i++) {
        const c = await flow.prepare(i);
        faults.arm();
        const answer = await flow.send(c);
        expect(flow.claimsSuccess(answer), `${flow.name} happy path: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(true);
      }
      const happy = [...faults.calls];
      const tally: Tally = { cases: 0, violations: [], byOutcome: {} };
      let i = 0;
      for (const [index, op] of happy.entries()) {
        for (const fault of FAULTS) await runCase(flow, index + 1, fault, op, tally, i++);
      }
      totals.cases += tally.cases;
      totals.violations += tally.violations.length;
      console.log(`Faults — ${flow.name}: ${happy.length} calls (${happy.join(', ')}) × ${FAULTS.length} faults = ${tally.cases} cases, ${tally.violations.length} violations; answers ${JSON.stringify(tally.byOutcome)}`);
      expect(tally.violations).toEqual([]);
    });
  }

  it('reports the total', () => {
    console.log(`Faults — total: ${totals.cases} cases (calls × faults), ${totals.violations} violations`);
    expect(totals.cases).toBeGreaterThan(0);
  });
});
