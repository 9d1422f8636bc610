import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { deskBills } from '../../services/desk';

/** The cashier's bills of a day, or a search by bill code or patient code. */
export const handler = httpHandler('desk.bills', async ({ path, query, principal, requestId }) => ({
  body: { items: await deskBills(platformDeps, path.hospitalId, query, { principal: principal!, requestId, now: platformDeps.now() }) },
}));
