import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { createDossier } from '../../services/dossiers';

/** A new draft for a procedure (partial data allowed), owned by the caller. */
export const handler = httpHandler('dossiers.create', async (request) => ({
  status: 201,
  body: await createDossier(dossierDeps, request.body, callerOf(request)),
}));
