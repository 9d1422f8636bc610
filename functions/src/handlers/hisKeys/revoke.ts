import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { revokeHisKey } from '../../services/his-keys';

/** An administrator revokes a HIS key (audited): the very next request with it is refused. */
export const handler = httpHandler('hisKeys.revoke', async ({ path, principal, requestId }) => ({
  body: await revokeHisKey(platformDeps, path.hospitalId, path.keyId, { principal: principal!, requestId, now: platformDeps.now() }),
}));
