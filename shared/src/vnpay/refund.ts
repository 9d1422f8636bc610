/**
 * Refund through VNPay's merchant API (research/payments.md §1.11). Same endpoint as QueryDR.
 *
 * Decisions: vnp_TransactionNo is required here (every paid attempt has one, from the IPN or a
 * QueryDR), which avoids choosing between the Node demo's "0" and the Java demo's "" for an unknown
 * number. No value may contain `|`, which would shift the pipe-joined hash fields. Responses are
 * checked by `checkApiResponse` like QueryDR's.
 */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';
import {
  apiRequestBase, checkApiResponse, transactionDateText, type ApiExpectation, type ApiRequest, type ApiVerificationFailure,
} from './api-fields';
import { newRequestId, pipeHashData } from './api-signature';
import { MAX_AMOUNT_VND, VNPAY_VERSION } from './constants';
import { hmacSha512Hex } from './signature';
import { vnpayDateTime } from './time';

export const REFUND_TYPES = { full: '02', partial: '03' } as const;
export type RefundKind = keyof typeof REFUND_TYPES;

export const refundInputSchema = z.object({
  ...apiRequestBase,
  kind: z.enum(['full', 'partial']),
  /** Integer VND to refund; for a full refund, the amount originally paid. */
  amountVnd: z.int().check(z.positive(), z.lte(MAX_AMOUNT_VND)),
  transactionNo: z.string().check(z.regex(/^\d{1,15}$/)),
  /** Who asked for the refund (staff user name); printable ASCII without `|`. */
  createBy: z.string().check(z.regex(/^[\x20-\x7b\x7d\x7e]{1,250}$/)),
});
export type RefundInput = z.infer<typeof refundInputSchema>;

export function buildRefundRequest(input: RefundInput): ApiRequest {
  const p = z.parse(refundInputSchema, input);
  const requestId = p.requestId ?? newRequestId();
  const createDate = vnpayDateTime(p.createdAt);
  const transactionDate = transactionDateText(p.transactionDate);
  const transactionType = REFUND_TYPES[p.kind];
  const amount = String(p.amountVnd * 100);
  // RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo
  const hashData = pipeHashData([
    requestId, VNPAY_VERSION, 'refund', p.tmnCode, transactionType, p.txnRef, amount, p.transactionNo,
    transactionDate, p.createBy, createDate, p.ipAddr, p.orderInfo,
  ]);
  const body: Record<string, string> = {
    vnp_RequestId: requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'refund',
    vnp_TmnCode: p.tmnCode,
    vnp_TransactionType: transactionType,
    vnp_TxnRef: p.txnRef,
    vnp_Amount: amount,
    vnp_TransactionNo: p.transactionNo,
    vnp_TransactionDate: transactionDate,
    vnp_CreateBy: p.createBy,
    vnp_CreateDate: createDate,
    vnp_IpAddr: p.ipAddr,
    vnp_OrderInfo: p.orderInfo,
    vnp_SecureHash: hmacSha512Hex(p.hashSecret, hashData),
  };
  return { body, hashData, requestId };
}

/** Response hash order (§1.11): QueryDR's without the promotion fields. */
export const REFUND_RESPONSE_ORDER = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount',
  'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo',
] as const;

export interface RefundResult {
  /** 00 accepted; 91 not found; 94 already requested; 95 original not successful; 97 checksum; 99 other. */
  responseCode: string;
  message: string | undefined;
  txnRef: string | undefined;
  /** The refunded amount in VND (the wire value ÷ 100, read only after the hash was checked). */
  amountVnd: number | undefined;
  transactionNo: string | undefined;
  transactionType: string | undefined;
  transactionStatus: string | undefined;
  payDate: string | undefined;
}

export type RefundVerification = { valid: true; result: RefundResult } | { valid: false; reason: ApiVerificationFailure };

export function verifyRefundResponse(body: unknown, expect: ApiExpectation): RefundVerification {
  const checked = checkApiResponse(body, REFUND_RESPONSE_ORDER, 'refund', expect);
  if (!checked.ok) return { valid: false, reason: checked.reason };
  const { fields: f, responseCode, amountVnd, payDate } = checked.response;
  return {
    valid: true,
    result: {
      responseCode,
      message: f.vnp_Message,
      txnRef: f.vnp_TxnRef,
      amountVnd,
      transactionNo: f.vnp_TransactionNo,
      transactionType: f.vnp_TransactionType,
      transactionStatus: f.vnp_TransactionStatus,
      payDate,
    },
  };
}
