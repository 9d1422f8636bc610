/**
 * Signatures of VNPay's merchant API (QueryDR and Refund, research/payments.md §1.10–1.11): values
 * joined with `|` in a documented order, no encoding, HMAC-SHA512 hex. Used for our requests and to
 * verify VNPay's responses, which we never trust unsigned: a response without a valid
 * `vnp_SecureHash` is rejected (the npm `vnpay` package accepts it, §2.2 item 3).
 */
import { randomBytes } from 'node:crypto';
import { HASH_FIELD, hashesMatch, hmacSha512Hex, isHashHex } from './signature';

/** Absent fields contribute an empty string between separators (§1.10). */
export function pipeHashData(values: ReadonlyArray<string | undefined>): string {
  return values.map((v) => v ?? '').join('|');
}

/** A fresh vnp_RequestId: 32 hex characters fit Alphanumeric[1,32] and never repeat in practice. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/** A JSON value as VNPay signed it: strings as is, numbers in plain decimal, anything else absent. */
function wireText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export type ApiResponseFields = Record<string, string | undefined>;

export type PipeVerification =
  | { ok: true; fields: ApiResponseFields }
  | { ok: false; reason: 'not_an_object' | 'missing_hash' | 'malformed_hash' | 'bad_signature' };

/**
 * Recomputes the response hash over `order` (full field names, e.g. 'vnp_ResponseId') and compares
 * in constant time. Values are hashed exactly as received: the npm package divided vnp_Amount by
 * 100 before hashing and so rejected every genuine refund response (§2.2 item 2).
 */
export function verifyPipeSigned(body: unknown, order: readonly string[], hashSecret: string): PipeVerification {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'not_an_object' };
  const record = body as Record<string, unknown>;
  const fields: ApiResponseFields = {};
  for (const [key, value] of Object.entries(record)) fields[key] = wireText(value);
  const received = fields[HASH_FIELD];
  if (received === undefined || received === '') return { ok: false, reason: 'missing_hash' };
  if (!isHashHex(received)) return { ok: false, reason: 'malformed_hash' };
  const expected = hmacSha512Hex(hashSecret, pipeHashData(order.map((key) => fields[key])));
  return hashesMatch(expected, received) ? { ok: true, fields } : { ok: false, reason: 'bad_signature' };
}
