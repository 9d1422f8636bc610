/**
 * Public holidays and make-up working days per year: the data the working-day calculator reads.
 *
 * Statutory rules (Labour Code 2019, Arts. 111–112): New Year 1 day (1 Jan); Lunar New Year 5 days;
 * Reunification Day 30 Apr; Labour Day 1 May; National Day 2 days (2 Sep + one adjacent day); Hùng
 * Kings' Commemoration 1 day (10th day of the 3rd lunar month). A holiday on a weekly rest day gives a
 * substitute day on the next working day (Art. 111(3)). The Tết and National Day days, and any swap of
 * a working day with a Saturday (làm bù), are announced every year by the Ministry of Home Affairs, so
 * the table is data that an administrator edits (the admin calendar route validates an edit with
 * `yearCalendarSchema`); the values below are the defaults the local stack seeds.
 *
 * Only weekday holidays are listed: a holiday on a Saturday or Sunday changes nothing for deadlines,
 * its substitute weekday is listed instead. Lunar dates were computed with the Vietnamese lunar
 * calendar (UTC+7 new moons): Tết 29 Jan 2025, 17 Feb 2026, 6 Feb 2027; Hùng Kings' Day 7 Apr 2025,
 * 26 Apr 2026, 16 Apr 2027.
 *
 * Which days are announced and which are derived (see research/eservices.md §2.8):
 * - 2025: the 30 Apr / 1 May swap (Fri 2 May off, Sat 26 Apr worked) is the announced one for
 *   the public sector. Tết (28 Chạp – mùng 3, Mon 27 – Fri 31 Jan) and National Day (Mon 1 Sep + Tue 2 Sep)
 *   are DERIVED from the Labour Code and the lunar calendar; no notice was read for them.
 * - 2026: Tết Mon 16 – Fri 20 Feb (29 Chạp – mùng 4, notice 9441/TB-BNV) and National Day Tue 1 +
 *   Wed 2 Sep are ANNOUNCED. 1 Jan, 30 Apr, 1 May and Hùng Kings' substitute Mon 27 Apr (the day falls
 *   on Sun 26 Apr) are DERIVED. A province's own swap (Lai Châu: Mon 31 Aug off, Sat 22 Aug worked) is
 *   not loaded: check the city's notice and add it through the admin route.
 * - 2027: everything is DERIVED. Tết follows the 2026 pattern (29 Chạp to mùng 4 = Fri 5 – Tue 9 Feb);
 *   Sat 6 and Sun 7 Feb fall on the weekend, so their substitutes are Wed 10 and Thu 11 Feb. 1 May is a
 *   Saturday → Mon 3 May. National Day: Thu 2 Sep plus the adjacent Fri 3 Sep.
 */
import * as z from 'zod/mini';

export interface CalendarDay {
  /** YYYY-MM-DD, Vietnam date. */
  date: string;
  nameVi: string;
  nameEn: string;
}

export interface YearCalendar {
  year: number;
  /** Weekdays that are not working days. */
  holidays: CalendarDay[];
  /** Saturdays/Sundays that are working days (ngày làm bù). */
  makeUpDays: CalendarDay[];
}

const day = (date: string, nameVi: string, nameEn: string): CalendarDay => ({ date, nameVi, nameEn });

const NEW_YEAR = ['Tết Dương lịch', 'New Year’s Day'] as const;
const TET = (n: string, en: string) => [`Tết Nguyên đán (${n})`, `Lunar New Year (${en})`] as const;
const HUNG = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings’ Commemoration Day'] as const;
const HUNG_SUB = ['Nghỉ bù Giỗ Tổ Hùng Vương', 'Hùng Kings’ Day (substitute)'] as const;
const REUNIFICATION = ['Ngày Chiến thắng (30/4)', 'Reunification Day'] as const;
const LABOUR = ['Ngày Quốc tế Lao động (1/5)', 'International Labour Day'] as const;
const LABOUR_SUB = ['Nghỉ bù Ngày Quốc tế Lao động', 'Labour Day (substitute)'] as const;
const NATIONAL = ['Quốc khánh (2/9)', 'National Day'] as const;
const NATIONAL_ADJ = ['Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'] as const;

export const DEFAULT_CALENDARS: YearCalendar[] = [
  {
    year: 2025,
    holidays: [
      day('2025-01-01', ...NEW_YEAR),
      day('2025-01-27', ...TET('28 tháng Chạp', '28th of the 12th lunar month')),
      day('2025-01-28', ...TET('29 tháng Chạp', 'Lunar New Year’s Eve')),
      day('2025-01-29', ...TET('mùng 1 Tết Ất Tỵ', 'first day')),
      day('2025-01-30', ...TET('mùng 2', 'second day')),
      day('2025-01-31', ...TET('mùng 3', 'third day')),
      day('2025-04-07', ...HUNG),
      day('2025-04-30', ...REUNIFICATION),
      day('2025-05-01', ...LABOUR),
      day('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'Swapped day off (worked on Sat 26 Apr)'),
      day('2025-09-01', ...NATIONAL_ADJ),
      day('2025-09-02', ...NATIONAL),
    ],
    makeUpDays: [day('2025-04-26', 'Làm bù cho thứ Sáu 2/5', 'Working Saturday (for Fri 2 May)')],
  },
  {
    year: 2026,
    holidays: [
      day('2026-01-01', ...NEW_YEAR),
      day('2026-02-16', ...TET('29 tháng Chạp', 'Lunar New Year’s Eve')),
      day('2026-02-17', ...TET('mùng 1 Tết Bính Ngọ', 'first day')),
      day('2026-02-18', ...TET('mùng 2', 'second day')),
      day('2026-02-19', ...TET('mùng 3', 'third day')),
      day('2026-02-20', ...TET('mùng 4', 'fourth day')),
      day('2026-04-27', ...HUNG_SUB),
      day('2026-04-30', ...REUNIFICATION),
      day('2026-05-01', ...LABOUR),
      day('2026-09-01', ...NATIONAL_ADJ),
      day('2026-09-02', ...NATIONAL),
    ],
    makeUpDays: [],
  },
  {
    year: 2027,
    holidays: [
      day('2027-01-01', ...NEW_YEAR),
      day('2027-02-05', ...TET('29 tháng Chạp', 'Lunar New Year’s Eve')),
      day('2027-02-08', ...TET('mùng 3 Tết Đinh Mùi', 'third day')),
      day('2027-02-09', ...TET('mùng 4', 'fourth day')),
      day('2027-02-10', ...TET('nghỉ bù mùng 1', 'substitute for the first day')),
      day('2027-02-11', ...TET('nghỉ bù mùng 2', 'substitute for the second day')),
      day('2027-04-16', ...HUNG),
      day('2027-04-30', ...REUNIFICATION),
      day('2027-05-03', ...LABOUR_SUB),
      day('2027-09-02', ...NATIONAL),
      day('2027-09-03', ...NATIONAL_ADJ),
    ],
    makeUpDays: [],
  },
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date (no time zone involved). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const calendarDaySchema = z.strictObject({
  date: z.string().check(z.refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và có thật' })),
  nameVi: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  nameEn: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
});

/**
 * What an administrator may save for one year: dates inside the year, no date twice (across both
 * lists), holidays on weekdays only (a weekend holiday is expressed by its substitute weekday),
 * make-up days on Saturdays or Sundays only.
 */
export const yearCalendarSchema = z.strictObject({
  year: z.int().check(z.gte(2000), z.lte(2100)),
  holidays: z.array(calendarDaySchema).check(z.maxLength(60)),
  makeUpDays: z.array(calendarDaySchema).check(z.maxLength(20)),
}).check(
  z.superRefine((cal, ctx) => {
    const seen = new Set<string>();
    const lists = [['holidays', cal.holidays], ['makeUpDays', cal.makeUpDays]] as const;
    for (const [list, days] of lists) {
      days.forEach((d, i) => {
        const path = [list, i, 'date'];
        if (!isIsoDate(d.date)) return;
        if (!d.date.startsWith(`${cal.year}-`)) {
          ctx.addIssue({ code: 'custom', path, input: d.date, message: `Ngày ${d.date} không thuộc năm ${cal.year}` });
        }
        if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path, input: d.date, message: `Ngày ${d.date} bị lặp lại` });
        seen.add(d.date);
        const weekend = [0, 6].includes(weekdayOf(d.date));
        if (list === 'holidays' && weekend) {
          ctx.addIssue({ code: 'custom', path, input: d.date, message: `Ngày nghỉ ${d.date} rơi vào cuối tuần: hãy ghi ngày nghỉ bù` });
        }
        if (list === 'makeUpDays' && !weekend) {
          ctx.addIssue({ code: 'custom', path, input: d.date, message: `Ngày làm bù ${d.date} phải là thứ Bảy hoặc Chủ nhật` });
        }
      });
    }
  }),
);

/** A year as GET/PUT /api/calendar/{year} answer it: the days, and where they came from. */
export const calendarYearViewSchema = z.object({
  ...yearCalendarSchema.shape,
  source: z.enum(['edited', 'default', 'none']).check(z.describe('`edited`: saved by an administrator; `default`: shipped with the portal; `none`: weekends only')),
  updatedAt: z.optional(z.string().check(z.describe('ISO-8601 instant (UTC)'))),
});
