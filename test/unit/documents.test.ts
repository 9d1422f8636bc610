/**
 * The documents pieces that need no table (ADR 0015): S3 presigned uploads sign the content type
 * and exact length and expire within 10 minutes; local signed URLs break when any signed part
 * changes; KMS's DER signatures become the P1363 form WebCrypto verifies; licence numbers,
 * validity, status rules and reminder days.
 */
import { createHash, generateKeyPairSync, sign, webcrypto } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { localUrlSignature, localUrlSignatureMatches, s3DocumentStore } from '../../functions/src/platform/storage';
import { derToP1363, verifySignature } from '../../functions/src/services/licences/signer';
import { currentLicenceStatus, formatLicenceNumber, licenceDocumentKey, licencePrefixFor, remindersDue, statusChangeAllowed, validUntilFor } from '../../shared/src/licences/licence';
import { catalogue } from '../../shared/src/procedures/catalogue';

const client = new S3Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const NOW = new Date('2026-03-05T02:00:00Z');

describe('S3 presigned requests', () => {
  it('sign content-type and content-length into an upload that lives 10 minutes', async () => {
    const upload = await s3DocumentStore('portal-docs', client).presignUpload('dossiers/01J/01K.pdf', { contentType: 'application/pdf', sizeBytes: 12345 }, NOW);
    const url = new URL(upload.url);
    expect(upload.method).toBe('PUT');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host']);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(upload.headers).toEqual({ 'content-type': 'application/pdf' });
    expect(upload.expiresAt).toBe('2026-03-05T02:10:00.000Z');
    expect(url.pathname).toBe('/dossiers/01J/01K.pdf');
  });

  it('make downloads live 5 minutes and answer with the recorded content type', async () => {
    const download = await s3DocumentStore('portal-docs', client).presignDownload('dossiers/01J/01K.png', { contentType: 'image/png' }, NOW);
    const url = new URL(download.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-type')).toBe('image/png');
  });
});

describe('local signed URLs', () => {
  const secret = 'k'.repeat(40);
  const parts = { method: 'PUT' as const, key: 'dossiers/a/b.pdf', contentType: 'application/pdf', sizeBytes: 10, expires: 1_800_000_000 };
  it('match only the exact method, key, type, length and expiry', () => {
    const signature = localUrlSignature(secret, parts);
    expect(localUrlSignatureMatches(secret, parts, signature)).toBe(true);
    for (const changed of [{ method: 'GET' as const }, { key: 'dossiers/a/c.pdf' }, { contentType: 'image/png' }, { sizeBytes: 11 }, { expires: parts.expires + 1 }]) {
      expect(localUrlSignatureMatches(secret, { ...parts, ...changed }, signature), JSON.stringify(changed)).toBe(false);
    }
    expect(localUrlSignatureMatches('x'.repeat(40), parts, signature)).toBe(false);
    expect(localUrlSignatureMatches(secret, parts, `${signature}x`)).toBe(false);
  });
});

describe('signatures: KMS DER → P1363 for WebCrypto', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const pdf = new TextEncoder().encode('%PDF-1.7 giấy phép');

  it('converts DER signatures (as KMS returns them) to the 64-byte form WebCrypto and node verify', async () => {
    for (let i = 0; i < 50; i++) {
      const der = new Uint8Array(sign('sha256', pdf, { key: privateKey, dsaEncoding: 'der' }));
      const raw = derToP1363(der);
      expect(raw).toHaveLength(64);
      expect(verifySignature(pdf, raw, spki)).toBe(true);
      if (i < 5) {
        const key = await webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        expect(await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, pdf)).toBe(true);
      }
    }
  });

  it('reads a tampered file or a signature by another key as invalid', () => {
    const raw = new Uint8Array(sign('sha256', pdf, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
    const tampered = new Uint8Array(pdf);
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    expect(verifySignature(tampered, raw, spki)).toBe(false);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(verifySignature(pdf, raw, new Uint8Array(other.publicKey.export({ type: 'spki', format: 'der' })))).toBe(false);
    expect(verifySignature(pdf, new Uint8Array(64), spki)).toBe(false);
    expect(createHash('sha256').update(pdf).digest()).toHaveLength(32);
  });
});

describe('licence rules', () => {
  it('numbers every procedure of the catalogue with its prefix', () => {
    const prefixes = new Set(catalogue.map((p) => licencePrefixFor(p)));
    expect([...prefixes].sort()).toEqual(['CBTTB', 'CCHND', 'GCNDKKD', 'GPHD', 'GPHN']);
    expect(formatLicenceNumber('GPHD', 2026, 7)).toBe('GPHD-2026-000007');
    expect(() => formatLicenceNumber('GPHD', 2026, 0)).toThrow();
    expect(licenceDocumentKey('GPHD-2026-000007')).toBe('licences/2026/GPHD-2026-000007.pdf');
  });

  it('is valid through the day before the anniversary (leap days included) and reads expired after', () => {
    expect(validUntilFor('2026-03-05', 5)).toBe('2031-03-04');
    expect(validUntilFor('2028-02-29', 5)).toBe('2033-02-28');
    expect(validUntilFor('2026-01-01', 5)).toBe('2030-12-31');
    expect(currentLicenceStatus('valid', '2031-03-04', new Date('2031-03-04T16:59:00Z'))).toBe('valid');
    expect(currentLicenceStatus('valid', '2031-03-04', new Date('2031-03-04T17:00:00Z'))).toBe('expired');
    expect(currentLicenceStatus('suspended', '2020-01-01', NOW)).toBe('suspended');
    expect(currentLicenceStatus('valid', undefined, NOW)).toBe('valid');
  });

  it('lets a licence be suspended, reinstated or revoked, and revocation is final', () => {
    expect(statusChangeAllowed('valid', 'suspended')).toBe(true);
    expect(statusChangeAllowed('suspended', 'valid')).toBe(true);
    expect(statusChangeAllowed('suspended', 'revoked')).toBe(true);
    expect(statusChangeAllowed('valid', 'valid')).toBe(false);
    expect(statusChangeAllowed('revoked', 'valid')).toBe(false);
    expect(statusChangeAllowed('revoked', 'suspended')).toBe(false);
  });

  it('reminds 60 days before, then 30, and catches up a missed day', () => {
    const until = '2026-06-30';
    expect(remindersDue(until, '2026-04-30')).toEqual([]);
    expect(remindersDue(until, '2026-05-01')).toEqual([60]);
    expect(remindersDue(until, '2026-05-30')).toEqual([60]);
    expect(remindersDue(until, '2026-05-31')).toEqual([30]);
    expect(remindersDue(until, '2026-06-30')).toEqual([30]);
    expect(remindersDue(until, '2026-07-01')).toEqual([]);
  });
});
