/**
 * API keys of hospitals' information systems (ADR 0012, 0023). Two items per key, written together:
 * the lookup item `HISKEY#<SHA-256 of the key>` that a request's key is checked against (one
 * strongly consistent GetItem, so a revocation counts from the very next request), and the
 * hospital's list entry `HOSPITAL#<h>#HISKEYS` / `KEY#<keyId>` that administrators list and revoke
 * by. The key itself is never stored.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HisKeyStatus, HisKeyView } from '@portal/shared/his-keys';
import { keys } from '@portal/shared/table';
import { createHash, randomBytes } from 'node:crypto';
import { auditEntry, type AuditContext } from './audit';
import type { Deps } from './bills';

export interface StoredHisKey {
  keyId: string;
  hospitalId: string;
  createdAt: string;
  createdBy: string;
  revoked?: boolean;
}

/** The list entry: what an administrator sees, plus the lookup item's hash. */
export interface HisKeyEntry extends HisKeyView {
  keyHash: string;
}

export const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

/** `his_<hospitalId>_<43 random base64url characters>`: the prefix tells a support person whose key it is. */
export const newHisKey = (hospitalId: string): string => `his_${hospitalId}_${randomBytes(32).toString('base64url')}`;

/** Consistent: a key revoked a moment ago must not pass on a replica that has not seen it yet. */
export async function findHisKey(deps: Deps, apiKey: string): Promise<StoredHisKey | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.hisKey(hashKey(apiKey)), ConsistentRead: true }));
  return Item as StoredHisKey | undefined;
}

/** Stores a key's lookup item and list entry with its audit entry; `ctx` undefined only for the local demo seed. */
export async function insertHisKey(deps: Deps, apiKey: string, key: StoredHisKey & { label: string }, ctx?: AuditContext): Promise<HisKeyEntry> {
  const keyHash = hashKey(apiKey);
  const entry: HisKeyEntry = { keyId: key.keyId, hospitalId: key.hospitalId, label: key.label, createdAt: key.createdAt, createdBy: key.createdBy, lastFour: apiKey.slice(-4), status: 'active', keyHash };
  const lookup: StoredHisKey = { keyId: key.keyId, hospitalId: key.hospitalId, createdAt: key.createdAt, createdBy: key.createdBy };
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: deps.tableName, Item: { ...keys.hisKey(keyHash), type: 'hisKey', ...lookup }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: deps.tableName, Item: { ...keys.hospitalHisKey(key.hospitalId, key.keyId), type: 'hisKeyEntry', ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...(ctx ? [auditEntry(deps.tableName, ctx, 'hisKey.create', { type: 'hospital', id: key.hospitalId }, { keyId: key.keyId })] : []),
      ],
    }),
  );
  return entry;
}

/** A hospital's keys (a handful per hospital), paged until done. */
export async function listHisKeyEntries(deps: Deps, hospitalId: string): Promise<HisKeyEntry[]> {
  const { pk, skPrefix } = keys.hospitalHisKeys(hospitalId);
  const entries: HisKeyEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
      ExclusiveStartKey: start,
    }));
    entries.push(...((page.Items ?? []) as HisKeyEntry[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}

export async function getHisKeyEntry(deps: Deps, hospitalId: string, keyId: string): Promise<HisKeyEntry | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.hospitalHisKey(hospitalId, keyId), ConsistentRead: true }));
  return Item as HisKeyEntry | undefined;
}

/**
 * Revokes an active key: its lookup item refuses the key from the next request on, its list entry
 * says who revoked it when, and the audit entry lands in the same transaction. A key revoked
 * meanwhile fails the condition (TransactionCanceledException) and the caller reads again.
 */
export async function revokeHisKeyEntry(deps: Deps, entry: HisKeyEntry, ctx: AuditContext): Promise<HisKeyEntry> {
  const at = ctx.now.toISOString();
  const revoked: HisKeyStatus = 'revoked';
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.hospitalHisKey(entry.hospitalId, entry.keyId),
            UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedBy = :by',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':revoked': revoked, ':active': 'active', ':at': at, ':by': ctx.principal.userId },
          },
        },
        {
          Update: {
            TableName: deps.tableName,
            Key: keys.hisKey(entry.keyHash),
            UpdateExpression: 'SET revoked = :true, revokedAt = :at',
            ConditionExpression: 'keyId = :keyId AND hospitalId = :hospitalId',
            ExpressionAttributeValues: { ':true': true, ':at': at, ':keyId': entry.keyId, ':hospitalId': entry.hospitalId },
          },
        },
        auditEntry(deps.tableName, ctx, 'hisKey.revoke', { type: 'hospital', id: entry.hospitalId }, { keyId: entry.keyId }),
      ],
    }),
  );
  return { ...entry, status: 'revoked', revokedAt: at, revokedBy: ctx.principal.userId };
}
