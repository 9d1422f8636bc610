import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { hospitalRefunds } from '../../services/refunds';

/** The approvals list of one hospital, newest first, optionally by status. */
export const handler = httpHandler('refunds.list', async ({ path, query, principal, requestId }) => ({
  body: { items: await hospitalRefunds(platformDeps, path.hospitalId, query.status, { principal: principal!, requestId, now: platformDeps.now() }) },
}));
