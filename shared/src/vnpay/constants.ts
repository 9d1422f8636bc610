/** Fixed values and field formats of VNPay 2.1.0 (research/payments.md §1.2, §1.4). */

export const VNPAY_VERSION = '2.1.0';

/** Payment page (GET redirect) and merchant API (POST JSON for QueryDR and Refund). */
export const VNPAY_URLS = {
  sandbox: {
    pay: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
    api: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
  },
  // Widely used, to be confirmed in VNPay's go-live mail (research §1.2): note no `paymentv2/`.
  production: {
    pay: 'https://pay.vnpay.vn/vpcpay.html',
    api: 'https://merchant.vnpay.vn/merchant_webapi/api/transaction',
  },
} as const;

/** Alphanumeric[8]. */
export const TMN_CODE_PATTERN = /^[A-Za-z0-9]{8}$/;
/**
 * VNPay says Alphanumeric[1,100]; `-` and `_` are accepted by VNPay in practice (research §1.4)
 * and the conformance vectors use `HS123456-0001`, so they are allowed too.
 */
export const TXN_REF_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Alphanumeric[3,20]: VNPAYQR, VNBANK, INTCARD or a bank code from the bank-list API (NCB…). */
export const BANK_CODE_PATTERN = /^[A-Za-z0-9]{3,20}$/;
/** Alpha[1,100] in the table, but the category list has numeric codes (270000 = medical services). */
export const ORDER_TYPE_PATTERN = /^[A-Za-z0-9_]{1,100}$/;
/** Alphanumeric[1,32], unique per API call. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9]{1,32}$/;
export const VNPAY_DATE_TIME_PATTERN = /^\d{14}$/;

/**
 * vnp_Amount is Numeric[1,12] and carries VND × 100, so the largest payable amount is
 * 9,999,999,999 VND. VNPay's payment page may enforce a narrower range per terminal; that is
 * VNPay's to report, not a protocol limit.
 */
export const MAX_AMOUNT_VND = 9_999_999_999;

export const LOCALES = ['vn', 'en'] as const;
export type VnpayLocale = (typeof LOCALES)[number];
