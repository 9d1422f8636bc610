/**
 * The officers' side: their unit's inbox (one Query of its open dossiers, counts and due states
 * computed from it), actions on one dossier, and receiving several at once. Officers of another
 * unit get 403; every action carries its audit entry in its own transaction (dossier-transitions).
 */
import type { BulkReceiveResult, DossierActionBody, DossierSummary, DossierView, InboxQuery, InboxResponse } from '@portal/shared/dossiers/api';
import type { ActionInput, DossierState } from '@portal/shared/dossiers/lifecycle';
import { AppError, toAppError } from '../platform/errors';
import { auditEntry } from '../repositories/audit';
import { getDossier, getDossierRecord, getUnitMember, listUnitMembers, listUnitQueue, transact, type Deps, type StoredDossier } from '../repositories/dossiers';
import { workCalendar } from './calendar';
import { applyTransition } from './dossier-transitions';
import { toSummary, viewerOf } from './dossier-views';
import { recordView, withCurrent, type Caller } from './dossiers';

function unitOf(caller: Caller): string {
  const unitId = caller.principal.unitId;
  if (!unitId) throw new AppError('forbidden');
  return unitId;
}

export async function inbox(deps: Deps, query: InboxQuery, caller: Caller): Promise<InboxResponse> {
  const unitId = unitOf(caller);
  const [open, colleagues, cal] = await Promise.all([listUnitQueue(deps, unitId), listUnitMembers(deps, unitId), workCalendar(deps)]);
  // The list shows applicants' names: an audited read, like the cashier's desk.
  await transact(deps, [auditEntry(deps.tableName, caller, 'inbox.list', { type: 'unit', id: unitId }, { ...query })]);
  const summaries = open.map((d) => toSummary(d, caller.now, cal));
  const byState: Partial<Record<DossierState, number>> = {};
  for (const s of summaries) byState[s.state] = (byState[s.state] ?? 0) + 1;
  const counts = {
    total: summaries.length,
    dueSoon: summaries.filter((s) => s.dueState === 'due_soon').length,
    overdue: summaries.filter((s) => s.dueState === 'overdue').length,
    byState,
  };
  const me = caller.principal.userId;
  const keep = (s: DossierSummary) =>
    (!query.state || s.state === query.state) &&
    (!query.procedure || s.procedureId === query.procedure) &&
    (!query.due || s.dueState === query.due) &&
    (!query.assignee || (query.assignee === 'me' ? s.assignee?.userId === me : s.assignee === undefined));
  // The index already orders by due date (dossiers without a running clock last).
  return { items: summaries.filter(keep), counts, colleagues };
}

/** The action's input, with the checks the wire schema cannot make (a colleague of the same unit). */
async function inputOf(deps: Deps, dossier: StoredDossier, body: DossierActionBody, caller: Caller): Promise<{ input: ActionInput; patch: Partial<StoredDossier> }> {
  const input: ActionInput = {
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.missing ? { missing: body.missing } : {}),
    ...(body.assignee ? { assignee: body.assignee } : {}),
    ...(body.visit ? { visit: body.visit } : {}),
    ...(body.appraisal ? { appraisal: body.appraisal } : {}),
    ...(body.newDueDate ? { newDueDate: body.newDueDate } : {}),
  };
  const patch: Partial<StoredDossier> = {};
  if (body.action === 'assign' && body.assignee) {
    const member = body.assignee === caller.principal.userId ? { userId: caller.principal.userId, name: caller.principal.name } : await getUnitMember(deps, dossier.unitId, body.assignee);
    if (!member) throw new AppError('validation_failed', { errors: [{ field: 'body.assignee', code: 'not_a_colleague', message: caller.lang === 'en' ? 'Not an officer of this unit' : 'Không phải cán bộ của phòng xử lý hồ sơ này' }] });
    patch.assignee = member;
  }
  if (body.action === 'record_appraisal' && body.appraisal?.outcome === 'remediation_required' && !body.appraisal.remediationDeadline) {
    throw new AppError('action_incomplete', { detail: 'remediation_deadline_required', extra: { refusal: 'remediation_deadline_required' } });
  }
  return { input, patch };
}

export async function actOnDossier(deps: Deps, dossierId: string, body: DossierActionBody, caller: Caller): Promise<DossierView> {
  const record = await getDossierRecord(deps, dossierId);
  if (!record) throw new AppError('not_found');
  viewerOf(caller.principal, record.dossier);
  const before = record.dossier;
  if (before.version !== body.version) return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('conflict'));
  const { input, patch } = await inputOf(deps, before, body, caller);
  try {
    const { next, entry } = await applyTransition(deps, before, { action: body.action, input, patch }, acting(caller));
    return await recordView(deps, { ...record, dossier: next, history: [...record.history, entry] }, 'officer', caller.now);
  } catch (error) {
    return withCurrent(deps, dossierId, caller.principal, caller.now, error);
  }
}

const acting = (caller: Caller) => ({ actor: 'officer' as const, by: { userId: caller.principal.userId, name: caller.principal.name }, audit: caller, now: caller.now });

/** The intake desk receives a batch: each dossier on its own (one failing never undoes another). */
export async function receiveMany(deps: Deps, items: { dossierId: string; version: number }[], caller: Caller): Promise<BulkReceiveResult> {
  const unitId = unitOf(caller);
  const results: BulkReceiveResult['results'] = [];
  for (const item of items) {
    try {
      const dossier = await getDossier(deps, item.dossierId);
      if (!dossier) throw new AppError('not_found');
      if (dossier.unitId !== unitId) throw new AppError('forbidden');
      if (dossier.version !== item.version) throw new AppError('conflict');
      const { next } = await applyTransition(deps, dossier, { action: 'receive' }, acting(caller));
      results.push({ dossierId: item.dossierId, ok: true, ...(next.code ? { code: next.code } : {}), state: next.state });
    } catch (error) {
      const mapped = toAppError(error);
      if (mapped.code === 'internal_error' || mapped.code === 'service_unavailable') throw error;
      results.push({ dossierId: item.dossierId, ok: false, error: mapped.detail ?? mapped.code });
    }
  }
  return { results };
}
