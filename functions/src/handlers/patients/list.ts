import { platformDeps } from '../../platform/deps';
import { httpHandler } from '../../platform/http';
import { myProfiles } from '../../services/booking';

/** Saved patient profiles of the signed-in citizen (self and family). */
export const handler = httpHandler('patients.list', async ({ principal }) => ({ body: await myProfiles(platformDeps, principal!) }));
