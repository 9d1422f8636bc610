import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { generateSessions } from '../../services/booking-staff';

/** Sessions from the weekly template for a date range (existing sessions are left alone). */
export const handler = httpHandler('schedule.generate', async ({ path, body, principal, requestId }) => ({
  status: 201,
  body: await generateSessions(platformDeps, path.hospitalId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
