import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { requestRefund } from '../../services/refunds';

/** A cashier asks for a refund (full or partial, with a reason); another staff member decides. */
export const handler = httpHandler('refunds.request', async ({ path, body, principal, requestId }) => ({
  status: 201,
  body: await requestRefund(platformDeps, path.paymentId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
