import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { myRating } from '../../../services/ratings';

/** The citizen's own rating of an appointment (and whether it can be rated yet). */
export const handler = httpHandler('ratings.appointment.get', async ({ path, principal }) => ({
  body: await myRating(platformDeps, principal!, 'appointment', path.appointmentId),
  headers: { 'cache-control': 'no-store' },
}));
