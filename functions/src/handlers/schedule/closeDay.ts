import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { closeDay } from '../../services/booking-staff';

/** Close every open session of a day (a specialty, or the whole hospital); each closing notifies its patients. */
export const handler = httpHandler('schedule.closeDay', async ({ path, body, principal, requestId }) => ({
  body: await closeDay(platformDeps, path.hospitalId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
