/**
 * The administrator's working-day calendar form, pure: the rows as typed, checked with the same
 * rules as the API's `yearCalendarSchema` (shared/calendar/holidays.ts; kept in step by
 * test/unit/web/officer.test.ts) so every problem is named next to its row before saving, plus
 * weekday names and the licence-status form. No zod here (the schema module is imported for types).
 */
import type { CalendarDay, YearCalendar } from '@portal/shared/calendar/holidays';
import type { LicenceStatus } from '@portal/shared/dossiers/api';
import type { Lang } from './i18n';
import { isDay } from './staff-format';

export type CalendarList = 'holidays' | 'makeUpDays';
export type CalendarField = 'date' | 'nameVi' | 'nameEn';
export const NAME_MAX = 120;
export const MAX_ROWS: Record<CalendarList, number> = { holidays: 60, makeUpDays: 20 };

export interface CalendarProblem {
  list: CalendarList;
  /** Row index; -1 for a problem of the whole list (too many rows). */
  index: number;
  field: CalendarField;
  message: string;
}

const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** 0 = Sunday … 6 = Saturday of a YYYY-MM-DD date (no time zone involved). */
export const weekdayIndex = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** "Thứ Hai" for a real date, '' otherwise. */
export const weekdayName = (date: string, lang: Lang): string => (isDay(date) ? WEEKDAYS[lang][weekdayIndex(date)]! : '');

const M = {
  dateMissing: { vi: 'Nhập ngày', en: 'Enter the date' },
  dateInvalid: { vi: 'Ngày không hợp lệ (dạng ngày/tháng/năm có thật)', en: 'Enter a real date' },
  otherYear: (year: number) => ({ vi: `Ngày này không thuộc năm ${year}`, en: `This date is not in ${year}` }),
  duplicate: { vi: 'Ngày này đã có ở dòng khác (ngày nghỉ hoặc ngày làm bù)', en: 'This date is already on another row (holiday or make-up day)' },
  holidayWeekend: { vi: 'Ngày nghỉ rơi vào thứ Bảy hoặc Chủ nhật: hãy ghi ngày nghỉ bù (ngày thường) thay cho ngày này', en: 'This holiday falls on a weekend: enter its substitute weekday instead' },
  makeUpWeekday: { vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật', en: 'A make-up working day must be a Saturday or Sunday' },
  nameViMissing: { vi: 'Nhập tên ngày (tiếng Việt)', en: 'Enter the name in Vietnamese' },
  nameEnMissing: { vi: 'Nhập tên ngày (tiếng Anh)', en: 'Enter the name in English' },
  nameLong: { vi: `Tên tối đa ${NAME_MAX} ký tự`, en: `The name must be ${NAME_MAX} characters or fewer` },
  tooMany: (max: number) => ({ vi: `Tối đa ${max} dòng`, en: `At most ${max} rows` }),
};

/** The rows as the form holds them, trimmed, checked like `yearCalendarSchema`. */
export function checkCalendar(year: number, rows: Record<CalendarList, CalendarDay[]>, lang: Lang): { calendar: YearCalendar } | { problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  const seen = new Map<string, true>();
  const clean: Record<CalendarList, CalendarDay[]> = { holidays: [], makeUpDays: [] };
  for (const list of ['holidays', 'makeUpDays'] as const) {
    if (rows[list].length > MAX_ROWS[list]) problems.push({ list, index: -1, field: 'date', message: M.tooMany(MAX_ROWS[list])[lang] });
    rows[list].forEach((row, index) => {
      const date = row.date.trim();
      const nameVi = row.nameVi.trim();
      const nameEn = row.nameEn.trim();
      const add = (field: CalendarField, message: string) => problems.push({ list, index, field, message });
      if (!date) add('date', M.dateMissing[lang]);
      else if (!isDay(date)) add('date', M.dateInvalid[lang]);
      else if (!date.startsWith(`${year}-`)) add('date', M.otherYear(year)[lang]);
      else if (seen.has(date)) add('date', M.duplicate[lang]);
      else {
        const weekend = [0, 6].includes(weekdayIndex(date));
        if (list === 'holidays' && weekend) add('date', M.holidayWeekend[lang]);
        if (list === 'makeUpDays' && !weekend) add('date', M.makeUpWeekday[lang]);
      }
      if (isDay(date)) seen.set(date, true);
      if (!nameVi) add('nameVi', M.nameViMissing[lang]);
      else if (nameVi.length > NAME_MAX) add('nameVi', M.nameLong[lang]);
      if (!nameEn) add('nameEn', M.nameEnMissing[lang]);
      else if (nameEn.length > NAME_MAX) add('nameEn', M.nameLong[lang]);
      clean[list].push({ date, nameVi, nameEn });
    });
  }
  if (problems.length > 0) return { problems };
  const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);
  return { calendar: { year, holidays: clean.holidays.sort(byDate), makeUpDays: clean.makeUpDays.sort(byDate) } };
}

/** "holidays.2.date" (a problem+json field path) → where it goes in the form. */
export function calendarFieldOf(path: string): { list: CalendarList; index: number; field: CalendarField } | undefined {
  const m = /^(holidays|makeUpDays)\.(\d+)\.(date|nameVi|nameEn)$/.exec(path);
  return m ? { list: m[1] as CalendarList, index: Number(m[2]), field: m[3] as CalendarField } : undefined;
}

/* ------------------------------------------------------------------------------------------------
 * Licences
 * --------------------------------------------------------------------------------------------- */

export const LICENCE_STATUS_LABELS: Record<LicenceStatus, Record<Lang, string>> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  suspended: { vi: 'Bị đình chỉ', en: 'Suspended' },
  revoked: { vi: 'Bị thu hồi', en: 'Revoked' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
};

/** What an administrator may set: suspend or revoke a valid licence, reinstate a suspended one. */
export function licenceStatusChoices(current: LicenceStatus): ('valid' | 'suspended' | 'revoked')[] {
  switch (current) {
    case 'valid':
      return ['suspended', 'revoked'];
    case 'suspended':
      return ['valid', 'revoked'];
    default:
      return [];
  }
}

export const LICENCE_ACTION_LABELS: Record<'valid' | 'suspended' | 'revoked', Record<Lang, string>> = {
  valid: { vi: 'Cho hoạt động trở lại (hết đình chỉ)', en: 'Reinstate (end the suspension)' },
  suspended: { vi: 'Đình chỉ', en: 'Suspend' },
  revoked: { vi: 'Thu hồi', en: 'Revoke' },
};

/** A licence number as typed: upper-cased, spaces dropped; valid when it matches the API's pattern. */
export function normaliseLicenceNumber(text: string): string | undefined {
  const value = text.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2,8}-\d{4}-\d{6}$/.test(value) ? value : undefined;
}
