/**
 * The booking API for the site: hospitals, specialties, sessions, bookings, saved profiles, and the
 * hospital staff routes. Hand-written guards check each answer's shape (a mismatch is ApiError
 * `bad_response`, never a crash further down).
 */
import type { AppointmentView, HospitalView, SessionAppointmentView, SessionView, SpecialtyView, StaffSessionView } from '@portal/shared/booking/api';
import type { PatientProfile } from '@portal/shared/booking/patients';
import type { WeeklyTemplate } from '@portal/shared/booking/sessions';
import type { OpenedPayment } from '@portal/shared/payments/payments';
import { ApiError, getJson, postJson, sendJson, type ApiErrorCode, type RequestOptions } from './api';
import { isOpenedPayment } from './guards';
import { fetchWithSession } from './session';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Record<string, unknown>, k: string) => typeof o[k] === 'string';
const num = (o: Record<string, unknown>, k: string) => typeof o[k] === 'number';
const listOf = <T>(item: (v: unknown) => v is T) => (v: unknown): v is T[] => Array.isArray(v) && v.every(item);

export const isHospital = (v: unknown): v is HospitalView => isObject(v) && str(v, 'hospitalId') && str(v, 'name') && num(v, 'feeAtBookingVnd');
export const isSpecialty = (v: unknown): v is SpecialtyView => isObject(v) && str(v, 'specialtyId') && str(v, 'name');
export const isSession = (v: unknown): v is SessionView => isObject(v) && str(v, 'sessionId') && str(v, 'date') && str(v, 'start') && str(v, 'end') && num(v, 'placesLeft') && num(v, 'capacity');
export const isStaffSession = (v: unknown): v is StaffSessionView => isSession(v) && num(v as unknown as Record<string, unknown>, 'booked');
export const isAppointment = (v: unknown): v is AppointmentView =>
  isObject(v) && str(v, 'appointmentId') && str(v, 'code') && str(v, 'status') && str(v, 'qr') && str(v, 'sessionId') && str(v, 'date') && str(v, 'changeableUntil') && isObject(v.patient);
export const isProfile = (v: unknown): v is PatientProfile => isObject(v) && str(v, 'profileId') && str(v, 'fullName') && str(v, 'relation');
export const isSessionAppointment = (v: unknown): v is SessionAppointmentView => isObject(v) && str(v, 'appointmentId') && str(v, 'code') && str(v, 'status') && str(v, 'fullName');
const isSessionList = (v: unknown): v is { session: StaffSessionView; appointments: SessionAppointmentView[] } => isObject(v) && isStaffSession(v.session) && listOf(isSessionAppointment)(v.appointments);
const isTemplate = (v: unknown): v is WeeklyTemplate => isObject(v) && Array.isArray(v.entries);
const isGenerated = (v: unknown): v is { created: number; existing: number } => isObject(v) && num(v, 'created') && num(v, 'existing');
const isClosed = (v: unknown): v is { closed: number } => isObject(v) && num(v, 'closed');
export type CheckedIn = SessionAppointmentView & { sessionId: string; room: string; start: string; end: string };
const isCheckedIn = (v: unknown): v is CheckedIn => isSessionAppointment(v) && str(v as unknown as Record<string, unknown>, 'room');

const enc = encodeURIComponent;
const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  return s.toString() ? `?${s}` : '';
};

export const listHospitals = (o: RequestOptions) => getJson('/api/hospitals', listOf(isHospital), o);
export const listSpecialties = (hospitalId: string, o: RequestOptions) => getJson(`/api/hospitals/${enc(hospitalId)}/specialties`, listOf(isSpecialty), o);
export const listSessions = (hospitalId: string, specialty: string, o: RequestOptions, range: { from?: string; to?: string } = {}) =>
  getJson(`/api/hospitals/${enc(hospitalId)}/sessions${q({ specialty, ...range })}`, listOf(isSession), o);
export const listProfiles = (o: RequestOptions) => getJson('/api/me/patients', listOf(isProfile), o);
export const myAppointments = (o: RequestOptions) => getJson('/api/appointments', listOf(isAppointment), o);

/** Personal data goes with a booking: never from or into a cache (RequestInit's `cache`; Node's typings lack it). */
const NO_STORE = { cache: 'no-store' } as const;

/**
 * POST /api/appointments with an Idempotency-Key: the page keeps one key per booking attempt and
 * sends it again on a retry, so a double click or a lost answer never books twice.
 */
export async function createAppointment(body: unknown, idempotencyKey: string, o: RequestOptions): Promise<AppointmentView> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': o.lang, 'content-type': 'application/json', 'idempotency-key': idempotencyKey };
  let response: Response;
  try {
    // The same Idempotency-Key on the retry after a renewed session: still one booking.
    response = await fetchWithSession('/api/appointments', { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin', ...NO_STORE }, o.token);
  } catch {
    throw new ApiError(0, 'network_error', o.lang === 'vi' ? 'Không kết nối được với máy chủ. Vui lòng thử lại.' : 'Could not reach the server. Please try again.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok && isAppointment(json)) return json;
  const p = isObject(json) ? json : {};
  throw new ApiError(response.status, (typeof p.code === 'string' ? p.code : 'service_unavailable') as ApiErrorCode, typeof p.title === 'string' ? p.title : String(response.status), p as unknown as ConstructorParameters<typeof ApiError>[3]);
}

export const cancelAppointment = (id: string, o: RequestOptions) => postJson(`/api/appointments/${enc(id)}/cancel`, {}, isAppointment, o);
export const rescheduleAppointment = (id: string, sessionId: string, o: RequestOptions) => postJson(`/api/appointments/${enc(id)}/reschedule`, { sessionId }, isAppointment, o);
export const payAppointment = (id: string, o: RequestOptions): Promise<OpenedPayment> => postJson('/api/payments', { payable: { kind: 'appointment', id } }, isOpenedPayment, o);

const h = (hospitalId: string, rest: string) => `/api/hospitals/${enc(hospitalId)}/${rest}`;
export const staffSessions = (hospitalId: string, specialty: string, range: { from?: string; to?: string }, o: RequestOptions) => getJson(h(hospitalId, `schedule${q({ specialty, ...range })}`), listOf(isStaffSession), o);
export const getTemplate = (hospitalId: string, specialtyId: string, o: RequestOptions) => getJson(h(hospitalId, `specialties/${enc(specialtyId)}/template`), isTemplate, o);
export const putTemplate = (hospitalId: string, specialtyId: string, template: WeeklyTemplate, o: RequestOptions) => sendJson('PUT', h(hospitalId, `specialties/${enc(specialtyId)}/template`), template, isTemplate, o);
export const generateSessions = (hospitalId: string, body: { specialtyId: string; from: string; to: string }, o: RequestOptions) => postJson(h(hospitalId, 'sessions'), body, isGenerated, o);
export const closeSession = (hospitalId: string, sessionId: string, reason: string, o: RequestOptions) => sendJson('PATCH', h(hospitalId, `sessions/${enc(sessionId)}`), { status: 'closed', reason }, isStaffSession, o);
export const closeDay = (hospitalId: string, body: { date: string; specialtyId?: string; reason: string }, o: RequestOptions) => postJson(h(hospitalId, 'closures'), body, isClosed, o);
export const sessionAppointments = (hospitalId: string, sessionId: string, o: RequestOptions) => getJson(h(hospitalId, `sessions/${enc(sessionId)}/appointments`), isSessionList, o);
export const checkIn = (hospitalId: string, code: string, o: RequestOptions) => postJson(h(hospitalId, 'check-ins'), { code }, isCheckedIn, o);
export const markNoShow = (hospitalId: string, appointmentId: string, o: RequestOptions) => postJson(h(hospitalId, `appointments/${enc(appointmentId)}/no-show`), {}, isSessionAppointment, o);
