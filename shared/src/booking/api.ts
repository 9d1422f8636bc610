/** The booking API's wire shapes: what clients send (zod) and what they get back (types). */
import * as z from 'zod/mini';
import { hospitalIdSchema, sessionIdSchema, specialtyIdSchema, type Period, type SessionStatus } from './sessions';
import { insuranceSchema, type InsuranceCategory } from './insurance';
import { patientSchema, type Sex } from './patients';

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

export interface HospitalView {
  hospitalId: string;
  name: string;
  shortName: string;
  address: string;
  bookingWindowDays: number;
  cutoffHour: number;
  /** Exam fee a service patient pays at booking (0: pay at the hospital). */
  feeAtBookingVnd: number;
}

export interface SpecialtyView {
  specialtyId: string;
  name: string;
  nameEn: string;
  description?: string;
}

export interface SessionView {
  sessionId: string;
  hospitalId: string;
  specialtyId: string;
  date: string;
  period: Period;
  start: string;
  end: string;
  capacity: number;
  /** A hint read from the table; the booking itself decides. */
  placesLeft: number;
  status: SessionStatus;
  room: string;
  doctorName?: string;
}

export interface StaffSessionView extends SessionView {
  booked: number;
  closedReason?: string;
}

export interface AppointmentView {
  appointmentId: string;
  code: string;
  queueNumber?: number;
  status: AppointmentStatus;
  /** Text of the check-in QR. */
  qr: string;
  hospitalId: string;
  hospitalName: string;
  specialtyId: string;
  specialtyName: string;
  sessionId: string;
  date: string;
  period: Period;
  start: string;
  end: string;
  room: string;
  doctorName?: string;
  patient: { fullName: string; dateOfBirth: string; sex: Sex };
  insurance: { category: InsuranceCategory; referralDate?: string };
  createdAt: string;
  /** Until when it may be cancelled or moved (the cut-off the day before). */
  changeableUntil: string;
  /** A held place: pay before this instant or it is released. */
  holdExpiresAt?: string;
  payment?: { kind: 'appointment'; id: string; amountVnd: number };
  cancelledBy?: 'patient' | 'hospital';
}

/** What reception and schedulers see per booking of a session. */
export interface SessionAppointmentView {
  appointmentId: string;
  code: string;
  queueNumber?: number;
  status: AppointmentStatus;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  phone: string;
  insuranceCategory: InsuranceCategory;
  checkedInAt?: string;
}

/** 409 body members when a session is full: the next sessions with places. */
export interface FullSessionProblem {
  nextSessions: SessionView[];
}
