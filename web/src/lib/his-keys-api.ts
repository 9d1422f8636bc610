/**
 * Typed client of the administrators' HIS key routes (ADR 0012, 0023): a hospital's keys, issuing
 * one (the key comes back this once), revoking one. Shape checks without zod, as the other staff
 * clients do (test/unit/web/his-keys.test.ts keeps them in step with shared/src/his-keys.ts).
 */
import type { HisKeyList, HisKeyStatus, HisKeyView, IssuedHisKey } from '@portal/shared/his-keys';
import { getJson, postJson, type RequestOptions } from './api';
import { isObject, isString, isTimestamp, listOf, oneOf, optional } from './dossier-guards';

type Options = RequestOptions & { token: string };
/** As shared/src/his-keys.ts HIS_KEY_STATUSES (imported as a type only: that module carries zod). */
const STATUSES: readonly HisKeyStatus[] = ['active', 'revoked'];

export function isHisKeyView(v: unknown): v is HisKeyView {
  return (
    isObject(v) && isString(v.keyId) && isString(v.hospitalId) && isString(v.label) && isTimestamp(v.createdAt) && isString(v.createdBy) &&
    isString(v.lastFour) && oneOf(STATUSES)(v.status) && optional(isTimestamp)(v.revokedAt) && optional(isString)(v.revokedBy)
  );
}

export const isHisKeyList = (v: unknown): v is HisKeyList => isObject(v) && isString(v.hospitalId) && listOf(isHisKeyView)(v.keys);
export const isIssuedHisKey = (v: unknown): v is IssuedHisKey => isHisKeyView(v) && isString((v as { apiKey?: unknown }).apiKey);

const keysPath = (hospitalId: string, rest = '') => `/api/hospitals/${encodeURIComponent(hospitalId)}/his-keys${rest}`;

/** GET /api/hospitals/{h}/his-keys: newest first, never a key. */
export function listHisKeys(hospitalId: string, options: Options): Promise<HisKeyList> {
  return getJson(keysPath(hospitalId), isHisKeyList, options);
}

/** POST /api/hospitals/{h}/his-keys: the new key, shown once. */
export function issueHisKey(hospitalId: string, label: string | undefined, options: Options): Promise<IssuedHisKey> {
  return postJson(keysPath(hospitalId), label ? { label } : {}, isIssuedHisKey, options);
}

/** POST /api/hospitals/{h}/his-keys/{keyId}/revoke: refused from the next request on. */
export function revokeHisKey(hospitalId: string, keyId: string, options: Options): Promise<HisKeyView> {
  return postJson(keysPath(hospitalId, `/${encodeURIComponent(keyId)}/revoke`), undefined, isHisKeyView, options);
}
