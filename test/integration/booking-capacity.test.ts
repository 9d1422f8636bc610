/**
 * The capacity guarantee under load (issue 5): the database, not the application, decides who gets
 * the last place. 1,000 concurrent attempts on 10 places through the service layer on DynamoDB Local
 * (the same code the handler calls; HTTP-level figures are in booking-idempotency.test.ts).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/src/errors';
import { keys } from '../../shared/src/table';
import { sessionKey } from '../../functions/src/repositories/booking-schedule';
import { AppError } from '../../functions/src/platform/errors';
import { bookAppointment } from '../../functions/src/services/booking';
import { citizen, depsOf, makeSession, patient } from '../helpers/booking';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const sessionItem = async (id: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: sessionKey(id), ConsistentRead: true }))).Item ?? {};
const bookingsOf = async (id: string) =>
  ((await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.sessionAppointmentsQueue(id).queuePk } }))).Items ?? []);

describe('1,000 concurrent booking attempts by different patients on a session with 10 places', () => {
  it('make exactly 10 bookings (counter 10) and 990 clean 409 session_full, no 5xx', async () => {
    const session = await makeSession(portal, 10);
    const deps = depsOf(portal);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) => bookAppointment(deps, { sessionId: session.sessionId, patient: patient(i), insurance: { category: 'bhyt_registered' } }, { principal: citizen(i), idempotencyKey: `capacity-${i}-${session.start}` })),
    );
    const booked = outcomes.filter((o) => o.status === 'fulfilled');
    const codes = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason instanceof AppError ? o.reason.code : `unexpected:${String(o.reason)}`));
    const statuses = codes.map((c) => (c in ERRORS ? ERRORS[c as keyof typeof ERRORS].status : 500));
    console.info(`1000 attempts / 10 places: ${booked.length} booked, ${codes.filter((c) => c === 'session_full').length} × 409 session_full, ${statuses.filter((s) => s >= 500).length} × 5xx`);
    expect(booked).toHaveLength(10);
    expect(codes.filter((c) => c === 'session_full')).toHaveLength(990);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    expect((await sessionItem(session.sessionId)).booked).toBe(10);
    const items = await bookingsOf(session.sessionId);
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.queueNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 240_000); // ~25–35 s alone on 2 cores; the whole integration run shares one DynamoDB Local
});
