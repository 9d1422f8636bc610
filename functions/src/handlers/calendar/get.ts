import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { calendarYear } from '../../services/calendar';

/** A year's holidays and make-up days: as an administrator saved them, else the shipped default. */
export const handler = httpHandler('calendar.get', async ({ path }) => ({
  body: await calendarYear(platformDeps, Number(path.year)),
  headers: { 'cache-control': 'public, max-age=60' },
}));
