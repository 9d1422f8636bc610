import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { submitDossier } from '../../services/dossiers';

/** Submit, or return a supplemented dossier: 422 listing what is missing, else the code and due date. */
export const handler = httpHandler('dossiers.submit', async (request) => ({
  body: await submitDossier(dossierDeps, request.path.dossierId, request.body.version, callerOf(request)),
}));
