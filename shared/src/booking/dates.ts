/**
 * Vietnam calendar dates for booking (UTC+7, no DST). Sessions are keyed by the Vietnam date
 * string; "today", the booking window and every cut-off are computed here from an instant, so a
 * Lambda running in UTC between 00:00 and 07:00 Vietnam time still sees the right day.
 */
import { DEFAULT_CALENDARS } from '../calendar/holidays';
import { addCalendarDays, calendarOf, type WorkCalendar } from '../calendar/working-days';
import { vietnamDate } from '../vietnamese';

export const VIETNAM_OFFSET = '+07:00';

/** Per-hospital booking rules. */
export interface BookingRules {
  /** How many days ahead a patient may book (the last bookable day is today + windowDays). */
  windowDays: number;
  /** Booking, cancelling and rescheduling for a day close at this hour (Vietnam time) the day before. */
  cutoffHour: number;
}

export const DEFAULT_RULES: BookingRules = { windowDays: 14, cutoffHour: 17 };

export const vietnamToday = (now: Date): string => vietnamDate(now);

/** `2026-01-31` + 1 → `2026-02-01` (pure calendar arithmetic on a date string). */
export const addDays = addCalendarDays;

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instant of a Vietnam wall-clock time: (`2026-03-02`, `17:00`) → 2026-03-02T10:00:00.000Z. */
export function vietnamInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${VIETNAM_OFFSET}`);
}

/** When booking, cancelling and rescheduling for `date` close: `cutoffHour` on the day before, Vietnam time. */
export function cutoffFor(date: string, rules: BookingRules): Date {
  return vietnamInstant(addDays(date, -1), `${String(rules.cutoffHour).padStart(2, '0')}:00`);
}

/** The days a patient may book now: from tomorrow (or the day after once today's cut-off has passed) to today + windowDays. */
export function bookingWindow(now: Date, rules: BookingRules): { from: string; to: string } {
  const today = vietnamToday(now);
  const tomorrow = addDays(today, 1);
  const from = now < cutoffFor(tomorrow, rules) ? tomorrow : addDays(today, 2);
  return { from, to: addDays(today, rules.windowDays) };
}

export type DateVerdict = 'open' | 'past_cutoff' | 'too_far';

/** May a place for `date` be taken now? */
export function bookingVerdict(now: Date, date: string, rules: BookingRules): DateVerdict {
  const window = bookingWindow(now, rules);
  if (date < window.from) return 'past_cutoff';
  if (date > window.to) return 'too_far';
  return 'open';
}

/** May a booking for `date` still be cancelled or moved now? Until the cut-off the day before. */
export const canChange = (now: Date, date: string, rules: BookingRules): boolean => now < cutoffFor(date, rules);

/** Public holidays and make-up days (shared/src/calendar), for rules counted in working days. */
export const defaultWorkCalendar: WorkCalendar = calendarOf(DEFAULT_CALENDARS);

/** Whole years of age on a date (for priority groups and children's specialties). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
