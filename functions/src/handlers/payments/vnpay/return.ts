import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { returnLocation } from '../../../services/payments';

/** The browser back from VNPay: changes nothing, sends the payer to our result page. */
export const handler = httpHandler('payments.vnpay.return', async ({ rawQuery }) => ({
  status: 303,
  headers: { location: await returnLocation(platformDeps, rawQuery) },
}));
