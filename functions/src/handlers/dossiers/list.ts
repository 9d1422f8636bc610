import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { myDossiers } from '../../services/dossiers';

/** "Hồ sơ của tôi": the caller's dossiers, newest first (`?mine=1` is the only list there is). */
export const handler = httpHandler('dossiers.list', async (request) => ({
  body: await myDossiers(dossierDeps, callerOf(request)),
}));
