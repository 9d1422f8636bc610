/**
 * Booking by citizens (issue 5, ADR 0016): hospitals, specialties and sessions with places left
 * (a hint), then a booking that the database decides in one transaction. Idempotent per
 * Idempotency-Key; cancel and reschedule until the cut-off; queue numbers that never go back.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDEMPOTENCY_KEY, type AppointmentView, type CreateAppointment, type HospitalView, type SessionView, type SpecialtyView } from '@portal/shared/booking/api';
import type { SpecialtyRecord } from '@portal/shared/booking/catalogue';
import { base32Id, bookingCodeOf, checkInQrPayload } from '@portal/shared/booking/codes';
import { addDays, bookingVerdict, bookingWindow, canChange, cutoffFor, type BookingRules } from '@portal/shared/booking/dates';
import { insuranceProblem, paysAtBooking } from '@portal/shared/booking/insurance';
import { patientIdentifiers, type Patient, type PatientProfile, type SaveProfile } from '@portal/shared/booking/patients';
import { parseSessionId } from '@portal/shared/booking/sessions';
import { canAccess } from '@portal/shared/policy';
import type { Principal } from '@portal/shared/roles';
import { AppError, toAppError } from '../platform/errors';
import { newId } from '../platform/ids';
import {
  BOOK_ITEMS, RESCHEDULE_NEW_SESSION, appointmentsOfUser, cancelAppointment, getAppointment, getIdempotency, getProfile, insertAppointment, insertProfile,
  listProfiles, moveAppointment, nextQueueNumber, setQueueNumber, type Deps, type StoredAppointment,
} from '../repositories/appointments';
import {
  getHospital, getSession, getSpecialty, listHospitals, listSpecialties, sessionsBetween, type StoredHospital, type StoredSession,
} from '../repositories/booking-schedule';

export interface BookingDeps extends Deps {
  now: () => Date;
}

/** Hospitals and specialties change rarely: one read per container per minute. */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

export const hospitalOf = (deps: Deps, hospitalId: string) => cached(`${deps.tableName}:h:${hospitalId}`, () => getHospital(deps, hospitalId));
export const specialtyOf = (deps: Deps, hospitalId: string, specialtyId: string) => cached(`${deps.tableName}:s:${hospitalId}:${specialtyId}`, () => getSpecialty(deps, hospitalId, specialtyId));

const rulesOf = (h: StoredHospital): BookingRules => ({ windowDays: h.windowDays, cutoffHour: h.cutoffHour });

export async function hospitalsList(deps: Deps): Promise<HospitalView[]> {
  const all = await cached(`${deps.tableName}:hospitals`, () => listHospitals(deps));
  return all.map(hospitalView);
}

const hospitalView = (h: StoredHospital): HospitalView => ({
  hospitalId: h.hospitalId, name: h.name, shortName: h.shortName, address: h.address, bookingWindowDays: h.windowDays, cutoffHour: h.cutoffHour, feeAtBookingVnd: h.feeAtBookingVnd,
});

export async function specialtiesList(deps: Deps, hospitalId: string): Promise<SpecialtyView[]> {
  if (!(await hospitalOf(deps, hospitalId))) throw new AppError('not_found');
  const all = await cached(`${deps.tableName}:specialties:${hospitalId}`, () => listSpecialties(deps, hospitalId));
  return all.map((s: SpecialtyRecord) => ({ specialtyId: s.specialtyId, name: s.name, nameEn: s.nameEn, ...(s.description ? { description: s.description } : {}) }));
}

export const sessionView = (s: StoredSession): SessionView => ({
  sessionId: s.sessionId, hospitalId: s.hospitalId, specialtyId: s.specialtyId, date: s.date, period: s.period, start: s.start, end: s.end,
  capacity: s.capacity, placesLeft: s.status === 'open' ? Math.max(0, s.capacity - s.booked) : 0, status: s.status, room: s.room, ...(s.doctorName ? { doctorName: s.doctorName } : {}),
});

/** Sessions a patient may book now, within the hospital's window (`from`/`to` narrow it). */
export async function sessionsList(deps: BookingDeps, hospitalId: string, query: { specialty: string; from?: string; to?: string }): Promise<SessionView[]> {
  const hospital = await hospitalOf(deps, hospitalId);
  if (!hospital || !(await specialtyOf(deps, hospitalId, query.specialty))) throw new AppError('not_found');
  const window = bookingWindow(deps.now(), rulesOf(hospital));
  const from = query.from && query.from > window.from ? query.from : window.from;
  const to = query.to && query.to < window.to ? query.to : window.to;
  if (from > to) return [];
  return (await sessionsBetween(deps, hospitalId, query.specialty, from, to)).map(sessionView);
}

/** The next sessions of the specialty with places, from the given date on: what a full session offers instead. */
async function nextSessionsWithPlaces(deps: BookingDeps, hospital: StoredHospital, specialtyId: string, fromDate: string, except: string): Promise<SessionView[]> {
  // A burst of refusals on one full session shares one read for a second (it is only a suggestion).
  return shortLived(`${deps.tableName}:next:${except}`, () => readNextSessions(deps, hospital, specialtyId, fromDate, except));
}

const suggestions = new Map<string, { at: number; value: Promise<SessionView[]> }>();
function shortLived(key: string, load: () => Promise<SessionView[]>): Promise<SessionView[]> {
  const hit = suggestions.get(key);
  if (hit && Date.now() - hit.at < 1_000) return hit.value;
  if (suggestions.size > 1_000) suggestions.clear();
  const value = load();
  suggestions.set(key, { at: Date.now(), value });
  value.catch(() => suggestions.delete(key));
  return value;
}

async function readNextSessions(deps: BookingDeps, hospital: StoredHospital, specialtyId: string, fromDate: string, except: string): Promise<SessionView[]> {
  const window = bookingWindow(deps.now(), rulesOf(hospital));
  const from = fromDate > window.from ? fromDate : window.from;
  const sessions = await sessionsBetween(deps, hospital.hospitalId, specialtyId, from, window.to);
  return sessions.map(sessionView).filter((s) => s.sessionId !== except && s.placesLeft > 0).slice(0, 3);
}

async function sessionProblem(deps: BookingDeps, hospital: StoredHospital, session: StoredSession | undefined, sessionId: string): Promise<AppError> {
  if (!session) return new AppError('not_found');
  if (session.status !== 'open') return new AppError('session_closed', { extra: { nextSessions: await nextSessionsWithPlaces(deps, hospital, session.specialtyId, session.date, sessionId) } });
  return new AppError('session_full', { extra: { nextSessions: await nextSessionsWithPlaces(deps, hospital, session.specialtyId, session.date, sessionId) } });
}

/**
 * Sessions this container has just seen full, for one second: a burst of attempts on a full session
 * is answered from this hint without a transaction each (the database still decides every booking
 * that is tried). A place this container returns (cancel, reschedule) clears it at once.
 */
const FULL_HINT_MS = 1_000;
const seenFull = new Map<string, number>();
const fullKey = (deps: Deps, sessionId: string) => `${deps.tableName}:${sessionId}`;
const markFull = (deps: Deps, sessionId: string) => {
  if (seenFull.size > 10_000) seenFull.clear();
  seenFull.set(fullKey(deps, sessionId), Date.now() + FULL_HINT_MS);
};
const knownFull = (deps: Deps, sessionId: string) => (seenFull.get(fullKey(deps, sessionId)) ?? 0) > Date.now();
const placeReturned = (deps: Deps, sessionId: string) => seenFull.delete(fullKey(deps, sessionId));

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
/** Guards key patients by a hash of their identifier: the personal ID never appears in a key. */
export const patientHash = (identifier: string): string => sha256(`patient:${identifier}`).toString('base64url').slice(0, 32);

const reasonsOf = (error: unknown): string[] => ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
const isCancelled = (error: unknown): boolean => (error as { name?: string }).name === 'TransactionCanceledException';

export interface BookingCaller {
  principal: Principal;
  idempotencyKey: string;
}

/** POST /api/appointments. Returns the same answer for every retry of one Idempotency-Key. */
export async function bookAppointment(deps: BookingDeps, input: CreateAppointment, caller: BookingCaller): Promise<AppointmentView> {
  const userId = caller.principal.userId;
  const place = parseSessionId(input.sessionId);
  if (!place) throw new AppError('not_found');
  const hospital = await hospitalOf(deps, place.hospitalId);
  const specialty = await specialtyOf(deps, place.hospitalId, place.specialtyId);
  if (!hospital || !specialty) throw new AppError('not_found');

  const patient = await patientOf(deps, userId, input);
  const fingerprint = sha256(JSON.stringify({ sessionId: input.sessionId, patient, insurance: input.insurance })).toString('hex');
  const appointmentId = base32Id(sha256(`appointment:${userId}:${caller.idempotencyKey}`));

  const replay = await replayOf(deps, userId, caller.idempotencyKey, fingerprint, hospital, specialty);
  if (replay) return replay;

  const problem = insuranceProblem(input.insurance, place.date);
  if (problem) {
    throw new AppError('validation_failed', { errors: [{ field: 'body.insurance.referralDate', code: problem, message: problem === 'referral_expired' ? 'Giấy chuyển tuyến đã hết hạn vào ngày khám; có thể đặt lịch khám dịch vụ' : 'Ngày ký giấy chuyển tuyến sau ngày khám' }] });
  }
  const verdict = bookingVerdict(deps.now(), place.date, rulesOf(hospital));
  if (verdict !== 'open') throw new AppError('booking_closed', { detail: verdict === 'too_far' ? `Bookable up to ${hospital.windowDays} days ahead` : 'The cut-off for this day has passed' });

  for (let round = 0; ; round++) {
    if (round >= 60) throw new AppError('service_unavailable', { headers: { 'retry-after': '1' } });
    // A hint: a full or closed session answers without a transaction.
    const session = await getSession(deps, input.sessionId, round > 0);
    if (!session || session.status !== 'open' || session.booked >= session.capacity) {
      if (session) markFull(deps, input.sessionId);
      throw await sessionProblem(deps, hospital, session, input.sessionId);
    }
    if (knownFull(deps, input.sessionId)) throw await sessionProblem(deps, hospital, session, input.sessionId);
    const now = deps.now();
    const held = hospital.feeAtBookingVnd > 0 && paysAtBooking(input.insurance.category);
    const appointment: StoredAppointment = {
      appointmentId, code: bookingCodeOf(appointmentId), userId,
      hospitalId: hospital.hospitalId, specialtyId: specialty.specialtyId, sessionId: session.sessionId, date: session.date, period: session.period, start: session.start, end: session.end,
      room: session.room, ...(session.doctorName ? { doctorName: session.doctorName } : {}),
      patient, patientHashes: patientIdentifiers(patient).map(patientHash), insurance: input.insurance,
      status: held ? 'held' : 'confirmed', version: 1, createdAt: now.toISOString(),
      ...(held ? { holdExpiresAt: new Date(now.getTime() + hospital.holdMinutes * 60_000).toISOString(), feeVnd: hospital.feeAtBookingVnd } : {}),
    };
    try {
      await insertAppointment(deps, appointment, { userId, key: caller.idempotencyKey, fingerprint, expiresAt: Math.floor(now.getTime() / 1000) + 7 * 24 * 3600 });
    } catch (error) {
      if (!isCancelled(error)) throw error;
      const reasons = reasonsOf(error);
      const failed = (i: number) => reasons[i] === 'ConditionalCheckFailed';
      if (failed(BOOK_ITEMS.idempotency) || failed(BOOK_ITEMS.appointment)) {
        const again = await replayOf(deps, userId, caller.idempotencyKey, fingerprint, hospital, specialty);
        if (again) return again;
        // The idempotency item has expired (TTL) but the booking this key made is still there.
        const existing = await getAppointment(deps, appointmentId, true);
        if (existing?.userId === userId) return appointmentView(existing, hospital, specialty);
      }
      if (reasons.slice(BOOK_ITEMS.firstGuard, BOOK_ITEMS.firstGuard + appointment.patientHashes.length).includes('ConditionalCheckFailed')) throw new AppError('already_booked');
      if (failed(BOOK_ITEMS.session)) {
        // Full or closed since the hint: the next round's read says which.
        markFull(deps, input.sessionId);
        continue;
      }
      if (failed(BOOK_ITEMS.code)) throw new AppError('conflict');
      // Another transaction on the same session at the same moment: wait a little and try again.
      await sleep(Math.min(200, 5 * (round + 1)) + Math.floor(Math.random() * 30));
      continue;
    }
    const queueNumber = await assignQueueNumber(deps, appointment);
    return appointmentView({ ...appointment, ...(queueNumber ? { queueNumber } : {}) }, hospital, specialty);
  }
}

async function patientOf(deps: Deps, userId: string, input: CreateAppointment): Promise<Patient> {
  if (input.patient) return input.patient;
  const profile = await getProfile(deps, userId, input.patientProfileId ?? '');
  if (!profile) throw new AppError('validation_failed', { errors: [{ field: 'body.patientProfileId', code: 'not_found', message: 'Không tìm thấy hồ sơ bệnh nhân đã lưu' }] });
  // Only the patient's fields (the stored item also carries its keys and the profile's own fields).
  const { fullName, dateOfBirth, sex, phone, cccd, bhxh, address } = profile;
  return { fullName, dateOfBirth, sex, phone, ...(cccd ? { cccd } : {}), ...(bhxh ? { bhxh } : {}), ...(address ? { address } : {}) };
}

/** A booking this key already made: the same answer (or 422 when the key comes with another request). */
async function replayOf(deps: BookingDeps, userId: string, key: string, fingerprint: string, hospital: StoredHospital, specialty: SpecialtyRecord): Promise<AppointmentView | undefined> {
  const idempotency = await getIdempotency(deps, userId, key);
  if (!idempotency) return undefined;
  if (idempotency.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
  let appointment = await getAppointment(deps, idempotency.appointmentId, true);
  if (!appointment) throw new AppError('conflict');
  // The first request is assigning the queue number right now: wait for it rather than take another.
  for (let i = 0; i < 20 && appointment.queueNumber === undefined && appointment.status !== 'cancelled'; i++) {
    await sleep(50);
    appointment = (await getAppointment(deps, idempotency.appointmentId, true)) ?? appointment;
  }
  if (appointment.queueNumber === undefined) {
    const n = await assignQueueNumber(deps, appointment);
    if (n) appointment = { ...appointment, queueNumber: n };
  }
  return appointmentView(appointment, hospital, specialty);
}

/** After the booking commits: the next number of its session, stored once (a lost race leaves a gap, never a reuse). */
export async function assignQueueNumber(deps: Deps, appointment: Pick<StoredAppointment, 'appointmentId' | 'sessionId'>): Promise<number | undefined> {
  const n = await nextQueueNumber(deps, appointment.sessionId);
  if (await setQueueNumber(deps, appointment.appointmentId, appointment.sessionId, n)) return n;
  return (await getAppointment(deps, appointment.appointmentId, true))?.queueNumber;
}

export function appointmentView(a: StoredAppointment, hospital: StoredHospital, specialty: SpecialtyRecord): AppointmentView {
  return {
    appointmentId: a.appointmentId, code: a.code, ...(a.queueNumber !== undefined ? { queueNumber: a.queueNumber } : {}), status: a.status, qr: checkInQrPayload(a.code),
    hospitalId: a.hospitalId, hospitalName: hospital.name, specialtyId: a.specialtyId, specialtyName: specialty.name,
    sessionId: a.sessionId, date: a.date, period: a.period, start: a.start, end: a.end, room: a.room, ...(a.doctorName ? { doctorName: a.doctorName } : {}),
    patient: { fullName: a.patient.fullName, dateOfBirth: a.patient.dateOfBirth, sex: a.patient.sex },
    insurance: { category: a.insurance.category, ...(a.insurance.referralDate ? { referralDate: a.insurance.referralDate } : {}) },
    createdAt: a.createdAt, changeableUntil: cutoffFor(a.date, rulesOf(hospital)).toISOString(),
    ...(a.status === 'held' && a.holdExpiresAt ? { holdExpiresAt: a.holdExpiresAt, payment: { kind: 'appointment' as const, id: a.appointmentId, amountVnd: a.feeVnd ?? 0 } } : {}),
    ...(a.cancelledBy ? { cancelledBy: a.cancelledBy } : {}),
  };
}

async function viewOf(deps: Deps, a: StoredAppointment): Promise<AppointmentView> {
  const [hospital, specialty] = await Promise.all([hospitalOf(deps, a.hospitalId), specialtyOf(deps, a.hospitalId, a.specialtyId)]);
  if (!hospital || !specialty) throw new AppError('not_found');
  return appointmentView(a, hospital, specialty);
}

/** The caller's own booking; anyone else's is "not found" (404), never "forbidden". */
async function ownAppointment(deps: Deps, principal: Principal, appointmentId: string, consistent = false): Promise<StoredAppointment> {
  const a = await getAppointment(deps, appointmentId, consistent);
  if (!a || !canAccess(principal, { ownerId: a.userId })) throw new AppError('not_found');
  return a;
}

export async function myAppointment(deps: Deps, principal: Principal, appointmentId: string): Promise<AppointmentView> {
  return viewOf(deps, await ownAppointment(deps, principal, appointmentId));
}

export async function myAppointments(deps: Deps, principal: Principal): Promise<AppointmentView[]> {
  return Promise.all((await appointmentsOfUser(deps, principal.userId)).map((a) => viewOf(deps, a)));
}

export async function cancelMine(deps: BookingDeps, principal: Principal, appointmentId: string): Promise<AppointmentView> {
  for (let round = 0; ; round++) {
    const a = await ownAppointment(deps, principal, appointmentId, round > 0);
    if (a.status === 'cancelled') return viewOf(deps, a);
    if (a.status !== 'held' && a.status !== 'confirmed') throw new AppError('conflict', { extra: { current: await viewOf(deps, a) } });
    const hospital = await hospitalOf(deps, a.hospitalId);
    if (!hospital || !canChange(deps.now(), a.date, rulesOf(hospital))) throw new AppError('booking_closed');
    const at = deps.now().toISOString();
    try {
      await cancelAppointment(deps, a, 'patient', at);
      placeReturned(deps, a.sessionId);
      return viewOf(deps, { ...a, status: 'cancelled', cancelledBy: 'patient', cancelledAt: at, version: a.version + 1 });
    } catch (error) {
      if (!['conflict', 'service_unavailable'].includes(toAppError(error).code) || round >= 20) throw error;
      await sleep(5 + Math.floor(Math.random() * 40));
    }
  }
}

export async function rescheduleMine(deps: BookingDeps, principal: Principal, appointmentId: string, toSessionId: string): Promise<AppointmentView> {
  const target = parseSessionId(toSessionId);
  if (!target) throw new AppError('not_found');
  for (let round = 0; ; round++) {
    const a = await ownAppointment(deps, principal, appointmentId, round > 0);
    if (a.sessionId === toSessionId) return viewOf(deps, a);
    if (target.hospitalId !== a.hospitalId || target.specialtyId !== a.specialtyId) {
      throw new AppError('validation_failed', { errors: [{ field: 'body.sessionId', code: 'other_specialty', message: 'Chỉ đổi sang buổi khám khác của cùng chuyên khoa, cùng bệnh viện' }] });
    }
    if (a.status === 'held') throw new AppError('appointment_not_paid');
    if (a.status !== 'confirmed') throw new AppError('conflict', { extra: { current: await viewOf(deps, a) } });
    const hospital = await hospitalOf(deps, a.hospitalId);
    if (!hospital) throw new AppError('not_found');
    const rules = rulesOf(hospital);
    if (!canChange(deps.now(), a.date, rules) || bookingVerdict(deps.now(), target.date, rules) !== 'open') throw new AppError('booking_closed');
    const to = await getSession(deps, toSessionId, round > 0);
    if (!to || to.status !== 'open' || to.booked >= to.capacity) throw await sessionProblem(deps, hospital, to, toSessionId);
    try {
      await moveAppointment(deps, a, to, deps.now().toISOString());
      placeReturned(deps, a.sessionId);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      const reasons = reasonsOf(error);
      if (reasons.slice(RESCHEDULE_NEW_SESSION + 1).includes('ConditionalCheckFailed')) throw new AppError('already_booked');
      if (round >= 60) throw new AppError('service_unavailable', { headers: { 'retry-after': '1' }, cause: error });
      // The booking changed (another reschedule won: the next round sees where it is now), the
      // session filled up (the next round's read says so), or a transaction collided: look again.
      await sleep(Math.min(200, 5 * (round + 1)) + Math.floor(Math.random() * 30));
      continue;
    }
    const moved: StoredAppointment = { ...a, sessionId: to.sessionId, date: to.date, period: to.period, start: to.start, end: to.end, room: to.room, doctorName: to.doctorName, version: a.version + 1, queueNumber: undefined };
    const queueNumber = await assignQueueNumber(deps, moved);
    return viewOf(deps, { ...moved, ...(queueNumber ? { queueNumber } : {}) });
  }
}

// ---- Saved patient profiles ------------------------------------------------------------------

const MAX_PROFILES = 20;

export async function myProfiles(deps: Deps, principal: Principal): Promise<PatientProfile[]> {
  return (await listProfiles(deps, principal.userId)).map(({ pk: _pk, sk: _sk, type: _t, ...p }: PatientProfile & { pk?: string; sk?: string; type?: string }) => p);
}

export async function saveProfile(deps: BookingDeps, principal: Principal, body: SaveProfile): Promise<PatientProfile> {
  if ((await listProfiles(deps, principal.userId)).length >= MAX_PROFILES) throw new AppError('conflict', { detail: `At most ${MAX_PROFILES} saved profiles` });
  const now = deps.now();
  const profile: PatientProfile = { ...body.patient, profileId: newId(now.getTime()), relation: body.relation, createdAt: now.toISOString() };
  await insertProfile(deps, principal.userId, profile);
  return profile;
}

/** For the seed and tests: the first bookable day and the following ones. */
export const bookableDays = (now: Date, rules: BookingRules): string[] => {
  const w = bookingWindow(now, rules);
  const days: string[] = [];
  for (let d = w.from; d <= w.to; d = addDays(d, 1)) days.push(d);
  return days;
};

/** The Idempotency-Key header, required on a booking (a UUID per attempt fits). */
export function idempotencyKeyOf(headers: Record<string, string | undefined>, lang: 'vi' | 'en'): string {
  const key = headers['idempotency-key'];
  if (key && IDEMPOTENCY_KEY.test(key)) return key;
  throw new AppError('validation_failed', {
    errors: [{ field: 'headers.idempotency-key', code: key ? 'invalid_format' : 'required', message: lang === 'en' ? 'Send an Idempotency-Key header (8–64 letters, digits, - or _; a UUID fits)' : 'Cần tiêu đề Idempotency-Key (8–64 chữ, số, - hoặc _; ví dụ một UUID)' }],
  });
}
