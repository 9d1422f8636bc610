/**
 * The API document as this container serves it: generated from the route table and the registry
 * the first time it is asked for (not at cold start, so no other route pays for it), then kept with
 * its ETag for the container's life — it can only change with a new deployment (ADR 0024).
 */
import { buildOpenApiDocument, type OpenApiDocument } from '@portal/shared/api/openapi';
import { createHash } from 'node:crypto';

export interface ServedDocument {
  document: OpenApiDocument;
  /** A strong validator: the hash of the serialised document. */
  etag: string;
}

let served: ServedDocument | undefined;

export function apiDocument(): ServedDocument {
  if (!served) {
    const document = buildOpenApiDocument();
    served = { document, etag: `"${createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 32)}"` };
  }
  return served;
}

/** `If-None-Match` as RFC 9110 reads it: `*`, or a list of tags, weak ones compared weakly. */
export function stillCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
