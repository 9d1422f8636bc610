/** Field rules shared by the QueryDR and Refund builders and their response readers. */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';
import { REQUEST_ID_PATTERN, TMN_CODE_PATTERN, TXN_REF_PATTERN, VNPAY_DATE_TIME_PATTERN } from './constants';
import { ORDER_INFO_PATTERN } from './order-info';
import { verifyPipeSigned } from './api-signature';
import { parseVnpayDateTime, vnpayDateTime } from './time';

/** Common inputs of every merchant-API request. */
export const apiRequestBase = {
  tmnCode: z.string().check(z.regex(TMN_CODE_PATTERN)),
  hashSecret: z.string().check(z.minLength(1)),
  txnRef: z.string().check(z.regex(TXN_REF_PATTERN)),
  /** The original pay request's vnp_CreateDate: the stored 14-digit text, or the instant it was made. */
  transactionDate: z.union([z.string().check(z.regex(VNPAY_DATE_TIME_PATTERN)), z.date()]),
  /** This call's time (becomes vnp_CreateDate, Vietnam time). */
  createdAt: z.date(),
  /** The calling server's IP. */
  ipAddr: z.union([z.ipv4(), z.ipv6()]),
  /** Folded with `toVnpayOrderInfo`; the pipe-joined hash must not meet a `|` inside a value. */
  orderInfo: z.string().check(z.regex(ORDER_INFO_PATTERN)),
  /** Injected for tests and idempotent retries; a fresh random id otherwise. */
  requestId: z.optional(z.string().check(z.regex(REQUEST_ID_PATTERN))),
};

export function transactionDateText(value: string | Date): string {
  return typeof value === 'string' ? value : vnpayDateTime(value);
}

/** Reads a response's vnp_Amount (× 100) as VND; undefined when absent, NaN when malformed. */
export function responseAmountVnd(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  return /^\d{1,12}$/.test(text) && Number(text) % 100 === 0 ? Number(text) / 100 : Number.NaN;
}

/** Reads a response's vnp_PayDate; undefined when absent, null when malformed. */
export function responsePayDate(text: string | undefined): string | undefined | null {
  if (text === undefined || text === '') return undefined;
  return parseVnpayDateTime(text)?.toISOString() ?? null;
}

export interface ApiRequest {
  /** The JSON body to POST. */
  body: Record<string, string>;
  /** The `|`-joined string that was signed (for tests and audit; contains no secret). */
  hashData: string;
  requestId: string;
}

export type ApiVerificationFailure = 'not_an_object' | 'missing_hash' | 'malformed_hash' | 'bad_signature' | 'mismatch' | 'malformed_fields';

export interface ApiExpectation {
  hashSecret: string;
  tmnCode: string;
  /** The TxnRef the request asked about. */
  txnRef: string;
}

export interface CheckedApiResponse {
  fields: Record<string, string | undefined>;
  responseCode: string;
  amountVnd: number | undefined;
  payDate: string | undefined;
}

/**
 * Signature first, always; then the response must be for the command we sent and, when it reports
 * success (00), name our terminal and the TxnRef we asked about, so a signed answer about another
 * attempt cannot settle this one. Error answers (91 not found, 94 duplicate…) need only the signature.
 */
export function checkApiResponse(
  body: unknown,
  order: readonly string[],
  command: 'querydr' | 'refund',
  expect: ApiExpectation,
): { ok: true; response: CheckedApiResponse } | { ok: false; reason: ApiVerificationFailure } {
  const sig = verifyPipeSigned(body, order, expect.hashSecret);
  if (!sig.ok) return sig;
  const f = sig.fields;
  const responseCode = f.vnp_ResponseCode;
  if (responseCode === undefined || !/^\d{2}$/.test(responseCode)) return { ok: false, reason: 'malformed_fields' };
  if (f.vnp_Command !== undefined && f.vnp_Command !== command) return { ok: false, reason: 'mismatch' };
  if (responseCode === '00' && (f.vnp_TmnCode !== expect.tmnCode || f.vnp_TxnRef !== expect.txnRef)) {
    return { ok: false, reason: 'mismatch' };
  }
  const amountVnd = responseAmountVnd(f.vnp_Amount);
  const payDate = responsePayDate(f.vnp_PayDate);
  if (Number.isNaN(amountVnd) || payDate === null) return { ok: false, reason: 'malformed_fields' };
  return { ok: true, response: { fields: f, responseCode, amountVnd, payDate } };
}
