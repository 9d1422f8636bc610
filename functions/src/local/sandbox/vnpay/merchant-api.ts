/**
 * VNPay's merchant API, `POST …/merchant_webapi/api/transaction` (research/payments.md §1.10–1.11):
 * QueryDR and Refund. Requests are verified by rebuilding the `|`-joined hash data from the body in
 * the order the protocol module's builders sign (the test proves the orders agree byte for byte)
 * and checking it with the module's own `verifyPipeSigned`; answers are signed over
 * QUERYDR_RESPONSE_ORDER / REFUND_RESPONSE_ORDER. VNPay answers HTTP 200 with a code in the body,
 * so the double does too.
 *
 * Check order: body shape / command 03 → TmnCode 02 → checksum 97 → required fields 03 →
 * vnp_RequestId already used 94 → unknown TxnRef (or a TransactionDate that is not the pay
 * request's vnp_CreateDate) 91 → for refunds: original not paid 95, amount over what is left 99.
 */
import {
  API_RESPONSE_CODES, QUERYDR_RESPONSE_ORDER, REFUND_RESPONSE_ORDER, REFUND_TYPES, VNPAY_VERSION, hmacSha512Hex, newRequestId,
  pipeHashData, verifyPipeSigned, vnpayDateTime,
} from '@portal/shared/vnpay/index';
import { refundedVnd, type TxnStore } from './state';

/** RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo (buildQueryDrRequest). */
export const QUERYDR_REQUEST_ORDER = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;

/** RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo (buildRefundRequest). */
export const REFUND_REQUEST_ORDER = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo',
  'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;

export interface ApiSettings {
  tmnCode: string;
  hashSecret: string;
}

type Fields = Record<string, string | undefined>;
type Command = 'querydr' | 'refund';

/** A signed answer; empty fields are left out of the JSON but still hash as '' (§1.10). */
function signedAnswer(settings: ApiSettings, command: Command, order: readonly string[], fields: Fields): Record<string, string> {
  const all: Fields = { vnp_ResponseId: newRequestId(), vnp_Command: command, ...fields };
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) if (value !== undefined && value !== '') body[key] = value;
  body.vnp_SecureHash = hmacSha512Hex(settings.hashSecret, pipeHashData(order.map((key) => all[key])));
  return body;
}

const message = (code: string) => API_RESPONSE_CODES[code]?.vi ?? code;

export function handleMerchantApi(settings: ApiSettings, store: TxnStore, body: unknown, now: Date): Record<string, string> {
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const command: Command = record?.vnp_Command === 'refund' ? 'refund' : 'querydr';
  const order = command === 'refund' ? REFUND_RESPONSE_ORDER : QUERYDR_RESPONSE_ORDER;
  const answer = (code: string, fields: Fields = {}) =>
    signedAnswer(settings, command, order, { vnp_ResponseCode: code, vnp_Message: message(code), vnp_TmnCode: settings.tmnCode, ...fields });
  if (!record || (record.vnp_Command !== 'querydr' && record.vnp_Command !== 'refund')) return answer('03');
  if (record.vnp_TmnCode !== settings.tmnCode) return answer('02');
  const sig = verifyPipeSigned(record, command === 'refund' ? REFUND_REQUEST_ORDER : QUERYDR_REQUEST_ORDER, settings.hashSecret);
  if (!sig.ok) return answer('97');
  const f = sig.fields;
  const echo = { vnp_TxnRef: f.vnp_TxnRef };
  if (f.vnp_Version !== VNPAY_VERSION || !f.vnp_RequestId || !f.vnp_TxnRef || !f.vnp_CreateDate || !f.vnp_TransactionDate) return answer('03', echo);
  if (!store.claimRequestId(f.vnp_RequestId)) return answer('94', echo);
  const txn = store.get(f.vnp_TxnRef);
  if (!txn || txn.request.vnp_CreateDate !== f.vnp_TransactionDate) return answer('91', echo);

  if (command === 'querydr') {
    const r = txn.result;
    return answer('00', {
      vnp_TxnRef: txn.txnRef,
      vnp_Amount: txn.request.vnp_Amount,
      vnp_BankCode: r?.bankCode,
      vnp_PayDate: r?.payDate,
      // Opened on the payment page but not finished: status 01 "not completed" (§1.8), no number yet.
      vnp_TransactionNo: r?.transactionNo ?? '0',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: r?.transactionStatus ?? '01',
      vnp_OrderInfo: txn.request.vnp_OrderInfo,
    });
  }

  const type = f.vnp_TransactionType;
  const amount = f.vnp_Amount ?? '';
  if ((type !== REFUND_TYPES.full && type !== REFUND_TYPES.partial) || !/^[1-9]\d{0,11}$/.test(amount) || Number(amount) % 100 !== 0) {
    return answer('03', echo);
  }
  const r = txn.result;
  if (!r || r.responseCode !== '00' || r.transactionStatus !== '00') return answer('95', echo);
  if (f.vnp_TransactionNo && f.vnp_TransactionNo !== '0' && f.vnp_TransactionNo !== r.transactionNo) return answer('91', echo);
  const amountVnd = Number(amount) / 100;
  // A full refund is of the original amount (§1.11); either kind must fit in what is left.
  if (type === REFUND_TYPES.full && amountVnd !== txn.amountVnd) return answer('03', echo);
  if (amountVnd > txn.amountVnd - refundedVnd(txn)) return answer('99', { ...echo, vnp_Message: 'Số tiền hoàn vượt quá số tiền còn lại của giao dịch' });
  const refund = { requestId: f.vnp_RequestId, transactionType: type, amountVnd, transactionNo: store.transactionNo(), at: now.toISOString() };
  // Synchronous from check to write: two refunds racing through the event loop cannot both pass.
  txn.refunds.push(refund);
  return answer('00', {
    vnp_TxnRef: txn.txnRef,
    vnp_Amount: amount,
    vnp_BankCode: r.bankCode,
    vnp_PayDate: vnpayDateTime(now),
    vnp_TransactionNo: refund.transactionNo,
    vnp_TransactionType: type,
    // 05: VNPay is processing the refund (§1.8); the sandbox never moves it on to the bank.
    vnp_TransactionStatus: '05',
    vnp_OrderInfo: f.vnp_OrderInfo,
  });
}
