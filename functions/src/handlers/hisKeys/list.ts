import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { listHisKeys } from '../../services/his-keys';

/** An administrator lists a hospital's HIS keys: label, issued when and by whom, last 4 characters, status; never a key. */
export const handler = httpHandler('hisKeys.list', async ({ path }) => ({
  body: await listHisKeys(platformDeps, path.hospitalId),
}));
