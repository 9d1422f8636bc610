/** Refunds: a cashier requests, a second staff member of the same hospital decides (maker–checker). */
import * as z from 'zod/mini';
import { instant } from '../wire';

export const REFUND_STATUSES = ['requested', 'approved', 'rejected', 'completed', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));

export const requestRefundSchema = z.strictObject({
  amountVnd: z.int().check(z.positive(), z.lte(10_000_000_000)),
  reason: z.string().check(z.trim(), z.minLength(5), z.maxLength(500)),
});
export type RequestRefund = z.infer<typeof requestRefundSchema>;

export const decideRefundSchema = z.union([
  z.strictObject({ decision: z.literal('approve'), note: z.optional(z.string().check(z.trim(), z.maxLength(500))) }),
  z.strictObject({ decision: z.literal('reject'), note: z.string().check(z.trim(), z.minLength(5), z.maxLength(500)) }),
]);
export type DecideRefund = z.infer<typeof decideRefundSchema>;

export const refundIdParams = z.object({ refundId: id });
export const paymentRefundParams = z.object({ paymentId: id });
export const hospitalRefundsParams = z.object({ hospitalId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)) });
export const hospitalRefundsQuery = z.object({ status: z.optional(z.enum(REFUND_STATUSES)) });


export const refundViewSchema = z.object({
  refundId: z.string(),
  paymentId: z.string(),
  hospitalId: z.string(),
  amountVnd: z.int(),
  reason: z.string(),
  status: z.enum(REFUND_STATUSES),
  requestedBy: z.string(),
  requestedAt: instant,
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(instant),
  note: z.optional(z.string()),
  failure: z.optional(z.object({ vi: z.string(), en: z.string() }).check(z.describe("VNPay's answer when the refund failed there"))),
});
export type RefundView = z.infer<typeof refundViewSchema>;
export const refundListSchema = z.object({ items: z.array(refundViewSchema) });
