/**
 * Moving and returning places under concurrency (issue 5): 200 concurrent reschedules between two
 * sessions keep each counter equal to its active bookings; after 200 bookings and 50 cancellations
 * queue numbers are unique and none is reused. Service layer on DynamoDB Local.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCCUPYING, type AppointmentView } from '../../shared/src/booking/api';
import { keys } from '../../shared/src/table';
import { AppError } from '../../functions/src/platform/errors';
import { sessionKey } from '../../functions/src/repositories/booking-schedule';
import { bookAppointment, cancelMine, rescheduleMine } from '../../functions/src/services/booking';
import { citizen, depsOf, makeSession, patient } from '../helpers/booking';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const booked = async (id: string) => Number((await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: sessionKey(id), ConsistentRead: true }))).Item?.booked);
const bookingsOf = async (id: string) =>
  (await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionAppointmentsQueue(id).queuePk } }))).Items ?? [];
const occupying = async (id: string) => (await bookingsOf(id)).filter((a) => a.sessionId === id && OCCUPYING.includes(a.status)).length;
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : `unexpected:${String(e)}`);

async function bookMany(sessionId: string, from: number, count: number): Promise<AppointmentView[]> {
  const deps = depsOf(portal);
  return Promise.all(Array.from({ length: count }, (_, k) => bookAppointment(deps, { sessionId, patient: patient(from + k), insurance: { category: 'bhyt_registered' } }, { principal: citizen(from + k), idempotencyKey: `moves-${from + k}-${sessionId.slice(-4)}` })));
}

describe('200 concurrent reschedules between two sessions', () => {
  it("leave each session's counter equal to its active bookings", async () => {
    const a = await makeSession(portal, 150);
    const b = await makeSession(portal, 150, { date: a.date });
    const inA = await bookMany(a.sessionId, 40_000, 100);
    const inB = await bookMany(b.sessionId, 41_000, 100);
    const deps = depsOf(portal);
    const moves = [
      ...inA.map((v, k) => rescheduleMine(deps, citizen(40_000 + k), v.appointmentId, b.sessionId)),
      ...inB.map((v, k) => rescheduleMine(deps, citizen(41_000 + k), v.appointmentId, a.sessionId)),
    ];
    const outcomes = await Promise.allSettled(moves);
    const codes = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => codeOf(o.reason));
    const moved = outcomes.filter((o) => o.status === 'fulfilled').length;
    console.info(`200 reschedules: ${moved} moved, ${codes.length} refused (${[...new Set(codes)].join(', ') || 'none'}); counters ${await booked(a.sessionId)}/${await booked(b.sessionId)}`);
    expect(codes.every((c) => c === 'session_full')).toBe(true);
    expect(moved).toBeGreaterThan(0);
    expect(await booked(a.sessionId)).toBe(await occupying(a.sessionId));
    expect(await booked(b.sessionId)).toBe(await occupying(b.sessionId));
    expect((await booked(a.sessionId)) + (await booked(b.sessionId))).toBe(200);
    expect(await booked(a.sessionId)).toBeLessThanOrEqual(150);
    expect(await booked(b.sessionId)).toBeLessThanOrEqual(150);
  }, 120_000);

  it('twenty concurrent moves of one booking leave it in exactly one place', async () => {
    const a = await makeSession(portal, 5);
    const b = await makeSession(portal, 5, { date: a.date });
    const c = await makeSession(portal, 5, { date: a.date });
    const [view] = await bookMany(a.sessionId, 42_000, 1);
    const deps = depsOf(portal);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, k) => rescheduleMine(deps, citizen(42_000), view!.appointmentId, k % 2 ? b.sessionId : c.sessionId)));
    const codes = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => codeOf(o.reason));
    expect(codes.filter((c) => c.startsWith('unexpected'))).toEqual([]);
    const counts = [await booked(a.sessionId), await booked(b.sessionId), await booked(c.sessionId)];
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    expect(counts[0]).toBe(0);
    expect([await occupying(b.sessionId), await occupying(c.sessionId)]).toEqual([counts[1], counts[2]]);
  }, 60_000);
});

describe('queue numbers after 200 bookings and 50 cancellations', () => {
  it('are unique in the session, rise with booking order, and none is reused', async () => {
    const session = await makeSession(portal, 200);
    const first = await bookMany(session.sessionId, 50_000, 200);
    expect(new Set(first.map((v) => Number(v.queueNumber))).size).toBe(200);
    const deps = depsOf(portal);
    const cancelled = first.filter((_, k) => k % 4 === 0);
    await Promise.all(cancelled.map((v) => cancelMine(deps, citizen(50_000 + first.indexOf(v)), v.appointmentId)));
    expect(await booked(session.sessionId)).toBe(150);
    const more = await bookMany(session.sessionId, 51_000, 50);
    const all = await bookingsOf(session.sessionId);
    const numbers = all.map((a) => Number(a.queueNumber));
    console.info(`queue numbers: ${all.length} bookings, ${new Set(numbers).size} distinct, new ones ${Math.min(...more.map((v) => Number(v.queueNumber)))}–${Math.max(...more.map((v) => Number(v.queueNumber)))}`);
    expect(all).toHaveLength(250);
    expect(new Set(numbers).size).toBe(250);
    expect(Math.max(...first.map((v) => Number(v.queueNumber)))).toBe(200);
    expect(more.every((v) => Number(v.queueNumber) > 200)).toBe(true);
    const reused = cancelled.map((v) => v.queueNumber).filter((n) => more.some((m) => m.queueNumber === n));
    expect(reused).toEqual([]);
    expect(await booked(session.sessionId)).toBe(200);
  }, 120_000);
});
