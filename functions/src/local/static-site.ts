/**
 * Serves the built Astro site as CloudFront does: `/x/` and `/x` map to `/x/index.html`,
 * hashed assets are cached for a year, HTML is revalidated, text is gzip-compressed, and a
 * missing page gets the site's 404 page; `/tra-cuu/bien-lai/<number>` and the other dynamic pages
 * of shared/src/dynamic-pages.ts get their one built page.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dynamicPageKey } from '@portal/shared/dynamic-pages';
import { send } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt', '.xml', '.webmanifest']);

/** Same rule as the CloudFront Function in the stack. */
export function objectKeyFor(pathname: string): string {
  if (pathname.endsWith('/')) return `${pathname}index.html`;
  if (!extname(pathname)) return `${pathname}/index.html`;
  return pathname;
}

export function staticSite(root: string) {
  const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

  async function resolve(pathname: string): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(objectKeyFor(pathname));
    } catch {
      return undefined;
    }
    const file = normalize(join(root, decoded));
    if (!file.startsWith(root + sep)) return undefined;
    try {
      const info = await stat(file);
      return info.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    // A page whose address carries a value (a receipt number) is one built page (shared/src/dynamic-pages.ts).
    const dynamic = dynamicPageKey(url.pathname);
    let found = await resolve(url.pathname) ?? (dynamic ? await resolve(dynamic) : undefined);
    let status = 200;
    if (!found) {
      found = await resolve('/404.html');
      status = 404;
      if (!found) return send(res, 404, 'Không tìm thấy trang', { 'content-type': 'text/plain; charset=utf-8' });
    }
    const ext = extname(found.file);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let cached = gzipCache.get(found.file);
      if (!cached || cached.mtimeMs !== found.mtimeMs) {
        cached = { mtimeMs: found.mtimeMs, body: gzipSync(await readFile(found.file)) };
        gzipCache.set(found.file, cached);
      }
      return send(res, status, req.method === 'HEAD' ? Buffer.alloc(0) : cached.body, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    }
    if (req.method === 'HEAD') return send(res, status, Buffer.alloc(0), headers);
    send(res, status, await readFile(found.file), headers);
  };
}
