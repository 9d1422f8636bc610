/** Steps the booking tests share: a session of known capacity, patients with valid personal IDs, bookings. */
import { bookingWindow, addDays, DEFAULT_RULES } from '../../shared/src/booking/dates';
import type { PlannedSession } from '../../shared/src/booking/sessions';
import { sessionId } from '../../shared/src/booking/sessions';
import type { Principal } from '../../shared/src/roles';
import { insertSession } from '../../functions/src/repositories/booking-schedule';
import type { BookingDeps } from '../../functions/src/services/booking';
import type { TestPortal } from './portal';

let starts = 0;

/** A date inside every demo hospital's booking window (a few days ahead, so the cut-off never interferes). */
export const bookableDate = (offset = 3): string => addDays(bookingWindow(new Date(), DEFAULT_RULES).from, offset);

export const depsOf = (portal: TestPortal): BookingDeps => ({ db: portal.db, tableName: portal.tableName, now: () => new Date() });

/** A fresh session with its own start minute (never one the seed made). */
export async function makeSession(portal: TestPortal, capacity: number, options: { hospitalId?: string; specialtyId?: string; date?: string } = {}): Promise<PlannedSession> {
  const hospitalId = options.hospitalId ?? 'hosp-cho-ray';
  const specialtyId = options.specialtyId ?? 'tim-mach';
  const date = options.date ?? bookableDate();
  const n = ++starts;
  const start = `05:${String(n % 60).padStart(2, '0')}`.replace(/^05/, String(5 - Math.floor(n / 60)).padStart(2, '0'));
  const session: PlannedSession = { sessionId: sessionId(hospitalId, specialtyId, date, start), hospitalId, specialtyId, date, period: 'morning', start, end: '11:30', capacity, room: 'P.T01', doctorName: 'BS. Thử Nghiệm' };
  await insertSession(depsOf(portal), session, undefined);
  return session;
}

/** The i-th test patient: a 1980s personal ID that matches the date of birth and sex. */
export function patient(i: number, sex: 'male' | 'female' = 'male') {
  const year = 1960 + (i % 40);
  const centuryCode = sex === 'female' ? 1 : 0;
  return {
    fullName: `Bệnh Nhân ${[...String(i)].map((d) => 'ABCDEGHKLM'[Number(d)]).join('')}`,
    dateOfBirth: `${year}-05-17`,
    sex,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    cccd: `079${centuryCode}${String(year).slice(2)}${String(i).padStart(6, '0')}`,
  };
}

export const citizen = (i: number): Principal => ({ userId: `test-citizen-${i}`, role: 'citizen', name: `Công dân ${i}`, duties: [] });

export const json = { 'content-type': 'application/json' };

export const bookingBody = (sessionIdValue: string, i: number, category = 'bhyt_registered') => ({ sessionId: sessionIdValue, patient: patient(i), insurance: { category } });

export async function bookHttp(portal: TestPortal, as: string, body: unknown, key = crypto.randomUUID()): Promise<Response> {
  return portal.request('/api/appointments', { as, method: 'POST', headers: { ...json, 'idempotency-key': key }, body: JSON.stringify(body) });
}
