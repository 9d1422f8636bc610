/**
 * Where generated documents (receipt PDFs) live: an S3 bucket in AWS (`DOCUMENTS_BUCKET`), a
 * directory locally and in tests (`DOCUMENTS_DIR`). Services see only `DocumentStore`. A function
 * that stores or serves documents calls `documentStore()` at cold start, so a missing setting
 * stops it before it serves anything.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config, type Config } from './config';

export interface DocumentStore {
  putObject(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or undefined when there is no such object. */
  getObject(key: string): Promise<Uint8Array | undefined>;
}

/** Keys are relative paths of safe segments: `receipts/2026/HD-2026-000001.pdf`. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) throw new Error(`Invalid document key ${key}`);
}

/** The local stand-in for the bucket: one file per key under `root`, written atomically. */
export function fileDocumentStore(root: string): DocumentStore {
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
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
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
export function s3DocumentStore(bucket: string, client: S3Client): DocumentStore {
  return {
    async putObject(key, body, contentType) {
      checkKey(key);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async getObject(key) {
      checkKey(key);
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
  };
}

/** The store the configuration names: the bucket in AWS, the directory locally. */
export function documentStoreFrom(
  settings: Pick<Config, 'DOCUMENTS_BUCKET' | 'DOCUMENTS_DIR'> & Partial<Pick<Config, 'AWS_REGION'>>,
  s3Client: () => S3Client = () => new S3Client(settings.AWS_REGION ? { region: settings.AWS_REGION } : {}),
): DocumentStore {
  if (settings.DOCUMENTS_BUCKET) return s3DocumentStore(settings.DOCUMENTS_BUCKET, s3Client());
  if (settings.DOCUMENTS_DIR) return fileDocumentStore(settings.DOCUMENTS_DIR);
  throw new Error('Invalid configuration: DOCUMENTS_BUCKET or DOCUMENTS_DIR is required by this function');
}

let store: DocumentStore | undefined;
/** The container's store, created on first use (call it at module load to fail at cold start). */
export function documentStore(): DocumentStore {
  store ??= documentStoreFrom(config);
  return store;
}
