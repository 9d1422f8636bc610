/**
 * The applicant's side of a dossier: a draft saved step by step, submission (complete data and
 * mandatory documents, or 422 listing what is missing; the code, the due date and the fee), the
 * return of a supplemented dossier (same dossier, same code, the clock from zero), withdrawal.
 * Another applicant's dossier does not exist for the caller (404).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CreateDossier, DossierSummary, DossierView, PatchDossier } from '@portal/shared/dossiers/api';
import { formatDossierCode } from '@portal/shared/dossiers/code';
import { applicantMayEdit } from '@portal/shared/dossiers/lifecycle';
import type { FieldError } from '@portal/shared/errors';
import { isDocumentRequired, type Procedure } from '@portal/shared/procedures/catalogue';
import { feeFor } from '@portal/shared/procedures/fees';
import { validateDossierData, type FormIssue } from '@portal/shared/procedures/forms';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';
import { AppError, toAppError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Lang } from '../platform/http';
import { auditRead, dossierTarget } from '../repositories/audit';
import {
  codeGuardItem, getDossierRecord, insertDraft, type DossierRecord, listOwnerDossiers, nextCodeSequence, putNew, saveDraftData, type Deps, type StoredDossier,
} from '../repositories/dossiers';
import type { TransactItem } from '../repositories/payments';
import { attachmentView, confirmAttachments, uploadedDocumentIds, type StoredAttachment } from './attachments';
import { workCalendar } from './calendar';
import { applyTransition, procedureOf } from './dossier-transitions';
import { trackingChecks } from './dossier-contact';

/** Re-exported for the licence notices (licence-messages.ts). */
export { fieldOfKind } from './dossier-contact';
import { toSummary, toView, viewerOf } from './dossier-views';

export interface DossierDeps extends Deps {
  now: () => Date;
  /** The department's agency e-ID code (configuration AGENCY_CODE). */
  agencyCode: string;
}

export interface Caller {
  principal: Principal;
  requestId: string;
  lang: Lang;
  now: Date;
}

const FIELD = (issue: FormIssue, lang: Lang): FieldError => ({
  field: `body.data.${issue.path || issue.field}`,
  code: 'invalid',
  message: lang === 'en' ? issue.messageEn : issue.messageVi,
});

/** The procedure the dossier is for, if it exists and takes online submissions now. */
async function openProcedure(deps: Deps, procedureId: string, now: Date): Promise<Procedure> {
  const procedure = procedureOf(procedureId);
  if (!procedure) throw new AppError('not_found');
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.procedure(procedureId), ProjectionExpression: 'available' }));
  const closed = (Item && Item.available === false) || (procedure.effectiveTo !== undefined && vietnamDate(now) > procedure.effectiveTo);
  if (closed) throw new AppError('procedure_unavailable');
  return procedure;
}

/** Whose name the lists show: the organisation's or the person's from the form, else the account's. */
function applicantNameOf(data: Record<string, unknown>, fallback: string): string {
  for (const field of ['orgName', 'fullName']) {
    const value = data[field];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 200);
  }
  return fallback;
}

function validationError(issues: FormIssue[], lang: Lang): AppError {
  return new AppError('validation_failed', { errors: issues.map((i) => FIELD(i, lang)) });
}

async function readOwn(deps: Deps, dossierId: string, principal: Principal) {
  const record = await getDossierRecord(deps, dossierId);
  if (!record) throw new AppError('not_found');
  const viewer = viewerOf(principal, record.dossier);
  return { record, viewer };
}

/**
 * The view of a dossier read with its attachments (one Query): pending uploads are confirmed against
 * storage unless the caller already did (`confirmed`).
 */
export async function recordView(deps: Deps, record: DossierRecord, viewer: ReturnType<typeof viewerOf>, now: Date, confirmed?: StoredAttachment[]): Promise<DossierView> {
  const attachments = confirmed ?? (await confirmAttachments(deps, record.attachments, now));
  return toView(record, attachments.map(attachmentView), viewer, now, await workCalendar(deps));
}

/** The fresh view after someone else's change, for the 409 body. */
export async function currentView(deps: Deps, dossierId: string, principal: Principal, now: Date): Promise<DossierView | undefined> {
  const record = await getDossierRecord(deps, dossierId);
  if (!record) return undefined;
  return recordView(deps, record, viewerOf(principal, record.dossier), now);
}

/** Maps a lost race (or a refusal) to its problem with the dossier as it is now. */
export async function withCurrent(deps: Deps, dossierId: string, principal: Principal, now: Date, error: unknown): Promise<never> {
  const mapped = toAppError(error);
  if (['conflict', 'action_not_allowed', 'fee_unpaid'].includes(mapped.code)) {
    throw new AppError(mapped.code, { ...(mapped.detail ? { detail: mapped.detail } : {}), extra: { ...mapped.extra, current: await currentView(deps, dossierId, principal, now) }, cause: error });
  }
  throw mapped;
}

export async function dossierView(deps: Deps, dossierId: string, caller: Caller): Promise<DossierView> {
  const { record, viewer } = await readOwn(deps, dossierId, caller.principal);
  if (viewer !== 'applicant') {
    // Every staff read of a dossier lands in the audit log.
    await auditRead(deps, caller, 'dossier.read', dossierTarget(record.dossier));
  }
  return recordView(deps, record, viewer, caller.now);
}

export async function createDossier(deps: Deps, body: CreateDossier, caller: Caller): Promise<DossierView> {
  const procedure = await openProcedure(deps, body.procedureId, caller.now);
  const checked = validateDossierData(procedure.form, body.data, 'draft');
  if (!checked.ok) throw validationError(checked.issues, caller.lang);
  const at = caller.now.toISOString();
  const { principal } = caller;
  const dossier: StoredDossier = {
    dossierId: newId(caller.now.getTime()),
    procedureId: procedure.code,
    unitId: procedure.unitId,
    state: 'draft',
    ownerId: principal.userId,
    ...(principal.role === 'clinic_owner' && principal.organisationId ? { organisationId: principal.organisationId } : {}),
    ownerName: principal.name,
    applicantName: applicantNameOf(checked.data, principal.name),
    data: checked.data,
    createdAt: at,
    updatedAt: at,
    requiresAppraisal: procedure.requiresAppraisal,
    version: 1,
  };
  await insertDraft(deps, dossier, { at, action: 'create', to: 'draft', actor: 'applicant', by: { userId: principal.userId, name: principal.name } });
  return recordView(deps, { dossier, history: [], attachments: [] }, 'applicant', caller.now);
}

export async function myDossiers(deps: Deps, caller: Caller): Promise<{ items: DossierSummary[] }> {
  const cal = await workCalendar(deps);
  return { items: (await listOwnerDossiers(deps, caller.principal.userId)).map((d) => toSummary(d, caller.now, cal)) };
}

/** Saves a step: the given fields replace the stored ones (shallow merge), checked as a draft. */
export async function updateDossier(deps: Deps, dossierId: string, body: PatchDossier, caller: Caller): Promise<DossierView> {
  const { record, viewer } = await readOwn(deps, dossierId, caller.principal);
  const before = record.dossier;
  if (viewer !== 'applicant') throw new AppError('not_found');
  if (before.version !== body.version) return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('conflict'));
  if (!applicantMayEdit(before.state)) return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('action_not_allowed', { detail: 'not_editable' }));
  const procedure = procedureOf(before.procedureId);
  if (!procedure) throw new AppError('not_found');
  const checked = validateDossierData(procedure.form, { ...before.data, ...body.data }, 'draft');
  if (!checked.ok) throw validationError(checked.issues, caller.lang);
  try {
    const next = await saveDraftData(deps, before, { data: checked.data, applicantName: applicantNameOf(checked.data, before.ownerName) }, caller.now.toISOString());
    return await recordView(deps, { ...record, dossier: next }, 'applicant', caller.now);
  } catch (error) {
    return withCurrent(deps, dossierId, caller.principal, caller.now, error);
  }
}

/**
 * Submission (from a draft) or the return of a supplemented dossier. Everything the procedure
 * requires must be there: the form's required fields and the mandatory documents, else 422
 * `dossier_incomplete` listing each. A first submission takes the next code of the day and
 * creates the fee; the state machine decides between awaiting_fee, submitted and resubmitted.
 */
export async function submitDossier(deps: DossierDeps, dossierId: string, version: number, caller: Caller): Promise<DossierView> {
  const { record, viewer } = await readOwn(deps, dossierId, caller.principal);
  const before = record.dossier;
  if (viewer !== 'applicant') throw new AppError('not_found');
  if (before.version !== version) return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('conflict'));
  if (before.state !== 'draft' && before.state !== 'supplement_requested') {
    return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('action_not_allowed', { detail: 'not_allowed_in_state' }));
  }
  const procedure = before.state === 'draft' ? await openProcedure(deps, before.procedureId, caller.now) : procedureOf(before.procedureId);
  if (!procedure) throw new AppError('not_found');

  const checked = validateDossierData(procedure.form, before.data, 'submit');
  const confirmed = await confirmAttachments(deps, record.attachments, caller.now);
  const uploaded = uploadedDocumentIds(confirmed);
  const errors: FieldError[] = checked.ok ? [] : checked.issues.map((i) => FIELD(i, caller.lang));
  const data = checked.ok ? checked.data : before.data;
  for (const doc of procedure.documents) {
    if (isDocumentRequired(doc, data) && !uploaded.has(doc.id)) {
      errors.push({ field: `documents.${doc.id}`, code: 'document_missing', message: caller.lang === 'en' ? `Missing document: ${doc.nameEn}` : `Thiếu giấy tờ: ${doc.nameVi}` });
    }
  }
  if (errors.length > 0) throw new AppError('dossier_incomplete', { errors });

  const patch: Partial<StoredDossier> = { data, applicantName: applicantNameOf(data, before.ownerName) };
  const extraItems: TransactItem[] = [];
  let code = before.code;
  if (!code) {
    const quote = feeFor(procedure, data, caller.now);
    patch.fee = { amountVnd: quote.amountVnd, due: procedure.fee.due, status: quote.amountVnd > 0 ? 'unpaid' : 'not_required' };
    const day = vietnamDate(caller.now);
    code = formatDossierCode(deps.agencyCode, day, await nextCodeSequence(deps, deps.agencyCode, day));
    patch.code = code;
    extraItems.push(putNew(deps.tableName, codeGuardItem({ code, dossierId, checks: trackingChecks(code, procedure, data) })));
    if (quote.amountVnd > 0) {
      extraItems.push(putNew(deps.tableName, { ...keys.dossierFee(dossierId), type: 'dossierFee', dossierId, amountDue: quote.amountVnd, status: 'unpaid', version: 1 }));
    }
  } else {
    // The supplemented data may carry a new phone number: the tracking follows it.
    extraItems.push({
      Update: {
        TableName: deps.tableName,
        Key: keys.dossierCode(code),
        UpdateExpression: 'SET checks = :checks',
        ConditionExpression: 'dossierId = :id',
        ExpressionAttributeValues: { ':checks': trackingChecks(code, procedure, data), ':id': dossierId },
      },
    });
  }
  try {
    const { next, entry } = await applyTransition(deps, before, { action: 'submit', patch, extraItems }, { actor: 'applicant', by: { userId: caller.principal.userId, name: caller.principal.name }, now: caller.now });
    return await recordView(deps, { ...record, dossier: next, history: [...record.history, entry] }, 'applicant', caller.now, confirmed);
  } catch (error) {
    // A failed submission leaves a gap in the day's sequence, never a duplicate code (ADR 0014).
    return withCurrent(deps, dossierId, caller.principal, caller.now, error);
  }
}

export async function withdrawDossier(deps: Deps, dossierId: string, body: { version: number; reason?: string }, caller: Caller): Promise<DossierView> {
  const { record, viewer } = await readOwn(deps, dossierId, caller.principal);
  const before = record.dossier;
  if (viewer !== 'applicant') throw new AppError('not_found');
  if (before.version !== body.version) return withCurrent(deps, dossierId, caller.principal, caller.now, new AppError('conflict'));
  try {
    const { next, entry } = await applyTransition(deps, before, { action: 'withdraw', input: body.reason ? { reason: body.reason } : {} }, { actor: 'applicant', by: { userId: caller.principal.userId, name: caller.principal.name }, now: caller.now });
    return await recordView(deps, { ...record, dossier: next, history: [...record.history, entry] }, 'applicant', caller.now);
  } catch (error) {
    return withCurrent(deps, dossierId, caller.principal, caller.now, error);
  }
}
