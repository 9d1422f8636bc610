/** Catalogue use cases: search (diacritics-insensitive) and an administrator's availability switch. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ListProceduresQuery } from '@portal/shared/procedures/api';
import { foldDiacritics } from '@portal/shared/vietnamese';
import { AppError, toAppError } from '../platform/errors';
import type { AuditContext } from '../repositories/audit';
import { getProcedure, listProcedures, setProcedureAvailability, type StoredProcedure } from '../repositories/procedures';

export interface CatalogueDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
}

export async function searchProcedures(deps: CatalogueDeps, query: ListProceduresQuery): Promise<StoredProcedure[]> {
  const all = await listProcedures(deps.db, deps.tableName);
  const words = foldDiacritics(query.q ?? '').split(/\s+/).filter(Boolean);
  return all
    .filter((p) => !query.field || p.field === query.field)
    .filter((p) => !query.applicantType || p.applicantType === query.applicantType)
    .filter((p) => {
      if (words.length === 0) return true;
      const haystack = foldDiacritics(`${p.nameVi} ${p.nameEn} ${p.code} ${p.nationalCode ?? ''}`);
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
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
