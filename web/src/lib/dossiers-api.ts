/**
 * The dossier API in the browser (applicant pages; the officer pages can reuse the reads): typed
 * calls and hand-written shape checks of the views in shared/src/dossiers/api.ts. Importing that
 * module at runtime would bring zod/mini into the page, so only its types are imported here and
 * test/unit/web/dossiers.test.ts keeps the lists below in step with the shared ones.
 */
import type { DossierState } from '@portal/shared/dossiers/lifecycle';
import type {
  AttachmentView, CreateAttachment, DossierSummary, DossierView, FeeView, HistoryEntry, LicenceStatus, PublicDossierView, PublicLicenceView,
} from '@portal/shared/dossiers/api';
import type { OpenedPayment } from '@portal/shared/payments/payments';
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { getFile, getJson, postJson, sendJson, type DownloadedFile, type RequestOptions } from './api';
import { isOpenedPayment } from './guards';

export type { AttachmentView, DossierSummary, DossierView, PublicDossierView, PublicLicenceView };

/** Same lists as shared/src/dossiers/lifecycle.ts and api.ts (checked by the unit test). */
export const DOSSIER_STATE_VALUES = [
  'draft', 'awaiting_fee', 'submitted', 'received', 'refused', 'in_review', 'supplement_requested', 'resubmitted', 'approved', 'rejected',
  'result_issued', 'withdrawn', 'stopped',
] as const satisfies readonly DossierState[];
export const LICENCE_STATUS_VALUES = ['valid', 'suspended', 'revoked', 'expired'] as const satisfies readonly LicenceStatus[];
export const DUE_STATE_VALUES = ['on_time', 'due_soon', 'overdue'] as const;
export const FEE_STATUS_VALUES = ['not_required', 'unpaid', 'paid'] as const satisfies readonly FeeView['status'][];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isTimestamp = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));
const isDay = (v: unknown): v is string => isString(v) && /^\d{4}-\d{2}-\d{2}/.test(v);
const optional = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T | undefined => v === undefined || guard(v);
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => isString(v) && (values as readonly string[]).includes(v);
const arrayOf = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T[] => Array.isArray(v) && v.every(guard);

export const isDossierState = oneOf(DOSSIER_STATE_VALUES);
const isDueState = oneOf(DUE_STATE_VALUES);
const isDossierId = (v: unknown): v is string => isString(v) && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(v);

export function isAttachmentView(v: unknown): v is AttachmentView {
  return (
    isObject(v) && isString(v.attachmentId) && isString(v.documentId) && isString(v.fileName) && isString(v.contentType) &&
    isInt(v.sizeBytes) && (v.status === 'pending' || v.status === 'uploaded') && optional(isTimestamp)(v.uploadedAt)
  );
}

function isFeeView(v: unknown): v is FeeView {
  return isObject(v) && isInt(v.amountVnd) && (v.due === 'submission' || v.due === 'before_result') && oneOf(FEE_STATUS_VALUES)(v.status) && optional(isTimestamp)(v.paidAt);
}

function isHistoryEntry(v: unknown): v is HistoryEntry {
  return isObject(v) && isTimestamp(v.at) && isString(v.action) && isDossierState(v.to) && optional(isDossierState)(v.from) && optional(isString)(v.reason) && optional(arrayOf(isString))(v.missing);
}

export function isDossierView(v: unknown): v is DossierView {
  return (
    isObject(v) && isDossierId(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isDossierState(v.state) &&
    isObject(v.data) && arrayOf(isAttachmentView)(v.attachments) && isFeeView(v.fee) && isTimestamp(v.createdAt) &&
    optional(isTimestamp)(v.submittedAt) && optional(isDay)(v.dueDate) && optional(isDueState)(v.dueState) &&
    (v.supplement === undefined || (isObject(v.supplement) && arrayOf(isString)(v.supplement.missing) && optional(isString)(v.supplement.note))) &&
    (v.appraisal === undefined || isObject(v.appraisal)) &&
    optional(isString)(v.licenceNumber) && arrayOf(isHistoryEntry)(v.history) && arrayOf(isString)(v.availableActions) && isInt(v.version)
  );
}

export function isDossierSummary(v: unknown): v is DossierSummary {
  return (
    isObject(v) && isDossierId(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isDossierState(v.state) &&
    isTimestamp(v.createdAt) && optional(isDay)(v.dueDate) && optional(isDueState)(v.dueState) && oneOf(FEE_STATUS_VALUES)(v.feeStatus) && isInt(v.version)
  );
}

const isDossierList = (v: unknown): v is { items: DossierSummary[] } => isObject(v) && arrayOf(isDossierSummary)(v.items);

export function isPublicDossierView(v: unknown): v is PublicDossierView {
  return (
    isObject(v) && isString(v.code) && isString(v.procedureId) && isDossierState(v.state) && optional(isTimestamp)(v.submittedAt) &&
    optional(isTimestamp)(v.receivedAt) && optional(isDay)(v.dueDate) && optional(isDueState)(v.dueState) && optional(isDay)(v.appraisalVisitDate) &&
    arrayOf((h: unknown): h is { at: string; state: DossierState } => isObject(h) && isTimestamp(h.at) && isDossierState(h.state))(v.history) &&
    optional(isString)(v.licenceNumber)
  );
}

export function isPublicLicenceView(v: unknown): v is PublicLicenceView {
  const s = isObject(v) ? v.signature : undefined;
  return (
    isObject(v) && isString(v.number) && (v.kind === 'licence' || v.kind === 'certificate') && isString(v.titleVi) && isString(v.titleEn) &&
    isString(v.holderName) && isString(v.scopeVi) && isString(v.issuingUnit) && isString(v.signedBy) && isTimestamp(v.issuedAt) &&
    isDay(v.validFrom) && optional(isDay)(v.validUntil) && oneOf(LICENCE_STATUS_VALUES)(v.status) && optional(isString)(v.statusReason) &&
    isObject(s) && isString(s.algorithm) && isString(s.sha256) && isString(s.value) && isString(s.publicKeySpki) && isString(s.keyId) &&
    typeof v.signatureValid === 'boolean'
  );
}

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
