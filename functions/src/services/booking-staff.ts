/**
 * A hospital's own booking work: schedulers keep weekly templates per specialty, make sessions
 * from them, change a session's capacity, close a session or a day (the booked patients are told);
 * reception checks patients in by code and sees the session's queue. Staff of another hospital get
 * 403; every write and every read of patients' details carries an audit entry.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { SessionAppointmentView, StaffSessionView } from '@portal/shared/booking/api';
import { normaliseBookingCode } from '@portal/shared/booking/codes';
import { addDays, isoWeekday, vietnamToday } from '@portal/shared/booking/dates';
import { planSessions, weeklyTemplateSchema, type WeeklyTemplate } from '@portal/shared/booking/sessions';
import { canAccess } from '@portal/shared/policy';
import { AppError, toAppError } from '../platform/errors';
import { appointmentTarget, auditEntry, type AuditContext } from '../repositories/audit';
import {
  appointmentIdByCode, appointmentsOfSession, checkInAppointment, getAppointment, markNoShow, type Deps, type StoredAppointment,
} from '../repositories/appointments';
import {
  getSession, getTemplate, insertSession, listSpecialties, putTemplate, sessionsBetween, updateSession, type StoredSession,
} from '../repositories/booking-schedule';
import { sessionView, specialtyOf } from './booking';

function ownHospital(ctx: AuditContext, hospitalId: string): void {
  if (!canAccess(ctx.principal, { hospitalId })) throw new AppError('forbidden');
}

async function knownSpecialty(deps: Deps, hospitalId: string, specialtyId: string): Promise<void> {
  if (!(await specialtyOf(deps, hospitalId, specialtyId))) throw new AppError('not_found');
}

const EMPTY: WeeklyTemplate = { entries: [] };

export async function readTemplate(deps: Deps, hospitalId: string, specialtyId: string, ctx: AuditContext): Promise<WeeklyTemplate> {
  ownHospital(ctx, hospitalId);
  await knownSpecialty(deps, hospitalId, specialtyId);
  return (await getTemplate(deps, hospitalId, specialtyId)) ?? EMPTY;
}

export async function saveTemplate(deps: Deps, hospitalId: string, specialtyId: string, template: WeeklyTemplate, ctx: AuditContext): Promise<WeeklyTemplate> {
  ownHospital(ctx, hospitalId);
  await knownSpecialty(deps, hospitalId, specialtyId);
  await putTemplate(deps, hospitalId, specialtyId, template, ctx);
  return template;
}

const MAX_GENERATE_DAYS = 62;

/** Sessions from the weekly template for each day of [from, to]; sessions that exist are left as they are. */
export async function generateSessions(deps: Deps, hospitalId: string, body: { specialtyId: string; from: string; to: string }, ctx: AuditContext): Promise<{ created: number; existing: number }> {
  ownHospital(ctx, hospitalId);
  await knownSpecialty(deps, hospitalId, body.specialtyId);
  const days: { date: string; weekday: number }[] = [];
  for (let d = body.from; d <= body.to; d = addDays(d, 1)) {
    days.push({ date: d, weekday: isoWeekday(d) });
    if (days.length > MAX_GENERATE_DAYS) throw new AppError('validation_failed', { errors: [{ field: 'body.to', code: 'too_long', message: `Tối đa ${MAX_GENERATE_DAYS} ngày mỗi lần` }] });
  }
  if (body.from < vietnamToday(ctx.now)) throw new AppError('validation_failed', { errors: [{ field: 'body.from', code: 'past', message: 'Không tạo buổi khám cho ngày đã qua' }] });
  const stored = await getTemplate(deps, hospitalId, body.specialtyId);
  const template = stored ? weeklyTemplateSchema.parse(stored) : EMPTY;
  if (template.entries.length === 0) throw new AppError('conflict', { detail: 'The specialty has no weekly template yet' });
  let created = 0;
  let existing = 0;
  for (const session of planSessions(hospitalId, body.specialtyId, template, days)) {
    if (await insertSession(deps, session, ctx)) created++;
    else existing++;
  }
  return { created, existing };
}

const staffSessionView = (s: StoredSession): StaffSessionView => ({ ...sessionView(s), booked: s.booked, ...(s.closedReason ? { closedReason: s.closedReason } : {}) });

async function sessionOfHospital(deps: Deps, hospitalId: string, sessionId: string, ctx: AuditContext, consistent = false): Promise<StoredSession> {
  ownHospital(ctx, hospitalId);
  const session = await getSession(deps, sessionId, consistent);
  if (!session || session.hospitalId !== hospitalId) throw new AppError('not_found');
  return session;
}

/** The staff view of a specialty's sessions (closed ones included, with what is booked). */
export async function staffSessions(deps: Deps, hospitalId: string, query: { specialty: string; from?: string; to?: string }, ctx: AuditContext): Promise<StaffSessionView[]> {
  ownHospital(ctx, hospitalId);
  await knownSpecialty(deps, hospitalId, query.specialty);
  const from = query.from ?? vietnamToday(ctx.now);
  const to = query.to ?? addDays(from, 13);
  return (await sessionsBetween(deps, hospitalId, query.specialty, from, to)).map(staffSessionView);
}

export async function changeSession(deps: Deps, hospitalId: string, sessionId: string, body: { capacity?: number; status?: 'closed'; reason?: string }, ctx: AuditContext): Promise<StaffSessionView> {
  for (let round = 0; ; round++) {
    const session = await sessionOfHospital(deps, hospitalId, sessionId, ctx, round > 0);
    if (body.status === 'closed' && session.status === 'closed') return staffSessionView(session);
    if (body.capacity !== undefined && body.capacity < session.booked) {
      throw new AppError('validation_failed', { errors: [{ field: 'body.capacity', code: 'below_booked', message: `Đã có ${session.booked} người đặt; sức chứa không thể nhỏ hơn` }] });
    }
    try {
      await updateSession(deps, session, { ...(body.capacity !== undefined ? { capacity: body.capacity } : {}), ...(body.status === 'closed' ? { close: body.reason ?? '' } : {}) }, ctx);
      return staffSessionView({ ...session, ...(body.capacity !== undefined ? { capacity: body.capacity } : {}), ...(body.status === 'closed' ? { status: 'closed', closedReason: body.reason } : {}), version: session.version + 1 });
    } catch (error) {
      // Bookings keep moving the counter (and the version): read again and retry.
      if (!['conflict', 'service_unavailable'].includes(toAppError(error).code) || round >= 20) throw error;
    }
  }
}

/** Closes every open session of a day (of one specialty or all): each closing notifies its booked patients. */
export async function closeDay(deps: Deps, hospitalId: string, body: { date: string; specialtyId?: string; reason: string }, ctx: AuditContext): Promise<{ closed: number }> {
  ownHospital(ctx, hospitalId);
  const specialtyIds = body.specialtyId ? [body.specialtyId] : (await listSpecialties(deps, hospitalId)).map((s) => s.specialtyId);
  if (body.specialtyId) await knownSpecialty(deps, hospitalId, body.specialtyId);
  let closed = 0;
  for (const specialtyId of specialtyIds) {
    for (const session of await sessionsBetween(deps, hospitalId, specialtyId, body.date, body.date)) {
      if (session.status !== 'open') continue;
      await changeSession(deps, hospitalId, session.sessionId, { status: 'closed', reason: body.reason }, ctx);
      closed++;
    }
  }
  return { closed };
}

const rowOf = (a: StoredAppointment): SessionAppointmentView => ({
  appointmentId: a.appointmentId, code: a.code, ...(a.queueNumber !== undefined ? { queueNumber: a.queueNumber } : {}), status: a.status,
  fullName: a.patient.fullName, dateOfBirth: a.patient.dateOfBirth, sex: a.patient.sex, phone: a.patient.phone, insuranceCategory: a.insurance.category,
  ...(a.checkedInAt ? { checkedInAt: a.checkedInAt } : {}),
});

/** A transaction holds at most 100 writes. */
const AUDIT_CHUNK = 100;

/**
 * The booking list of a session in queue order (printable; reception's "who is next"). Audited: it
 * shows patients' names, birth dates and phones, so besides the list's own entry each booking citizen
 * gets one as data subject (ADR 0025; bounded by the session's capacity), before anything is returned.
 */
export async function sessionAppointments(deps: Deps, hospitalId: string, sessionId: string, ctx: AuditContext): Promise<{ session: StaffSessionView; appointments: SessionAppointmentView[] }> {
  const session = await sessionOfHospital(deps, hospitalId, sessionId, ctx);
  const bookings = (await appointmentsOfSession(deps, sessionId))
    .filter((a) => a.sessionId === sessionId)
    .sort((a, b) => (a.queueNumber ?? Number.MAX_SAFE_INTEGER) - (b.queueNumber ?? Number.MAX_SAFE_INTEGER) || a.createdAt.localeCompare(b.createdAt));
  const entries = [
    auditEntry(deps.tableName, ctx, 'session.appointments.list', { type: 'session', id: sessionId }, { rows: bookings.length }),
    ...bookings.filter((a) => a.userId !== ctx.principal.userId).map((a) => auditEntry(deps.tableName, ctx, 'session.appointments.list', appointmentTarget(a), { sessionId })),
  ];
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await deps.db.send(new TransactWriteCommand({ TransactItems: entries.slice(i, i + AUDIT_CHUNK) }));
  }
  return { session: staffSessionView(session), appointments: bookings.map(rowOf) };
}

/** Reception types or scans a booking code: confirmed → checked in, on the day of the appointment, at its hospital. */
export async function checkIn(deps: Deps, hospitalId: string, rawCode: string, ctx: AuditContext): Promise<SessionAppointmentView & { sessionId: string; room: string; start: string; end: string }> {
  ownHospital(ctx, hospitalId);
  const code = normaliseBookingCode(rawCode);
  if (!code) throw new AppError('validation_failed', { errors: [{ field: 'body.code', code: 'invalid_code', message: 'Mã đặt lịch gồm 8 ký tự, dạng XXXX-XXXX' }] });
  const appointmentId = await appointmentIdByCode(deps, code);
  const a = appointmentId ? await getAppointment(deps, appointmentId, true) : undefined;
  if (!a || a.hospitalId !== hospitalId) throw new AppError('not_found', { detail: 'No booking with this code at this hospital' });
  const where = { sessionId: a.sessionId, room: a.room, start: a.start, end: a.end };
  if (a.status === 'checked_in') throw new AppError('conflict', { detail: 'Already checked in', extra: { current: { ...rowOf(a), ...where } } });
  if (a.status === 'held') throw new AppError('appointment_not_paid');
  if (a.status !== 'confirmed') throw new AppError('conflict', { detail: `The booking is ${a.status}`, extra: { current: { ...rowOf(a), ...where } } });
  if (a.date !== vietnamToday(ctx.now)) throw new AppError('not_session_day', { detail: `The appointment is on ${a.date}` });
  await checkInAppointment(deps, a, ctx);
  return { ...rowOf({ ...a, status: 'checked_in', checkedInAt: ctx.now.toISOString() }), ...where };
}

export async function noShow(deps: Deps, hospitalId: string, appointmentId: string, ctx: AuditContext): Promise<SessionAppointmentView> {
  ownHospital(ctx, hospitalId);
  const a = await getAppointment(deps, appointmentId, true);
  if (!a || a.hospitalId !== hospitalId) throw new AppError('not_found');
  if (a.status !== 'confirmed') throw new AppError('conflict', { detail: `The booking is ${a.status}` });
  if (a.date > vietnamToday(ctx.now)) throw new AppError('not_session_day');
  await markNoShow(deps, a, ctx.now.toISOString(), ctx);
  return rowOf({ ...a, status: 'no_show' });
}
