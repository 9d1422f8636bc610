/** The booking API's wire shapes: what clients send and what they get back (zod; the types are inferred). */
import * as z from 'zod/mini';
import { hospitalIdSchema, PERIODS, SESSION_STATUSES, sessionIdSchema, specialtyIdSchema } from './sessions';
import { INSURANCE_CATEGORIES, insuranceSchema } from './insurance';
import { patientSchema, SEXES } from './patients';
import { instant } from '../wire';

export const APPOINTMENT_STATUSES = ['held', 'confirmed', 'checked_in', 'no_show', 'cancelled', 'released'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses that occupy a place in the session (the counter counts exactly these). */
export const OCCUPYING: readonly AppointmentStatus[] = ['held', 'confirmed', 'checked_in', 'no_show'];

const id26 = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
export const appointmentIdParams = z.object({ appointmentId: id26 });
export const hospitalParams = z.object({ hospitalId: hospitalIdSchema });
export const specialtyParams = z.object({ hospitalId: hospitalIdSchema, specialtyId: specialtyIdSchema });
export const sessionParams = z.object({ hospitalId: hospitalIdSchema, sessionId: sessionIdSchema });
export const hospitalAppointmentParams = z.object({ hospitalId: hospitalIdSchema, appointmentId: id26 });

/** An Idempotency-Key: what a client generates once per booking attempt (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export const sessionsQuerySchema = z.object({
  specialty: specialtyIdSchema,
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
});

export const createAppointmentSchema = z.strictObject({
  sessionId: sessionIdSchema,
  patientProfileId: z.optional(id26),
  patient: z.optional(patientSchema),
  insurance: insuranceSchema,
}).check(z.refine((b) => (b.patientProfileId === undefined) !== (b.patient === undefined), { message: 'Chọn một hồ sơ bệnh nhân đã lưu hoặc nhập thông tin bệnh nhân (một trong hai)', path: ['patient'] }));
export type CreateAppointment = z.infer<typeof createAppointmentSchema>;

export const rescheduleSchema = z.strictObject({ sessionId: sessionIdSchema });

/** Actions that need no input (cancel, no-show) accept no body or an empty object. */
export const emptyBodySchema = z.optional(z.strictObject({}));

export const checkInSchema = z.strictObject({ code: z.string().check(z.trim(), z.minLength(8), z.maxLength(20)) });

export const generateSessionsSchema = z.strictObject({
  specialtyId: specialtyIdSchema,
  from: z.iso.date(),
  to: z.iso.date(),
}).check(z.refine((b) => b.from <= b.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] }));

export const updateSessionSchema = z.strictObject({
  capacity: z.optional(z.int().check(z.gte(0), z.lte(500))),
  status: z.optional(z.literal('closed')),
  reason: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(300))),
}).check(
  z.refine((b) => b.capacity !== undefined || b.status !== undefined, { message: 'Nhập sức chứa mới hoặc đóng buổi khám', path: ['status'] }),
  z.refine((b) => b.status === undefined || b.reason !== undefined, { message: 'Nhập lý do đóng buổi khám (sẽ gửi cho người bệnh)', path: ['reason'] }),
);

export const closeDaySchema = z.strictObject({
  date: z.iso.date(),
  specialtyId: z.optional(specialtyIdSchema),
  reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
});

// ---- Views: what the booking API answers (the OpenAPI document is generated from these) ----

const isoDay = z.string().check(z.describe('YYYY-MM-DD, Vietnam date'));
const clockTime = z.string().check(z.describe('HH:MM, Vietnam time'));

export const hospitalViewSchema = z.object({
  hospitalId: z.string(),
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  bookingWindowDays: z.int(),
  cutoffHour: z.int(),
  feeAtBookingVnd: z.int().check(z.describe('Exam fee (VND) a service patient pays at booking; 0: pay at the hospital')),
});
export type HospitalView = z.infer<typeof hospitalViewSchema>;

export const specialtyViewSchema = z.object({
  specialtyId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.optional(z.string()),
});
export type SpecialtyView = z.infer<typeof specialtyViewSchema>;

export const sessionViewSchema = z.object({
  sessionId: z.string(),
  hospitalId: z.string(),
  specialtyId: z.string(),
  date: isoDay,
  period: z.enum(PERIODS),
  start: clockTime,
  end: clockTime,
  capacity: z.int(),
  placesLeft: z.int().check(z.describe('A hint read when asked; the booking itself decides')),
  status: z.enum(SESSION_STATUSES),
  room: z.string(),
  doctorName: z.optional(z.string()),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const staffSessionViewSchema = z.extend(sessionViewSchema, {
  booked: z.int(),
  closedReason: z.optional(z.string()),
});
export type StaffSessionView = z.infer<typeof staffSessionViewSchema>;

export const appointmentViewSchema = z.object({
  appointmentId: z.string(),
  code: z.string().check(z.describe('Booking code, shown at reception and in the QR')),
  queueNumber: z.optional(z.int()),
  status: z.enum(APPOINTMENT_STATUSES),
  qr: z.string().check(z.describe('Text of the check-in QR')),
  hospitalId: z.string(),
  hospitalName: z.string(),
  specialtyId: z.string(),
  specialtyName: z.string(),
  sessionId: z.string(),
  date: isoDay,
  period: z.enum(PERIODS),
  start: clockTime,
  end: clockTime,
  room: z.string(),
  doctorName: z.optional(z.string()),
  patient: z.object({ fullName: z.string(), dateOfBirth: isoDay, sex: z.enum(SEXES) }),
  insurance: z.object({ category: z.enum(INSURANCE_CATEGORIES), referralDate: z.optional(isoDay) }),
  createdAt: instant,
  changeableUntil: z.string().check(z.describe('Until when it may be cancelled or moved (the cut-off the day before)')),
  holdExpiresAt: z.optional(z.string().check(z.describe('A held place: pay before this instant or it is released'))),
  payment: z.optional(z.object({ kind: z.literal('appointment'), id: z.string(), amountVnd: z.int() })),
  cancelledBy: z.optional(z.enum(['patient', 'hospital'])),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** What reception and schedulers see per booking of a session. */
export const sessionAppointmentViewSchema = z.object({
  appointmentId: z.string(),
  code: z.string(),
  queueNumber: z.optional(z.int()),
  status: z.enum(APPOINTMENT_STATUSES),
  fullName: z.string(),
  dateOfBirth: isoDay,
  sex: z.enum(SEXES),
  phone: z.string(),
  insuranceCategory: z.enum(INSURANCE_CATEGORIES),
  checkedInAt: z.optional(instant),
});
export type SessionAppointmentView = z.infer<typeof sessionAppointmentViewSchema>;

/** Reception's answer to a check-in: the booking and where the patient goes. */
export const checkedInSchema = z.extend(sessionAppointmentViewSchema, { sessionId: z.string(), room: z.string(), start: clockTime, end: clockTime });
export const sessionBookingsSchema = z.object({ session: staffSessionViewSchema, appointments: z.array(sessionAppointmentViewSchema) });
export const generatedSessionsSchema = z.object({ created: z.int(), existing: z.int().check(z.describe('Sessions of the range that were already there (left alone)')) });
export const closedDaySchema = z.object({ closed: z.int().check(z.describe('Sessions closed (their patients are told)')) });

/** 409 body members when a session is full: the next sessions with places. */
export interface FullSessionProblem {
  nextSessions: SessionView[];
}
