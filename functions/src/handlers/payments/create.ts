import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { openPayment } from '../../services/payments';

/** Starts (or returns the open) VNPay payment of a payable; the amount is always the payable's. */
export const handler = httpHandler('payments.create', async ({ body, principal, sourceIp, lang }) => {
  const { created, payment } = await openPayment(platformDeps, body, { principal, ip: sourceIp, lang });
  return { status: created ? 201 : 200, body: payment };
});
