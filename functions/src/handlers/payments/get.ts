import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { paymentStatus } from '../../services/payments';

/** The result page polls this: the outcome from our records, never from the browser's redirect. */
export const handler = httpHandler('payments.get', async ({ path }) => ({
  body: await paymentStatus(platformDeps, path.paymentId),
}));
