import { platformDeps } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { pushBill } from '../../../services/bills';

/** The hospital's information system pushes a bill: 201 the first time, 200 with the same answer after. */
export const handler = httpHandler('his.bills.push', async ({ body, principal, requestId, lang }) => {
  const { created, billId, payLinkToken } = await pushBill(platformDeps, body, { principal: principal!, requestId, now: platformDeps.now() }, lang);
  return { status: created ? 201 : 200, body: { billId, payLinkToken } };
});
