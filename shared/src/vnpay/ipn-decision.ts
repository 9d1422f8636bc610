/**
 * The IPN answer as a pure function (research/payments.md §1.7). The handler verifies the query,
 * reads our record of the attempt by `vnp_TxnRef`, calls this, applies `record` in one conditional
 * write, and answers HTTP 200 with `answer`. VNPay retries on 01/04/97/99 and stops on 00/02.
 *
 * Order, as in the header of VNPay's PHP IPN demo: checksum 97 → order 01 → amount 04 → status 02
 * → record and 00. A failed payment is recorded and still answered 00 (VNPay only wants to know we
 * took note). Paid only when vnp_ResponseCode AND vnp_TransactionStatus are 00 (the PHP demo checks
 * both; the Node demo only the first).
 *
 * Message strings: the two demos differ (Node: "Success", "Checksum failed"…). We use the PHP demo's,
 * verbatim, including its lowercase "invalid amount" and its "Unknow error": it is the demo whose
 * logic we follow and the only one with all six codes. VNPay reads RspCode, not Message.
 */
import type { VnpayQueryVerification } from './verify-query';

export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknow error' },
} as const;

export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** What our records say about the attempt named by vnp_TxnRef. */
export type IpnRecordView =
  | { found: false }
  | { found: true; amountVnd: number; status: 'pending' | 'final' };

/** What to write (only with answer 00). The codes travel with both outcomes for the audit log. */
export type IpnOutcome =
  | { outcome: 'paid'; responseCode: '00'; transactionStatus: '00' }
  | { outcome: 'failed'; responseCode: string; transactionStatus: string };

export type IpnDecision =
  | { answer: typeof IPN_ANSWERS.confirmed; record: IpnOutcome }
  | { answer: Exclude<IpnAnswer, typeof IPN_ANSWERS.confirmed>; record?: undefined };

export function decideIpn(verification: VnpayQueryVerification, record: IpnRecordView): IpnDecision {
  if (!verification.valid) return { answer: IPN_ANSWERS.invalidSignature };
  if (!record.found) return { answer: IPN_ANSWERS.orderNotFound };
  const { params } = verification;
  if (params.amountVnd !== record.amountVnd) return { answer: IPN_ANSWERS.invalidAmount };
  if (record.status !== 'pending') return { answer: IPN_ANSWERS.alreadyConfirmed };
  const paid = params.responseCode === '00' && params.transactionStatus === '00';
  return {
    answer: IPN_ANSWERS.confirmed,
    record: paid
      ? { outcome: 'paid', responseCode: '00', transactionStatus: '00' }
      : { outcome: 'failed', responseCode: params.responseCode, transactionStatus: params.transactionStatus },
  };
}

/** For the handler's catch-all: any unexpected error is answered 99 (never a 5xx, research §1.7). */
export function ipnErrorAnswer(): IpnAnswer {
  return IPN_ANSWERS.unknownError;
}
