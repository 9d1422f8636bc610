/** Admin-edited working-day calendars: one item per year in the `CALENDAR` partition. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { YearCalendar } from '@portal/shared/calendar/holidays';
import { keys } from '@portal/shared/table';
import { auditEntry, type AuditContext } from './audit';
import { transact, type Deps } from './dossiers';

export interface StoredYear extends YearCalendar {
  updatedAt: string;
  updatedBy: string;
}

/** Every edited year (a handful of items): one Query. */
export async function listCalendarYears(deps: Deps): Promise<StoredYear[]> {
  const { Items = [] } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.calendarYears().pk, ':p': 'YEAR#' },
    }),
  );
  return Items.map(({ year, holidays, makeUpDays, updatedAt, updatedBy }) => ({ year, holidays, makeUpDays, updatedAt, updatedBy }) as StoredYear);
}

/** Replace a year, with its audit entry, in one transaction. */
export async function putCalendarYear(deps: Deps, year: YearCalendar, ctx: AuditContext): Promise<StoredYear> {
  const stored: StoredYear = { ...year, updatedAt: ctx.now.toISOString(), updatedBy: ctx.principal.userId };
  await transact(deps, [
    { Put: { TableName: deps.tableName, Item: { ...keys.calendarYear(year.year), type: 'calendarYear', ...stored } } },
    auditEntry(deps.tableName, ctx, 'calendar.put', { type: 'calendar', id: String(year.year) }, { holidays: year.holidays.length, makeUpDays: year.makeUpDays.length }),
  ]);
  return stored;
}
