/** What VNPay would send: signed result queries for an attempt, with the local stack's settings. */
import { signFields, vnpayDateTime } from '../../shared/src/vnpay/index';
import { localVnpaySettings } from '../../functions/src/local/sandbox/vnpay-settings';

export interface ResultFields {
  txnRef: string;
  amountVnd: number;
  responseCode?: string;
  transactionStatus?: string;
}

export function resultFields(r: ResultFields, at = new Date()): Record<string, string> {
  const { tmnCode } = localVnpaySettings('http://unused');
  const paid = (r.responseCode ?? '00') === '00';
  return {
    vnp_Amount: String(r.amountVnd * 100),
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: paid ? 'VNP14123456' : '',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Thanh toan vien phi',
    vnp_PayDate: vnpayDateTime(at),
    vnp_ResponseCode: r.responseCode ?? '00',
    vnp_TmnCode: tmnCode,
    vnp_TransactionNo: paid ? '14123456' : '0',
    vnp_TransactionStatus: r.transactionStatus ?? (paid ? '00' : '02'),
    vnp_TxnRef: r.txnRef,
  };
}

/** The query string VNPay puts after `?` on the IPN and return URLs. */
export function signedResultQuery(fields: Record<string, string>): string {
  return signFields(fields, localVnpaySettings('http://unused').hashSecret).query;
}
