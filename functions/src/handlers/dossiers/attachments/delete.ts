import { httpHandler } from '../../../platform/http';
import { deleteAttachment } from '../../../services/attachments';
import { callerOf, documentsDeps } from '../../../services/documents-deps';

/** Removes a file while the dossier is editable. */
export const handler = httpHandler('dossiers.attachments.delete', async (request) => {
  await deleteAttachment(documentsDeps, request.path.dossierId, request.path.attachmentId, callerOf(request));
  return { status: 204 };
});
