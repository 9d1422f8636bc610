import { httpHandler } from '../../platform/http';
import { apiDocument, stillCurrent } from '../../services/api-document';

/** The OpenAPI document, made once per container; a client holding the current copy gets 304. */
export const handler = httpHandler('openapi.get', async ({ headers }) => {
  const { document, etag } = apiDocument();
  const caching = { etag, 'cache-control': 'public, max-age=300' };
  if (stillCurrent(headers['if-none-match'], etag)) return { status: 304, headers: caching };
  return { body: document, headers: caching };
});
