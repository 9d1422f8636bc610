/**
 * The append-only audit log. Every staff write adds `auditEntry(...)` to its own transaction, so
 * the change and its audit entry land together or not at all. Entries are never updated or
 * deleted (IAM denies it in AWS); admins read them per target.
 *
 * An entry about one person's data (their dossier, their booking) names that person as its data
 * subject and is also indexed under them on byOwner (`USER#<id>` / `AUDIT#<at>#<id>`), so the person
 * can see who read or acted on their data with one Query (ADR 0025). The person's own actions are
 * not indexed there: they are not "someone read my data".
 */
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@portal/shared/audit/actions';
import type { SubjectAuditFacts } from '@portal/shared/audit/data-access';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import { randomUUID } from 'node:crypto';

export interface AuditEntry {
  actorId: string;
  actorRole: Principal['role'];
  /** Staff are shown to citizens by unit/hospital and role; the name only if the department chooses (ADR 0025). */
  actorName?: string;
  actorUnitId?: string;
  actorHospitalId?: string;
  action: string;
  targetType: string;
  targetId: string;
  /** The dossier code or booking code of the target, for the subject's list. */
  targetCode?: string;
  /** Whose personal data the target is (a portal user id); absent when no portal user owns it. */
  subjectId?: string;
  at: string;
  requestId: string;
  /** Non-personal facts about the change (e.g. `{ available: false }`). */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  principal: Principal;
  requestId: string;
  now: Date;
}

export interface AuditTarget {
  type: string;
  id: string;
  /** The portal user whose data this is (dossier applicant, booking citizen). */
  subjectId?: string;
  code?: string;
}

/** A Put for a TransactWriteItems list. */
export function auditEntry(tableName: string, ctx: AuditContext, action: AuditAction, target: AuditTarget, details?: Record<string, unknown>) {
  const at = ctx.now.toISOString();
  const id = randomUUID();
  const { principal } = ctx;
  const entry: AuditEntry = {
    actorId: principal.userId,
    actorRole: principal.role,
    ...(principal.name ? { actorName: principal.name } : {}),
    ...(principal.unitId ? { actorUnitId: principal.unitId } : {}),
    ...(principal.hospitalId ? { actorHospitalId: principal.hospitalId } : {}),
    action,
    targetType: target.type,
    targetId: target.id,
    ...(target.code ? { targetCode: target.code } : {}),
    ...(target.subjectId ? { subjectId: target.subjectId } : {}),
    at,
    requestId: ctx.requestId,
    ...(details ? { details } : {}),
  };
  const indexed = target.subjectId && target.subjectId !== principal.userId ? keys.subjectAuditEntry(target.subjectId, at, id) : {};
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(target.type, target.id, at, id), ...indexed, type: 'audit', ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A staff read on its own (no change to go with it): the entry alone, written before the data is returned. */
export async function auditRead(deps: { db: DynamoDBDocumentClient; tableName: string }, ctx: AuditContext, action: AuditAction, target: AuditTarget, details?: Record<string, unknown>): Promise<void> {
  await deps.db.send(new TransactWriteCommand({ TransactItems: [auditEntry(deps.tableName, ctx, action, target, details)] }));
}

const PUBLIC_FIELDS = ['actorId', 'actorRole', 'actorName', 'actorUnitId', 'actorHospitalId', 'action', 'targetType', 'targetId', 'targetCode', 'subjectId', 'at', 'requestId', 'details'] as const;

function entryOf(item: Record<string, unknown>): AuditEntry {
  return Object.fromEntries(PUBLIC_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as AuditEntry;
}

export async function listAuditEntries(db: DynamoDBDocumentClient, tableName: string, target: { type: string; id: string }, limit = 100): Promise<AuditEntry[]> {
  const result = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditTarget(target.type, target.id).pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map(entryOf);
}

/** Where a page of a subject's entries stopped: the index key of its last item. */
export interface SubjectAuditKey {
  pk: string;
  sk: string;
  ownerPk: string;
  ownerSk: string;
}

/** One page of the entries whose subject is `userId`, newest first: one Query on byOwner. */
export async function listSubjectAudit(
  db: DynamoDBDocumentClient,
  tableName: string,
  userId: string,
  page: { limit: number; after?: SubjectAuditKey },
): Promise<{ entries: SubjectAuditFacts[]; last?: SubjectAuditKey }> {
  const index = keys.subjectAudit(userId);
  const result = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'byOwner',
      KeyConditionExpression: 'ownerPk = :o AND begins_with(ownerSk, :p)',
      ExpressionAttributeValues: { ':o': index.ownerPk, ':p': index.ownerSkPrefix },
      ScanIndexForward: false,
      Limit: page.limit,
      ...(page.after ? { ExclusiveStartKey: page.after } : {}),
    }),
  );
  const entries = (result.Items ?? []).map((item) => entryOf(item) as unknown as SubjectAuditFacts);
  return { entries, ...(result.LastEvaluatedKey ? { last: result.LastEvaluatedKey as SubjectAuditKey } : {}) };
}

/** A dossier as an audit target: its applicant is the data subject, its code names it to them. */
export const dossierTarget = (d: { dossierId: string; ownerId: string; code?: string }): AuditTarget => ({
  type: 'dossier', id: d.dossierId, subjectId: d.ownerId, ...(d.code ? { code: d.code } : {}),
});

/** A booking as an audit target: the citizen who booked it is the data subject. */
export const appointmentTarget = (a: { appointmentId: string; userId: string; code: string }): AuditTarget => ({
  type: 'appointment', id: a.appointmentId, subjectId: a.userId, code: a.code,
});
