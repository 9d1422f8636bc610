/** API keys of hospitals' information systems: issued, listed and revoked by administrators (ADR 0012, 0023). */
import { hospitals } from '@portal/shared/hospitals';
import type { HisKeyList, HisKeyView, IssuedHisKey } from '@portal/shared/his-keys';
import { AppError, toAppError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { AuditContext } from '../repositories/audit';
import type { Deps } from '../repositories/bills';
import { getHisKeyEntry, insertHisKey, listHisKeyEntries, newHisKey, revokeHisKeyEntry, type HisKeyEntry } from '../repositories/his-keys';

const knownHospital = (hospitalId: string) => {
  if (!hospitals.some((h) => h.hospitalId === hospitalId)) throw new AppError('not_found');
};

/** What an administrator sees of a key: never the key, nor the hash it is found by. */
const viewOf = ({ keyHash: _hash, ...view }: HisKeyEntry & { pk?: string; sk?: string; type?: string }): HisKeyView => {
  const { keyId, hospitalId, label, createdAt, createdBy, lastFour, status, revokedAt, revokedBy } = view;
  return { keyId, hospitalId, label, createdAt, createdBy, lastFour, status, ...(revokedAt ? { revokedAt } : {}), ...(revokedBy ? { revokedBy } : {}) };
};

/** The key is returned once; only its hash is kept, so a lost key is replaced, never recovered. */
export async function issueHisKey(deps: Deps, hospitalId: string, label: string | undefined, ctx: AuditContext): Promise<IssuedHisKey> {
  knownHospital(hospitalId);
  const apiKey = newHisKey(hospitalId);
  const createdAt = ctx.now.toISOString();
  const entry = await insertHisKey(deps, apiKey, { keyId: newId(ctx.now.getTime()), hospitalId, createdAt, createdBy: ctx.principal.userId, label: label ?? `Khóa HIS ${createdAt.slice(0, 10)}` }, ctx);
  return { ...viewOf(entry), apiKey };
}

export async function listHisKeys(deps: Deps, hospitalId: string): Promise<HisKeyList> {
  knownHospital(hospitalId);
  const entries = await listHisKeyEntries(deps, hospitalId);
  // Newest first by issue time (the demo keys' ids are not ULIDs, so the sort key alone would not do).
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.keyId.localeCompare(a.keyId));
  return { hospitalId, keys: entries.map(viewOf) };
}

/**
 * Revokes a key of this hospital: refused from the very next request on. A key of another
 * hospital, or none, is 404; a key already revoked is answered as it is (a second click changes
 * nothing and leaves no second audit entry).
 */
export async function revokeHisKey(deps: Deps, hospitalId: string, keyId: string, ctx: AuditContext): Promise<HisKeyView> {
  knownHospital(hospitalId);
  const entry = await getHisKeyEntry(deps, hospitalId, keyId);
  if (!entry) throw new AppError('not_found');
  if (entry.status === 'revoked') return viewOf(entry);
  try {
    return viewOf(await revokeHisKeyEntry(deps, entry, ctx));
  } catch (error) {
    if (toAppError(error).code !== 'conflict') throw error;
    // Revoked by another administrator at the same moment: report what it is now.
    const now = await getHisKeyEntry(deps, hospitalId, keyId);
    if (now?.status === 'revoked') return viewOf(now);
    throw error;
  }
}
