/**
 * Clinic sessions (buổi khám): a morning and an afternoon per specialty and day, each with its
 * capacity, or — where the hospital sells time windows (khung giờ) — one session per hourly
 * window. A session id names its place: `<hospitalId>.<specialtyId>.<YYYY-MM-DD>.<HHMM>`.
 */
import * as z from 'zod/mini';

export const PERIODS = ['morning', 'afternoon'] as const;
export type Period = (typeof PERIODS)[number];

/** Typical outpatient hours of Vietnamese public hospitals. */
export const PERIOD_HOURS: Record<Period, { start: string; end: string }> = {
  morning: { start: '07:00', end: '11:30' },
  afternoon: { start: '13:00', end: '16:30' },
};

export const PERIOD_LABELS: Record<Period, { vi: string; en: string }> = {
  morning: { vi: 'Buổi sáng', en: 'Morning' },
  afternoon: { vi: 'Buổi chiều', en: 'Afternoon' },
};

/** The time windows of a period: the whole period, or hourly windows (the last one may be shorter). */
export function windowsOf(period: Period, hourly: boolean): { start: string; end: string }[] {
  const { start, end } = PERIOD_HOURS[period];
  if (!hourly) return [{ start, end }];
  const windows: { start: string; end: string }[] = [];
  for (let t = minutes(start); t < minutes(end); t += 60) windows.push({ start: clock(t), end: clock(Math.min(t + 60, minutes(end))) });
  return windows;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const hospitalIdSchema = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/));
export const specialtyIdSchema = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/));
const SESSION_ID = /^([a-z0-9-]{3,40})\.([a-z0-9-]{2,40})\.(\d{4}-\d{2}-\d{2})\.(\d{4})$/;
export const sessionIdSchema = z.string().check(z.regex(SESSION_ID));

export const sessionId = (hospitalId: string, specialtyId: string, date: string, start: string): string => `${hospitalId}.${specialtyId}.${date}.${start.replace(':', '')}`;

export function parseSessionId(id: string): { hospitalId: string; specialtyId: string; date: string; start: string } | undefined {
  const m = SESSION_ID.exec(id);
  if (!m) return undefined;
  return { hospitalId: m[1] ?? '', specialtyId: m[2] ?? '', date: m[3] ?? '', start: `${m[4]?.slice(0, 2)}:${m[4]?.slice(2)}` };
}

export const SESSION_STATUSES = ['open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One line of a weekly template: on this weekday, this period, run a session (or hourly windows). */
export const templateEntrySchema = z.strictObject({
  weekday: z.int().check(z.gte(1), z.lte(7)),
  period: z.enum(PERIODS),
  /** Places per session (per window when hourly). */
  capacity: z.int().check(z.gte(1), z.lte(500)),
  room: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  doctorName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  hourly: z._default(z.boolean(), false),
});
export type TemplateEntry = z.infer<typeof templateEntrySchema>;

export const weeklyTemplateSchema = z.strictObject({
  entries: z.array(templateEntrySchema).check(z.maxLength(14)),
}).check(z.refine((t) => new Set(t.entries.map((e) => `${e.weekday}${e.period}`)).size === t.entries.length, { message: 'Mỗi buổi trong tuần chỉ có một dòng', path: ['entries'] }));
export type WeeklyTemplate = z.infer<typeof weeklyTemplateSchema>;

export interface PlannedSession {
  sessionId: string;
  hospitalId: string;
  specialtyId: string;
  date: string;
  period: Period;
  start: string;
  end: string;
  capacity: number;
  room: string;
  doctorName?: string;
}

/** The sessions a weekly template makes for each day of [from, to]. */
export function planSessions(hospitalId: string, specialtyId: string, template: WeeklyTemplate, days: readonly { date: string; weekday: number }[]): PlannedSession[] {
  const planned: PlannedSession[] = [];
  for (const { date, weekday } of days) {
    for (const entry of template.entries.filter((e) => e.weekday === weekday)) {
      for (const w of windowsOf(entry.period, entry.hourly)) {
        planned.push({
          sessionId: sessionId(hospitalId, specialtyId, date, w.start),
          hospitalId, specialtyId, date, period: entry.period, start: w.start, end: w.end, capacity: entry.capacity, room: entry.room,
          ...(entry.doctorName ? { doctorName: entry.doctorName } : {}),
        });
      }
    }
  }
  return planned;
}
