import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { withdrawDossier } from '../../services/dossiers';

/** The applicant withdraws a submitted dossier. */
export const handler = httpHandler('dossiers.withdraw', async (request) => ({
  body: await withdrawDossier(dossierDeps, request.path.dossierId, request.body, callerOf(request)),
}));
