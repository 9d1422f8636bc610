import { httpHandler } from '../../platform/http';
import { callerOf, documentsDeps } from '../../services/documents-deps';
import { licencePdfForDossier } from '../../services/licences/status';

/** The signed licence PDF of a dossier: its holder or officers of the unit; 404 until issued. */
export const handler = httpHandler('dossiers.licence', async (request) => {
  const { number, pdf } = await licencePdfForDossier(documentsDeps, request.path.dossierId, callerOf(request));
  return {
    body: Buffer.from(pdf),
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="giay-phep-${number}.pdf"`, 'cache-control': 'private, no-store' },
  };
});
