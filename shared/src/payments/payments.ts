/** Payment attempts as the API shows them, and what a client sends to start one. */
import * as z from 'zod/mini';
import { instant } from '../wire';

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

const words = z.object({ vi: z.string(), en: z.string() });

export const paymentViewSchema = z.object({
  paymentId: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  amountVnd: z.int(),
  payable: z.object({ kind: z.enum(PAYABLE_KINDS), id: z.string() }),
  hospitalName: z.optional(z.string()),
  createdAt: instant,
  expiresAt: instant,
  paidAt: z.optional(instant),
  reason: z.optional(words.check(z.describe("VNPay's answer in words, for a failed or held payment"))),
  receiptNumber: z.optional(z.string().check(z.describe("The e-receipt's number once it is issued (the PDF is then downloadable)"))),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const openedPaymentSchema = z.object({
  paymentId: z.string(),
  txnRef: z.string(),
  paymentUrl: z.string().check(z.describe("VNPay's signed payment page: send the payer's browser there")),
  expiresAt: instant,
});
export type OpenedPayment = z.infer<typeof openedPaymentSchema>;

/** What the IPN address answers VNPay, always with HTTP 200 (VNPay reads RspCode). */
export const ipnAnswerSchema = z.object({ RspCode: z.enum(['00', '01', '02', '04', '97', '99']), Message: z.string() });
