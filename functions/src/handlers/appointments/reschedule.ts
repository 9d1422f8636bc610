import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { rescheduleMine } from '../../services/booking';

/** Move to another session of the same specialty: both places change in one transaction, or nothing does. */
export const handler = httpHandler('appointments.reschedule', async ({ path, body, principal }) => ({
  body: await rescheduleMine(platformDeps, principal!, path.appointmentId, body.sessionId),
}));
