/**
 * The local stand-in for S3 presigned URLs (ADR 0015): `PUT` and `GET` on
 * `/sandbox/documents/<key>?ct=&len=&exp=&sig=`, answered only when the HMAC signature
 * (`DOCUMENTS_URL_KEY`) covers this method, key, content type, exact length and expiry, and the
 * request keeps to them. Anything else is a 403, as S3 answers a bad or expired signature, so the
 * browser code that uploads with XHR (progress events) runs unchanged against both.
 *
 * The file store behind it is the same `DOCUMENTS_DIR` the functions use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_DOCUMENTS_PATH, fileDocumentStore, localUrlSignatureMatches } from '../platform/file-store';
import { send } from './respond';

export { LOCAL_DOCUMENTS_PATH };

/** The largest body the endpoint reads (the largest document a procedure may declare is 20 MB). */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

function deny(res: ServerResponse, reason: string): void {
  send(res, 403, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${reason}</Message></Error>`, {
    'content-type': 'application/xml',
  });
}

/** Same-origin locally, but the page may run on the Astro dev server: answer CORS as the bucket does for the site's origin. */
function corsHeaders(req: IncomingMessage, origin: string): Record<string, string> {
  const from = req.headers.origin;
  return from === origin ? { 'access-control-allow-origin': from, vary: 'origin' } : {};
}

export function documentsEndpoint(settings: { documentsDir: string; secret: string; origin: string; now?: () => Date }) {
  const store = fileDocumentStore(settings.documentsDir);
  const now = settings.now ?? (() => new Date());

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      return send(res, 204, '', {
        ...corsHeaders(req, settings.origin),
        'access-control-allow-methods': 'PUT, GET',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
    }
    if (method !== 'PUT' && method !== 'GET') return deny(res, 'Method not allowed');
    const key = decodeURIComponent(url.pathname.slice(LOCAL_DOCUMENTS_PATH.length));
    const contentType = url.searchParams.get('ct') ?? '';
    const expires = Number(url.searchParams.get('exp'));
    const signature = url.searchParams.get('sig') ?? '';
    const lengthParam = url.searchParams.get('len');
    const sizeBytes = lengthParam === null ? undefined : Number(lengthParam);
    if (!Number.isInteger(expires) || (sizeBytes !== undefined && !Number.isInteger(sizeBytes))) return deny(res, 'Malformed URL');
    if ((method === 'PUT') !== (sizeBytes !== undefined)) return deny(res, 'Signature does not match');
    if (!localUrlSignatureMatches(settings.secret, { method, key, contentType, sizeBytes, expires }, signature)) return deny(res, 'Signature does not match');
    if (expires * 1000 < now().getTime()) return deny(res, 'Request has expired');

    if (method === 'GET') {
      let body: Uint8Array | undefined;
      try {
        body = await store.getObject(key);
      } catch {
        return deny(res, 'Invalid key');
      }
      if (!body) return send(res, 404, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>', { 'content-type': 'application/xml' });
      return send(res, 200, Buffer.from(body), { 'content-type': contentType, 'cache-control': 'private, no-store', ...corsHeaders(req, settings.origin) });
    }

    // PUT: the signed type and exact length, as S3 checks the signed headers.
    if ((req.headers['content-type'] ?? '') !== contentType) return deny(res, 'Content-Type is not the signed one');
    if (req.headers['content-length'] !== String(sizeBytes)) return deny(res, 'Content-Length is not the signed one');
    const body = await readExactly(req, sizeBytes ?? 0);
    if (!body) return deny(res, 'Body length is not the signed one');
    try {
      await store.putObject(key, body, contentType);
    } catch {
      return deny(res, 'Invalid key');
    }
    return send(res, 200, '', { etag: '"local"', ...corsHeaders(req, settings.origin) });
  };
}

/** The body if it is exactly `length` bytes (and no more than the endpoint's limit), else undefined. */
function readExactly(req: IncomingMessage, length: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (length > MAX_UPLOAD_BYTES) {
      req.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > length) {
        if (!done) resolve(undefined);
        done = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(size === length ? Buffer.concat(chunks) : undefined);
      done = true;
    });
    req.on('error', reject);
  });
}
