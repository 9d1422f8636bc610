/**
 * Capacity and idempotency over HTTP through the real handlers: 200 concurrent attempts on 10 places,
 * and one Idempotency-Key sent 50 times at once.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { sessionKey } from '../../functions/src/repositories/booking-schedule';
import { bookHttp, bookingBody, makeSession } from '../helpers/booking';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const sessionItem = async (id: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: sessionKey(id), ConsistentRead: true }))).Item ?? {};
const bookingsOf = async (id: string) =>
  ((await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionAppointmentsQueue(id).queuePk } }))).Items ?? []);

describe('over HTTP through the real handlers', () => {
  it('200 concurrent attempts on 10 places: 10 × 201, 190 × 409 "Buổi khám đã hết chỗ" offering next sessions, 0 × 5xx', async () => {
    const session = await makeSession(portal, 10);
    const later = await makeSession(portal, 5, { date: session.date });
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => bookHttp(portal, i % 2 ? 'citizen-an' : 'citizen-binh', bookingBody(session.sessionId, 10_000 + i))));
    const statuses = responses.map((r) => r.status);
    console.info(`HTTP 200 attempts / 10 places: ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 409).length} × 409, ${statuses.filter((s) => s >= 500).length} × 5xx`);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    const problem = (await responses.find((r) => r.status === 409)!.json()) as { code: string; title: string; nextSessions: { sessionId: string; placesLeft: number }[] };
    expect(problem.code).toBe('session_full');
    expect(problem.title).toBe('Buổi khám đã hết chỗ');
    expect(problem.nextSessions.map((s) => s.sessionId)).toContain(later.sessionId);
    expect(problem.nextSessions.every((s) => s.placesLeft > 0)).toBe(true);
    expect(responses.find((r) => r.status === 409)!.headers.get('content-type')).toContain('application/problem+json');
    expect((await sessionItem(session.sessionId)).booked).toBe(10);
  }, 60_000);
});

describe('one Idempotency-Key sent 50 times at once', () => {
  it('makes one booking and gives every retry the same answer', async () => {
    const session = await makeSession(portal, 30);
    const body = bookingBody(session.sessionId, 20_001);
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => bookHttp(portal, 'citizen-an', body, key)));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { appointmentId: string; code: string; queueNumber: number }[];
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]?.queueNumber).toBe(1);
    expect((await sessionItem(session.sessionId)).booked).toBe(1);
    expect(await bookingsOf(session.sessionId)).toHaveLength(1);
    // Later retries too; the same key with another request is refused.
    const again = await bookHttp(portal, 'citizen-an', body, key);
    expect(await again.json()).toEqual(bodies[0]);
    const other = await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 20_002), key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('idempotency_key_reused');
    // The key is per citizen: another citizen's same key is another booking.
    expect((await bookHttp(portal, 'citizen-binh', bookingBody(session.sessionId, 20_003), key)).status).toBe(201);
  }, 60_000);
});
