/**
 * "Ai đã xem dữ liệu của tôi" (ADR 0025): the caller's own audit entries as a data subject, newest
 * first, one page per request. The subject is always the signed-in caller, never a parameter; the
 * cursor carries only the last entry's table key, and the index partition is rebuilt from the
 * caller, so a cursor cannot lead into another person's entries.
 */
import { dataAccessItem, DATA_ACCESS_PAGE_SIZE, type DataAccessPage } from '@portal/shared/audit/data-access';
import type { Principal } from '@portal/shared/roles';
import { keys } from '@portal/shared/table';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../platform/errors';
import { listSubjectAudit, type SubjectAuditKey } from '../repositories/audit';

export interface DataAccessDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  settings: { showStaffNames: boolean };
}

const TABLE_PK = /^AUDIT#[a-z]+#[A-Za-z0-9._-]{1,100}$/;
const TABLE_SK = /^\d{4}-\d{2}-\d{2}T[0-9:.]{8,12}Z#[0-9a-f-]{36}$/;

export function encodeCursor(key: Pick<SubjectAuditKey, 'pk' | 'sk'>): string {
  return Buffer.from(JSON.stringify([key.pk, key.sk])).toString('base64url');
}

function decodeCursor(cursor: string, userId: string): SubjectAuditKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const [pk, sk] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (typeof pk !== 'string' || typeof sk !== 'string' || !TABLE_PK.test(pk) || !TABLE_SK.test(sk)) {
    throw new AppError('validation_failed', { errors: [{ field: 'query.cursor', code: 'invalid', message: 'Con trỏ trang không hợp lệ / The page cursor is invalid' }] });
  }
  return { pk, sk, ...keys.subjectAuditEntry(userId, ...(sk.split('#') as [string, string])) };
}

export async function myDataAccess(deps: DataAccessDeps, principal: Principal, cursor?: string): Promise<DataAccessPage> {
  const after = cursor ? decodeCursor(cursor, principal.userId) : undefined;
  const { entries, last } = await listSubjectAudit(deps.db, deps.tableName, principal.userId, { limit: DATA_ACCESS_PAGE_SIZE, ...(after ? { after } : {}) });
  return {
    items: entries.map((e) => dataAccessItem(e, deps.settings)),
    // A full page may be the last one; the next request then answers an empty page without `next`.
    ...(last && entries.length === DATA_ACCESS_PAGE_SIZE ? { next: encodeCursor(last) } : {}),
  };
}
