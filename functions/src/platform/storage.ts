/**
 * Where generated documents (receipt PDFs) live: an S3 bucket in AWS (`DOCUMENTS_BUCKET`), a
 * directory locally and in tests (`DOCUMENTS_DIR`). Services see only `DocumentStore`. A function
 * that stores or serves documents calls `documentStore()` at cold start, so a missing setting
 * stops it before it serves anything.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
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
 * The store the configuration names. The S3 adapter needs `@aws-sdk/client-s3`, which is not a
 * dependency yet: until it is added, `DOCUMENTS_BUCKET` fails at cold start with that message.
 */
export function documentStoreFrom(settings: Pick<Config, 'DOCUMENTS_BUCKET' | 'DOCUMENTS_DIR'>): DocumentStore {
  if (settings.DOCUMENTS_BUCKET) throw new Error('DOCUMENTS_BUCKET is set but the S3 document store is not built in yet (add @aws-sdk/client-s3 and its adapter)');
  if (settings.DOCUMENTS_DIR) return fileDocumentStore(settings.DOCUMENTS_DIR);
  throw new Error('Invalid configuration: DOCUMENTS_BUCKET or DOCUMENTS_DIR is required by this function');
}

let store: DocumentStore | undefined;
/** The container's store, created on first use (call it at module load to fail at cold start). */
export function documentStore(): DocumentStore {
  store ??= documentStoreFrom(config);
  return store;
}
