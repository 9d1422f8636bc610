/**
 * The working-day calendar the due dates are counted with: the years an administrator edited (the
 * table), each replacing the shipped default of that year (DEFAULT_CALENDARS). Read at most every
 * 10 s per container and table; an edit made in this container is seen at once.
 */
import { DEFAULT_CALENDARS, type YearCalendar } from '@portal/shared/calendar/holidays';
import { calendarOf, type WorkCalendar } from '@portal/shared/calendar/working-days';
import { ttlCache } from '../platform/ttl-cache';
import type { AuditContext } from '../repositories/audit';
import { listCalendarYears, putCalendarYear } from '../repositories/calendar';
import type { Deps } from '../repositories/dossiers';
import { AppError } from '../platform/errors';

export interface CalendarYearView extends YearCalendar {
  /** `edited`: saved by an administrator; `default`: shipped with the portal; `none`: weekends only. */
  source: 'edited' | 'default' | 'none';
  updatedAt?: string;
}

const caches = new Map<string, () => Promise<YearCalendar[]>>();

function editedYears(deps: Deps): () => Promise<YearCalendar[]> {
  let cache = caches.get(deps.tableName);
  if (!cache) {
    cache = ttlCache(10_000, () => listCalendarYears(deps));
    caches.set(deps.tableName, cache);
  }
  return cache;
}

/** Defaults with the edited years laid over them. */
export async function workCalendar(deps: Deps): Promise<WorkCalendar> {
  const edited = await editedYears(deps)();
  const byYear = new Map<number, YearCalendar>(DEFAULT_CALENDARS.map((y) => [y.year, y]));
  for (const y of edited) byYear.set(y.year, y);
  return calendarOf([...byYear.values()]);
}

export async function calendarYear(deps: Deps, year: number): Promise<CalendarYearView> {
  const edited = (await listCalendarYears(deps)).find((y) => y.year === year);
  if (edited) return { year, holidays: edited.holidays, makeUpDays: edited.makeUpDays, source: 'edited', updatedAt: edited.updatedAt };
  const shipped = DEFAULT_CALENDARS.find((y) => y.year === year);
  if (shipped) return { ...shipped, source: 'default' };
  return { year, holidays: [], makeUpDays: [], source: 'none' };
}

export async function saveCalendarYear(deps: Deps, year: number, body: YearCalendar, ctx: AuditContext): Promise<CalendarYearView> {
  if (body.year !== year) throw new AppError('validation_failed', { errors: [{ field: 'body.year', code: 'custom', message: `Năm trong nội dung (${body.year}) khác năm trên địa chỉ (${year})` }] });
  const stored = await putCalendarYear(deps, body, ctx);
  caches.delete(deps.tableName);
  return { year, holidays: stored.holidays, makeUpDays: stored.makeUpDays, source: 'edited', updatedAt: stored.updatedAt };
}
