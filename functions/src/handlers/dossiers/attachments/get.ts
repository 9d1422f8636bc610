import { httpHandler } from '../../../platform/http';
import { attachmentDownload } from '../../../services/attachments';
import { callerOf, documentsDeps } from '../../../services/documents-deps';

/** `{ url, expiresAt }`: a presigned GET of the file, for the applicant or officers of the unit (audited). */
export const handler = httpHandler('dossiers.attachments.get', async (request) => ({
  body: await attachmentDownload(documentsDeps, request.path.dossierId, request.path.attachmentId, callerOf(request)),
  headers: { 'cache-control': 'private, no-store' },
}));
