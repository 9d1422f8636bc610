/**
 * Pure helpers of the staff pages (cashier desk, refund approvals, finance office): who may use
 * them, Vietnam dates and times, money typed by a cashier, the refund and decision forms, totals.
 * Unit-tested (test/unit/web/staff-format.test.ts); nothing here may import zod at runtime.
 */
import type { DeskPayment } from '@portal/shared/payments/desk';
import type { DecideRefund, RefundStatus, RefundView, RequestRefund } from '@portal/shared/payments/refunds';
import { formatVnd, vietnamDate } from '@portal/shared/vietnamese';
import type { Lang } from './i18n';
import { BILL_STATUS_LABELS, PAYMENT_STATUS_LABELS } from './payments-format';

export { cashierAccess, type StaffAccess } from './staff-access';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-05-04T02:05:00Z" → "09:05" (Vietnam time, whatever the device's zone). */
export function vietnamTime(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return '';
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

/** Today's date in Vietnam (YYYY-MM-DD), the desk's default day. */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);

/** "2026-05-04" → "04/05/2026" (how the day is written in captions and messages). */
export function displayDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** A real calendar date as YYYY-MM-DD (what a date input gives). */
export function isDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** What the desk's search accepts: one exact bill code or patient code (shared `deskBillsQuery`). */
export const isDeskQuery = (value: string): boolean => /^[A-Za-z0-9._-]{1,40}$/.test(value);

/* ------------------------------------------------------------------------------------------------
 * Labels. Desk records carry their status as a string: a status the site does not know is shown
 * as it is rather than hidden.
 * --------------------------------------------------------------------------------------------- */

export const REFUND_STATUS_LABELS: Record<RefundStatus, Record<Lang, string>> = {
  requested: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã phê duyệt, chờ VNPay xác nhận', en: 'Approved, awaiting VNPay' },
  rejected: { vi: 'Đã từ chối', en: 'Rejected' },
  completed: { vi: 'Đã hoàn tiền', en: 'Refunded' },
  failed: { vi: 'Hoàn tiền không thành công', en: 'Refund failed' },
};

const label = (labels: Record<string, Record<Lang, string>>, status: string, lang: Lang): string =>
  Object.hasOwn(labels, status) ? labels[status]![lang] : status;

export const billStatusLabel = (status: string, lang: Lang): string => label(BILL_STATUS_LABELS, status, lang);
export const paymentStatusLabel = (status: string, lang: Lang): string => label(PAYMENT_STATUS_LABELS, status, lang);
export const refundStatusLabel = (status: string, lang: Lang): string => label(REFUND_STATUS_LABELS, status, lang);

/* ------------------------------------------------------------------------------------------------
 * Refunds
 * --------------------------------------------------------------------------------------------- */

/** What may still be refunded of a payment as the desk sees it (paid − refunded); 0 when not paid. */
export function refundableAmount(payment: Pick<DeskPayment, 'status' | 'amountVnd' | 'amountRefunded'>): number {
  if (payment.status !== 'paid' && payment.status !== 'partially_refunded') return 0;
  return Math.max(0, payment.amountVnd - (payment.amountRefunded ?? 0));
}

/** Money as a cashier types it: "398.000", "398 000", "398,000 ₫", "398000đ" → 398000. */
export function parseAmount(text: string): number | undefined {
  const compact = text.replace(/\s+/g, '').replace(/(₫|đ|vnđ|vnd)$/i, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(compact)) return undefined;
  const value = Number(compact.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

export type RefundField = 'amount' | 'reason';
export interface StaffFieldProblem<F extends string> {
  field: F;
  message: string;
}

export const REASON_MIN = 5;
export const REASON_MAX = 500;

const REFUND_MESSAGES = {
  amountMissing: { vi: 'Nhập số tiền hoàn', en: 'Enter the amount to refund' },
  amountInvalid: { vi: 'Số tiền hoàn phải là số nguyên đồng, ví dụ 150.000', en: 'Enter the amount in whole dong, for example 150.000' },
  amountZero: { vi: 'Số tiền hoàn phải lớn hơn 0', en: 'The amount must be more than 0' },
  reasonMissing: { vi: 'Nhập lý do hoàn tiền', en: 'Enter the reason for the refund' },
  reasonShort: { vi: `Lý do phải có ít nhất ${REASON_MIN} ký tự`, en: `The reason must be at least ${REASON_MIN} characters` },
  reasonLong: { vi: `Lý do không được dài quá ${REASON_MAX} ký tự`, en: `The reason must be ${REASON_MAX} characters or fewer` },
  noteMissing: { vi: 'Nhập lý do từ chối', en: 'Enter why you are rejecting the refund' },
  noteShort: { vi: `Lý do từ chối phải có ít nhất ${REASON_MIN} ký tự`, en: `The reason must be at least ${REASON_MIN} characters` },
  noteLong: { vi: `Ghi chú không được dài quá ${REASON_MAX} ký tự`, en: `The note must be ${REASON_MAX} characters or fewer` },
} as const;

/** "Số tiền hoàn tối đa là 398.000 ₫" */
export function amountTooHigh(max: number, lang: Lang): string {
  return lang === 'vi' ? `Số tiền hoàn không được lớn hơn số tiền còn có thể hoàn (${formatVnd(max)})` : `The amount cannot be more than what can still be refunded (${formatVnd(max)})`;
}

/** Checks the cashier's refund request against what may still be refunded (`max`). */
export function checkRefundRequest(input: { amount: string; reason: string }, max: number, lang: Lang): { body: RequestRefund } | { problems: StaffFieldProblem<RefundField>[] } {
  const problems: StaffFieldProblem<RefundField>[] = [];
  const amountText = input.amount.trim();
  const amount = parseAmount(amountText);
  if (!amountText) problems.push({ field: 'amount', message: REFUND_MESSAGES.amountMissing[lang] });
  else if (amount === undefined) problems.push({ field: 'amount', message: REFUND_MESSAGES.amountInvalid[lang] });
  else if (amount <= 0) problems.push({ field: 'amount', message: REFUND_MESSAGES.amountZero[lang] });
  else if (amount > max) problems.push({ field: 'amount', message: amountTooHigh(max, lang) });
  const reason = input.reason.trim();
  if (!reason) problems.push({ field: 'reason', message: REFUND_MESSAGES.reasonMissing[lang] });
  else if (reason.length < REASON_MIN) problems.push({ field: 'reason', message: REFUND_MESSAGES.reasonShort[lang] });
  else if (reason.length > REASON_MAX) problems.push({ field: 'reason', message: REFUND_MESSAGES.reasonLong[lang] });
  return problems.length > 0 ? { problems } : { body: { amountVnd: amount!, reason } };
}

/** Approve (note optional) or reject (a reason of 5–500 characters), as the API's `decideRefundSchema`. */
export function checkDecision(decision: 'approve' | 'reject', noteText: string, lang: Lang): { body: DecideRefund } | { problem: string } {
  const note = noteText.trim();
  if (note.length > REASON_MAX) return { problem: REFUND_MESSAGES.noteLong[lang] };
  if (decision === 'approve') return { body: note ? { decision, note } : { decision } };
  if (!note) return { problem: REFUND_MESSAGES.noteMissing[lang] };
  if (note.length < REASON_MIN) return { problem: REFUND_MESSAGES.noteShort[lang] };
  return { body: { decision, note } };
}

export type Tone = 'success' | 'error' | 'warning' | 'info';

/** What happened to a refund, as one sentence for the results region. */
export function refundOutcome(refund: Pick<RefundView, 'status' | 'amountVnd' | 'failure'>, lang: Lang): { tone: Tone; text: string } {
  const amount = formatVnd(refund.amountVnd);
  switch (refund.status) {
    case 'completed':
      return { tone: 'success', text: lang === 'vi' ? `Đã phê duyệt. VNPay đã hoàn ${amount} cho người nộp.` : `Approved. VNPay has refunded ${amount} to the payer.` };
    case 'failed': {
      const why = refund.failure?.[lang];
      return {
        tone: 'error',
        text: lang === 'vi' ? `Đã phê duyệt nhưng VNPay không hoàn được ${amount}${why ? `: ${why}` : '.'}` : `Approved, but VNPay could not refund ${amount}${why ? `: ${why}` : '.'}`,
      };
    }
    case 'rejected':
      return { tone: 'info', text: lang === 'vi' ? `Đã từ chối đề nghị hoàn ${amount}.` : `The ${amount} refund request was rejected.` };
    case 'approved':
      return {
        tone: 'warning',
        text: lang === 'vi' ? `Đã phê duyệt hoàn ${amount}, nhưng chưa xác nhận được kết quả từ VNPay. Bộ phận tài chính cần kiểm tra lại giao dịch này.` : `The ${amount} refund was approved, but VNPay’s answer could not be confirmed. The finance office needs to check this payment.`,
      };
    case 'requested':
      return { tone: 'info', text: lang === 'vi' ? `Đề nghị hoàn ${amount} đang chờ phê duyệt.` : `The ${amount} refund is awaiting approval.` };
  }
}

/* ------------------------------------------------------------------------------------------------
 * Finance totals
 * --------------------------------------------------------------------------------------------- */

/** Statuses in which the money reached the hospital (refunds are counted separately). */
const MONEY_RECEIVED = new Set(['paid', 'partially_refunded', 'refunded']);

export interface PaymentTotals {
  count: number;
  /** Number of payments whose money was received. */
  paidCount: number;
  paid: number;
  refunded: number;
  /** paid − refunded */
  net: number;
}

export function paymentTotals(payments: readonly Pick<DeskPayment, 'status' | 'amountVnd' | 'amountRefunded'>[]): PaymentTotals {
  let paid = 0;
  let paidCount = 0;
  let refunded = 0;
  for (const p of payments) {
    if (MONEY_RECEIVED.has(p.status)) {
      paid += p.amountVnd;
      paidCount += 1;
    }
    refunded += p.amountRefunded ?? 0;
  }
  return { count: payments.length, paidCount, paid, refunded, net: paid - refunded };
}

/** "Có 3 hóa đơn." / "3 bills." — announced after each load. */
export function countText(count: number, noun: { vi: string; en: [string, string] }, lang: Lang): string {
  if (lang === 'vi') return count === 0 ? `Không có ${noun.vi} nào.` : `Có ${count} ${noun.vi}.`;
  return count === 0 ? `No ${noun.en[1]}.` : `${count} ${count === 1 ? noun.en[0] : noun.en[1]}.`;
}
