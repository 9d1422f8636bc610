/**
 * Where documents live (receipt PDFs, dossier attachments, signed licences): an S3 bucket in AWS
 * (`DOCUMENTS_BUCKET`), a directory locally and in tests (`DOCUMENTS_DIR`). Services see only
 * `DocumentStore`. A function that stores or serves documents calls `documentStore()` at cold
 * start, so a missing setting stops it before it serves anything.
 *
 * Browsers move attachments straight to and from storage with presigned requests (ADR 0015): in
 * AWS S3 presigned URLs (SigV4, Content-Type and Content-Length signed); locally the same kind of
 * URL, HMAC-signed, that the local server answers (functions/src/local/documents-endpoint.ts). So
 * the page does the same PUT with the same headers in both places.
 *
 * The S3 client and the presigner are loaded on first use, not at module load: loading them is
 * most of a cold start's cost, and many requests of the functions that import this module never
 * touch a document.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { config, type Config } from './config';
import { DOWNLOAD_URL_SECONDS, UPLOAD_URL_SECONDS, checkKey, fileDocumentStore, type DocumentStore } from './file-store';

export * from './file-store';

const s3Sdk = () => import('@aws-sdk/client-s3');
const presigner = () => import('@aws-sdk/s3-request-presigner');

/** A client given, or made by `make` on first use and kept; a failed make is retried next time. */
function lazyClient(client: S3Client | (() => S3Client | Promise<S3Client>)): () => Promise<S3Client> {
  if (typeof client !== 'function') return async () => client;
  let made: Promise<S3Client> | undefined;
  return () => {
    made ??= Promise.resolve()
      .then(client)
      .catch((error: unknown) => {
        made = undefined;
        throw error;
      });
    return made;
  };
}

/**
 * The documents bucket. Objects are encrypted by the bucket's default (SSE-KMS with the documents
 * key and a bucket key, infra/lib/storage.ts): the request names no encryption, because
 * `ServerSideEncryption: 'aws:kms'` without a key id would pick the AWS-managed `aws/s3` key
 * instead. Same key rules as the file store, so a key that works locally works here.
 *
 * A missing key answers `undefined`, like the file store, when S3 says NoSuchKey. S3 says so only
 * to a caller that may list the bucket; the portal roles may not (infra/lib/functions.ts), so in
 * AWS a missing object is a 403 AccessDenied, which is thrown: the services ask only for keys the
 * table records as issued, so a missing object there is an inconsistency, not a 404 (ADR 0011).
 */
export function s3DocumentStore(bucket: string, s3Client: S3Client | (() => S3Client | Promise<S3Client>)): DocumentStore {
  const clientOf = lazyClient(s3Client);
  return {
    async putObject(key, body, contentType) {
      checkKey(key);
      const [{ PutObjectCommand }, client] = await Promise.all([s3Sdk(), clientOf()]);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async getObject(key) {
      checkKey(key);
      const [{ GetObjectCommand, NoSuchKey }, client] = await Promise.all([s3Sdk(), clientOf()]);
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!Body) throw new Error(`Document ${key} has no body`);
        const bytes = await Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async deleteObject(key) {
      checkKey(key);
      const [{ DeleteObjectCommand }, client] = await Promise.all([s3Sdk(), clientOf()]);
      // The bucket is versioned: this adds a delete marker; the lifecycle rule expires the old version.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async headObject(key) {
      checkKey(key);
      const [{ HeadObjectCommand, NotFound }, client] = await Promise.all([s3Sdk(), clientOf()]);
      try {
        const { ContentLength } = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { sizeBytes: ContentLength ?? 0 };
      } catch (error) {
        // HEAD has no body, so a missing object is `NotFound` (404) only to a caller that may
        // list; the roles may not, and S3 answers 403 instead, which is "not there (yet)" for an
        // upload the browser has not finished: the only keys asked about are ones we presigned.
        const name = (error as Error).name;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (error instanceof NotFound || name === 'NotFound' || name === 'NoSuchKey' || status === 404 || status === 403) return undefined;
        throw error;
      }
    },
    async presignUpload(key, { contentType, sizeBytes }, now) {
      checkKey(key);
      const [{ PutObjectCommand }, { getSignedUrl }, client] = await Promise.all([s3Sdk(), presigner(), clientOf()]);
      const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: sizeBytes });
      // The presigner leaves content-type unsigned by default; signing it and the exact length
      // makes S3 refuse another type or size (403 SignatureDoesNotMatch).
      const url = await getSignedUrl(client, command, { expiresIn: UPLOAD_URL_SECONDS, signingDate: now, signableHeaders: new Set(['content-type', 'content-length']) });
      return { method: 'PUT', url, headers: { 'content-type': contentType }, expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString() };
    },
    async presignDownload(key, { contentType }, now) {
      checkKey(key);
      const [{ GetObjectCommand }, { getSignedUrl }, client] = await Promise.all([s3Sdk(), presigner(), clientOf()]);
      const command = new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentType: contentType, ResponseCacheControl: 'private, no-store' });
      const url = await getSignedUrl(client, command, { expiresIn: DOWNLOAD_URL_SECONDS, signingDate: now });
      return { method: 'GET', url, headers: {}, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
    },
  };
}

/** The store the configuration names: the bucket in AWS, the directory locally. */
export function documentStoreFrom(
  settings: Pick<Config, 'DOCUMENTS_BUCKET' | 'DOCUMENTS_DIR'> & Partial<Pick<Config, 'AWS_REGION' | 'DOCUMENTS_URL_KEY' | 'PUBLIC_BASE_URL'>>,
  s3Client: () => S3Client | Promise<S3Client> = async () => new (await s3Sdk()).S3Client(settings.AWS_REGION ? { region: settings.AWS_REGION } : {}),
): DocumentStore {
  if (settings.DOCUMENTS_BUCKET) return s3DocumentStore(settings.DOCUMENTS_BUCKET, s3Client);
  if (settings.DOCUMENTS_DIR) {
    const urls = settings.DOCUMENTS_URL_KEY && settings.PUBLIC_BASE_URL ? { baseUrl: settings.PUBLIC_BASE_URL, secret: settings.DOCUMENTS_URL_KEY } : undefined;
    return fileDocumentStore(settings.DOCUMENTS_DIR, urls);
  }
  throw new Error('Invalid configuration: DOCUMENTS_BUCKET or DOCUMENTS_DIR is required by this function');
}

let store: DocumentStore | undefined;
/** The container's store, created on first use (call it at module load to fail at cold start). */
export function documentStore(): DocumentStore {
  store ??= documentStoreFrom(config);
  return store;
}
