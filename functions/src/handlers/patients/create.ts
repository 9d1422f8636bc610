import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { saveProfile } from '../../services/booking';

/** Save a patient profile for the next bookings. */
export const handler = httpHandler('patients.create', async ({ body, principal }) => ({
  status: 201,
  body: await saveProfile(platformDeps, principal!, body),
}));
