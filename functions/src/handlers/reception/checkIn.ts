import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { checkIn } from '../../services/booking-staff';

/** Reception checks a patient in with the booking code (typed, or read from the QR). */
export const handler = httpHandler('reception.checkIn', async ({ path, body, principal, requestId }) => ({
  body: await checkIn(platformDeps, path.hospitalId, body.code, { principal: principal!, requestId, now: platformDeps.now() }),
}));
