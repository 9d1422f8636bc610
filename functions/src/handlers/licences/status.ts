import { licenceNumberParams, licenceStatusBody } from '@portal/shared/dossiers/api';
import { httpHandler } from '../../platform/http';
import { callerOf, documentsDeps } from '../../services/documents-deps';
import { changeLicenceStatus } from '../../services/licences/status';

/** An administrator suspends, revokes or reinstates a licence with a reason (audited; the holder is told). */
export const handler = httpHandler('licences.status', { path: licenceNumberParams, body: licenceStatusBody }, async (request) => ({
  body: await changeLicenceStatus(documentsDeps, request.path.number, request.body, callerOf(request)),
}));
