/**
 * Canonical string and HMAC-SHA512 of VNPay 2.1.0 (research/payments.md §1.5).
 *
 * Canonical string: every `vnp_` field except `vnp_SecureHash` and `vnp_SecureHashType`, empty values
 * dropped (the Java and .NET demos skip them; our builders never emit one), names sorted by UTF-16
 * code unit (the .NET demo's ordinal comparer; names are ASCII so all languages agree), each
 * `name=value` form-encoded, joined with `&`. That string is also the query we send.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { encodeNodeDemo, type ValueEncoder } from './encoding';

export const HASH_FIELD = 'vnp_SecureHash';
export const HASH_TYPE_FIELD = 'vnp_SecureHashType';
/** 64 bytes of SHA-512 as hex. */
const HASH_HEX = /^[0-9a-fA-F]{128}$/;

export type VnpFields = Readonly<Record<string, string>>;

/** The fields that are signed, in signing order. */
export function signedEntries(fields: VnpFields): Array<[string, string]> {
  return Object.entries(fields)
    .filter(([key, value]) => key.startsWith('vnp_') && key !== HASH_FIELD && key !== HASH_TYPE_FIELD && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function canonicalQuery(fields: VnpFields, encode: ValueEncoder = encodeNodeDemo): string {
  return signedEntries(fields).map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

/** Lowercase hex HMAC-SHA512 of `data` under the secret, both taken as UTF-8. */
export function hmacSha512Hex(hashSecret: string, data: string): string {
  return createHmac('sha512', Buffer.from(hashSecret, 'utf8')).update(Buffer.from(data, 'utf8')).digest('hex');
}

export function isHashHex(text: string | undefined): text is string {
  return text !== undefined && HASH_HEX.test(text);
}

/**
 * Constant-time comparison of a received hash with ours. Hex case is ignored (VNPay's .NET demo
 * compares case-insensitively, and case carries no information); anything that is not 128 hex
 * digits is false before any comparison, so `timingSafeEqual` always sees equal lengths.
 */
export function hashesMatch(expectedHex: string, receivedHex: string | undefined): boolean {
  if (!isHashHex(receivedHex) || !isHashHex(expectedHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex.toLowerCase(), 'latin1'), Buffer.from(receivedHex.toLowerCase(), 'latin1'));
}

export interface SignedQuery {
  canonical: string;
  secureHash: string;
  /** canonical + `&vnp_SecureHash=…`: what goes after `?`. */
  query: string;
}

/** Signs fields into the query string VNPay expects (also used to forge test IPNs with the test secret). */
export function signFields(fields: VnpFields, hashSecret: string): SignedQuery {
  const canonical = canonicalQuery(fields);
  const secureHash = hmacSha512Hex(hashSecret, canonical);
  return { canonical, secureHash, query: `${canonical}&${HASH_FIELD}=${secureHash}` };
}
