/**
 * The document store's interface and its local stand-in (a directory), with the HMAC-signed URLs
 * the local server answers in place of S3 presigned URLs (ADR 0015). No configuration is read
 * here, so the local server can import it before the handlers' configuration exists;
 * `documentStore()` in storage.ts picks the store the configuration names.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';

/** A request the browser makes itself: exactly this method, URL and headers, before `expiresAt`. */
export interface PresignedRequest {
  method: 'PUT' | 'GET';
  url: string;
  /** Headers the request must carry as signed (upload: content-type; the browser sets content-length itself). */
  headers: Record<string, string>;
  expiresAt: string;
}

/** Upload URLs live 10 minutes, download URLs 5: long enough to start, short enough to leak little. */
export const UPLOAD_URL_SECONDS = 600;
export const DOWNLOAD_URL_SECONDS = 300;

export interface DocumentStore {
  putObject(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or undefined when there is no such object. */
  getObject(key: string): Promise<Uint8Array | undefined>;
  /** Removes the object (nothing happens when there is none). Only attachments are ever deleted. */
  deleteObject(key: string): Promise<void>;
  /** The object's size, or undefined when there is no such object (S3: needs ListBucket to tell, see below). */
  headObject(key: string): Promise<{ sizeBytes: number } | undefined>;
  /** A PUT the browser makes with this content type and exactly this many bytes, or it is refused. */
  presignUpload(key: string, upload: { contentType: string; sizeBytes: number }, now: Date): Promise<PresignedRequest>;
  /** A GET of the object, answered with this content type. */
  presignDownload(key: string, download: { contentType: string }, now: Date): Promise<PresignedRequest>;
}

/** Keys are relative paths of safe segments: `receipts/2026/HD-2026-000001.pdf`. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function checkKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) throw new Error(`Invalid document key ${key}`);
}

/**
 * What a local URL signs: method, key, content type, exact length (uploads) and expiry, so
 * changing any of them (or the path) breaks the signature. Base64url HMAC-SHA256.
 */
export function localUrlSignature(secret: string, parts: { method: 'PUT' | 'GET'; key: string; contentType: string; sizeBytes?: number; expires: number }): string {
  const payload = [parts.method, parts.key, parts.contentType, parts.sizeBytes ?? '', parts.expires].join('\n');
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function localUrlSignatureMatches(secret: string, parts: Parameters<typeof localUrlSignature>[1], signature: string): boolean {
  const want = Buffer.from(localUrlSignature(secret, parts));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Where the local server answers signed document URLs. */
export const LOCAL_DOCUMENTS_PATH = '/sandbox/documents/';

/**
 * The local stand-in for the bucket: one file per key under `root`, written atomically. With
 * `urls` (the local server's origin and HMAC key) it also presigns, as the S3 store does.
 */
export function fileDocumentStore(root: string, urls?: { baseUrl: string; secret: string }): DocumentStore {
  const base = normalize(root);
  const pathOf = (key: string) => {
    checkKey(key);
    const file = normalize(join(base, key));
    if (!file.startsWith(base + sep)) throw new Error(`Invalid document key ${key}`);
    return file;
  };
  return {
    async putObject(key, body) {
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(temp, body);
      await rename(temp, file);
    },
    async getObject(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async deleteObject(key) {
      await rm(pathOf(key), { force: true });
    },
    async headObject(key) {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { sizeBytes: info.size } : undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async presignUpload(key, { contentType, sizeBytes }, now) {
      pathOf(key);
      return localUrl('PUT', key, contentType, now, UPLOAD_URL_SECONDS, sizeBytes);
    },
    async presignDownload(key, { contentType }, now) {
      pathOf(key);
      return localUrl('GET', key, contentType, now, DOWNLOAD_URL_SECONDS);
    },
  };

  function localUrl(method: 'PUT' | 'GET', key: string, contentType: string, now: Date, seconds: number, sizeBytes?: number): PresignedRequest {
    if (!urls) throw new Error('Invalid configuration: DOCUMENTS_URL_KEY is required to presign local document URLs');
    const expires = Math.floor(now.getTime() / 1000) + seconds;
    const signature = localUrlSignature(urls.secret, { method, key, contentType, sizeBytes, expires });
    const query = new URLSearchParams({ ct: contentType, ...(sizeBytes === undefined ? {} : { len: String(sizeBytes) }), exp: String(expires), sig: signature });
    return {
      method,
      url: `${urls.baseUrl.replace(/\/+$/, '')}${LOCAL_DOCUMENTS_PATH}${key}?${query.toString()}`,
      headers: method === 'PUT' ? { 'content-type': contentType } : {},
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }
}

