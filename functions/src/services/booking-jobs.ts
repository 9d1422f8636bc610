/**
 * Booking work nobody clicks: the hold sweep (unpaid places go back after 15 minutes, by a
 * conditional write — never TTL), reminders the day before, no-shows after a session, and what the
 * outbox does with booking events (messages; a closed session cancels its bookings).
 */
import { formatQueueNumber } from '@portal/shared/booking/codes';
import { addDays, vietnamInstant, vietnamToday } from '@portal/shared/booking/dates';
import { PERIOD_LABELS } from '@portal/shared/booking/sessions';
import { keys } from '@portal/shared/table';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { toAppError } from '../platform/errors';
import { logger } from '../platform/logger';
import {
  appointmentsOfSession, cancelAppointment, deleteHoldMarker, expiredHolds, getAppointment, markNoShow, putReminder, releaseHold, type Deps,
  type StoredAppointment,
} from '../repositories/appointments';
import { closeAttendance, sessionsOfDay } from '../repositories/booking-schedule';
import { hospitalOf, specialtyOf } from './booking';

export interface HoldSweepReport { examined: number; released: number; waitingForPayment: number }

export async function sweepHolds(deps: Deps, asOf: Date, batch = 200): Promise<HoldSweepReport> {
  const report: HoldSweepReport = { examined: 0, released: 0, waitingForPayment: 0 };
  const at = asOf.toISOString();
  for (const marker of await expiredHolds(deps, at, batch)) {
    report.examined++;
    const a = await getAppointment(deps, marker.appointmentId, true);
    if (!a || a.status !== 'held') {
      await deleteHoldMarker(deps, marker);
      continue;
    }
    // A payment under way at VNPay gets its chance: the hold goes when that attempt has expired too.
    const fee = (await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.appointmentFee(a.appointmentId), ConsistentRead: true }))).Item;
    if (fee?.openAttemptId && String(fee.openAttemptExpiresAt ?? '') > at) {
      report.waitingForPayment++;
      continue;
    }
    try {
      await releaseHold(deps, a, at);
      report.released++;
    } catch (error) {
      // Paid or cancelled at the same moment: that change won; the next run cleans the marker.
      if (!['conflict', 'service_unavailable'].includes(toAppError(error).code)) throw error;
    }
  }
  logger.info('Booking hold sweep', { ...report });
  return report;
}

/** Reminders for tomorrow's confirmed bookings (Vietnam dates), once per booking and day. */
export async function sendReminders(deps: Deps, asOf: Date): Promise<{ sessions: number; reminders: number }> {
  const tomorrow = addDays(vietnamToday(asOf), 1);
  let reminders = 0;
  const sessions = (await sessionsOfDay(deps, tomorrow)).filter((s) => s.status === 'open');
  for (const session of sessions) {
    for (const a of await appointmentsOfSession(deps, session.sessionId)) {
      if (a.status === 'confirmed' && a.sessionId === session.sessionId && (await putReminder(deps, a, asOf.toISOString()))) reminders++;
    }
  }
  logger.info('Booking reminders', { sessions: sessions.length, reminders });
  return { sessions: sessions.length, reminders };
}

/** How long after a session's end reception may still check someone in before they count as a no-show. */
export const NO_SHOW_GRACE_MS = 30 * 60_000;

/** Confirmed bookings of ended sessions (today's and yesterday's) that nobody checked in become no-shows. */
export async function markNoShows(deps: Deps, asOf: Date): Promise<{ sessions: number; noShows: number }> {
  const today = vietnamToday(asOf);
  let sessionsClosed = 0;
  let noShows = 0;
  for (const day of [addDays(today, -1), today]) {
    for (const session of await sessionsOfDay(deps, day)) {
      if (session.attendanceClosed || vietnamInstant(session.date, session.end).getTime() + NO_SHOW_GRACE_MS > asOf.getTime()) continue;
      for (const a of await appointmentsOfSession(deps, session.sessionId)) {
        if (a.status !== 'confirmed' || a.sessionId !== session.sessionId) continue;
        try {
          await markNoShow(deps, a, asOf.toISOString());
          noShows++;
        } catch (error) {
          if (toAppError(error).code !== 'conflict') throw error;
        }
      }
      await closeAttendance(deps, session.sessionId);
      sessionsClosed++;
    }
  }
  logger.info('Booking no-shows', { sessions: sessionsClosed, noShows });
  return { sessions: sessionsClosed, noShows };
}

export type BookingSweepPart = 'holds' | 'noShows' | 'reminders';

export interface BookingSweepReport {
  holds?: HoldSweepReport;
  noShows?: { sessions: number; noShows: number };
  reminders?: { sessions: number; reminders: number };
}

/** Reminders go out from this hour (Vietnam time) the day before. */
export const REMINDER_HOUR = 18;

/**
 * One run of the booking sweep. Without `only`: holds always; no-shows when the Vietnam minute is a
 * multiple of 10; reminders from 18:00 Vietnam time if tomorrow's have not been sent (a marker item
 * written after they are, so a failed run is simply repeated — each reminder is idempotent anyway).
 */
export async function sweepBooking(deps: Deps, asOf: Date, only?: BookingSweepPart): Promise<BookingSweepReport> {
  const report: BookingSweepReport = {};
  const vn = new Date(asOf.getTime() + 7 * 3600_000);
  if (!only || only === 'holds') report.holds = await sweepHolds(deps, asOf);
  if (only === 'noShows' || (!only && vn.getUTCMinutes() % 10 === 0)) report.noShows = await markNoShows(deps, asOf);
  if (only === 'reminders' || (!only && vn.getUTCHours() >= REMINDER_HOUR)) {
    const tomorrow = addDays(vietnamToday(asOf), 1);
    const marker = keys.bookingRemindersSent(tomorrow);
    const done = only ? undefined : (await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: marker }))).Item;
    if (!done) {
      report.reminders = await sendReminders(deps, asOf);
      await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...marker, type: 'jobRun', at: asOf.toISOString(), ...report.reminders } }));
    }
  }
  return report;
}

export interface BookingEvent {
  event: string;
  eventId: string;
  appointmentId?: string;
  sessionId?: string;
  paymentId?: string;
  reason?: string;
  by?: 'patient' | 'hospital';
  createdAt: string;
}

interface Message { channel: 'sms' | 'email'; to: string; text: string }

const viDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

async function describe(deps: Deps, a: StoredAppointment): Promise<string> {
  const [hospital, specialty] = await Promise.all([hospitalOf(deps, a.hospitalId), specialtyOf(deps, a.hospitalId, a.specialtyId)]);
  const number = a.queueNumber !== undefined ? `, số thứ tự ${formatQueueNumber(a.queueNumber)}` : '';
  return `${specialty?.name ?? a.specialtyId}, ${hospital?.name ?? a.hospitalId}, ${PERIOD_LABELS[a.period].vi.toLowerCase()} ${viDate(a.date)} (${a.start}–${a.end}), phòng ${a.room}${number}, mã ${a.code}`;
}

/**
 * What a booking event makes the portal say (SMS to the patient's phone; texts without the
 * personal ID). A closed session first cancels its bookings; each cancellation is its own event.
 */
export async function bookingMessages(deps: Deps & { publicBaseUrl: string; now: () => Date }, event: BookingEvent): Promise<Message[]> {
  if (event.event === 'session.closed' && event.sessionId) {
    for (const a of await appointmentsOfSession(deps, event.sessionId)) {
      if (a.sessionId !== event.sessionId || (a.status !== 'confirmed' && a.status !== 'held')) continue;
      try {
        await cancelAppointment(deps, a, 'hospital', deps.now().toISOString(), event.reason);
      } catch (error) {
        if (toAppError(error).code !== 'conflict') throw error; // cancelled or moved meanwhile
      }
    }
    return [];
  }
  if (!event.appointmentId) return [];
  const a = await getAppointment(deps, event.appointmentId, true);
  if (!a) return [];
  const mine = `${deps.publicBaseUrl}/dat-lich/cua-toi/`;
  const sms = (text: string): Message[] => [{ channel: 'sms', to: a.patient.phone, text }];
  switch (event.event) {
    case 'appointment.confirmed':
      return sms(`Đặt lịch khám thành công: ${await describe(deps, a)}. Xuất trình mã QR khi đến. Xem, hủy hoặc đổi lịch: ${mine}`);
    case 'appointment.rescheduled':
      return sms(`Lịch khám đã đổi sang: ${await describe(deps, a)}. ${mine}`);
    case 'appointment.cancelled':
      return a.cancelledBy === 'hospital'
        ? sms(`Bệnh viện thông báo hủy lịch khám ${await describe(deps, a)}${a.cancelReason ? ` (lý do: ${a.cancelReason})` : ''}. Xin lỗi vì sự bất tiện; vui lòng đặt buổi khám khác: ${deps.publicBaseUrl}/dat-lich/`)
        : sms(`Đã hủy lịch khám mã ${a.code}. ${mine}`);
    case 'appointment.released':
      return sms(`Lịch khám giữ chỗ mã ${a.code} đã hủy vì phí khám chưa được thanh toán trong thời gian giữ chỗ.`);
    case 'appointment.reminder':
      return a.status === 'confirmed' ? sms(`Nhắc lịch khám ngày mai: ${await describe(deps, a)}. Vui lòng đến trước giờ khám 15 phút.`) : [];
    case 'appointment.paidAfterRelease':
      return sms(`Đã nhận phí khám cho mã ${a.code} nhưng lịch giữ chỗ không còn hiệu lực; bệnh viện sẽ hoàn tiền. Vui lòng đặt lại lịch: ${deps.publicBaseUrl}/dat-lich/`);
    default:
      return [];
  }
}
