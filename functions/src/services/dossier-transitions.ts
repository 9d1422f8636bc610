/**
 * The one way a dossier changes state (ADR 0014). The state machine (shared/src/dossiers/lifecycle.ts)
 * decides; this module writes what it decided in ONE TransactWriteItems:
 *   - the dossier, replaced only if its state AND version are still what the writer read (version + 1);
 *   - a history entry;
 *   - an audit entry when staff act (repositories/audit.ts);
 *   - an outbox event the applicant's e-mail/SMS comes from (services/dossier-messages.ts);
 *   - whatever the caller adds (the code guard and the fee at submission).
 * Someone else's change in between cancels the whole transaction: 409 `conflict`, nothing written.
 */
import type { WorkCalendar } from '@portal/shared/calendar/working-days';
import { dueDateFor } from '@portal/shared/calendar/working-days';
import type { HistoryEntry, PersonRef } from '@portal/shared/dossiers/api';
import { clockRuns, planTransition, type ActionInput, type Actor, type DossierAction, type DossierFacts, type TransitionRefusal } from '@portal/shared/dossiers/lifecycle';
import { catalogue, type Procedure } from '@portal/shared/procedures/catalogue';
import { keys } from '@portal/shared/table';
import { AppError, toAppError } from '../platform/errors';
import { auditEntry, dossierTarget, type AuditContext } from '../repositories/audit';
import { dossierPut, getDossier, historyItem, transact, type Deps, type StoredDossier, type StoredHistory } from '../repositories/dossiers';
import type { TransactItem } from '../repositories/payments';
import { workCalendar } from './calendar';

export function procedureOf(procedureId: string): Procedure | undefined {
  return catalogue.find((p) => p.code === procedureId);
}

/** What the state machine needs to know, from the stored dossier. */
export function factsOf(d: StoredDossier): DossierFacts {
  return {
    state: d.state,
    feeDueAtSubmission: d.fee !== undefined && d.fee.due === 'submission' && d.fee.status !== 'not_required',
    feePaid: d.fee?.status === 'paid',
    requiresAppraisal: d.requiresAppraisal,
    supplementRequested: d.supplementRequested ?? false,
    rescheduled: d.rescheduled ?? false,
    ...(d.appraisal ? { appraisal: { scheduled: d.appraisal.visit !== undefined, ...(d.appraisal.outcome ? { outcome: d.appraisal.outcome } : {}) } } : {}),
    ...(d.assignee ? { assignee: d.assignee.userId } : {}),
  };
}

/** Refusals that describe the request (what it lacks) rather than the dossier's state. */
const INPUT_REFUSALS: readonly TransitionRefusal[] = ['reason_required', 'missing_required', 'assignee_required', 'visit_required', 'appraisal_required', 'due_date_not_later'];

export function refusalError(refusal: TransitionRefusal): AppError {
  if (refusal === 'fee_unpaid') return new AppError('fee_unpaid', { extra: { refusal } });
  if (INPUT_REFUSALS.includes(refusal)) return new AppError('action_incomplete', { detail: refusal, extra: { refusal } });
  return new AppError('action_not_allowed', { detail: refusal, extra: { refusal } });
}

export interface Change {
  action: DossierAction;
  input?: ActionInput;
  /** Changes the caller makes beside what the action sets (form data, code, fee at submission). */
  patch?: Partial<StoredDossier>;
  /** More writes for the same transaction (the code guard, the fee item). */
  extraItems?: TransactItem[];
  /** For a system action: the payment or the licence it reports. */
  paymentId?: string;
  licenceNumber?: string;
}

export interface Acting {
  actor: Actor;
  by?: PersonRef;
  /** Staff: the audit entry goes into the same transaction. */
  audit?: AuditContext;
  now: Date;
}

/** Which changes the applicant hears about (everything but internal assignment). */
const SILENT: readonly DossierAction[] = ['assign'];

/**
 * The planned transition as writes, without sending them (the IPN adds them to its own settlement).
 * Throws the refusal as an AppError when the state machine says no.
 */
export interface BuiltTransition {
  next: StoredDossier;
  entry: StoredHistory;
  items: TransactItem[];
}

export function buildTransition(tableName: string, before: StoredDossier, change: Change, acting: Acting, cal: WorkCalendar): BuiltTransition {
  const merged: StoredDossier = { ...before, ...change.patch };
  const input: ActionInput = { ...change.input, ...(merged.dueDate ? { currentDueDate: merged.dueDate } : {}) };
  const plan = planTransition(factsOf(merged), change.action, acting.actor, input);
  if (!plan.ok) throw refusalError(plan.refusal);
  const at = acting.now.toISOString();
  const next: StoredDossier = { ...merged, state: plan.to, updatedAt: at, version: before.version + 1 };

  if (plan.restartClock) {
    // The statutory clock starts again from zero (submission, the fee paid, the supplemented dossier back).
    delete next.originalDueDate;
    if (clockRuns(plan.to)) {
      const procedure = procedureOf(before.procedureId);
      next.clockStartedAt = at;
      if (procedure) next.dueDate = dueDateFor(acting.now, procedure.timeLimit, cal);
    } else {
      delete next.clockStartedAt;
      delete next.dueDate;
    }
  }
  const i = change.input ?? {};
  switch (change.action) {
    case 'submit':
      next.submittedAt ??= at;
      if (before.state === 'supplement_requested') next.resubmittedAt = at;
      break;
    case 'receive':
      if (before.state === 'submitted') next.receivedAt = at;
      break;
    case 'refuse':
    case 'reject':
    case 'stop':
    case 'withdraw':
      if (i.reason) next.decisionReason = i.reason;
      break;
    case 'assign':
      if (acting.by && i.assignee) next.assignee = i.assignee === acting.by.userId ? acting.by : (change.patch?.assignee ?? { userId: i.assignee, name: i.assignee });
      break;
    case 'request_supplement':
      next.supplementRequested = true;
      next.supplement = { missing: [...(i.missing ?? [])], ...(i.reason ? { note: i.reason } : {}), requestedAt: at };
      break;
    case 'schedule_appraisal':
      next.appraisal = { ...before.appraisal, visit: { date: i.visit?.date ?? '', team: [...(i.visit?.team ?? [])] } };
      break;
    case 'record_appraisal':
      next.appraisal = {
        ...before.appraisal,
        outcome: i.appraisal?.outcome,
        minutes: i.appraisal?.minutes,
        ...(i.appraisal?.remediationDeadline ? { remediationDeadline: i.appraisal.remediationDeadline } : {}),
      };
      if (!i.appraisal?.remediationDeadline) delete next.appraisal.remediationDeadline;
      break;
    case 'reschedule':
      next.originalDueDate = before.dueDate;
      next.dueDate = i.newDueDate;
      next.rescheduled = true;
      next.rescheduleReason = i.reason;
      break;
    case 'fee_paid':
      if (next.fee) next.fee = { ...next.fee, status: 'paid', paidAt: at, ...(change.paymentId ? { paymentId: change.paymentId } : {}) };
      break;
    case 'issue_result':
      if (change.licenceNumber) next.licenceNumber = change.licenceNumber;
      break;
    case 'approve':
      break;
  }

  const entry: StoredHistory = {
    dossierId: before.dossierId,
    at,
    action: change.action,
    from: before.state,
    to: next.state,
    actor: acting.actor,
    ...(acting.by ? { by: acting.by } : {}),
    ...(i.reason ? { reason: i.reason } : {}),
    ...(change.action === 'request_supplement' && i.missing ? { missing: [...i.missing] } : {}),
    ...(change.action === 'reschedule' && i.newDueDate ? { newDueDate: i.newDueDate } : {}),
  };
  const items: TransactItem[] = [dossierPut(tableName, before, next), { Put: { TableName: tableName, Item: historyItem(before.dossierId, next.version, entry) } }];
  if (acting.audit) {
    items.push(
      auditEntry(tableName, acting.audit, `dossier.${change.action}`, dossierTarget(next), { from: before.state, to: next.state, version: next.version }),
    );
  }
  if (!SILENT.includes(change.action)) items.push(outboxItem(tableName, next, change.action, at));
  items.push(...(change.extraItems ?? []));
  return { next, entry, items };
}

export function outboxItem(tableName: string, d: StoredDossier, action: DossierAction | 'fee_received', at: string): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.outbox(`dossier.${action}#${d.dossierId}#${d.version}`), type: 'outbox', event: `dossier.${action}`, dossierId: d.dossierId, state: d.state, version: d.version, createdAt: at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Plan, build and write one transition; a lost race is 409 `conflict` (the caller adds the fresh view). */
export async function applyTransition(deps: Deps, before: StoredDossier, change: Change, acting: Acting): Promise<{ next: StoredDossier; entry: StoredHistory }> {
  const cal = await workCalendar(deps);
  const { next, entry, items } = buildTransition(deps.tableName, before, change, acting, cal);
  try {
    await transact(deps, items);
  } catch (error) {
    throw toAppError(error);
  }
  return { next, entry };
}

/**
 * What the payment side and the licence job call: `fee_paid` (the IPN settled the dossier's fee) and
 * `issue_result` (the licence is issued). Idempotent: a dossier already past that state is left as it is.
 */
export async function applySystemAction(
  deps: Deps,
  dossierId: string,
  action: 'fee_paid' | 'issue_result',
  extra: { licenceNumber?: string; paymentId?: string },
  now: Date,
): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const dossier = await getDossier(deps, dossierId);
    if (!dossier) throw new AppError('not_found');
    const from = action === 'fee_paid' ? 'awaiting_fee' : 'approved';
    if (dossier.state !== from) {
      if (action === 'fee_paid' && dossier.fee && dossier.fee.status !== 'paid') {
        try {
          await transact(deps, feePaidItems(deps.tableName, dossier, extra.paymentId, now.toISOString()).items);
          return;
        } catch (error) {
          if (toAppError(error).code !== 'conflict') throw error;
          continue;
        }
      }
      return;
    }
    try {
      await applyTransition(deps, dossier, { action, ...(extra.paymentId ? { paymentId: extra.paymentId } : {}), ...(extra.licenceNumber ? { licenceNumber: extra.licenceNumber } : {}) }, { actor: 'system', now });
      return;
    } catch (error) {
      if (toAppError(error).code !== 'conflict') throw error;
    }
  }
  throw new AppError('conflict');
}

/**
 * A fee paid while the dossier is not waiting for it (due before the result, or paid after the
 * dossier moved on): the fee is marked paid on the dossier, with a history entry and a notice.
 */
export function feePaidItems(tableName: string, dossier: StoredDossier, paymentId: string | undefined, at: string): { next: StoredDossier; items: TransactItem[] } {
  const next: StoredDossier = {
    ...dossier,
    fee: { ...(dossier.fee ?? { amountVnd: 0, due: 'submission' }), status: 'paid', paidAt: at, ...(paymentId ? { paymentId } : {}) },
    updatedAt: at,
    version: dossier.version + 1,
  };
  const entry: HistoryEntry = { at, action: 'fee_paid', from: dossier.state, to: dossier.state, actor: 'system' };
  return {
    next,
    items: [dossierPut(tableName, dossier, next), { Put: { TableName: tableName, Item: historyItem(dossier.dossierId, next.version, entry) } }, outboxItem(tableName, next, 'fee_received', at)],
  };
}
