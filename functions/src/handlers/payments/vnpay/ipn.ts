import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { handleIpn } from '../../../services/payments';

/** VNPay's server-to-server notification: always HTTP 200 with {RspCode, Message}. */
export const handler = httpHandler('payments.vnpay.ipn', async ({ rawQuery }) => ({
  body: await handleIpn(platformDeps, rawQuery),
}));
