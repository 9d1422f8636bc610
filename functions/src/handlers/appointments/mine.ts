import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { myAppointments } from '../../services/booking';

/** The signed-in citizen's bookings, newest first. */
export const handler = httpHandler('appointments.mine', async ({ principal }) => ({ body: await myAppointments(platformDeps, principal!) }));
