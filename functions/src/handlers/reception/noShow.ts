import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { noShow } from '../../services/booking-staff';

/** Reception marks a booking as not attended (the no-show job does the rest after the session). */
export const handler = httpHandler('reception.noShow', async ({ path, principal, requestId }) => ({
  body: await noShow(platformDeps, path.hospitalId, path.appointmentId, { principal: principal!, requestId, now: platformDeps.now() }),
}));
