/**
 * What the API shows of a dossier, to whom. Due states are computed on every read from the due
 * date and today's Vietnam date (never stored); the second factors of the public tracking and the
 * index attributes never leave the server.
 */
import type { WorkCalendar } from '@portal/shared/calendar/working-days';
import { dueState } from '@portal/shared/calendar/working-days';
import type { AttachmentView, DossierSummary, DossierView, FeeView, HistoryEntry, PublicDossierView } from '@portal/shared/dossiers/api';
import { NATIONAL_STATUS_CODES, availableActions, clockRuns, type Actor, type DossierState } from '@portal/shared/dossiers/lifecycle';
import { feeFor } from '@portal/shared/procedures/fees';
import type { Principal } from '@portal/shared/roles';
import { canAccess } from '@portal/shared/policy';
import { AppError } from '../platform/errors';
import type { DossierRecord, StoredDossier, StoredHistory } from '../repositories/dossiers';
import { factsOf, procedureOf } from './dossier-transitions';

export const nationalStatus = (state: DossierState): number | undefined => (state === 'draft' ? undefined : NATIONAL_STATUS_CODES[state]);

/** Due state only while the clock runs (a dossier waiting for the applicant has no running deadline). */
export function dueStateOf(d: Pick<StoredDossier, 'state' | 'dueDate'>, now: Date, cal: WorkCalendar) {
  return d.dueDate && clockRuns(d.state) ? dueState(d.dueDate, now, cal) : undefined;
}

/** The fee as stored from submission on; for a draft, what it would cost with the data so far. */
export function feeViewOf(d: StoredDossier, now: Date): FeeView {
  if (d.fee) return d.fee;
  const procedure = procedureOf(d.procedureId);
  if (!procedure) return { amountVnd: 0, due: 'submission', status: 'not_required' };
  const { amountVnd } = feeFor(procedure, d.data, now);
  return { amountVnd, due: procedure.fee.due, status: amountVnd > 0 ? 'unpaid' : 'not_required' };
}

/** Who the caller is to this dossier: its applicant, an officer of its unit, an administrator. */
export function viewerOf(principal: Principal, d: Pick<StoredDossier, 'ownerId' | 'organisationId' | 'unitId'>): Actor | 'admin' {
  if (!canAccess(principal, { ownerId: d.ownerId, organisationId: d.organisationId, unitId: d.unitId })) {
    // Officers of another unit are told they may not (403); anyone else learns nothing (404).
    throw new AppError(principal.role === 'officer' ? 'forbidden' : 'not_found');
  }
  if (principal.role === 'admin') return 'admin';
  return principal.role === 'officer' ? 'officer' : 'applicant';
}

const historyOf = (h: StoredHistory): HistoryEntry => {
  const { dossierId: _id, ...entry } = h;
  return entry;
};

export function toView(record: DossierRecord, attachments: AttachmentView[], viewer: Actor | 'admin', now: Date, cal: WorkCalendar): DossierView {
  const d = record.dossier;
  const due = dueStateOf(d, now, cal);
  return {
    dossierId: d.dossierId,
    ...(d.code ? { code: d.code } : {}),
    procedureId: d.procedureId,
    unitId: d.unitId,
    state: d.state,
    ...(nationalStatus(d.state) !== undefined ? { nationalStatus: nationalStatus(d.state) } : {}),
    ownerId: d.ownerId,
    applicantName: d.applicantName,
    data: d.data,
    attachments,
    fee: feeViewOf(d, now),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    ...(d.submittedAt ? { submittedAt: d.submittedAt } : {}),
    ...(d.receivedAt ? { receivedAt: d.receivedAt } : {}),
    ...(d.clockStartedAt ? { clockStartedAt: d.clockStartedAt } : {}),
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    ...(due ? { dueState: due } : {}),
    ...(d.originalDueDate ? { originalDueDate: d.originalDueDate } : {}),
    ...(d.assignee ? { assignee: d.assignee } : {}),
    ...(d.supplement ? { supplement: d.supplement } : {}),
    ...(d.appraisal ? { appraisal: viewer === 'applicant' ? { ...(d.appraisal.visit ? { visit: d.appraisal.visit } : {}), ...(d.appraisal.outcome ? { outcome: d.appraisal.outcome } : {}), ...(d.appraisal.remediationDeadline ? { remediationDeadline: d.appraisal.remediationDeadline } : {}) } : d.appraisal } : {}),
    ...(d.decisionReason ? { decisionReason: d.decisionReason } : {}),
    ...(d.licenceNumber ? { licenceNumber: d.licenceNumber } : {}),
    history: record.history.map(historyOf),
    availableActions: viewer === 'admin' ? [] : availableActions(factsOf(d), viewer),
    version: d.version,
  };
}

export function toSummary(d: StoredDossier, now: Date, cal: WorkCalendar): DossierSummary {
  const due = dueStateOf(d, now, cal);
  return {
    dossierId: d.dossierId,
    ...(d.code ? { code: d.code } : {}),
    procedureId: d.procedureId,
    state: d.state,
    applicantName: d.applicantName,
    createdAt: d.createdAt,
    ...(d.submittedAt ? { submittedAt: d.submittedAt } : {}),
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    ...(due ? { dueState: due } : {}),
    ...(d.assignee ? { assignee: d.assignee } : {}),
    feeStatus: d.fee?.status ?? 'not_required',
    version: d.version,
  };
}

/** Status and dates only: no name, no form data, no reasons (they may name people). */
export function toPublicView(record: DossierRecord, now: Date, cal: WorkCalendar): PublicDossierView {
  const d = record.dossier;
  const due = dueStateOf(d, now, cal);
  const changes = record.history.filter((h) => h.from !== h.to || h.action === 'create');
  return {
    code: d.code ?? '',
    procedureId: d.procedureId,
    state: d.state,
    ...(nationalStatus(d.state) !== undefined ? { nationalStatus: nationalStatus(d.state) } : {}),
    ...(d.submittedAt ? { submittedAt: d.submittedAt } : {}),
    ...(d.receivedAt ? { receivedAt: d.receivedAt } : {}),
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    ...(due ? { dueState: due } : {}),
    ...(d.appraisal?.visit ? { appraisalVisitDate: d.appraisal.visit.date } : {}),
    history: changes.filter((h) => h.to !== 'draft').map((h) => ({ at: h.at, state: h.to })),
    ...(d.licenceNumber ? { licenceNumber: d.licenceNumber } : {}),
  };
}
