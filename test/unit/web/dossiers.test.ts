/**
 * The applicant's dossier pages in the browser: the shape checks stay in step with the shared
 * contract, file checks before upload, what a 422 says is missing, addresses, and the licence file
 * check (SHA-256 + ECDSA P-256 with WebCrypto) against keys and signatures made with node:crypto.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DYNAMIC_PAGES, dynamicPageKey } from '../../../shared/src/dynamic-pages';
import { DOSSIER_STATES, STATE_LABELS } from '../../../shared/src/dossiers/lifecycle';
import { LICENCE_STATUSES, licenceNumberParams, publicDossierParams, type DossierView, type PublicDossierView, type PublicLicenceView } from '../../../shared/src/dossiers/api';
import {
  DOSSIER_CODE_PATTERN, LICENCE_NUMBER_PATTERN, checkFile, documentRequired, trackProblems, dossierIdFromHash, formatBytes, licenceNumberFrom, missingItems, normaliseCode, stateLabel, stepOfField,
  vietnamDateTime, vietnamDay,
} from '../../../web/src/lib/dossier-format';
import {
  DOSSIER_STATE_VALUES, LICENCE_STATUS_VALUES, isDossierSummary, isDossierView, isPublicDossierView, isPublicLicenceView, toUploadTarget,
} from '../../../web/src/lib/dossiers-api';
import { pagePath } from '../../../web/src/lib/i18n';
import { catalogue, isDocumentRequired } from '../../../shared/src/procedures/catalogue';
import { checkLicenceFile, decodeBytes, hashHex, toP1363 } from '../../../web/src/lib/licence-check';

const ID = '01JT0000000000000000000000';
const dossier: DossierView = {
  dossierId: ID, code: '000.00.31.H29-260504-0001', procedureId: 'cap-moi-giay-phep-hoat-dong-phong-kham', unitId: 'unit-nghiep-vu-y',
  state: 'supplement_requested', nationalStatus: 5, ownerId: 'clinic-owner-minh', applicantName: 'Lê Quang Minh', data: { clinicName: 'Phòng khám An Khang' },
  attachments: [{ attachmentId: '01JT0000000000000000000001', documentId: 'don-de-nghi', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 1234, status: 'uploaded' }],
  fee: { amountVnd: 5_700_000, due: 'submission', status: 'paid', paidAt: '2026-05-04T03:00:00.000Z' },
  createdAt: '2026-05-04T02:00:00.000Z', updatedAt: '2026-05-05T02:00:00.000Z', submittedAt: '2026-05-04T02:30:00.000Z', dueDate: '2026-06-03', dueState: 'on_time',
  supplement: { missing: ['ban-ve-mat-bang', 'Bản sao hợp đồng thuê nhà'], note: 'Bổ sung bản vẽ', requestedAt: '2026-05-05T02:00:00.000Z' },
  history: [{ at: '2026-05-04T02:00:00.000Z', action: 'create', to: 'draft', actor: 'applicant' }, { at: '2026-05-05T02:00:00.000Z', action: 'request_supplement', from: 'in_review', to: 'supplement_requested', actor: 'officer', missing: ['x'] }],
  availableActions: ['submit', 'withdraw'], version: 7,
};

describe('dossier views in the browser', () => {
  it('repeats the shared state and licence status lists exactly, with a label for every state', () => {
    expect([...DOSSIER_STATE_VALUES]).toEqual([...DOSSIER_STATES]);
    expect([...LICENCE_STATUS_VALUES]).toEqual([...LICENCE_STATUSES]);
    for (const state of DOSSIER_STATES) expect(stateLabel(state, 'vi')).toBe(STATE_LABELS[state].vi);
    for (const number of ['GPHD-2026-000001', 'CCHND-2027-123456', 'gphd-2026-000001', 'GPHD-2026-1', 'G-2026-000001', '']) {
      expect(LICENCE_NUMBER_PATTERN.test(number), number).toBe(licenceNumberParams.safeParse({ number }).success);
    }
  });

  it('accepts the dossier view and summary and refuses malformed ones', () => {
    expect(isDossierView(dossier)).toBe(true);
    expect(isDossierView({ ...dossier, state: 'lost' })).toBe(false);
    expect(isDossierView({ ...dossier, version: '7' })).toBe(false);
    expect(isDossierView({ ...dossier, attachments: [{ attachmentId: 'x' }] })).toBe(false);
    expect(isDossierSummary({ dossierId: ID, procedureId: 'x-y-z', state: 'draft', applicantName: 'A', createdAt: dossier.createdAt, feeStatus: 'unpaid', version: 1 })).toBe(true);
    expect(isDossierSummary({ dossierId: 'nope', procedureId: 'x', state: 'draft', createdAt: dossier.createdAt, feeStatus: 'unpaid', version: 1 })).toBe(false);
  });

  it('accepts the public views (no personal data in them) and refuses malformed ones', () => {
    const track: PublicDossierView = { code: dossier.code!, procedureId: dossier.procedureId, state: 'in_review', submittedAt: dossier.submittedAt, dueDate: '2026-06-03', dueState: 'due_soon', history: [{ at: dossier.createdAt, state: 'submitted' }] };
    expect(isPublicDossierView(track)).toBe(true);
    expect(isPublicDossierView({ ...track, history: [{ at: 'x', state: 'submitted' }] })).toBe(false);
    const licence: PublicLicenceView = {
      number: 'GPHD-2026-000001', kind: 'licence', titleVi: 'Giấy phép hoạt động', titleEn: 'Operating licence', holderName: 'Phòng khám An Khang', scopeVi: 'Khám nội',
      issuingUnit: 'Sở Y tế', signedBy: 'Võ Thị Lan', issuedAt: '2026-06-01T02:00:00.000Z', validFrom: '2026-06-01', status: 'suspended', statusReason: 'Vi phạm',
      signature: { algorithm: 'ECDSA_P256_SHA256', sha256: 'ab'.repeat(32), value: 'AAAA', publicKeySpki: 'AAAA', keyId: 'local-1' }, signatureValid: true,
    };
    expect(isPublicLicenceView(licence)).toBe(true);
    expect(isPublicLicenceView({ ...licence, status: 'cancelled' })).toBe(false);
    expect(isPublicLicenceView({ ...licence, signature: undefined })).toBe(false);
  });

  it('reads the upload target nested or flat, and never passes Content-Length or Host on', () => {
    const attachment = dossier.attachments[0]!;
    const nested = toUploadTarget({ attachment, upload: { url: '/sandbox/uploads/x?sig=1', headers: { 'content-type': 'application/pdf', 'Content-Length': '1234' }, expiresAt: 'x' } });
    expect(nested).toEqual({ attachment, url: '/sandbox/uploads/x?sig=1', method: 'PUT', headers: { 'content-type': 'application/pdf' } });
    expect(toUploadTarget({ ...attachment, url: 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1' })?.url).toMatch(/^https:/);
    expect(toUploadTarget({ attachment, upload: { url: 'javascript:alert(1)' } })).toBeUndefined();
    expect(toUploadTarget({ upload: { url: '/x' } })).toBeUndefined();
  });
});

describe('checks before upload', () => {
  const doc = { accept: ['application/pdf', 'image/jpeg'], maxBytes: 5 * 1024 * 1024 };
  it('accepts an allowed type within the size, by MIME type or by extension when the phone gives none', () => {
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 1000 }, doc, 'vi')).toBeNull();
    expect(checkFile({ name: 'ANH.JPG', type: '', size: 1000 }, doc, 'vi')).toBeNull();
  });
  it('explains a wrong type, a file too large and an empty file, in Vietnamese and English', () => {
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 1000 }, doc, 'vi')).toBe('Tệp “a.png” không đúng định dạng. Chỉ nhận tệp PDF, JPG.');
    expect(checkFile({ name: 'a.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 }, doc, 'en')).toMatch(/Only PDF, JPG files/);
    expect(checkFile({ name: 'big.pdf', type: 'application/pdf', size: 6 * 1024 * 1024 }, doc, 'vi')).toBe('Tệp “big.pdf” có dung lượng 6,0 MB, vượt quá mức tối đa 5,0 MB.');
    expect(checkFile({ name: 'e.pdf', type: 'application/pdf', size: 0 }, doc, 'vi')).toMatch(/trống/);
  });
  it('formats sizes the Vietnamese way', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024, 'vi')).toBe('20 MB');
  });
});

describe('required documents in the page', () => {
  it('agree with the shared rule on every document of the catalogue, with and without the condition met', () => {
    let conditional = 0;
    for (const procedure of catalogue) {
      for (const doc of procedure.documents) {
        const cases: Record<string, unknown>[] = [{}];
        if (doc.mandatoryWhen) {
          conditional++;
          cases.push({ [doc.mandatoryWhen.field]: doc.mandatoryWhen.equals }, { [doc.mandatoryWhen.field]: typeof doc.mandatoryWhen.equals === 'boolean' ? !doc.mandatoryWhen.equals : 'other' });
        }
        for (const data of cases) expect(documentRequired(doc, data), `${procedure.code}/${doc.id}`).toBe(isDocumentRequired(doc, data));
      }
    }
    expect(conditional).toBeGreaterThan(0);
  });
});

describe('what a 422 says is missing', () => {
  it('places fields on their top-level field and documents on their document', () => {
    expect(missingItems([
      { field: 'data.clinicName', code: 'required', message: 'Nhập tên phòng khám' },
      { field: 'body.data.staff.0.fullName', code: 'required', message: 'Nhập họ tên' },
      { field: 'documents.ban-ve-mat-bang', code: 'required', message: 'Thiếu bản vẽ' },
    ])).toEqual([
      { kind: 'field', id: 'clinicName', path: 'clinicName', message: 'Nhập tên phòng khám' },
      { kind: 'field', id: 'staff', path: 'staff.0.fullName', message: 'Nhập họ tên' },
      { kind: 'document', id: 'ban-ve-mat-bang', path: 'ban-ve-mat-bang', message: 'Thiếu bản vẽ' },
    ]);
    expect(missingItems(undefined)).toEqual([]);
    const form = { steps: [{ fields: [{ id: 'a' }] }, { fields: [{ id: 'staff' }] }] };
    expect(stepOfField(form, 'staff')).toBe(1);
    expect(stepOfField(form, 'nope')).toBe(-1);
  });
});

describe('addresses and dates', () => {
  it('takes the dossier id from the fragment only when it is a ULID', () => {
    expect(dossierIdFromHash(`#${ID}`)).toBe(ID);
    expect(dossierIdFromHash(`#${ID.toLowerCase()}`)).toBe(ID);
    expect(dossierIdFromHash('#<script>')).toBeNull();
    expect(dossierIdFromHash('')).toBeNull();
  });
  it('reads a licence number from the path, then ?so=, and serves every address under the page with it', () => {
    expect(licenceNumberFrom('/tra-cuu/giay-phep/GPHD-2026-000001', '', '/tra-cuu/giay-phep/')).toBe('GPHD-2026-000001');
    expect(licenceNumberFrom('/tra-cuu/giay-phep/gphd-2026-000001/', '', '/tra-cuu/giay-phep/')).toBe('GPHD-2026-000001');
    expect(licenceNumberFrom('/tra-cuu/giay-phep/', '?so=CCHND-2027-000123', '/tra-cuu/giay-phep/')).toBe('CCHND-2027-000123');
    expect(licenceNumberFrom('/tra-cuu/giay-phep/%E0%A4%A', '', '/tra-cuu/giay-phep/')).toBeUndefined();
    expect(licenceNumberFrom('/tra-cuu/giay-phep/<b>', '', '/tra-cuu/giay-phep/')).toBeUndefined();
    expect(DYNAMIC_PAGES).toContain(pagePath('licenceVerify', 'vi'));
    expect(DYNAMIC_PAGES).toContain(pagePath('licenceVerify', 'en'));
    expect(dynamicPageKey('/tra-cuu/giay-phep/GPHD-2026-000001')).toBe('/tra-cuu/giay-phep/index.html');
    expect(dynamicPageKey('/en/verify/licence/GPHD-2026-000001')).toBe('/en/verify/licence/index.html');
  });
  it('accepts the codes the API accepts and checks the tracking form', () => {
    const code = '000.00.31.H29-260504-0001';
    expect(DOSSIER_CODE_PATTERN.test(code)).toBe(true);
    expect(publicDossierParams.safeParse({ code }).success).toBe(true);
    expect(normaliseCode(' 000.00.31.h29-260504-0001 ')).toBe(code);
    expect(trackProblems(code.toLowerCase(), '1234', 'vi')).toEqual([]);
    expect(trackProblems('', '12a4', 'vi').map((p) => p.field)).toEqual(['code', 'check']);
    expect(trackProblems('ABC', '', 'en').map((p) => p.message)).toEqual([expect.stringMatching(/looks like/), expect.stringMatching(/last 4 digits/)]);
  });
  it('shows dates in Vietnam time', () => {
    expect(vietnamDay('2026-06-03')).toBe('03/06/2026');
    expect(vietnamDateTime('2026-05-04T17:30:00.000Z')).toBe('05/05/2026 00:30');
  });
});

describe('licence file check (WebCrypto)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pdf = Buffer.from('%PDF-1.7\nGiấy phép hoạt động GPHD-2026-000001\n%%EOF\n');
  const sha = createHash('sha256').update(pdf).digest();
  const der = sign('sha256', pdf, { key: privateKey, dsaEncoding: 'der' });
  const raw = sign('sha256', pdf, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const bytes = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

  it('says valid for the signed file, whether the signature is raw r||s or DER, base64 or hex, and the key DER or PEM', async () => {
    for (const [value, key, hash] of [
      [raw.toString('base64'), spki, sha.toString('hex')],
      [der.toString('base64'), pem, sha.toString('base64')],
      [der.toString('hex'), spki, sha.toString('hex').toUpperCase()],
      [raw.toString('base64url'), spki, sha.toString('base64url')],
    ] as const) {
      const check = await checkLicenceFile(bytes(pdf), { sha256: hash, value, publicKeySpki: key });
      expect(check, `${value.slice(0, 12)}…`).toEqual({ hashMatches: true, signatureValid: true, sha256: sha.toString('hex') });
    }
  });

  it('says invalid for a tampered copy (one byte changed), a foreign key or a garbled signature, without throwing', async () => {
    const tampered = Buffer.from(pdf);
    tampered[20] = tampered[20]! ^ 1;
    const signature = { sha256: sha.toString('hex'), value: raw.toString('base64'), publicKeySpki: spki };
    expect(await checkLicenceFile(bytes(tampered), signature)).toMatchObject({ hashMatches: false, signatureValid: false });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(await checkLicenceFile(bytes(pdf), { ...signature, publicKeySpki: other })).toMatchObject({ hashMatches: true, signatureValid: false });
    expect(await checkLicenceFile(bytes(pdf), { ...signature, value: 'not a signature' })).toMatchObject({ signatureValid: false });
    expect(await checkLicenceFile(bytes(pdf), { ...signature, publicKeySpki: '!!!' })).toMatchObject({ signatureValid: false });
  });

  it('converts DER to r||s with short and padded integers', () => {
    for (let i = 0; i < 40; i++) {
      const d = sign('sha256', Buffer.from(`m${i}`), { key: privateKey, dsaEncoding: 'der' });
      const p = toP1363(new Uint8Array(d));
      expect(p.length).toBe(64);
    }
    expect(hashHex(sha.toString('base64'))).toBe(sha.toString('hex'));
    expect([...decodeBytes('00ff')]).toEqual([0, 255]);
  });
});
