/**
 * The signed payment URL (vnp_Command = pay), research/payments.md §1.4–1.5.
 *
 * Every input is validated before signing, and every signed value must be "portable" (printable
 * ASCII without `* ~ ! ' ( )`) so that whichever encoder VNPay's server runs, it computes the same
 * bytes we signed. The amount is always the payable's, in integer VND; we multiply by 100 here
 * and nowhere else.
 */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';
import {
  BANK_CODE_PATTERN, LOCALES, MAX_AMOUNT_VND, ORDER_TYPE_PATTERN, TMN_CODE_PATTERN, TXN_REF_PATTERN, VNPAY_VERSION,
} from './constants';
import { isPortableValue } from './encoding';
import { ORDER_INFO_PATTERN } from './order-info';
import { signFields } from './signature';
import { payExpiry, vnpayDateTime } from './time';

// z.url with a protocol check, not z.httpUrl: the local stack's return URL is http://localhost:…,
// which httpUrl's domain-name rule rejects.
const portable = z.refine<string>(isPortableValue, { message: 'VNPay encoders disagree on * ~ ! \' ( ) and non-ASCII' });

export const payUrlInputSchema = z.object({
  tmnCode: z.string().check(z.regex(TMN_CODE_PATTERN)),
  hashSecret: z.string().check(z.minLength(1)),
  /** VNPAY_URLS.*.pay; no query of its own, since only the vnp_ fields we sign may follow. */
  payBaseUrl: z.url({ protocol: /^https?$/ }).check(z.refine((s) => !/[?#]/.test(s), { message: 'no query or fragment' })),
  /** Integer VND; ×100 must fit vnp_Amount's 12 digits. */
  amountVnd: z.int().check(z.positive(), z.lte(MAX_AMOUNT_VND)),
  txnRef: z.string().check(z.regex(TXN_REF_PATTERN)),
  /** Already folded: pass text through `toVnpayOrderInfo` first. */
  orderInfo: z.string().check(z.regex(ORDER_INFO_PATTERN), z.refine((s) => s.trim() === s, { message: 'no leading/trailing spaces' })),
  returnUrl: z.url({ protocol: /^https?$/ }).check(z.minLength(10), z.maxLength(255), portable),
  /** The citizen's IP (Alphanumeric[7,45]). */
  ipAddr: z.union([z.ipv4(), z.ipv6()]).check(z.minLength(7), z.maxLength(45)),
  createdAt: z.date(),
  locale: z.enum(LOCALES),
  orderType: z.string().check(z.regex(ORDER_TYPE_PATTERN)),
  /** Omit to let the citizen choose the method on VNPay's page. */
  bankCode: z.optional(z.string().check(z.regex(BANK_CODE_PATTERN))),
});
export type PayUrlInput = z.infer<typeof payUrlInputSchema>;

export interface PayUrl {
  url: string;
  /** The signed fields (without the hash), as sent. */
  fields: Record<string, string>;
  secureHash: string;
  /** `vnp_CreateDate`: keep it with the attempt, QueryDR and Refund need it as vnp_TransactionDate. */
  createDate: string;
  expireDate: string;
  expiresAt: Date;
}

/** Builds the URL to redirect the citizen to. Throws a ZodError on invalid input (a bug upstream). */
export function buildPayUrl(input: PayUrlInput): PayUrl {
  const p = z.parse(payUrlInputSchema, input);
  const expiresAt = payExpiry(p.createdAt);
  const fields: Record<string, string> = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: p.tmnCode,
    vnp_Amount: String(p.amountVnd * 100),
    vnp_CreateDate: vnpayDateTime(p.createdAt),
    vnp_ExpireDate: vnpayDateTime(expiresAt),
    vnp_CurrCode: 'VND',
    vnp_IpAddr: p.ipAddr,
    vnp_Locale: p.locale,
    vnp_OrderInfo: p.orderInfo,
    vnp_OrderType: p.orderType,
    vnp_ReturnUrl: p.returnUrl,
    vnp_TxnRef: p.txnRef,
  };
  if (p.bankCode !== undefined) fields.vnp_BankCode = p.bankCode;
  // vnp_SecureHashType is not sent in 2.1.0 (it was required in 2.0.x; VNPay's changeTypeHash page).
  const signed = signFields(fields, p.hashSecret);
  return {
    url: `${p.payBaseUrl}?${signed.query}`,
    fields,
    secureHash: signed.secureHash,
    createDate: fields.vnp_CreateDate as string,
    expireDate: fields.vnp_ExpireDate as string,
    expiresAt,
  };
}
