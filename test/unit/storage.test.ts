/**
 * The documents store (functions/src/platform/storage.ts): the S3 implementation against a mocked
 * S3 client, answering like the file store — bytes back, `undefined` for a missing key — and the
 * choice between the two by configuration.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentStoreFrom, fileDocumentStore, s3DocumentStore, type DocumentStore } from '../../functions/src/platform/storage';

const BUCKET = 'portal-storagedocuments-1a2b3c4d5e6f';
const KEY = 'receipts/2026/HD-2026-000001.pdf';
const PDF = new TextEncoder().encode('%PDF-1.7 test receipt');

const s3 = mockClient(S3Client);
const client = new S3Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

/** What the SDK hands back as GetObject's Body, reduced to the one method the store uses. */
const bodyOf = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as unknown as GetObjectCommandOutput['Body'];
const noSuchKey = () => new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });

beforeEach(() => {
  s3.reset();
});

describe('the S3 documents store', () => {
  const store = () => s3DocumentStore(BUCKET, client);

  it('puts the object with its content type and leaves encryption to the bucket default (SSE-KMS, documents key)', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store().putObject(KEY, PDF, 'application/pdf');
    const calls = s3.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input).toMatchObject({ Bucket: BUCKET, Key: KEY, ContentType: 'application/pdf' });
    expect(input?.Body).toBe(PDF);
    // 'aws:kms' without a key id would use the AWS-managed aws/s3 key, not the bucket's own.
    expect(input).not.toHaveProperty('ServerSideEncryption');
    expect(input).not.toHaveProperty('SSEKMSKeyId');
  });

  it('gets the object as a Buffer of its bytes', async () => {
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: KEY }).resolves({ Body: bodyOf(PDF) });
    const got = await store().getObject(KEY);
    expect(Buffer.isBuffer(got)).toBe(true);
    expect(Buffer.from(got ?? []).equals(Buffer.from(PDF))).toBe(true);
  });

  it('answers undefined for a missing key (NoSuchKey), as the file store does', async () => {
    s3.on(GetObjectCommand).rejects(noSuchKey());
    await expect(store().getObject('receipts/2026/HD-2026-999999.pdf')).resolves.toBeUndefined();
  });

  it('throws any other S3 error (AccessDenied is not "not found")', async () => {
    s3.on(GetObjectCommand).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } }));
    await expect(store().getObject(KEY)).rejects.toThrow(/Access Denied/);
  });

  it('refuses keys the file store refuses, before calling S3', async () => {
    for (const key of ['../etc/passwd', '/receipts/x.pdf', 'receipts//x.pdf', 'receipts/../x.pdf', '']) {
      await expect(store().putObject(key, PDF, 'application/pdf'), key).rejects.toThrow(/Invalid document key/);
      await expect(store().getObject(key), key).rejects.toThrow(/Invalid document key/);
    }
    expect(s3.calls()).toHaveLength(0);
  });
});

describe('the file store answers the same way', () => {
  let dir: string;
  let store: DocumentStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portal-storage-test-'));
    store = fileDocumentStore(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the bytes and answers undefined for a missing key', async () => {
    await store.putObject(KEY, PDF, 'application/pdf');
    expect(Buffer.from((await store.getObject(KEY)) ?? []).equals(Buffer.from(PDF))).toBe(true);
    await expect(store.getObject('receipts/2026/HD-2026-999999.pdf')).resolves.toBeUndefined();
  });
});

describe('choosing the store from the configuration', () => {
  it('uses the bucket when DOCUMENTS_BUCKET is set (even if DOCUMENTS_DIR is too)', async () => {
    s3.on(GetObjectCommand).rejects(noSuchKey());
    const store = documentStoreFrom({ DOCUMENTS_BUCKET: BUCKET, DOCUMENTS_DIR: '/nonexistent', AWS_REGION: 'ap-southeast-1' }, () => client);
    await expect(store.getObject(KEY)).resolves.toBeUndefined();
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: KEY });
  });

  it('builds its own client when none is given, without calling AWS', () => {
    expect(() => documentStoreFrom({ DOCUMENTS_BUCKET: BUCKET, AWS_REGION: 'ap-southeast-1' })).not.toThrow();
  });

  it('fails at cold start when neither is set', () => {
    expect(() => documentStoreFrom({})).toThrow('Invalid configuration: DOCUMENTS_BUCKET or DOCUMENTS_DIR is required by this function');
  });
});
