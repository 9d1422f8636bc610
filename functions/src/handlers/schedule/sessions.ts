import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { staffSessions } from '../../services/booking-staff';

/** The staff view of a specialty's sessions: closed ones included, with places taken. */
export const handler = httpHandler('schedule.sessions', async ({ path, query, principal, requestId }) => ({
  body: await staffSessions(platformDeps, path.hospitalId, query, { principal: principal!, requestId, now: platformDeps.now() }),
}));
