/**
 * The dossier API in the browser (applicant pages; the officer pages can reuse the reads): typed
 * calls, checked with the dossier view guards of dossier-guards.ts (re-exported here).
 */
import type { AttachmentView, CreateAttachment, DossierSummary, DossierView, PublicDossierView, PublicLicenceView } from '@portal/shared/dossiers/api';
import type { OpenedPayment } from '@portal/shared/payments/payments';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { getFile, getJson, postJson, sendJson, type DownloadedFile, type RequestOptions } from './api';
import {
  DOSSIER_STATE_VALUES, DUE_STATE_VALUES, FEE_STATUS_VALUES, LICENCE_STATUS_VALUES, isAttachmentView, isDossierState, isDossierSummary, isDossierView, isObject,
  isPublicDossierView, isPublicLicenceView, isString, listOf, type Json,
} from './dossier-guards';
import { isOpenedPayment } from './guards';

export type { AttachmentView, DossierSummary, DossierView, PublicDossierView, PublicLicenceView };

export { DOSSIER_STATE_VALUES, DUE_STATE_VALUES, FEE_STATUS_VALUES, LICENCE_STATUS_VALUES, isAttachmentView, isDossierState, isDossierSummary, isDossierView, isPublicDossierView, isPublicLicenceView };

const isDossierList = (v: unknown): v is { items: DossierSummary[] } => isObject(v) && listOf(isDossierSummary)(v.items);

/** Where the browser sends the file: a presigned PUT (S3 in AWS, the local store locally). */
export interface UploadTarget {
  attachment: AttachmentView;
  url: string;
  method: 'PUT';
  /** Headers bound into the signature (Content-Type at least); sent exactly. */
  headers: Record<string, string>;
}

/**
 * POST …/attachments answers `{ attachment, upload: { url, headers?, expiresAt } }`; flat shapes
 * (`{ attachmentId, …, url, headers }`) are read too so the page does not depend on the nesting.
 */
export function toUploadTarget(v: unknown): UploadTarget | undefined {
  if (!isObject(v)) return undefined;
  const attachment = isAttachmentView(v.attachment) ? v.attachment : isAttachmentView(v) ? v : undefined;
  const upload = isObject(v.upload) ? v.upload : v;
  const url = upload.url ?? upload.uploadUrl;
  if (!attachment || !isString(url) || !/^(https?:\/\/|\/)/.test(url)) return undefined;
  const raw = isObject(upload.headers) ? upload.headers : {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (isString(value)) headers[name] = value;
  // The browser sets Content-Length itself (and refuses to have it set).
  for (const name of Object.keys(headers)) if (/^(content-length|host)$/i.test(name)) delete headers[name];
  return { attachment, url, method: 'PUT', headers };
}
const isUploadBody = (v: unknown): v is Json => toUploadTarget(v) !== undefined;

const path = (dossierId: string, rest = '') => `/api/dossiers/${encodeURIComponent(dossierId)}${rest}`;
type AuthOptions = RequestOptions & { token: string };

export function createDossier(procedureId: string, data: Record<string, unknown>, options: AuthOptions): Promise<DossierView> {
  return postJson('/api/dossiers', { procedureId, data }, isDossierView, options);
}

export async function listMyDossiers(options: AuthOptions): Promise<DossierSummary[]> {
  return (await getJson('/api/dossiers?mine=1', isDossierList, options)).items;
}

export function getDossier(dossierId: string, options: AuthOptions): Promise<DossierView> {
  return getJson(path(dossierId), isDossierView, options);
}

/** Saves a step; 409 `conflict` when another device saved since `version`. */
export function saveDossier(dossierId: string, data: Record<string, unknown>, version: number, options: AuthOptions): Promise<DossierView> {
  return sendJson('PATCH', path(dossierId), { data, version }, isDossierView, options);
}

/** 422 `dossier_incomplete` with `errors[]` (fields and documents) when something is missing. */
export function submitDossier(dossierId: string, version: number, options: AuthOptions): Promise<DossierView> {
  return postJson(path(dossierId, '/submit'), { version }, isDossierView, options);
}

export function withdrawDossier(dossierId: string, version: number, reason: string | undefined, options: AuthOptions): Promise<DossierView> {
  return postJson(path(dossierId, '/withdraw'), { version, ...(reason ? { reason } : {}) }, isDossierView, options);
}

export async function createAttachment(dossierId: string, body: CreateAttachment, options: AuthOptions): Promise<UploadTarget> {
  const answer = await postJson(path(dossierId, '/attachments'), body, isUploadBody, options);
  return toUploadTarget(answer)!;
}

export async function deleteAttachment(dossierId: string, attachmentId: string, options: AuthOptions): Promise<void> {
  await sendJson('DELETE', path(dossierId, `/attachments/${encodeURIComponent(attachmentId)}`), undefined, (_: unknown): _ is unknown => true, options);
}

/** A short-lived download address of one attachment. */
export function attachmentUrl(dossierId: string, attachmentId: string, options: AuthOptions): Promise<{ url: string; expiresAt: string }> {
  return getJson(path(dossierId, `/attachments/${encodeURIComponent(attachmentId)}`), (v: unknown): v is { url: string; expiresAt: string } => isObject(v) && isString(v.url), options);
}

export const licencePdfPath = (dossierId: string): string => path(dossierId, '/licence');

/** Opens the fee's VNPay attempt; the browser then goes to `paymentUrl`. */
export function payDossierFee(dossierId: string, options: AuthOptions): Promise<OpenedPayment> {
  return postJson('/api/payments', { payable: { kind: 'fee', id: dossierId } }, isOpenedPayment, options);
}

/** Public tracking: 404 `not_found` for any mismatch; 429 `lookup_locked` after too many tries. */
export function trackDossier(code: string, check: string, options: RequestOptions): Promise<PublicDossierView> {
  return getJson(`/api/public/dossiers/${encodeURIComponent(code)}?check=${encodeURIComponent(check)}`, isPublicDossierView, options);
}

export function getPublicLicence(number: string, options: RequestOptions): Promise<PublicLicenceView> {
  return getJson(`/api/public/licences/${encodeURIComponent(number)}`, isPublicLicenceView, options);
}

/** The procedure with what the wizard needs (form, documents, fee, time limit). */
export function isApplyProcedure(v: unknown): v is Procedure {
  return (
    isObject(v) && isString(v.code) && isString(v.nameVi) && isString(v.nameEn) && isObject(v.form) && Array.isArray(v.form.steps) &&
    Array.isArray(v.documents) && isObject(v.fee) && isObject(v.timeLimit) && typeof v.available === 'boolean'
  );
}

export function getApplyProcedure(code: string, options: RequestOptions): Promise<Procedure> {
  return getJson(`/api/procedures/${encodeURIComponent(code)}`, isApplyProcedure, options);
}

const names = new Map<string, Promise<{ nameVi: string; nameEn: string } | undefined>>();

/** A procedure's names (public GET /api/procedures/{code}, once per page); undefined when it cannot be read. */
export function procedureNames(code: string, options: RequestOptions): Promise<{ nameVi: string; nameEn: string } | undefined> {
  let found = names.get(code);
  if (!found) {
    const isNamed = (v: unknown): v is { nameVi: string; nameEn: string } => isObject(v) && isString(v.nameVi) && isString(v.nameEn);
    found = getJson(`/api/procedures/${encodeURIComponent(code)}`, isNamed, options).then(
      (p) => ({ nameVi: p.nameVi, nameEn: p.nameEn }),
      () => undefined,
    );
    names.set(code, found);
  }
  return found;
}

/** The signed licence PDF (owner or unit officers; it needs the token, so it is fetched, not linked). */
export function downloadLicence(dossierId: string, licenceNumber: string, options: AuthOptions): Promise<DownloadedFile> {
  return getFile(licencePdfPath(dossierId), `giay-phep-${licenceNumber}.pdf`, options, 'application/pdf');
}
