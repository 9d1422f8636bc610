/** The conformance vectors of research/payments.md §1.5 (self-generated, dummy secret) and helpers. */
import { VNPAY_URLS, signFields, type PayUrlInput } from '../../../shared/src/vnpay/index';

export const SECRET = 'TESTSECRETKEY0123456789ABCDEFGHIJ';
export const TMN = 'TESTTMN1';

export const PAY_INPUT: PayUrlInput = {
  tmnCode: TMN,
  hashSecret: SECRET,
  payBaseUrl: VNPAY_URLS.sandbox.pay,
  amountVnd: 150_000,
  txnRef: 'HS123456-0001',
  orderInfo: 'Thanh toan vien phi HS 123456',
  returnUrl: 'https://example.gov.vn/thanh-toan/ket-qua',
  ipAddr: '13.160.92.202',
  createdAt: new Date('2025-01-01T03:30:00Z'),
  locale: 'vn',
  orderType: 'other',
  bankCode: 'VNPAYQR',
};

export const PAY_CANONICAL =
  'vnp_Amount=15000000&vnp_BankCode=VNPAYQR&vnp_Command=pay&vnp_CreateDate=20250101103000&vnp_CurrCode=VND&vnp_ExpireDate=20250101104500&vnp_IpAddr=13.160.92.202&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+vien+phi+HS+123456&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fexample.gov.vn%2Fthanh-toan%2Fket-qua&vnp_TmnCode=TESTTMN1&vnp_TxnRef=HS123456-0001&vnp_Version=2.1.0';
export const PAY_HASH =
  'c6a26071795b7fe50b37e7bdc27abea5866cd643c0abbac02da7b68ec25374f21981a5a681b28f124488af6579ea67b4b6ab0581cecb2587b53654c908be5d19';
export const PAY_URL = `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?${PAY_CANONICAL}&vnp_SecureHash=${PAY_HASH}`;

export const IPN_FIELDS: Record<string, string> = {
  vnp_Amount: '15000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14226112',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan vien phi HS 123456',
  vnp_PayDate: '20250101103100',
  vnp_ResponseCode: '00',
  vnp_TmnCode: 'TESTTMN1',
  vnp_TransactionNo: '14226112',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: 'HS123456-0001',
};
export const IPN_CANONICAL =
  'vnp_Amount=15000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14226112&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+vien+phi+HS+123456&vnp_PayDate=20250101103100&vnp_ResponseCode=00&vnp_TmnCode=TESTTMN1&vnp_TransactionNo=14226112&vnp_TransactionStatus=00&vnp_TxnRef=HS123456-0001';
export const IPN_HASH =
  '2f10047141604e5de82f9b3c83025fc397d044aff7d2223559d2c2f2331d4913fd1588d9cb3367354a7895f01353430acdbeb224ab9219748fd3c7a9cfd05827';
export const IPN_QUERY = `${IPN_CANONICAL}&vnp_SecureHash=${IPN_HASH}`;

export const QUERYDR_HASH_DATA =
  'REQ20250101103500|2.1.0|querydr|TESTTMN1|HS123456-0001|20250101103000|20250101103500|10.0.0.1|Truy van GD HS123456-0001';
export const QUERYDR_HASH =
  'fa09c1c70424d1c8cbdc81d94dbd23dda9dd5eda1f72a1004e69807b6dfd6e6cc610bd6cb96dc8fbf67381b31d95d25c29467b88d505ee75afc4399c69149566';
export const REFUND_HASH_DATA =
  'REF20250102090000|2.1.0|refund|TESTTMN1|03|HS123456-0001|5000000|14226112|20250101103000|thu.ngan.01|20250102090000|10.0.0.1|Hoan tien mot phan HS123456-0001';
export const REFUND_HASH =
  '8ac02257935c860e497a65f396c764e89feedb716475f46a95d8b7b5efd0551d54b1cd48d52ff7a0e8aa1a9ee7f8bb9b8c027a5fc1ead195acc5283df5ae00fc';

export const QUERYDR_INPUT = {
  tmnCode: TMN,
  hashSecret: SECRET,
  requestId: 'REQ20250101103500',
  txnRef: 'HS123456-0001',
  transactionDate: new Date('2025-01-01T03:30:00Z'),
  createdAt: new Date('2025-01-01T03:35:00Z'),
  ipAddr: '10.0.0.1',
  orderInfo: 'Truy van GD HS123456-0001',
};

export const REFUND_INPUT = {
  tmnCode: TMN,
  hashSecret: SECRET,
  requestId: 'REF20250102090000',
  kind: 'partial' as const,
  txnRef: 'HS123456-0001',
  amountVnd: 50_000,
  transactionNo: '14226112',
  transactionDate: '20250101103000',
  createBy: 'thu.ngan.01',
  createdAt: new Date('2025-01-02T02:00:00Z'),
  ipAddr: '10.0.0.1',
  orderInfo: 'Hoan tien mot phan HS123456-0001',
};

/** A signed IPN query over `fields`, as VNPay (or the sandbox double) would send it. */
export function signedQuery(fields: Record<string, string>, secret = SECRET): string {
  return signFields(fields, secret).query;
}
