import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { changeLicenceStatus } from '../../services/licences/status';

/** An administrator suspends, revokes or reinstates a licence with a reason (audited; the holder is told). */
export const handler = httpHandler('licences.status', async ({ path, body, principal, requestId }) => ({
  body: await changeLicenceStatus(platformDeps, path.number, body, { principal: principal!, requestId, now: platformDeps.now() }),
}));
