import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { rate } from '../../../services/ratings';

/** Rate a checked-in appointment, or change the rating within 7 days. */
export const handler = httpHandler('ratings.appointment.put', async ({ path, body, principal }) => ({
  body: await rate(platformDeps, principal!, 'appointment', path.appointmentId, body),
}));
