/**
 * Typed client of the officer's and administrator's API (issue 4): the unit's inbox, bulk intake,
 * one dossier and its actions (409 `conflict` carries the fresh dossier as `current`), attachment
 * download links, the working-day calendar and licence status. Shape checks without zod (the dossier
 * views' in dossier-guards.ts, shared with the applicant pages), kept in step with the shared views
 * by test/unit/web/officer.test.ts.
 */
import type { CalendarDay, YearCalendar } from '@portal/shared/calendar/holidays';
import type { BulkReceiveResult, DossierView, InboxResponse, PublicLicenceView } from '@portal/shared/dossiers/api';
import type { Problem } from '@portal/shared/errors';
import type { FormSchema } from '@portal/shared/procedures/forms';
import type { ProcedureDocument } from '@portal/shared/procedures/catalogue';
import { ApiError, getJson, postJson, sendJson, type RequestOptions } from './api';
import {
  isAttachmentView, isDate, isDossierState, isDossierSummary, isDossierView, isHistoryEntry, isInt, isObject, isPersonRef, isPublicLicenceView, isString,
  isTimestamp, listOf, oneOf, optional,
} from './dossier-guards';
import type { ActionBody } from './officer-action-rules';
import type { InboxFilters } from './officer-format';
import { inboxQueryString } from './officer-format';

type Options = RequestOptions & { token: string };

export { isAttachmentView, isDossierState, isDossierSummary, isDossierView, isHistoryEntry, isPersonRef, isPublicLicenceView };

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
