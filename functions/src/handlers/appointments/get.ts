import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { myAppointment } from '../../services/booking';

/** One of my bookings; someone else's is 404. */
export const handler = httpHandler('appointments.get', async ({ path, principal }) => ({
  body: await myAppointment(platformDeps, principal!, path.appointmentId),
}));
