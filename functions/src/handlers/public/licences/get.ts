import { httpHandler } from '../../../platform/http';
import { verifyDeps } from '../../../services/documents-deps';
import { publicLicenceView } from '../../../services/licences/status';

/** Public licence check (the QR on the document): current status, and the signature re-verified against the stored file now. */
export const handler = httpHandler('public.licences.get', async (request) => ({
  body: await publicLicenceView(await verifyDeps(), request.path.number),
  headers: { 'cache-control': 'no-store' },
}));
