/**
 * QueryDR: ask VNPay for the state of a pay attempt (research/payments.md §1.10). The reconciliation
 * sweep uses it for attempts still pending after expiry. POST JSON to VNPAY_URLS.*.api. Responses are
 * checked by `checkApiResponse` (fail closed without a valid signature).
 */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';
import {
  apiRequestBase, checkApiResponse, transactionDateText, type ApiExpectation, type ApiRequest, type ApiVerificationFailure,
} from './api-fields';
import { newRequestId, pipeHashData } from './api-signature';
import { VNPAY_VERSION } from './constants';
import { hmacSha512Hex } from './signature';
import { vnpayDateTime } from './time';

export const queryDrInputSchema = z.object({
  ...apiRequestBase,
  /** VNPay's transaction number, when known (sent, but not part of the hash). */
  transactionNo: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});
export type QueryDrInput = z.infer<typeof queryDrInputSchema>;

export function buildQueryDrRequest(input: QueryDrInput): ApiRequest {
  const p = z.parse(queryDrInputSchema, input);
  const requestId = p.requestId ?? newRequestId();
  const createDate = vnpayDateTime(p.createdAt);
  const transactionDate = transactionDateText(p.transactionDate);
  // Field order from VNPay's Node demo: RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo
  const hashData = pipeHashData([requestId, VNPAY_VERSION, 'querydr', p.tmnCode, p.txnRef, transactionDate, createDate, p.ipAddr, p.orderInfo]);
  const body: Record<string, string> = {
    vnp_RequestId: requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: p.tmnCode,
    vnp_TxnRef: p.txnRef,
    vnp_OrderInfo: p.orderInfo,
    vnp_TransactionDate: transactionDate,
    vnp_CreateDate: createDate,
    vnp_IpAddr: p.ipAddr,
  };
  if (p.transactionNo !== undefined) body.vnp_TransactionNo = p.transactionNo;
  body.vnp_SecureHash = hmacSha512Hex(p.hashSecret, hashData);
  return { body, hashData, requestId };
}

/** Response hash order (§1.10). */
export const QUERYDR_RESPONSE_ORDER = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount',
  'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus',
  'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

export interface QueryDrResult {
  responseCode: string;
  message: string | undefined;
  txnRef: string | undefined;
  amountVnd: number | undefined;
  bankCode: string | undefined;
  payDate: string | undefined;
  transactionNo: string | undefined;
  /** 01 pay, 02 full refund, 03 partial refund. */
  transactionType: string | undefined;
  /** Table 1.8: 00 paid, 01 not completed, 02 error, 04 reversed, 05/06 refund in progress, 07 fraud suspected, 09 refund rejected. */
  transactionStatus: string | undefined;
}

export type QueryDrVerification = { valid: true; result: QueryDrResult } | { valid: false; reason: ApiVerificationFailure };

export function verifyQueryDrResponse(body: unknown, expect: ApiExpectation): QueryDrVerification {
  const checked = checkApiResponse(body, QUERYDR_RESPONSE_ORDER, 'querydr', expect);
  if (!checked.ok) return { valid: false, reason: checked.reason };
  const { fields: f, responseCode, amountVnd, payDate } = checked.response;
  return {
    valid: true,
    result: {
      responseCode,
      message: f.vnp_Message,
      txnRef: f.vnp_TxnRef,
      amountVnd,
      bankCode: f.vnp_BankCode,
      payDate,
      transactionNo: f.vnp_TransactionNo,
      transactionType: f.vnp_TransactionType,
      transactionStatus: f.vnp_TransactionStatus,
    },
  };
}
