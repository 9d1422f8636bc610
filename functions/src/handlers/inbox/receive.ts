import { httpHandler } from '../../platform/http';
import { receiveMany } from '../../services/dossier-office';
import { callerOf, dossierDeps } from '../../services/dossier-deps';

/** Receive several dossiers at once; each succeeds or fails on its own. */
export const handler = httpHandler('inbox.receive', async (request) => ({
  body: await receiveMany(dossierDeps, request.body.items, callerOf(request)),
}));
