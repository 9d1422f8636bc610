import { httpHandler } from '../../../platform/http';
import { dossierDeps } from '../../../services/dossier-deps';
import { trackDossier } from '../../../services/dossier-public';

/** Public tracking: the code and the last 4 digits of the phone or ID number; status and dates only. */
export const handler = httpHandler('public.dossiers.get', async ({ path, query }) => ({
  body: await trackDossier(dossierDeps, path.code, query.check, dossierDeps.now()),
}));
