/** Payment attempts as the API shows them, and what a client sends to start one. */
import * as z from 'zod/mini';

export const PAYABLE_KINDS = ['bill', 'appointment', 'fee'] as const;
export type PayableKind = (typeof PAYABLE_KINDS)[number];
export interface PayableRef {
  kind: PayableKind;
  id: string;
}

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded', 'partially_refunded', 'held'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const FINAL_STATUSES: readonly PaymentStatus[] = ['paid', 'failed', 'expired', 'refunded', 'partially_refunded', 'held'];

const id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));

/** Either a payable the caller may pay (owner or the hospital's staff), or a pay link anyone may use. */
export const createPaymentSchema = z.union([
  z.strictObject({ payable: z.strictObject({ kind: z.enum(PAYABLE_KINDS), id }) }),
  z.strictObject({ payLinkToken: z.string().check(z.maxLength(80)) }),
]);
export type CreatePayment = z.infer<typeof createPaymentSchema>;

export const paymentIdParams = z.object({ paymentId: id });

export interface PaymentView {
  paymentId: string;
  status: PaymentStatus;
  amountVnd: number;
  payable: PayableRef;
  hospitalName?: string;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  /** VNPay's answer in words, for a failed or held payment. */
  reason?: { vi: string; en: string };
  /** The e-receipt's number once the receipts job has issued it (the PDF is then downloadable). */
  receiptNumber?: string;
}

export interface OpenedPayment {
  paymentId: string;
  txnRef: string;
  paymentUrl: string;
  expiresAt: string;
}
