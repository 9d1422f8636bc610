/**
 * Receipts in the browser: the public verification (GET /api/receipts/{number}) and whether a
 * payment's PDF is ready (GET /api/payments/{id}/receipt answers 200 once the receipts job has
 * issued it, 404 before). The receipt-number pattern repeats shared/src/receipts/receipt.ts
 * (importing it would bring zod into the page); test/unit/web/receipts.test.ts keeps them equal.
 */
import type { PaymentMethod, ReceiptKind, ReceiptStatus, ReceiptVerification } from '@portal/shared/receipts/receipt';
import { getJson, getPayment, type RequestOptions } from './api';

export const RECEIPT_NUMBER_PATTERN = /^(BL|HD)-\d{4}-\d{6,8}$/;
export const RECEIPT_KIND_VALUES = ['bien_lai', 'hoa_don'] as const satisfies readonly ReceiptKind[];
export const RECEIPT_STATUS_VALUES = ['valid', 'refunded', 'partially_refunded'] as const satisfies readonly ReceiptStatus[];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isPaymentMethod(v: unknown): v is PaymentMethod {
  return isObject(v) && v.provider === 'VNPay' && (v.bankCode === undefined || isString(v.bankCode)) && (v.transactionNo === undefined || isString(v.transactionNo));
}

export function isReceiptVerification(v: unknown): v is ReceiptVerification {
  return (
    isObject(v) &&
    isString(v.number) && RECEIPT_NUMBER_PATTERN.test(v.number) &&
    (RECEIPT_KIND_VALUES as readonly unknown[]).includes(v.kind) &&
    isString(v.issuerName) &&
    typeof v.amountVnd === 'number' && Number.isInteger(v.amountVnd) && v.amountVnd >= 0 &&
    isString(v.paidAt) && !Number.isNaN(Date.parse(v.paidAt)) &&
    isPaymentMethod(v.paymentMethod) &&
    isString(v.billCode) &&
    (RECEIPT_STATUS_VALUES as readonly unknown[]).includes(v.status)
  );
}

/** The number a verification address carries: `/tra-cuu/bien-lai/<number>`, else `?so=<number>`. */
export function receiptNumberFrom(pathname: string, search: string, prefix: string): string | undefined {
  let fromPath = '';
  if (pathname.startsWith(prefix)) {
    try {
      fromPath = decodeURIComponent(pathname.slice(prefix.length).replace(/\/+$/, ''));
    } catch {
      fromPath = '';
    }
  }
  const candidate = (fromPath || new URLSearchParams(search).get('so') || '').trim().toUpperCase();
  return RECEIPT_NUMBER_PATTERN.test(candidate) ? candidate : undefined;
}

/** GET /api/receipts/{number}: 404 `not_found` for a number the portal never issued. */
export function verifyReceipt(number: string, options: RequestOptions): Promise<ReceiptVerification> {
  return getJson(`/api/receipts/${encodeURIComponent(number)}`, isReceiptVerification, options);
}

export const receiptPdfPath = (paymentId: string): string => `/api/payments/${encodeURIComponent(paymentId)}/receipt`;

/** The receipt number from the PDF's `content-disposition` (`bien-lai-<number>.pdf`). */
export function receiptNumberFromDisposition(header: string | null): string | undefined {
  const number = /bien-lai-([A-Z]{2}-\d{4}-\d{6,8})\.pdf/.exec(header ?? '')?.[1];
  return number && RECEIPT_NUMBER_PATTERN.test(number) ? number : undefined;
}

/**
 * Once the payment's receipt PDF can be downloaded: `{ number }` (the number may be missing if
 * the header was stripped); undefined on 404 (not issued yet) or any failure.
 */
export async function receiptReady(paymentId: string, options: RequestOptions): Promise<{ number?: string } | undefined> {
  try {
    // The payment's own status says when its receipt is issued: no probing the PDF (and no 404s).
    const payment = await getPayment(paymentId, options);
    return payment.receiptNumber ? { number: payment.receiptNumber } : undefined;
  } catch {
    return undefined;
  }
}
