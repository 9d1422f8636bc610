import { yearCalendarSchema } from '@portal/shared/calendar/holidays';
import { calendarYearParams } from '@portal/shared/dossiers/api';
import { httpHandler } from '../../platform/http';
import { saveCalendarYear } from '../../services/calendar';
import { callerOf, dossierDeps } from '../../services/dossier-deps';

/** An administrator replaces a year's holidays and make-up days (audited); due dates use it from then on. */
export const handler = httpHandler('calendar.put', { path: calendarYearParams, body: yearCalendarSchema }, async (request) => ({
  body: await saveCalendarYear(dossierDeps, Number(request.path.year), request.body, callerOf(request)),
}));
