import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { sessionAppointments } from '../../../services/booking-staff';

/** A session's bookings in queue order, for the printed list and reception's queue (audited). */
export const handler = httpHandler('schedule.session.appointments', async ({ path, principal, requestId }) => ({
  body: await sessionAppointments(platformDeps, path.hospitalId, path.sessionId, { principal: principal!, requestId, now: platformDeps.now() }),
}));
