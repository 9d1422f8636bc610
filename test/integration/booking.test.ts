/**
 * Booking as patients, schedulers and reception meet it, through the real handlers on DynamoDB
 * Local: the public catalogue, booking with a saved profile, one booking per patient, specialty and
 * day, cancel (the place returns) and the cut-off in Vietnam time while the process runs in UTC,
 * referrals, the 15-minute hold paid through VNPay or released by the sweep, closing a session,
 * check-in by code, reminders and no-shows, and bad input that never makes a 5xx.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../shared/src/booking/dates';
import { keys } from '../../shared/src/table';
import { sessionKey } from '../../functions/src/repositories/booking-schedule';
import { AppError } from '../../functions/src/platform/errors';
import { bookAppointment, cancelMine } from '../../functions/src/services/booking';
import { bookHttp, bookingBody, citizen, depsOf, json, makeSession, patient } from '../helpers/booking';
import { payByIpn } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const get = async (key: { pk: string; sk: string }) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: key, ConsistentRead: true }))).Item ?? {};
const booked = async (sessionId: string) => (await get(sessionKey(sessionId))).booked as number;
const profileAn = '01JDEMP0000000000000000001';
type View = { appointmentId: string; code: string; queueNumber: number; status: string; qr: string; payment?: { id: string; amountVnd: number } };

async function messagesWith(text: string): Promise<string[]> {
  await portal.server.jobs?.drain();
  const days = [vietnamToday(new Date()), addDays(vietnamToday(new Date()), 1)];
  const texts: string[] = [];
  for (const day of days) {
    const { Items = [] } = await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.messagesQueue(day).queuePk } }));
    texts.push(...Items.map((i) => String(i.text)).filter((t) => t.includes(text)));
  }
  return texts;
}

describe('what anyone can read', () => {
  it('lists hospitals, their specialties and the sessions of the next 14 days with places left', async () => {
    const hospitals = (await (await portal.request('/api/hospitals')).json()) as { hospitalId: string; name: string }[];
    expect(hospitals.map((h) => h.name)).toEqual(expect.arrayContaining(['Bệnh viện Chợ Rẫy', 'Bệnh viện Nhi Đồng 1']));
    const specialties = (await (await portal.request('/api/hospitals/hosp-cho-ray/specialties')).json()) as { specialtyId: string; name: string }[];
    expect(specialties.map((s) => s.name)).toContain('Tim mạch');
    const sessions = (await (await portal.request(`/api/hospitals/hosp-cho-ray/sessions?specialty=tim-mach&from=${vietnamToday(new Date())}&to=${addDays(vietnamToday(new Date()), 20)}`)).json()) as { date: string; placesLeft: number; period: string }[];
    expect(sessions.length).toBeGreaterThan(10);
    expect(sessions.every((s) => s.date > vietnamToday(new Date()) && s.date <= addDays(vietnamToday(new Date()), 14))).toBe(true);
    expect(sessions.some((s) => s.placesLeft > 0 && s.period === 'morning')).toBe(true);
    expect((await portal.request('/api/hospitals/hosp-khong-co/specialties')).status).toBe(404);
    expect((await portal.request('/api/hospitals/hosp-cho-ray/sessions')).status).toBe(400);
  });
});

describe('a citizen books', () => {
  it('with a saved profile: code, queue number, room and QR; listed under "my bookings"; nobody else can read or cancel it', async () => {
    const session = await makeSession(portal, 20);
    const response = await bookHttp(portal, 'citizen-an', { sessionId: session.sessionId, patientProfileId: profileAn, insurance: { category: 'bhyt_registered' } });
    expect(response.status).toBe(201);
    const view = (await response.json()) as View & { room: string; patient: { fullName: string } };
    expect(view).toMatchObject({ status: 'confirmed', queueNumber: 1, room: 'P.T01', patient: { fullName: 'Nguyễn Văn An' } });
    expect(view.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(view.qr).toBe(view.code);
    expect(JSON.stringify(view)).not.toContain('079085001234');
    const mine = (await (await portal.request('/api/appointments', { as: 'citizen-an' })).json()) as View[];
    expect(mine.map((a) => a.appointmentId)).toContain(view.appointmentId);
    expect((await portal.request(`/api/appointments/${view.appointmentId}`, { as: 'citizen-an' })).status).toBe(200);
    expect((await portal.request(`/api/appointments/${view.appointmentId}`, { as: 'citizen-binh' })).status).toBe(404);
    expect((await portal.request(`/api/appointments/${view.appointmentId}/cancel`, { as: 'citizen-binh', method: 'POST' })).status).toBe(404);
    expect((await portal.request(`/api/appointments/${view.appointmentId}/reschedule`, { as: 'citizen-binh', method: 'POST', headers: json, body: JSON.stringify({ sessionId: session.sessionId }) })).status).toBe(404);
    expect(((await (await portal.request('/api/appointments', { as: 'citizen-binh' })).json()) as View[]).map((a) => a.appointmentId)).not.toContain(view.appointmentId);
    expect(await booked(session.sessionId)).toBe(1);
    expect((await messagesWith(view.code)).some((t) => t.startsWith('Đặt lịch khám thành công'))).toBe(true);
  });

  it('one active booking per patient, specialty and day; cancelling returns the place and lifts the rule', async () => {
    const morning = await makeSession(portal, 5);
    const other = await makeSession(portal, 5, { date: morning.date });
    const first = (await (await bookHttp(portal, 'citizen-binh', bookingBody(morning.sessionId, 30_001))).json()) as View;
    const again = await bookHttp(portal, 'citizen-binh', bookingBody(other.sessionId, 30_001));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('already_booked');
    // The same person booked by another account (same personal ID) is the same patient.
    expect((await bookHttp(portal, 'citizen-an', bookingBody(other.sessionId, 30_001))).status).toBe(409);
    // Another specialty the same day is fine.
    const ent = await makeSession(portal, 5, { specialtyId: 'tai-mui-hong', date: morning.date });
    expect((await bookHttp(portal, 'citizen-binh', bookingBody(ent.sessionId, 30_001))).status).toBe(201);
    const cancelled = await portal.request(`/api/appointments/${first.appointmentId}/cancel`, { as: 'citizen-binh', method: 'POST' });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelledBy: 'patient' });
    expect(await booked(morning.sessionId)).toBe(0);
    expect((await portal.request(`/api/appointments/${first.appointmentId}/cancel`, { as: 'citizen-binh', method: 'POST' })).status).toBe(200);
    expect(await booked(morning.sessionId)).toBe(0);
    expect((await bookHttp(portal, 'citizen-binh', bookingBody(other.sessionId, 30_001))).status).toBe(201);
  });

  it('reschedules in one step: the new place taken, the old one released, a new queue number', async () => {
    const a = await makeSession(portal, 5);
    const b = await makeSession(portal, 1, { date: addDays(a.date, 1) });
    const view = (await (await bookHttp(portal, 'citizen-an', bookingBody(a.sessionId, 31_001))).json()) as View;
    const moved = await portal.request(`/api/appointments/${view.appointmentId}/reschedule`, { as: 'citizen-an', method: 'POST', headers: json, body: JSON.stringify({ sessionId: b.sessionId }) });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ sessionId: b.sessionId, date: b.date, queueNumber: 1, status: 'confirmed' });
    expect([await booked(a.sessionId), await booked(b.sessionId)]).toEqual([0, 1]);
    // b is full now: moving another booking there changes nothing.
    const other = (await (await bookHttp(portal, 'citizen-an', bookingBody(a.sessionId, 31_002))).json()) as View;
    const refused = await portal.request(`/api/appointments/${other.appointmentId}/reschedule`, { as: 'citizen-an', method: 'POST', headers: json, body: JSON.stringify({ sessionId: b.sessionId }) });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('session_full');
    expect([await booked(a.sessionId), await booked(b.sessionId)]).toEqual([1, 1]);
  });

  it('a referral must still be valid on the appointment date', async () => {
    const session = await makeSession(portal, 5);
    const old = addDays(session.date, -40);
    const response = await bookHttp(portal, 'citizen-an', { ...bookingBody(session.sessionId, 32_001), insurance: { category: 'referral', referralDate: old } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([expect.objectContaining({ field: 'body.insurance.referralDate', code: 'referral_expired' })]);
    const fresh = await bookHttp(portal, 'citizen-an', { ...bookingBody(session.sessionId, 32_001), insurance: { category: 'referral', referralDate: addDays(session.date, -3) } });
    expect(fresh.status).toBe(201);
  });
});

describe('Vietnam time, while the process runs in UTC', () => {
  it('the window and the cut-off follow Vietnam dates', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const date = addDays(vietnamToday(new Date()), 30);
      const session = await makeSession(portal, 5, { date });
      const at = (iso: string) => ({ ...depsOf(portal), now: () => new Date(iso) });
      const body = (i: number) => ({ sessionId: session.sessionId, patient: patient(33_000 + i), insurance: { category: 'bhyt_registered' as const } });
      const code = (p: Promise<unknown>) => p.then(() => 'booked', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
      // 01:00 in Vietnam, 14 days before: still the previous day in UTC, but the window already reaches `date`.
      expect(await code(bookAppointment(at(`${addDays(date, -15)}T18:00:00Z`), body(1), { principal: citizen(1), idempotencyKey: `tz-1-${date}` }))).toBe('booked');
      expect(await code(bookAppointment(at(`${addDays(date, -15)}T16:59:00Z`), body(2), { principal: citizen(2), idempotencyKey: `tz-2-${date}` }))).toBe('booking_closed');
      // The day before: open until 17:00 Vietnam time (10:00 UTC), then closed.
      expect(await code(bookAppointment(at(`${addDays(date, -1)}T09:59:00Z`), body(3), { principal: citizen(3), idempotencyKey: `tz-3-${date}` }))).toBe('booked');
      expect(await code(bookAppointment(at(`${addDays(date, -1)}T10:00:00Z`), body(4), { principal: citizen(4), idempotencyKey: `tz-4-${date}` }))).toBe('booking_closed');
      const mine = (await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byOwner', KeyConditionExpression: 'ownerPk = :o', ExpressionAttributeValues: { ':o': keys.userAppointments(citizen(3).userId).ownerPk } }))).Items ?? [];
      const id = String(mine[0]?.appointmentId);
      expect(await code(cancelMine(at(`${addDays(date, -1)}T10:00:00Z`), citizen(3), id))).toBe('booking_closed');
      expect(await code(cancelMine(at(`${addDays(date, -1)}T09:59:59Z`), citizen(3), id))).toBe('booked');
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe('a place held for the exam fee (Chợ Rẫy, service patient)', () => {
  it('is confirmed by the VNPay payment, and only its owner may start that payment', async () => {
    const session = await makeSession(portal, 5);
    const view = (await (await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 34_001, 'service'))).json()) as View & { holdExpiresAt: string };
    expect(view).toMatchObject({ status: 'held', payment: { id: view.appointmentId, amountVnd: 150_000 } });
    expect(Date.parse(view.holdExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const payAs = (as: string) => portal.request('/api/payments', { as, method: 'POST', headers: json, body: JSON.stringify({ payable: { kind: 'appointment', id: view.appointmentId } }) });
    expect((await payAs('citizen-binh')).status).toBe(404);
    const opened = (await (await payAs('citizen-an')).json()) as { paymentId: string };
    expect(await payByIpn(portal, opened.paymentId, 150_000)).toBe('00');
    const after = (await (await portal.request(`/api/appointments/${view.appointmentId}`, { as: 'citizen-an' })).json()) as View;
    expect(after.status).toBe('confirmed');
    expect(after.payment).toBeUndefined();
    expect((await get(keys.appointmentFee(view.appointmentId))).status).toBe('paid');
    expect((await portal.server.jobs?.runNow('bookingSweep', { only: 'holds', asOf: new Date(Date.now() + 3_600_000).toISOString() })) as { holds: { released: number } }).toMatchObject({ holds: { released: 0 } });
    expect(await booked(session.sessionId)).toBe(1);
  });

  it('is released by the sweep when unpaid (a conditional write); a payment after that is flagged for a refund', async () => {
    const session = await makeSession(portal, 5);
    const view = (await (await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 35_001, 'service'))).json()) as View;
    const opened = (await (await portal.request('/api/payments', { as: 'citizen-an', method: 'POST', headers: json, body: JSON.stringify({ payable: { kind: 'appointment', id: view.appointmentId } }) })).json()) as { paymentId: string; expiresAt: string };
    // Before its expiry the hold stays.
    expect((await portal.server.jobs?.runNow('bookingSweep', { only: 'holds', asOf: new Date(Date.now() + 60_000).toISOString() })) as { holds: { released: number } }).toMatchObject({ holds: { released: 0 } });
    expect(await booked(session.sessionId)).toBe(1);
    await portal.server.jobs?.runNow('bookingSweep', { only: 'holds', asOf: new Date(Date.parse(opened.expiresAt) + 60_000).toISOString() });
    expect((await get(keys.appointment(view.appointmentId))).status).toBe('released');
    expect(await booked(session.sessionId)).toBe(0);
    // The same patient may book again at once (the guard went with the hold).
    expect((await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 35_001))).status).toBe(201);
    expect(await payByIpn(portal, opened.paymentId, 150_000)).toBe('00');
    expect((await get(keys.appointment(view.appointmentId))).status).toBe('released');
    expect((await get(keys.outbox(`appointment.paidAfterRelease#${opened.paymentId}`))).event).toBe('appointment.paidAfterRelease');
    expect(await booked(session.sessionId)).toBe(1);
  });
});

describe('hospital staff', () => {
  it('a scheduler makes sessions from a weekly template; staff of another hospital get 403', async () => {
    const template = { entries: [{ weekday: 1, period: 'morning', capacity: 12, room: 'P.201', doctorName: 'BS. Lê Văn Tâm' }, { weekday: 3, period: 'afternoon', capacity: 3, room: 'P.201', hourly: true }] };
    const put = await portal.request('/api/hospitals/hosp-cho-ray/specialties/than-kinh/template', { as: 'scheduler-cho-ray', method: 'PUT', headers: json, body: JSON.stringify(template) });
    expect(put.status).toBe(200);
    expect((await portal.request('/api/hospitals/hosp-cho-ray/specialties/than-kinh/template', { as: 'staff-nhi-dong-1', method: 'PUT', headers: json, body: JSON.stringify(template) })).status).toBe(403);
    const from = addDays(vietnamToday(new Date()), 20);
    const made = await portal.request('/api/hospitals/hosp-cho-ray/sessions', { as: 'scheduler-cho-ray', method: 'POST', headers: json, body: JSON.stringify({ specialtyId: 'than-kinh', from, to: addDays(from, 6) }) });
    expect(await made.json()).toEqual({ created: 5, existing: 0 }); // one Monday morning + a Wednesday afternoon in 4 windows
    const again = await portal.request('/api/hospitals/hosp-cho-ray/sessions', { as: 'scheduler-cho-ray', method: 'POST', headers: json, body: JSON.stringify({ specialtyId: 'than-kinh', from, to: addDays(from, 6) }) });
    expect(await again.json()).toEqual({ created: 0, existing: 5 });
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('specialty', 'hosp-cho-ray.than-kinh').pk } }));
    expect((audit.Items ?? []).map((i) => i.action)).toContain('schedule.template.put');
    expect((await portal.request('/api/hospitals/hosp-cho-ray/sessions', { as: 'staff-nhi-dong-1', method: 'POST', headers: json, body: JSON.stringify({ specialtyId: 'than-kinh', from, to: from }) })).status).toBe(403);
  });

  it('closing a session cancels its bookings, tells each patient, and refuses new ones', async () => {
    const session = await makeSession(portal, 5);
    const view = (await (await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 36_001))).json()) as View;
    const closed = await portal.request(`/api/hospitals/hosp-cho-ray/sessions/${session.sessionId}`, { as: 'scheduler-cho-ray', method: 'PATCH', headers: json, body: JSON.stringify({ status: 'closed', reason: 'Bác sĩ đi công tác' }) });
    expect(closed.status).toBe(200);
    expect((await bookHttp(portal, 'citizen-an', bookingBody(session.sessionId, 36_002))).status).toBe(409);
    const texts = await messagesWith(view.code);
    expect(texts.some((t) => t.includes('Bệnh viện thông báo hủy lịch khám') && t.includes('Bác sĩ đi công tác'))).toBe(true);
    expect(await get(keys.appointment(view.appointmentId))).toMatchObject({ status: 'cancelled', cancelledBy: 'hospital' });
    expect(await booked(session.sessionId)).toBe(0);
    expect((await portal.request(`/api/hospitals/hosp-cho-ray/sessions/${session.sessionId}`, { as: 'staff-nhi-dong-1', method: 'PATCH', headers: json, body: JSON.stringify({ capacity: 9 }) })).status).toBe(403);
  });

  it('reception checks a patient in by code on the day, sees the queue; another hospital gets 403', async () => {
    const today = vietnamToday(new Date());
    const session = await makeSession(portal, 5, { date: today });
    const yesterday = { ...depsOf(portal), now: () => new Date(`${addDays(today, -2)}T03:00:00Z`) };
    const first = await bookAppointment(yesterday, { sessionId: session.sessionId, patient: patient(37_001), insurance: { category: 'bhyt_registered' } }, { principal: citizen(37_001), idempotencyKey: `checkin-1-${today}` });
    const second = await bookAppointment(yesterday, { sessionId: session.sessionId, patient: patient(37_002), insurance: { category: 'bhyt_registered' } }, { principal: citizen(37_002), idempotencyKey: `checkin-2-${today}` });
    const typed = second.code.toLowerCase().replace('-', ' ');
    const checkIn = (as: string, hospitalId = 'hosp-cho-ray', code = typed) => portal.request(`/api/hospitals/${hospitalId}/check-ins`, { as, method: 'POST', headers: json, body: JSON.stringify({ code }) });
    expect((await checkIn('reception-nhi-dong-1')).status).toBe(403);
    expect((await checkIn('reception-nhi-dong-1', 'hosp-nhi-dong-1')).status).toBe(404);
    const done = await checkIn('reception-cho-ray');
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'checked_in', queueNumber: second.queueNumber, room: 'P.T01' });
    expect((await checkIn('reception-cho-ray')).status).toBe(409);
    expect((await checkIn('reception-cho-ray', 'hosp-cho-ray', 'ZZZZ-ZZZZ')).status).toBe(404);
    const list = (await (await portal.request(`/api/hospitals/hosp-cho-ray/sessions/${session.sessionId}/appointments`, { as: 'reception-cho-ray' })).json()) as { appointments: { code: string; status: string }[] };
    expect(list.appointments.map((a) => [a.code, a.status])).toEqual([[first.code, 'confirmed'], [second.code, 'checked_in']]);
    expect((await portal.request(`/api/hospitals/hosp-cho-ray/sessions/${session.sessionId}/appointments`, { as: 'staff-nhi-dong-1' })).status).toBe(403);
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('appointment', second.appointmentId).pk } }));
    // The check-in, then the list that showed this booking (each booking shown is audited for its citizen, ADR 0025).
    expect((audit.Items ?? []).map((i) => i.action)).toEqual(['appointment.checkIn', 'session.appointments.list']);
    expect(audit.Items?.[0]).toMatchObject({ subjectId: citizen(37_002).userId, ownerPk: `USER#${citizen(37_002).userId}`, actorHospitalId: 'hosp-cho-ray' });
  });

  it('the day before, patients get a reminder; after the session, unattended bookings become no-shows', async () => {
    const today = vietnamToday(new Date());
    const tomorrow = await makeSession(portal, 5, { date: addDays(today, 1) });
    const past = await makeSession(portal, 5, { date: addDays(today, -1) });
    const early = { ...depsOf(portal), now: () => new Date(`${addDays(today, -3)}T03:00:00Z`) };
    const soon = await bookAppointment(early, { sessionId: tomorrow.sessionId, patient: patient(38_001), insurance: { category: 'bhyt_registered' } }, { principal: citizen(38_001), idempotencyKey: `remind-${today}` });
    const gone = await bookAppointment(early, { sessionId: past.sessionId, patient: patient(38_002), insurance: { category: 'bhyt_registered' } }, { principal: citizen(38_002), idempotencyKey: `noshow-${today}` });
    // The sweep of 18:00 Vietnam time today sends tomorrow's reminders once; later runs find them sent.
    const sixPm = new Date(`${today}T11:00:00Z`).toISOString();
    const first = (await portal.server.jobs?.runNow('bookingSweep', { asOf: sixPm })) as { reminders?: { reminders: number }; noShows?: { noShows: number } };
    expect(first.reminders?.reminders).toBeGreaterThanOrEqual(1);
    // 18:00 is also a ten-minute mark: yesterday's unattended booking became a no-show in the same run.
    expect(first.noShows?.noShows).toBeGreaterThanOrEqual(1);
    expect(((await portal.server.jobs?.runNow('bookingSweep', { asOf: sixPm })) as { reminders?: unknown }).reminders).toBeUndefined();
    expect((await portal.server.jobs?.runNow('bookingSweep', { only: 'reminders', asOf: sixPm })) as { reminders: { reminders: number } }).toMatchObject({ reminders: { reminders: 0 } });
    expect((await messagesWith(soon.code)).some((t) => t.startsWith('Nhắc lịch khám ngày mai'))).toBe(true);
    const again = (await portal.server.jobs?.runNow('bookingSweep', { only: 'noShows' })) as { noShows: { noShows: number } };
    expect(again.noShows.noShows).toBe(0);
    expect((await get(keys.appointment(gone.appointmentId))).status).toBe('no_show');
    expect((await get(keys.appointment(soon.appointmentId))).status).toBe('confirmed');
  });
});

describe('bad input', () => {
  it('generated bodies, headers and paths never make a 5xx, and book nothing', async () => {
    const session = await makeSession(portal, 3);
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ sessionId: fc.oneof(fc.constant(session.sessionId), fc.string()), patient: fc.anything(), insurance: fc.anything() }, { requiredKeys: [] })), fc.string({ maxLength: 80 }), async (body, key) => {
        const r = await portal.request('/api/appointments', { as: 'citizen-an', method: 'POST', headers: { ...json, 'idempotency-key': key }, body: JSON.stringify(body) ?? 'null' });
        statuses.push(r.status);
        return r.status < 500;
      }),
      { numRuns: 150 },
    );
    for (const [path, method, body] of [
      ['/api/appointments/not-an-id/cancel', 'POST', undefined],
      [`/api/appointments/01JDEMQ0000000000000000000/reschedule`, 'POST', '{"sessionId": 5}'],
      ['/api/hospitals/hosp-cho-ray/check-ins', 'POST', '{"code": "' + 'x'.repeat(5000) + '"}'],
      ['/api/hospitals/hosp-cho-ray/sessions?specialty=tim-mach&from=2026-02-31', 'GET', undefined],
      ['/api/hospitals/hosp-cho-ray/sessions/bad.session/appointments', 'GET', undefined],
      ['/api/hospitals/hosp-cho-ray/specialties/tim-mach/template', 'PUT', '{"entries": [{"weekday": 9}]}'],
      ['/api/appointments', 'POST', '{"sessionId": "hosp-cho-ray.tim-mach.2026-13-45.0700", "patient": {}, "insurance": {"category": "service"}}'],
    ] as const) {
      const as = path.includes('check-ins') ? 'reception-cho-ray' : path.includes('hospitals') ? 'scheduler-cho-ray' : 'citizen-an';
      const r = await portal.request(path, { as, method, ...(body ? { body, headers: { ...json, 'idempotency-key': crypto.randomUUID() } } : {}) });
      statuses.push(r.status);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await booked(session.sessionId)).toBeLessThanOrEqual(3);
  }, 60_000);
});
