/**
 * API keys of hospitals' information systems (ADR 0012). Only a SHA-256 of each key is stored; a
 * request's key is hashed and looked up with one GetItem.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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

export const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey, 'utf8').digest('hex');

/** `his_<hospitalId>_<43 random base64url characters>`: the prefix tells a support person whose key it is. */
export const newHisKey = (hospitalId: string): string => `his_${hospitalId}_${randomBytes(32).toString('base64url')}`;

export async function findHisKey(deps: Deps, apiKey: string): Promise<StoredHisKey | undefined> {
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.hisKey(hashKey(apiKey)) }));
  return Item as StoredHisKey | undefined;
}

/** Stores a key's hash with its audit entry; `ctx` undefined only for the local demo seed. */
export async function insertHisKey(deps: Deps, apiKey: string, key: StoredHisKey, ctx?: AuditContext): Promise<void> {
  await deps.db.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: deps.tableName, Item: { ...keys.hisKey(hashKey(apiKey)), type: 'hisKey', ...key }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...(ctx ? [auditEntry(deps.tableName, ctx, 'hisKey.create', { type: 'hospital', id: key.hospitalId }, { keyId: key.keyId })] : []),
      ],
    }),
  );
}
