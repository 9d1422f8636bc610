import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { deskPayments } from '../../services/desk';

/** A hospital's payment attempts of a day, optionally by status (cashier and finance pages). */
export const handler = httpHandler('desk.payments', async ({ path, query, principal, requestId }) => ({
  body: { items: await deskPayments(platformDeps, path.hospitalId, query, { principal: principal!, requestId, now: platformDeps.now() }) },
}));
