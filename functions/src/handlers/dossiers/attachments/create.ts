import { httpHandler } from '../../../platform/http';
import { createAttachment } from '../../../services/attachments';
import { callerOf, documentsDeps } from '../../../services/documents-deps';

/** An upload slot for one required document: `{ attachment, upload: { method, url, headers, expiresAt } }`; the browser PUTs the file there. */
export const handler = httpHandler('dossiers.attachments.create', async (request) => ({
  status: 201,
  body: await createAttachment(documentsDeps, request.path.dossierId, request.body, callerOf(request)),
}));
