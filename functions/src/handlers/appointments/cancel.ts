import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { cancelMine } from '../../services/booking';

/** Cancel until the cut-off; the place returns to the session. Repeating it answers the same. */
export const handler = httpHandler('appointments.cancel', async ({ path, principal }) => ({
  body: await cancelMine(platformDeps, principal!, path.appointmentId),
}));
