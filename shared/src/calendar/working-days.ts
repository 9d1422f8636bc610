/**
 * Working days and statutory due dates, in Vietnam dates (YYYY-MM-DD, UTC+7, no DST).
 *
 * A working day is Monday–Friday that is not a listed holiday, or a listed make-up Saturday/Sunday.
 * A year missing from the calendar counts weekends only (no holidays): the due date may then come a
 * few days early, never late for the applicant's benefit — the admin screen flags missing years.
 * Everything here works on date strings, so the process's TZ never matters.
 */
import { vietnamDate } from '../vietnamese';
import { weekdayOf, type YearCalendar } from './holidays';

export type WorkCalendar = (year: number) => YearCalendar | undefined;

export type TimeLimitUnit = 'calendar_days' | 'working_days' | 'immediate';
export interface TimeLimit { value: number; unit: TimeLimitUnit }

interface Lookup { holidays: Set<string>; makeUp: Set<string> }
const lookups = new WeakMap<YearCalendar, Lookup>();

function lookupOf(year: YearCalendar): Lookup {
  let l = lookups.get(year);
  if (!l) {
    l = { holidays: new Set(year.holidays.map((d) => d.date)), makeUp: new Set(year.makeUpDays.map((d) => d.date)) };
    lookups.set(year, l);
  }
  return l;
}

/** A calendar over a list of years (the seeded defaults or the table's current values). */
export function calendarOf(years: readonly YearCalendar[]): WorkCalendar {
  const byYear = new Map(years.map((y) => [y.year, y]));
  return (year) => byYear.get(year);
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const year = cal(Number(date.slice(0, 4)));
  const weekend = [0, 6].includes(weekdayOf(date));
  if (!year) return !weekend;
  const l = lookupOf(year);
  if (l.makeUp.has(date)) return true;
  return !weekend && !l.holidays.has(date);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first working day on or after `date`. */
export function nextWorkingDayFrom(date: string, cal: WorkCalendar): string {
  let d = date;
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}

/** The n-th working day after `date` (`date` itself never counts); n = 0 returns `date`. */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** The Vietnam calendar date of an instant. */
export function vietnamDateOf(instant: Date): string {
  return vietnamDate(instant);
}

/**
 * The last day (Vietnam date, inclusive) of a statutory time limit whose clock starts at `start`.
 * - calendar days: counting begins the next day, so the limit ends on start + value days; a last day
 *   that is not a working day moves to the next working day (Civil Code 2015, Art. 148(5)).
 * - working days: the value-th working day after the start date.
 * - immediate: the start date when it is a working day, else the next working day.
 */
export function dueDateFor(start: Date, limit: TimeLimit, cal: WorkCalendar): string {
  const startDate = vietnamDateOf(start);
  switch (limit.unit) {
    case 'immediate':
      return nextWorkingDayFrom(startDate, cal);
    case 'working_days':
      return addWorkingDays(startDate, limit.value, cal);
    case 'calendar_days':
      return nextWorkingDayFrom(addCalendarDays(startDate, limit.value), cal);
  }
}

export const DUE_STATES = ['on_time', 'due_soon', 'overdue'] as const;
export type DueState = (typeof DUE_STATES)[number];

/**
 * overdue when today (Vietnam) is after the due date; due_soon when the due date is at most
 * `soonWorkingDays` working days away (today counts as 0, so a dossier due today is due soon).
 */
export function dueState(dueDate: string, now: Date, cal: WorkCalendar, soonWorkingDays = 2): DueState {
  const today = vietnamDateOf(now);
  if (today > dueDate) return 'overdue';
  return addWorkingDays(today, soonWorkingDays, cal) >= dueDate ? 'due_soon' : 'on_time';
}

/**
 * Working days in (from, to]: how many working days after `from` up to and including `to`;
 * negative when `to` is before `from`. addWorkingDays(from, workingDaysBetween(from, to)) is the
 * last working day on or before `to`.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return count;
}
