/**
 * Typed client of the officer's and administrator's API (issue 4): the unit's inbox, bulk intake,
 * one dossier and its actions (409 `conflict` carries the fresh dossier as `current`), attachment
 * download links, the working-day calendar and licence status. Shape checks without zod, kept in
 * step with the shared views by test/unit/web/officer.test.ts.
 */
import type { CalendarDay, YearCalendar } from '@portal/shared/calendar/holidays';
import { DOSSIER_STATES, OFFICER_ACTIONS, type DossierAction } from '@portal/shared/dossiers/lifecycle';
import type {
  AttachmentView, BulkReceiveResult, DossierSummary, DossierView, HistoryEntry, InboxResponse, LicenceStatus, PersonRef, PublicLicenceView,
} from '@portal/shared/dossiers/api';
import type { Problem } from '@portal/shared/errors';
import type { FormSchema } from '@portal/shared/procedures/forms';
import type { ProcedureDocument } from '@portal/shared/procedures/catalogue';
import { ApiError, getJson, postJson, sendJson, type RequestOptions } from './api';
import type { ActionBody, InboxFilters } from './officer-format';
import { inboxQueryString } from './officer-format';

type Json = Record<string, unknown>;
type Options = RequestOptions & { token: string };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isTimestamp = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const optional = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T | undefined => v === undefined || guard(v);
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
const listOf = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T[] => Array.isArray(v) && v.every(guard);

const HISTORY_ACTIONS = ['create', 'submit', 'withdraw', 'fee_paid', 'issue_result', ...OFFICER_ACTIONS] as const satisfies readonly (DossierAction | 'create')[];
export const isDossierState = oneOf(DOSSIER_STATES);
const isAction = oneOf(HISTORY_ACTIONS);
const isDueState = oneOf(['on_time', 'due_soon', 'overdue'] as const);
const isFeeStatus = oneOf(['not_required', 'unpaid', 'paid'] as const);
const isLicenceStatus = oneOf(['valid', 'suspended', 'revoked', 'expired'] as const satisfies readonly LicenceStatus[]);

export const isPersonRef = (v: unknown): v is PersonRef => isObject(v) && isString(v.userId) && isString(v.name);

export function isAttachmentView(v: unknown): v is AttachmentView {
  return (
    isObject(v) && isString(v.attachmentId) && isString(v.documentId) && isString(v.fileName) && isString(v.contentType) &&
    isInt(v.sizeBytes) && oneOf(['pending', 'uploaded'] as const)(v.status) && optional(isTimestamp)(v.uploadedAt)
  );
}

export function isHistoryEntry(v: unknown): v is HistoryEntry {
  return (
    isObject(v) && isTimestamp(v.at) && isAction(v.action) && optional(isDossierState)(v.from) && isDossierState(v.to) &&
    oneOf(['applicant', 'officer', 'system'] as const)(v.actor) && optional(isPersonRef)(v.by) && optional(isString)(v.reason) &&
    optional(listOf(isString))(v.missing) && optional(isDate)(v.newDueDate)
  );
}

export function isDossierView(v: unknown): v is DossierView {
  if (!isObject(v)) return false;
  const fee = v.fee;
  const supplement = v.supplement;
  const appraisal = v.appraisal;
  return (
    isString(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isString(v.unitId) && isDossierState(v.state) &&
    optional(isInt)(v.nationalStatus) && isString(v.ownerId) && isString(v.applicantName) && isObject(v.data) &&
    listOf(isAttachmentView)(v.attachments) &&
    isObject(fee) && isInt(fee.amountVnd) && oneOf(['submission', 'before_result'] as const)(fee.due) && isFeeStatus(fee.status) &&
    isTimestamp(v.createdAt) && isTimestamp(v.updatedAt) && optional(isTimestamp)(v.submittedAt) && optional(isTimestamp)(v.receivedAt) &&
    optional(isDate)(v.dueDate) && optional(isDueState)(v.dueState) && optional(isDate)(v.originalDueDate) && optional(isPersonRef)(v.assignee) &&
    (supplement === undefined || (isObject(supplement) && listOf(isString)(supplement.missing) && optional(isString)(supplement.note) && isTimestamp(supplement.requestedAt))) &&
    (appraisal === undefined ||
      (isObject(appraisal) &&
        (appraisal.visit === undefined || (isObject(appraisal.visit) && isDate(appraisal.visit.date) && listOf(isString)(appraisal.visit.team))) &&
        optional(oneOf(['passed', 'remediation_required', 'failed'] as const))(appraisal.outcome) &&
        optional(isString)(appraisal.minutes) && optional(isDate)(appraisal.remediationDeadline))) &&
    optional(isString)(v.decisionReason) && optional(isString)(v.licenceNumber) &&
    listOf(isHistoryEntry)(v.history) && listOf(isAction)(v.availableActions) && isInt(v.version, 1)
  );
}

export function isDossierSummary(v: unknown): v is DossierSummary {
  return (
    isObject(v) && isString(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isDossierState(v.state) &&
    isString(v.applicantName) && isTimestamp(v.createdAt) && optional(isTimestamp)(v.submittedAt) && optional(isDate)(v.dueDate) &&
    optional(isDueState)(v.dueState) && optional(isPersonRef)(v.assignee) && isFeeStatus(v.feeStatus) && isInt(v.version, 1)
  );
}

export function isInboxResponse(v: unknown): v is InboxResponse {
  if (!isObject(v) || !listOf(isDossierSummary)(v.items) || !listOf(isPersonRef)(v.colleagues)) return false;
  const c = v.counts;
  return (
    isObject(c) && isInt(c.total) && isInt(c.dueSoon) && isInt(c.overdue) && isObject(c.byState) &&
    Object.entries(c.byState).every(([state, n]) => isDossierState(state) && isInt(n))
  );
}

export function isBulkReceiveResult(v: unknown): v is BulkReceiveResult {
  return (
    isObject(v) &&
    listOf((r: unknown): r is BulkReceiveResult['results'][number] =>
      isObject(r) && isString(r.dossierId) && typeof r.ok === 'boolean' && optional(isString)(r.code) && optional(isDossierState)(r.state) && optional(isString)(r.error),
    )(v.results)
  );
}

const isCalendarDay = (v: unknown): v is CalendarDay => isObject(v) && isDate(v.date) && isString(v.nameVi) && isString(v.nameEn);

export function isYearCalendar(v: unknown): v is YearCalendar {
  return isObject(v) && isInt(v.year) && listOf(isCalendarDay)(v.holidays) && listOf(isCalendarDay)(v.makeUpDays);
}

export function isPublicLicenceView(v: unknown): v is PublicLicenceView {
  return (
    isObject(v) && isString(v.number) && oneOf(['licence', 'certificate'] as const)(v.kind) && isString(v.titleVi) && isString(v.titleEn) &&
    isString(v.holderName) && isString(v.scopeVi) && isString(v.issuingUnit) && isString(v.signedBy) && isTimestamp(v.issuedAt) &&
    isString(v.validFrom) && optional(isString)(v.validUntil) && isLicenceStatus(v.status) && optional(isString)(v.statusReason) &&
    optional(isTimestamp)(v.statusChangedAt) && typeof v.signatureValid === 'boolean'
  );
}

/** A presigned download: an http(s) address or a path on this site (the local storage double). */
export function isDownloadLink(v: unknown): v is { url: string; expiresAt: string } {
  if (!isObject(v) || !isString(v.url) || !isTimestamp(v.expiresAt)) return false;
  if (v.url.startsWith('/')) return !v.url.startsWith('//') && !v.url.startsWith('/\\');
  try {
    const url = new URL(v.url);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the dossier page needs of a procedure: its names, documents and form steps. */
export interface ProcedureLayout {
  code: string;
  nameVi: string;
  nameEn: string;
  documents: Pick<ProcedureDocument, 'id' | 'nameVi' | 'nameEn' | 'mandatory'>[];
  form?: FormSchema;
  requiresAppraisal?: boolean;
}

export function isProcedureLayout(v: unknown): v is ProcedureLayout {
  return (
    isObject(v) && isString(v.code) && isString(v.nameVi) && isString(v.nameEn) &&
    listOf((d: unknown): d is ProcedureLayout['documents'][number] => isObject(d) && isString(d.id) && isString(d.nameVi) && isString(d.nameEn) && typeof d.mandatory === 'boolean')(v.documents) &&
    (v.form === undefined ||
      (isObject(v.form) &&
        listOf((s: unknown): s is FormSchema['steps'][number] => isObject(s) && isString(s.id) && isString(s.titleVi) && isString(s.titleEn) && Array.isArray(s.fields) && s.fields.every((f) => isObject(f) && isString(f.id) && isString(f.kind) && isString(f.labelVi) && isString(f.labelEn)))(v.form.steps)))
  );
}

/* ------------------------------------------------------------------------------------------------
 * Calls
 * --------------------------------------------------------------------------------------------- */

const dossierPath = (id: string, rest = '') => `/api/dossiers/${encodeURIComponent(id)}${rest}`;

/** GET /api/inbox: the officer's unit, filtered; counts over all its open dossiers; colleagues. */
export function getInbox(filters: InboxFilters, options: Options): Promise<InboxResponse> {
  return getJson(`/api/inbox${inboxQueryString(filters)}`, isInboxResponse, options);
}

/** POST /api/inbox/receive: each dossier succeeds or fails on its own. */
export function receiveMany(items: { dossierId: string; version: number }[], options: Options): Promise<BulkReceiveResult> {
  return postJson('/api/inbox/receive', { items }, isBulkReceiveResult, options);
}

/** GET /api/dossiers/{id} (403 for another unit's dossier, 404 when there is none). */
export function getDossier(dossierId: string, options: Options): Promise<DossierView> {
  return getJson(dossierPath(dossierId), isDossierView, options);
}

/** POST /api/dossiers/{id}/actions → the dossier after the action; 409 `conflict` with `current`. */
export function actOnDossier(dossierId: string, body: ActionBody, options: Options): Promise<DossierView> {
  return postJson(dossierPath(dossierId, '/actions'), body, isDossierView, options);
}

/** The dossier as another officer left it, from a 409 answer. */
export function conflictingDossier(error: unknown): DossierView | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.problem) return undefined;
  const current = (error.problem as Problem & { current?: unknown }).current;
  return isDossierView(current) ? current : undefined;
}

/** GET /api/dossiers/{id}/attachments/{attachmentId} → a short-lived download address. */
export function getAttachmentLink(dossierId: string, attachmentId: string, options: Options): Promise<{ url: string; expiresAt: string }> {
  return getJson(dossierPath(dossierId, `/attachments/${encodeURIComponent(attachmentId)}`), isDownloadLink, options);
}

/** GET /api/procedures/{code}: names, documents and the form's steps. */
export function getProcedureLayout(code: string, options: RequestOptions): Promise<ProcedureLayout> {
  return getJson(`/api/procedures/${encodeURIComponent(code)}`, isProcedureLayout, options);
}

/** GET /api/calendar/{year}. */
export function getCalendar(year: number, options: RequestOptions): Promise<YearCalendar> {
  return getJson(`/api/calendar/${year}`, isYearCalendar, options);
}

/** PUT /api/calendar/{year}: replaces the year's holidays and make-up days. */
export function putCalendar(calendar: YearCalendar, options: Options): Promise<YearCalendar> {
  return sendJson('PUT', `/api/calendar/${calendar.year}`, calendar, isYearCalendar, options);
}

/** GET /api/public/licences/{number}: the register's current view. */
export function getLicence(number: string, options: RequestOptions): Promise<PublicLicenceView> {
  return getJson(`/api/public/licences/${encodeURIComponent(number)}`, isPublicLicenceView, options);
}

export interface LicenceStatusChange {
  number: string;
  status: 'valid' | 'suspended' | 'revoked';
  statusReason: string;
  statusChangedAt: string;
}

export function isLicenceStatusChange(v: unknown): v is LicenceStatusChange {
  return isObject(v) && isString(v.number) && oneOf(['valid', 'suspended', 'revoked'] as const)(v.status) && isString(v.statusReason) && isTimestamp(v.statusChangedAt);
}

/** POST /api/licences/{number}/status (admin): suspend, revoke or reinstate, with a reason. */
export function setLicenceStatus(number: string, body: { status: 'valid' | 'suspended' | 'revoked'; reason: string }, options: Options): Promise<LicenceStatusChange> {
  return postJson(`/api/licences/${encodeURIComponent(number)}/status`, body, isLicenceStatusChange, options);
}
