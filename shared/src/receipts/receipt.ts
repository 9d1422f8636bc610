/**
 * E-receipts (issue 3, research/eservices.md §2.7). After a payment the portal issues its own PDF:
 * the payer's proof of payment, numbered `<prefix>-<yyyy>-<000001>` per kind and Vietnam year.
 * Fees paid to the State get a biên lai (BL); hospital services get an invoice-kind document (HD,
 * "Hóa đơn"). The legal e-invoice (Decree 254/2026, through a licensed provider) is a separate
 * document issued behind `LegalInvoiceIssuer` in functions/; this one says so in its footer.
 */
import * as z from 'zod/mini';

export const RECEIPT_KINDS = ['bien_lai', 'hoa_don'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** What the verification page says: the payment's current standing. */
export const RECEIPT_STATUSES = ['valid', 'refunded', 'partially_refunded'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const RECEIPT_PREFIX: Record<ReceiptKind, string> = { bien_lai: 'BL', hoa_don: 'HD' };

export const RECEIPT_KIND_LABEL: Record<ReceiptKind, { vi: string; en: string }> = {
  bien_lai: { vi: 'Biên lai', en: 'Receipt' },
  hoa_don: { vi: 'Hóa đơn', en: 'Invoice' },
};

/** The PDF's title per kind. */
export const RECEIPT_TITLE: Record<ReceiptKind, { vi: string; en: string }> = {
  bien_lai: { vi: 'BIÊN LAI THU PHÍ, LỆ PHÍ', en: 'Fee receipt' },
  hoa_don: { vi: 'BIÊN NHẬN THANH TOÁN VIỆN PHÍ', en: 'Hospital bill payment receipt' },
};

/** A hospital bill pays for services (invoice kind); a fee or charge goes to the State (biên lai). */
export const receiptKindFor = (payableKind: string): ReceiptKind => (payableKind === 'bill' ? 'hoa_don' : 'bien_lai');

/** Up to 8 digits (the receipt rules' limit), zero-padded to 6, restarting every year. */
export const RECEIPT_NUMBER = /^(BL|HD)-\d{4}-\d{6,8}$/;
export const MAX_RECEIPT_SEQUENCE = 99_999_999;

export function formatReceiptNumber(kind: ReceiptKind, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_RECEIPT_SEQUENCE) throw new RangeError(`Receipt sequence out of range: ${sequence}`);
  return `${RECEIPT_PREFIX[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const receiptNumberParams = z.object({ number: z.string().check(z.regex(RECEIPT_NUMBER)) });

/** The address the receipt's QR code points to (the site's verification page). */
export const receiptVerifyUrl = (publicBaseUrl: string, number: string): string => `${publicBaseUrl.replace(/\/+$/, '')}/tra-cuu/bien-lai/${number}`;

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitPrice: number;
  insuranceCovered: number;
  /** quantity × unitPrice − insuranceCovered: what the payer paid for this line. */
  amount: number;
}

export interface PaymentMethod {
  provider: 'VNPay';
  bankCode?: string;
  transactionNo?: string;
}

/** Everything the PDF prints. No phone, no date of birth, no full name. */
export interface ReceiptContent {
  number: string;
  kind: ReceiptKind;
  issuerName: string;
  paymentId: string;
  /** ISO instant the payment was made (printed in Vietnam time). */
  paidAt: string;
  payerInitials: string;
  billCode: string;
  lines: ReceiptLine[];
  totalVnd: number;
  method: PaymentMethod;
  verifyUrl: string;
}

/** GET /api/receipts/{number}: public, without personal data. */
export const receiptVerificationSchema = z.object({
  number: z.string(),
  kind: z.enum(RECEIPT_KINDS),
  issuerName: z.string(),
  amountVnd: z.int(),
  paidAt: z.string().check(z.describe('ISO-8601 instant (UTC)')),
  paymentMethod: z.object({ provider: z.literal('VNPay'), bankCode: z.optional(z.string()), transactionNo: z.optional(z.string()) }),
  billCode: z.string(),
  status: z.enum(RECEIPT_STATUSES),
});
export type ReceiptVerification = z.infer<typeof receiptVerificationSchema>;

/** A payment's status as the verification page words it; anything not refunded stays valid. */
export const receiptStatusFor = (paymentStatus: string): ReceiptStatus =>
  paymentStatus === 'refunded' ? 'refunded' : paymentStatus === 'partially_refunded' ? 'partially_refunded' : 'valid';

/** "VNPay · NCB · GD 14123456" */
export const paymentMethodText = (method: PaymentMethod, lang: 'vi' | 'en' = 'vi'): string =>
  [method.provider, method.bankCode, method.transactionNo ? `${lang === 'vi' ? 'Mã GD' : 'Txn'} ${method.transactionNo}` : undefined].filter(Boolean).join(' · ');

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "05/07/2026 14:03" in Vietnam time (UTC+7), whatever TZ the process has. */
export function vietnamDateTimeText(iso: string): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

/** The Vietnam calendar year of an instant: receipt numbers restart on 1 January, Vietnam time. */
export const vietnamYear = (iso: string): number => new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).getUTCFullYear();
