import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { issueHisKey } from '../../services/his-keys';

/** An administrator issues an API key for a hospital's information system; it is shown only here. */
export const handler = httpHandler('hisKeys.create', async ({ path, body, principal, requestId }) => ({
  status: 201,
  body: await issueHisKey(platformDeps, path.hospitalId, body?.label, { principal: principal!, requestId, now: platformDeps.now() }),
}));
