import { httpHandler } from '../../platform/http';
import { inbox } from '../../services/dossier-office';
import { callerOf, dossierDeps } from '../../services/dossier-deps';

/** The officer's unit inbox by due date, filtered, with counts over all its open dossiers. */
export const handler = httpHandler('inbox.list', async (request) => ({
  body: await inbox(dossierDeps, request.query, callerOf(request)),
}));
