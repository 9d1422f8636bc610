import { httpHandler } from '../../platform/http';
import { callerOf, dossierDeps } from '../../services/dossier-deps';
import { dossierView } from '../../services/dossiers';

/** One dossier for its applicant (another's: 404) or an officer of its unit (another unit: 403; audited). */
export const handler = httpHandler('dossiers.get', async (request) => ({
  body: await dossierView(dossierDeps, request.path.dossierId, callerOf(request)),
}));
