import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { changeSession } from '../../../services/booking-staff';

/** New capacity (not below the places taken) or closing the session (its patients are told). */
export const handler = httpHandler('schedule.session.update', async ({ path, body, principal, requestId }) => ({
  body: await changeSession(platformDeps, path.hospitalId, path.sessionId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
