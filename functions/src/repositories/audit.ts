/**
 * The append-only audit log. Every staff write adds `auditEntry(...)` to its own transaction, so
 * the change and its audit entry land together or not at all. Entries are never updated or
 * deleted (IAM denies it in AWS); admins read them per target.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import { randomUUID } from 'node:crypto';

export interface AuditEntry {
  actorId: string;
  actorRole: Principal['role'];
  action: string;
  targetType: string;
  targetId: string;
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

/** A Put for a TransactWriteItems list. */
export function auditEntry(tableName: string, ctx: AuditContext, action: string, target: { type: string; id: string }, details?: Record<string, unknown>) {
  const at = ctx.now.toISOString();
  const entry: AuditEntry = {
    actorId: ctx.principal.userId,
    actorRole: ctx.principal.role,
    action,
    targetType: target.type,
    targetId: target.id,
    at,
    requestId: ctx.requestId,
    ...(details ? { details } : {}),
  };
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(target.type, target.id, at, randomUUID()), type: 'audit', ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
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
  return (result.Items ?? []).map(({ actorId, actorRole, action, targetType, targetId, at, requestId, details }) => ({
    actorId, actorRole, action, targetType, targetId, at, requestId, ...(details ? { details } : {}),
  }) as AuditEntry);
}
