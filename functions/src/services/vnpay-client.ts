/**
 * Calls to VNPay's merchant API (QueryDR now; Refund with the refunds slice). Requests and
 * response checks are the protocol module's (shared/src/vnpay); this file only does the HTTP and
 * treats anything unverifiable as "don't know" — never as a settled answer.
 */
import { buildQueryDrRequest, buildRefundRequest, toVnpayOrderInfo, verifyQueryDrResponse, verifyRefundResponse, type QueryDrResult } from '@portal/shared/vnpay/index';
import type { StoredAttempt } from '../repositories/payments';

export interface VnpayCredentials {
  tmnCode: string;
  hashSecret: string;
  apiUrl: string;
  /** Our server's address as VNPay sees it (vnp_IpAddr of API calls). */
  serverIp: string;
}

export type QueryOutcome = { known: true; result: QueryDrResult } | { known: false; reason: string };

export async function queryTransaction(credentials: VnpayCredentials, attempt: StoredAttempt, now: Date): Promise<QueryOutcome> {
  const request = buildQueryDrRequest({
    tmnCode: credentials.tmnCode,
    hashSecret: credentials.hashSecret,
    txnRef: attempt.txnRef,
    transactionDate: attempt.vnpCreateDate,
    createdAt: now,
    ipAddr: credentials.serverIp,
    orderInfo: toVnpayOrderInfo(`Truy van giao dich ${attempt.txnRef}`),
  });
  let body: unknown;
  try {
    const response = await fetch(credentials.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(5_000),
    });
    body = await response.json();
  } catch (error) {
    return { known: false, reason: (error as Error).name };
  }
  const verified = verifyQueryDrResponse(body, { hashSecret: credentials.hashSecret, tmnCode: credentials.tmnCode, txnRef: attempt.txnRef });
  return verified.valid ? { known: true, result: verified.result } : { known: false, reason: verified.reason };
}

export type RefundOutcome = { known: true; accepted: boolean; responseCode: string } | { known: false; reason: string };

/** Asks VNPay to refund part or all of a paid attempt; only a verified answer counts. */
export async function requestVnpayRefund(
  credentials: VnpayCredentials,
  attempt: StoredAttempt,
  refund: { refundId: string; amountVnd: number; kind: 'full' | 'partial'; createdBy: string },
  now: Date,
): Promise<RefundOutcome> {
  if (!attempt.transactionNo) return { known: false, reason: 'no_transaction_no' };
  const request = buildRefundRequest({
    tmnCode: credentials.tmnCode,
    hashSecret: credentials.hashSecret,
    txnRef: attempt.txnRef,
    transactionDate: attempt.vnpCreateDate,
    createdAt: now,
    ipAddr: credentials.serverIp,
    orderInfo: toVnpayOrderInfo(`Hoan tien ${refund.refundId}`),
    kind: refund.kind,
    amountVnd: refund.amountVnd,
    transactionNo: attempt.transactionNo,
    createBy: refund.createdBy,
  });
  let body: unknown;
  try {
    const response = await fetch(credentials.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body), signal: AbortSignal.timeout(10_000) });
    body = await response.json();
  } catch (error) {
    return { known: false, reason: (error as Error).name };
  }
  const verified = verifyRefundResponse(body, { hashSecret: credentials.hashSecret, tmnCode: credentials.tmnCode, txnRef: attempt.txnRef });
  if (!verified.valid) return { known: false, reason: verified.reason };
  return { known: true, accepted: verified.result.responseCode === '00', responseCode: verified.result.responseCode };
}
