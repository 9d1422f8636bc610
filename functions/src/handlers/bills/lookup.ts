import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { lookUpBill } from '../../services/bills';

/** A POST, so patient codes and dates of birth never appear in an address or an access log. */
export const handler = httpHandler('bills.lookup', async ({ body }) => ({
  body: await lookUpBill(platformDeps, body),
}));
