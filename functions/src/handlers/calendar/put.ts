import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { saveCalendarYear } from '../../services/calendar';

/** An administrator replaces a year's holidays and make-up days (audited); due dates use it from then on. */
export const handler = httpHandler('calendar.put', async ({ path, body, principal, requestId }) => ({
  body: await saveCalendarYear(platformDeps, Number(path.year), body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
