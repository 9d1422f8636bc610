/**
 * Verification of the return URL and IPN queries VNPay sends (research/payments.md §1.5–1.7).
 *
 * Fails closed at every step, in this order: unparseable query → duplicate `vnp_` key → missing hash
 * → hash that is not 128 hex digits → HMAC mismatch → another terminal's TmnCode → signed fields we
 * cannot read (amount not a whole number of VND, bad dates). Decisions where the research leaves room:
 * - Hex case is ignored (as VNPay's .NET demo does); the hash is still compared in constant time.
 * - A TmnCode other than ours is rejected like a bad signature (research §1.7 "our suggestion").
 * - If the Node-demo encoding does not match and a value contains `* ~ ! ' ( )`, the WHATWG encoding
 *   is tried (§1.5); `encoder` in the result says which matched so the caller can log it. Both need
 *   the secret, so this widens nothing an attacker can do.
 * - An empty value is treated as absent (§1.5 step 1), in the hash and in the typed params.
 */
import { TMN_CODE_PATTERN, TXN_REF_PATTERN } from './constants';
import { ENCODER_SENSITIVE, encodeNodeDemo, encodeWhatwg, parseVnpQuery } from './encoding';
import { HASH_FIELD, canonicalQuery, hashesMatch, hmacSha512Hex, isHashHex, signedEntries } from './signature';
import { parseVnpayDateTime } from './time';

export interface VnpayResultParams {
  tmnCode: string;
  txnRef: string;
  /** vnp_Amount / 100, always a whole number of VND. */
  amountVnd: number;
  responseCode: string;
  transactionStatus: string;
  /** VNPay's transaction number ("0" when nothing was paid, e.g. a cancel). */
  transactionNo: string | undefined;
  bankCode: string | undefined;
  bankTranNo: string | undefined;
  cardType: string | undefined;
  orderInfo: string | undefined;
  /** vnp_PayDate (Vietnam time) as an ISO-8601 UTC instant. */
  payDate: string | undefined;
}

export type VerificationFailure =
  | 'malformed_query'
  | 'duplicate_field'
  | 'missing_hash'
  | 'malformed_hash'
  | 'bad_signature'
  | 'tmn_mismatch'
  | 'malformed_params';

export type VnpayQueryVerification =
  | { valid: true; params: VnpayResultParams; fields: Record<string, string>; encoder: 'node-demo' | 'whatwg'; secret: 'current' | 'previous' }
  /** `fields` are untrusted here: for the audit log only. */
  | { valid: false; reason: VerificationFailure; fields: Record<string, string> };

export interface VerifyOptions {
  hashSecret: string;
  /**
   * The hash secret before a rotation, while its window is open (shared/src/portal-secret.ts
   * `vnpayVerificationSecrets`): tried only when the current one does not match (ADR 0023).
   */
  previousHashSecret?: string;
  /** Our terminal; a query for any other terminal is rejected. */
  tmnCode: string;
}

const TWO_DIGITS = /^\d{2}$/;
const AMOUNT = /^\d{1,12}$/;

/** Checks only the signature of a raw query's `vnp_` fields (no field semantics). */
export function verifyQuerySignature(
  rawQuery: string,
  hashSecret: string,
): { ok: true; fields: Record<string, string>; encoder: 'node-demo' | 'whatwg' } | { ok: false; reason: VerificationFailure; fields: Record<string, string> } {
  const parsed = parseVnpQuery(rawQuery);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, fields: {} };
  const { fields } = parsed;
  const received = fields[HASH_FIELD];
  if (received === undefined || received === '') return { ok: false, reason: 'missing_hash', fields };
  if (!isHashHex(received)) return { ok: false, reason: 'malformed_hash', fields };
  if (hashesMatch(hmacSha512Hex(hashSecret, canonicalQuery(fields, encodeNodeDemo)), received)) {
    return { ok: true, fields, encoder: 'node-demo' };
  }
  const sensitive = signedEntries(fields).some(([, value]) => ENCODER_SENSITIVE.test(value));
  if (sensitive && hashesMatch(hmacSha512Hex(hashSecret, canonicalQuery(fields, encodeWhatwg)), received)) {
    return { ok: true, fields, encoder: 'whatwg' };
  }
  return { ok: false, reason: 'bad_signature', fields };
}

/** Reads the signed fields into typed params; undefined when a field is missing or malformed. */
export function readResultParams(fields: Record<string, string>): VnpayResultParams | undefined {
  const get = (key: string): string | undefined => (fields[key] === '' ? undefined : fields[key]);
  const tmnCode = get('vnp_TmnCode');
  const txnRef = get('vnp_TxnRef');
  const amount = get('vnp_Amount');
  const responseCode = get('vnp_ResponseCode');
  const transactionStatus = get('vnp_TransactionStatus');
  const payDateText = get('vnp_PayDate');
  if (tmnCode === undefined || !TMN_CODE_PATTERN.test(tmnCode)) return undefined;
  if (txnRef === undefined || !TXN_REF_PATTERN.test(txnRef)) return undefined;
  // VND has no minor unit: an amount that is not a multiple of 100 was never ours (§1.13 item 2).
  if (amount === undefined || !AMOUNT.test(amount) || Number(amount) % 100 !== 0) return undefined;
  if (responseCode === undefined || !TWO_DIGITS.test(responseCode)) return undefined;
  if (transactionStatus === undefined || !TWO_DIGITS.test(transactionStatus)) return undefined;
  const payDate = payDateText === undefined ? undefined : parseVnpayDateTime(payDateText);
  if (payDateText !== undefined && payDate === undefined) return undefined;
  return {
    tmnCode,
    txnRef,
    amountVnd: Number(amount) / 100,
    responseCode,
    transactionStatus,
    transactionNo: get('vnp_TransactionNo'),
    bankCode: get('vnp_BankCode'),
    bankTranNo: get('vnp_BankTranNo'),
    cardType: get('vnp_CardType'),
    orderInfo: get('vnp_OrderInfo'),
    payDate: payDate?.toISOString(),
  };
}

/**
 * Verifies a return-URL or IPN query. Pass the RAW query string (`event.rawQueryString`), never a
 * framework-decoded object: whether `+` has already become a space differs between front-ends.
 */
export function verifyVnpayQuery(rawQuery: string, options: VerifyOptions): VnpayQueryVerification {
  let sig = verifyQuerySignature(rawQuery, options.hashSecret);
  let secret: 'current' | 'previous' = 'current';
  if (!sig.ok && sig.reason === 'bad_signature' && options.previousHashSecret !== undefined) {
    sig = verifyQuerySignature(rawQuery, options.previousHashSecret);
    secret = 'previous';
  }
  if (!sig.ok) return { valid: false, reason: sig.reason, fields: sig.fields };
  if (sig.fields.vnp_TmnCode !== options.tmnCode) return { valid: false, reason: 'tmn_mismatch', fields: sig.fields };
  const params = readResultParams(sig.fields);
  if (params === undefined) return { valid: false, reason: 'malformed_params', fields: sig.fields };
  return { valid: true, params, fields: sig.fields, encoder: sig.encoder, secret };
}
