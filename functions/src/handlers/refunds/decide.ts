import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { decideRefund } from '../../services/refunds';

/** The second person approves (then VNPay refunds) or rejects with a reason; never the requester. */
export const handler = httpHandler('refunds.decide', async ({ path, body, principal, requestId }) => ({
  body: await decideRefund(platformDeps, path.refundId, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
