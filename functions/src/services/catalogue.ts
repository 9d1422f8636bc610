/** Catalogue use cases: search (diacritics-insensitive) and an administrator's availability switch. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ListProceduresQuery } from '@portal/shared/procedures/api';
import { filterProcedures } from '@portal/shared/procedures/search';
import { AppError, toAppError } from '../platform/errors';
import type { AuditContext } from '../repositories/audit';
import { getProcedure, listProcedures, setProcedureAvailability, type StoredProcedure } from '../repositories/procedures';
import { ttlCache } from '../platform/ttl-cache';

export interface CatalogueDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The whole catalogue, read from the table at most every 10 s per container: every visitor of the
 * catalogue page asks for it, it changes a few times a year, and browsers cache it for 60 s anyway.
 */
export function catalogueReader(deps: CatalogueDeps, ttlMs = 10_000): () => Promise<StoredProcedure[]> {
  return ttlCache(ttlMs, () => listProcedures(deps.db, deps.tableName));
}

export async function searchProcedures(readAll: () => Promise<StoredProcedure[]>, query: ListProceduresQuery): Promise<StoredProcedure[]> {
  return filterProcedures(await readAll(), query).sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
}

export async function findProcedure(deps: CatalogueDeps, code: string): Promise<StoredProcedure> {
  const procedure = await getProcedure(deps.db, deps.tableName, code);
  if (!procedure) throw new AppError('not_found');
  return procedure;
}

/** Suspend or resume online submission; a concurrent change answers 409 with the fresh state. */
export async function changeAvailability(deps: CatalogueDeps, code: string, available: boolean, ctx: AuditContext): Promise<StoredProcedure> {
  const current = await findProcedure(deps, code);
  if (current.available === available) return current;
  try {
    await setProcedureAvailability(deps.db, deps.tableName, code, available, current.version, ctx);
  } catch (error) {
    const mapped = toAppError(error);
    if (mapped.code === 'conflict') throw new AppError('conflict', { extra: { current: await findProcedure(deps, code) }, cause: error });
    throw mapped;
  }
  return { ...current, available, version: current.version + 1 };
}
