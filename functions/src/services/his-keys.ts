/** Issuing API keys to hospitals' information systems (ADR 0012). */
import { hospitals } from '@portal/shared/hospitals';
import { AppError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { AuditContext } from '../repositories/audit';
import type { Deps } from '../repositories/bills';
import { insertHisKey, newHisKey } from '../repositories/his-keys';

/** The key is returned once; only its hash is kept, so a lost key is replaced, never recovered. */
export async function issueHisKey(deps: Deps, hospitalId: string, ctx: AuditContext): Promise<{ apiKey: string; keyId: string; hospitalId: string; createdAt: string }> {
  if (!hospitals.some((h) => h.hospitalId === hospitalId)) throw new AppError('not_found');
  const apiKey = newHisKey(hospitalId);
  const key = { keyId: newId(ctx.now.getTime()), hospitalId, createdAt: ctx.now.toISOString(), createdBy: ctx.principal.userId };
  await insertHisKey(deps, apiKey, key, ctx);
  return { apiKey, keyId: key.keyId, hospitalId, createdAt: key.createdAt };
}
