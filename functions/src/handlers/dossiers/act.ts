import { httpHandler } from '../../platform/http';
import { actOnDossier } from '../../services/dossier-office';
import { callerOf, dossierDeps } from '../../services/dossier-deps';

/** An officer of the dossier's unit acts on it; 409 with the fresh dossier on a stale version or a lost race. */
export const handler = httpHandler('dossiers.act', async (request) => ({
  body: await actOnDossier(dossierDeps, request.path.dossierId, request.body, callerOf(request)),
}));
