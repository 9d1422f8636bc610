/**
 * Hand-written shape checks of the dossier views in shared/src/dossiers/api.ts, one set for the
 * applicant pages (dossiers-api.ts) and the officer pages (officer-api.ts). Importing the shared
 * module at runtime would bring zod/mini into the page, so only its types are imported here;
 * test/unit/web/dossiers.test.ts and officer.test.ts keep the guards and lists in step with it.
 */
import { OFFICER_ACTIONS, type DossierAction, type DossierState } from '@portal/shared/dossiers/lifecycle';
import type { AttachmentView, DossierSummary, DossierView, FeeView, HistoryEntry, LicenceStatus, PersonRef, PublicDossierView, PublicLicenceView } from '@portal/shared/dossiers/api';

/** Same lists as shared/src/dossiers/lifecycle.ts and api.ts (checked by the unit test). */
export const DOSSIER_STATE_VALUES = [
  'draft', 'awaiting_fee', 'submitted', 'received', 'refused', 'in_review', 'supplement_requested', 'resubmitted', 'approved', 'rejected',
  'result_issued', 'withdrawn', 'stopped',
] as const satisfies readonly DossierState[];
export const LICENCE_STATUS_VALUES = ['valid', 'suspended', 'revoked', 'expired'] as const satisfies readonly LicenceStatus[];
export const DUE_STATE_VALUES = ['on_time', 'due_soon', 'overdue'] as const;
export const FEE_STATUS_VALUES = ['not_required', 'unpaid', 'paid'] as const satisfies readonly FeeView['status'][];
const HISTORY_ACTIONS = ['create', 'submit', 'withdraw', 'fee_paid', 'issue_result', ...OFFICER_ACTIONS] as const satisfies readonly (DossierAction | 'create')[];

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
export const isTimestamp = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));
/** A calendar date, `YYYY-MM-DD`. */
export const isDate = (v: unknown): v is string => isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** Starts with a calendar date (the public views' dates; a timestamp passes too). */
const isDay = (v: unknown): v is string => isString(v) && /^\d{4}-\d{2}-\d{2}/.test(v);
export const optional = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T | undefined => v === undefined || guard(v);
export const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => isString(v) && (values as readonly string[]).includes(v);
export const listOf = <T>(guard: (v: unknown) => v is T) => (v: unknown): v is T[] => Array.isArray(v) && v.every(guard);

export const isDossierState = oneOf(DOSSIER_STATE_VALUES);
export const isDossierAction = oneOf(HISTORY_ACTIONS);
const isDueState = oneOf(DUE_STATE_VALUES);
const isFeeStatus = oneOf(FEE_STATUS_VALUES);

export const isPersonRef = (v: unknown): v is PersonRef => isObject(v) && isString(v.userId) && isString(v.name);

export function isAttachmentView(v: unknown): v is AttachmentView {
  return (
    isObject(v) && isString(v.attachmentId) && isString(v.documentId) && isString(v.fileName) && isString(v.contentType) &&
    isInt(v.sizeBytes) && oneOf(['pending', 'uploaded'] as const)(v.status) && optional(isTimestamp)(v.uploadedAt)
  );
}

function isFeeView(v: unknown): v is FeeView {
  return isObject(v) && isInt(v.amountVnd) && oneOf(['submission', 'before_result'] as const)(v.due) && isFeeStatus(v.status) && optional(isTimestamp)(v.paidAt);
}

export function isHistoryEntry(v: unknown): v is HistoryEntry {
  return (
    isObject(v) && isTimestamp(v.at) && isDossierAction(v.action) && optional(isDossierState)(v.from) && isDossierState(v.to) &&
    oneOf(['applicant', 'officer', 'system'] as const)(v.actor) && optional(isPersonRef)(v.by) && optional(isString)(v.reason) &&
    optional(listOf(isString))(v.missing) && optional(isDate)(v.newDueDate)
  );
}

export function isDossierView(v: unknown): v is DossierView {
  if (!isObject(v)) return false;
  const supplement = v.supplement;
  const appraisal = v.appraisal;
  return (
    isString(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isString(v.unitId) && isDossierState(v.state) &&
    optional(isInt)(v.nationalStatus) && isString(v.ownerId) && isString(v.applicantName) && isObject(v.data) &&
    listOf(isAttachmentView)(v.attachments) && isFeeView(v.fee) &&
    isTimestamp(v.createdAt) && isTimestamp(v.updatedAt) && optional(isTimestamp)(v.submittedAt) && optional(isTimestamp)(v.receivedAt) &&
    optional(isDate)(v.dueDate) && optional(isDueState)(v.dueState) && optional(isDate)(v.originalDueDate) && optional(isPersonRef)(v.assignee) &&
    (supplement === undefined || (isObject(supplement) && listOf(isString)(supplement.missing) && optional(isString)(supplement.note) && isTimestamp(supplement.requestedAt))) &&
    (appraisal === undefined ||
      (isObject(appraisal) &&
        (appraisal.visit === undefined || (isObject(appraisal.visit) && isDate(appraisal.visit.date) && listOf(isString)(appraisal.visit.team))) &&
        optional(oneOf(['passed', 'remediation_required', 'failed'] as const))(appraisal.outcome) &&
        optional(isString)(appraisal.minutes) && optional(isDate)(appraisal.remediationDeadline))) &&
    optional(isString)(v.decisionReason) && optional(isString)(v.licenceNumber) &&
    listOf(isHistoryEntry)(v.history) && listOf(isDossierAction)(v.availableActions) && isInt(v.version, 1)
  );
}

export function isDossierSummary(v: unknown): v is DossierSummary {
  return (
    isObject(v) && isString(v.dossierId) && optional(isString)(v.code) && isString(v.procedureId) && isDossierState(v.state) &&
    isString(v.applicantName) && isTimestamp(v.createdAt) && optional(isTimestamp)(v.submittedAt) && optional(isDate)(v.dueDate) &&
    optional(isDueState)(v.dueState) && optional(isPersonRef)(v.assignee) && isFeeStatus(v.feeStatus) && isInt(v.version, 1)
  );
}

export function isPublicDossierView(v: unknown): v is PublicDossierView {
  return (
    isObject(v) && isString(v.code) && isString(v.procedureId) && isDossierState(v.state) && optional(isTimestamp)(v.submittedAt) &&
    optional(isTimestamp)(v.receivedAt) && optional(isDay)(v.dueDate) && optional(isDueState)(v.dueState) && optional(isDay)(v.appraisalVisitDate) &&
    listOf((h: unknown): h is { at: string; state: DossierState } => isObject(h) && isTimestamp(h.at) && isDossierState(h.state))(v.history) &&
    optional(isString)(v.licenceNumber)
  );
}

export function isPublicLicenceView(v: unknown): v is PublicLicenceView {
  const s = isObject(v) ? v.signature : undefined;
  return (
    isObject(v) && isString(v.number) && oneOf(['licence', 'certificate'] as const)(v.kind) && isString(v.titleVi) && isString(v.titleEn) &&
    isString(v.holderName) && isString(v.scopeVi) && isString(v.issuingUnit) && isString(v.signedBy) && isTimestamp(v.issuedAt) &&
    isDay(v.validFrom) && optional(isDay)(v.validUntil) && oneOf(LICENCE_STATUS_VALUES)(v.status) && optional(isString)(v.statusReason) &&
    optional(isTimestamp)(v.statusChangedAt) &&
    isObject(s) && isString(s.algorithm) && isString(s.sha256) && isString(s.value) && isString(s.publicKeySpki) && isString(s.keyId) &&
    typeof v.signatureValid === 'boolean'
  );
}
