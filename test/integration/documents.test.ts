/**
 * Attachments and signed licences on the local stack (ADR 0015): the presigned upload round trip
 * through the local server (and what it refuses: another type or size, an expired or tampered
 * URL), attachment rules and authorization, and the licence of an approved dossier: issued once
 * (a re-run after a crash finishes without a second licence), a PDF with its number and
 * Vietnamese text, a signature WebCrypto-style ECDSA verifies and a tampered copy fails, status
 * changes visible at once on the public check, renewal reminders once each.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createPublicKey, verify, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierItem, historyItem, type StoredDossier } from '../../functions/src/repositories/dossiers';
import { getLicence, type StoredLicence } from '../../functions/src/repositories/licences';
import { newId } from '../../functions/src/platform/ids';
import type { fileDocumentStore as FileDocumentStore } from '../../functions/src/platform/storage';
import type { AttachmentView, DossierView, PublicLicenceView } from '../../shared/src/dossiers/api';
import { LICENCE_NUMBER, validUntilFor } from '../../shared/src/licences/licence';
import { keys } from '../../shared/src/table';
import { parsePdf } from '../helpers/pdf';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
/** The store the handlers use (imported after the portal has set the configuration). */
let fileDocumentStore: typeof FileDocumentStore;
beforeAll(async () => {
  portal = await startTestPortal();
  ({ fileDocumentStore } = await import('../../functions/src/platform/storage'));
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
const PROCEDURE = 'cap-moi-giay-phep-hanh-nghe';
const pdfBytes = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x41);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  return bytes;
};

async function newDraft(as: string): Promise<DossierView> {
  const response = await portal.request('/api/dossiers', { as, method: 'POST', headers: json, body: JSON.stringify({ procedureId: PROCEDURE, data: {} }) });
  expect(response.status).toBe(201);
  return (await response.json()) as DossierView;
}

interface Created {
  attachment: AttachmentView;
  upload: { method: string; url: string; headers: Record<string, string>; expiresAt: string };
}

async function slot(as: string, dossierId: string, body: Record<string, unknown>): Promise<Response> {
  return portal.request(`/api/dossiers/${dossierId}/attachments`, { as, method: 'POST', headers: json, body: JSON.stringify(body) });
}

describe('presigned uploads through the local server', () => {
  let dossier: DossierView;
  let created: Created;
  const body = pdfBytes(2048);

  beforeAll(async () => {
    dossier = await newDraft('citizen-an');
    const response = await slot('citizen-an', dossier.dossierId, { documentId: 'don-de-nghi', fileName: 'Đơn đề nghị - Nguyễn Văn An.pdf', contentType: 'application/pdf', sizeBytes: body.length });
    expect(response.status).toBe(201);
    created = (await response.json()) as Created;
  });

  it('answers an upload slot: a PUT URL with the signed content type, pending until the file is there', () => {
    expect(created.upload.method).toBe('PUT');
    expect(created.upload.headers).toEqual({ 'content-type': 'application/pdf' });
    expect(created.attachment.status).toBe('pending');
    // The file name is personal data: never in the URL.
    expect(created.upload.url).not.toContain('Nguy');
    expect(decodeURIComponent(created.upload.url)).not.toContain('Đơn');
    const expires = Date.parse(created.upload.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(60_000);
    expect(expires).toBeLessThanOrEqual(600_000);
  });

  it('refuses another content type, another length, a tampered URL and an expired one (403, as S3 does)', async () => {
    const put = (url: string, type: string, data: Uint8Array) => fetch(url, { method: 'PUT', headers: { 'content-type': type }, body: data });
    expect((await put(created.upload.url, 'image/png', body)).status).toBe(403);
    expect((await put(created.upload.url, 'application/pdf', body.slice(1))).status).toBe(403);
    expect((await put(created.upload.url, 'application/pdf', new Uint8Array([...body, 0]))).status).toBe(403);
    const tampered = new URL(created.upload.url);
    tampered.searchParams.set('len', String(body.length + 10));
    expect((await put(tampered.toString(), 'application/pdf', new Uint8Array(body.length + 10))).status).toBe(403);
    const otherKey = created.upload.url.replace(created.attachment.attachmentId, '01JDEMQ0000000000000000000');
    expect((await put(otherKey, 'application/pdf', body)).status).toBe(403);
    // The same store the handlers use, presigning as of 11 minutes ago: the URL has expired.
    const store = fileDocumentStore(process.env.DOCUMENTS_DIR!, { baseUrl: portal.url, secret: process.env.DOCUMENTS_URL_KEY! });
    const old = await store.presignUpload('dossiers/x/expired.pdf', { contentType: 'application/pdf', sizeBytes: body.length }, new Date(Date.now() - 11 * 60_000));
    const expired = await put(old.url, 'application/pdf', body);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
    // Nothing of the above reached storage.
    const view = (await (await portal.request(`/api/dossiers/${dossier.dossierId}`, { as: 'citizen-an' })).json()) as DossierView;
    expect(view.attachments.map((a) => a.status)).toEqual(['pending']);
  });

  it('accepts the exact PUT, then the dossier shows the file uploaded and a presigned GET returns the same bytes', async () => {
    const response = await fetch(created.upload.url, { method: 'PUT', headers: created.upload.headers, body });
    expect(response.status).toBe(200);
    const view = (await (await portal.request(`/api/dossiers/${dossier.dossierId}`, { as: 'citizen-an' })).json()) as DossierView;
    expect(view.attachments).toEqual([expect.objectContaining({ attachmentId: created.attachment.attachmentId, documentId: 'don-de-nghi', status: 'uploaded', fileName: 'Đơn đề nghị - Nguyễn Văn An.pdf' })]);
    const link = await portal.request(`/api/dossiers/${dossier.dossierId}/attachments/${created.attachment.attachmentId}`, { as: 'citizen-an' });
    expect(link.status).toBe(200);
    const { url, expiresAt } = (await link.json()) as { url: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(body);
    // A GET URL does not take a PUT.
    expect((await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body })).status).toBe(403);
  });

  it('checks type and size against the document, the document against the procedure, and files per document', async () => {
    const d = await newDraft('citizen-an');
    expect((await slot('citizen-an', d.dossierId, { documentId: 'don-de-nghi', fileName: 'a.png', contentType: 'image/png', sizeBytes: 1000 })).status).toBe(422);
    const tooLarge = await slot('citizen-an', d.dossierId, { documentId: 'don-de-nghi', fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 5 * 1024 * 1024 + 1 });
    expect(tooLarge.status).toBe(422);
    expect(((await tooLarge.json()) as { code: string }).code).toBe('attachment_too_large');
    expect((await slot('citizen-an', d.dossierId, { documentId: 'not-a-document', fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 1000 })).status).toBeGreaterThanOrEqual(400);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => slot('citizen-an', d.dossierId, { documentId: 'van-bang', fileName: `trang-${i}.pdf`, contentType: 'application/pdf', sizeBytes: 1000 })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409]);
    // Deleting one makes room for one more.
    const first = (await results.find((r) => r.status === 201)!.json()) as Created;
    expect((await portal.request(`/api/dossiers/${d.dossierId}/attachments/${first.attachment.attachmentId}`, { as: 'citizen-an', method: 'DELETE' })).status).toBe(204);
    expect((await slot('citizen-an', d.dossierId, { documentId: 'van-bang', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1000 })).status).toBe(201);
  });

  it('lets only the applicant and officers of the unit near the files: applicant B 404, officer of another unit 403', async () => {
    const path = `/api/dossiers/${dossier.dossierId}/attachments/${created.attachment.attachmentId}`;
    expect((await portal.request(path, { as: 'citizen-binh' })).status).toBe(404);
    expect((await portal.request(path, { as: 'citizen-binh', method: 'DELETE' })).status).toBe(404);
    expect((await slot('citizen-binh', dossier.dossierId, { documentId: 'don-de-nghi', fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 })).status).toBe(404);
    expect((await portal.request(path, { as: 'officer-tuan' })).status).toBe(403);
    expect((await portal.request(path, { as: 'officer-lan' })).status).toBe(200);
    expect((await portal.request(path)).status).toBe(401);
    // The officer's download is in the audit log.
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('dossier', dossier.dossierId).pk } }));
    expect((audit.Items ?? []).map((i) => `${String(i.action)}:${String(i.actorId)}`)).toContain('dossier.attachment.read:officer-lan');
  });
});

// ---- Licences ----

let sequence = 0;
/** An approved dossier as the dossiers service leaves it (written directly: the officer flow is the dossiers tests'). */
async function approvedDossier(overrides: Partial<StoredDossier> = {}): Promise<StoredDossier> {
  const id = newId();
  sequence++;
  const at = new Date().toISOString();
  const dossier: StoredDossier = {
    dossierId: id,
    procedureId: PROCEDURE,
    unitId: 'unit-nghiep-vu-y',
    state: 'approved',
    ownerId: 'citizen-an',
    ownerName: 'Nguyễn Văn An',
    applicantName: 'Nguyễn Văn An',
    data: { fullName: 'Nguyễn Văn An', profession: 'bac_sy', specialty: 'Nội khoa', phone: '0912345678', email: 'an.nguyen@example.vn' },
    code: `000.00.31.H29-260305-${String(1000 + sequence)}`,
    createdAt: at,
    updatedAt: at,
    requiresAppraisal: false,
    version: 7,
    ...overrides,
  };
  await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: dossierItem(dossier) }));
  await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: historyItem(id, 7, { at, action: 'approve', from: 'in_review', to: 'approved', actor: 'officer', by: { userId: 'officer-lan', name: 'Võ Thị Lan' } }) }));
  return dossier;
}

const runLicences = async (dossierIds?: string[]) => (await import('../../functions/src/jobs/licences')).handler(dossierIds ? { dossierIds } : {});
const dossierState = async (id: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.dossier(id), ConsistentRead: true }))).Item;
const publicView = async (number: string) => (await (await portal.request(`/api/public/licences/${number}`)).json()) as PublicLicenceView;

/** What a browser does: WebCrypto ECDSA P-256 / SHA-256 with the raw (P1363) signature and the SPKI key. */
async function webCryptoVerifies(pdf: Uint8Array, view: PublicLicenceView): Promise<boolean> {
  const key = await webcrypto.subtle.importKey('spki', Buffer.from(view.signature.publicKeySpki, 'base64'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(view.signature.value, 'base64'), pdf);
}

describe('the licence of an approved dossier', () => {
  let dossier: StoredDossier;
  let number: string;
  let pdf: Uint8Array;

  beforeAll(async () => {
    dossier = await approvedDossier();
  });

  it('is issued by the licences job: a number, the register entry, the dossier moves to result_issued', async () => {
    const result = await runLicences();
    expect(result.failed).toBe(0);
    expect(result.issued).toBeGreaterThanOrEqual(1);
    const after = await dossierState(dossier.dossierId);
    expect(after?.state).toBe('result_issued');
    number = String(after?.licenceNumber);
    expect(number).toMatch(LICENCE_NUMBER);
    expect(number).toMatch(/^GPHN-\d{4}-\d{6}$/);
    const stored = (await getLicence({ db: portal.db, tableName: portal.tableName }, number)) as StoredLicence;
    expect(stored).toMatchObject({ dossierId: dossier.dossierId, holderName: 'Nguyễn Văn An', status: 'valid', signedBy: 'Võ Thị Lan' });
    expect(stored.scopeVi).toContain('Nội khoa');
    // Five years' validity, through the day before the anniversary.
    expect(stored.validUntil).toBe(validUntilFor(stored.validFrom, 5));
    expect(Number(stored.validUntil!.slice(0, 4)) - Number(stored.validFrom.slice(0, 4))).toBeGreaterThanOrEqual(4);
  });

  it('is a PDF for the holder with its number and Vietnamese text; applicant B 404, another unit 403', async () => {
    const response = await portal.request(`/api/dossiers/${dossier.dossierId}/licence`, { as: 'citizen-an' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`giay-phep-${number}.pdf`);
    pdf = new Uint8Array(await response.arrayBuffer());
    const doc = parsePdf(pdf);
    expect(doc.info.Title).toBe(`Giấy phép hành nghề khám bệnh, chữa bệnh số ${number}`);
    expect(doc.info.Subject).toContain('Nguyễn Văn An');
    expect(doc.info.Keywords).toBe(number);
    expect(doc.text).toContain('Nguyễn Văn An');
    expect(doc.text).toContain(`Số: ${number}`);
    expect(doc.text).toContain('GIẤY PHÉP HÀNH NGHỀ KHÁM BỆNH, CHỮA BỆNH');
    expect(Buffer.from(pdf).toString('latin1')).toContain('BeVietnamPro');
    expect((await portal.request(`/api/dossiers/${dossier.dossierId}/licence`, { as: 'citizen-binh' })).status).toBe(404);
    expect((await portal.request(`/api/dossiers/${dossier.dossierId}/licence`, { as: 'officer-tuan' })).status).toBe(403);
    expect((await portal.request(`/api/dossiers/${dossier.dossierId}/licence`, { as: 'officer-lan' })).status).toBe(200);
  });

  it('verifies publicly: the signature checks with WebCrypto (P1363) and with node:crypto, and a tampered copy fails', async () => {
    const view = await publicView(number);
    expect(view).toMatchObject({ number, status: 'valid', holderName: 'Nguyễn Văn An', signatureValid: true, signature: { algorithm: 'ECDSA_P256_SHA256' } });
    expect(Buffer.from(view.signature.value, 'base64')).toHaveLength(64);
    expect(await webCryptoVerifies(pdf, view)).toBe(true);
    const key = createPublicKey({ key: Buffer.from(view.signature.publicKeySpki, 'base64'), format: 'der', type: 'spki' });
    expect(verify('sha256', pdf, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(view.signature.value, 'base64'))).toBe(true);
    const tampered = new Uint8Array(pdf);
    const at = Buffer.from(pdf).indexOf('Nguy');
    const index = at > 0 ? at : 100;
    tampered[index] = (tampered[index] ?? 0) ^ 0x01;
    expect(await webCryptoVerifies(tampered, view)).toBe(false);
    // No personal data beyond what the licence states.
    const text = JSON.stringify(view);
    for (const personal of ['0912345678', 'an.nguyen@example.vn', 'citizen-an', dossier.dossierId]) expect(text).not.toContain(personal);
  });

  it('reads as invalid once the stored file is altered', async () => {
    const other = await approvedDossier();
    await runLicences([other.dossierId]);
    const otherNumber = String((await dossierState(other.dossierId))?.licenceNumber);
    const stored = (await getLicence({ db: portal.db, tableName: portal.tableName }, otherNumber)) as StoredLicence;
    const store = fileDocumentStore(process.env.DOCUMENTS_DIR!);
    const bytes = (await store.getObject(stored.documentKey))!;
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
    await store.putObject(stored.documentKey, bytes, 'application/pdf');
    expect((await publicView(otherNumber)).signatureValid).toBe(false);
  });

  it('is issued once: a re-run, and a re-run after a crash before the dossier moved, add no second licence', async () => {
    const count = async () => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.licenceCounter('GPHN', Number(number.split('-')[1])), ConsistentRead: true }))).Item?.sequence;
    const before = await count();
    await runLicences([dossier.dossierId]);
    // Crash after the register entry, before the transition: the dossier is still approved.
    await portal.db.send(new PutCommand({ TableName: portal.tableName, Item: dossierItem({ ...dossier, state: 'approved', version: 9 }) }));
    const rerun = await runLicences();
    expect(rerun.failed).toBe(0);
    const after = await dossierState(dossier.dossierId);
    expect(after?.state).toBe('result_issued');
    expect(after?.licenceNumber).toBe(number);
    expect(await count()).toBe(before);
  });

  it('is issued once when the signer fails between storing and recording: the next run uses the same number and the same PDF', async () => {
    const d = await approvedDossier();
    const { issueLicence } = await import('../../functions/src/services/licences/issue');
    const { localLicenceSigner } = await import('../../functions/src/services/licences/signer');
    const signer = await localLicenceSigner(process.env.LICENCE_SIGNING_KEY_FILE!);
    const documents = fileDocumentStore(process.env.DOCUMENTS_DIR!);
    const base = { db: portal.db, tableName: portal.tableName, now: () => new Date(), publicBaseUrl: portal.url, documents };
    const failing = { ...signer, sign: async () => Promise.reject(new Error('KMS throttled')) };
    await expect(issueLicence({ ...base, signer: failing }, d.dossierId)).rejects.toThrow('KMS throttled');
    const guard = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.licenceOfDossier(d.dossierId), ConsistentRead: true }))).Item;
    expect(guard?.status).toBe('allocated');
    const firstPdf = await documents.getObject(`licences/${String(guard?.number).split('-')[1]}/${String(guard?.number)}.pdf`);
    const [a, b] = await Promise.all([issueLicence({ ...base, signer }, d.dossierId), issueLicence({ ...base, signer }, d.dossierId)]);
    expect([a, b].map((r) => ('number' in r ? r.number : r.reason))).toEqual([guard?.number, guard?.number]);
    const secondPdf = await documents.getObject(`licences/${String(guard?.number).split('-')[1]}/${String(guard?.number)}.pdf`);
    expect(Buffer.from(secondPdf!).equals(Buffer.from(firstPdf!))).toBe(true);
    expect((await dossierState(d.dossierId))?.state).toBe('result_issued');
    expect((await publicView(String(guard?.number))).signatureValid).toBe(true);
  });
});

describe('licence status and renewal reminders', () => {
  it('suspend, reinstate and revoke show at once on the public check; audited; the holder is told; revoked is final', async () => {
    const d = await approvedDossier();
    await runLicences([d.dossierId]);
    const number = String((await dossierState(d.dossierId))?.licenceNumber);
    const change = (status: string, as = 'admin-quang') =>
      portal.request(`/api/licences/${number}/status`, { as, method: 'POST', headers: json, body: JSON.stringify({ status, reason: 'Kiểm tra phát hiện vi phạm điều kiện hành nghề' }) });
    expect((await change('suspended', 'officer-lan')).status).toBe(403);
    expect((await change('suspended')).status).toBe(200);
    expect(await publicView(number)).toMatchObject({ status: 'suspended', statusReason: 'Kiểm tra phát hiện vi phạm điều kiện hành nghề', signatureValid: true });
    expect((await change('suspended')).status).toBe(409);
    expect((await change('valid')).status).toBe(200);
    expect((await publicView(number)).status).toBe('valid');
    expect((await change('revoked')).status).toBe(200);
    expect((await publicView(number)).status).toBe('revoked');
    const final = await change('valid');
    expect(final.status).toBe(409);
    expect(((await final.json()) as { code: string }).code).toBe('licence_status_not_allowed');
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('licence', number).pk } }));
    expect(audit.Items).toHaveLength(3);
    const outbox = await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`licence.status_changed#${number}#2`) }));
    expect(outbox.Item).toMatchObject({ type: 'outbox', event: 'licence.status_changed', status: 'suspended' });
    expect((await portal.request('/api/public/licences/GPHN-2020-999999')).status).toBe(404);
  });

  it('sends the 60-day and the 30-day reminder once each, and none for a revoked licence', async () => {
    const d = await approvedDossier();
    await runLicences([d.dossierId]);
    const number = String((await dossierState(d.dossierId))?.licenceNumber);
    const stored = (await getLicence({ db: portal.db, tableName: portal.tableName }, number)) as StoredLicence;
    const day = (offset: number) => new Date(Date.parse(`${stored.validUntil!}T03:00:00Z`) - offset * 86_400_000).toISOString();
    const { handler } = await import('../../functions/src/jobs/licenceReminders');
    const reminders = async () =>
      (await Promise.all([60, 30].map(async (n) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`licence.renewal_due#${number}#${n}`) }))).Item))).map((i) => (i ? 1 : 0));
    await handler({ asOf: day(61) });
    expect(await reminders()).toEqual([0, 0]);
    await handler({ asOf: day(60) });
    await handler({ asOf: day(59) });
    expect(await reminders()).toEqual([1, 0]);
    await handler({ asOf: day(30) });
    await handler({ asOf: day(30) });
    await handler({ asOf: day(10) });
    expect(await reminders()).toEqual([1, 1]);

    const revoked = await approvedDossier();
    await runLicences([revoked.dossierId]);
    const revokedNumber = String((await dossierState(revoked.dossierId))?.licenceNumber);
    await portal.request(`/api/licences/${revokedNumber}/status`, { as: 'admin-nga', method: 'POST', headers: json, body: JSON.stringify({ status: 'revoked', reason: 'Thu hồi theo quyết định thanh tra' }) });
    await handler({ asOf: day(30) });
    const none = await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`licence.renewal_due#${revokedNumber}#30`) }));
    expect(none.Item).toBeUndefined();
  });
});
