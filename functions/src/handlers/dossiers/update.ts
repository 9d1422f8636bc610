import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { updateDossier } from '../../services/dossiers';

/** Saves a step of the form; 409 with the fresh dossier when the version is stale. */
export const handler = httpHandler('dossiers.update', async (request) => ({
  body: await updateDossier(dossierDeps, request.path.dossierId, request.body, callerOf(request)),
}));
