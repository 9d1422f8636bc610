/** The cashier desk and the finance office: what they ask for, and the reconciliation report. */
import * as z from 'zod/mini';
import { PAYMENT_STATUSES } from './payments';
import { instant } from '../wire';

const day = z.iso.date();

export const hospitalParams = z.object({ hospitalId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)) });
export const deskBillsQuery = z.object({
  day: z.optional(day),
  /** A bill code or a patient code, exact. */
  q: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9._-]{1,40}$/))),
});
export const deskPaymentsQuery = z.object({ day: z.optional(day), status: z.optional(z.enum(PAYMENT_STATUSES)) });
export const reconciliationQuery = z.object({ day });


export const deskBillSchema = z.object({
  billId: z.string(),
  billCode: z.string(),
  patientCode: z.string(),
  patientName: z.string(),
  amountDue: z.int(),
  status: z.string(),
  createdAt: instant,
  payLinkToken: z.string(),
});
export type DeskBill = z.infer<typeof deskBillSchema>;

export const deskPaymentSchema = z.object({
  paymentId: z.string(),
  reference: z.optional(z.string()),
  amountVnd: z.int(),
  status: z.string(),
  createdAt: instant,
  paidAt: z.optional(instant),
  bankCode: z.optional(z.string()),
  transactionNo: z.optional(z.string()),
  amountRefunded: z.optional(z.int()),
});
export type DeskPayment = z.infer<typeof deskPaymentSchema>;
export const deskBillsSchema = z.object({ items: z.array(deskBillSchema) });
export const deskPaymentsSchema = z.object({ items: z.array(deskPaymentSchema) });

/** Vietnam wall-clock time of an instant: `22/11/2026 09:15:04` (UTC+7, whatever TZ the process has). */
export function vietnamDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
}

const csvCell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  // Quote everything textual; neutralise spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * The daily reconciliation report of one hospital: one line per payment attempt of the day, times
 * in GMT+7. UTF-8 with a byte-order mark so spreadsheet programs show Vietnamese correctly.
 */
export function reconciliationCsv(payments: DeskPayment[]): string {
  const header = ['Mã giao dịch', 'Mã hóa đơn', 'Số tiền (VND)', 'Trạng thái', 'Tạo lúc (GMT+7)', 'Thanh toán lúc (GMT+7)', 'Ngân hàng', 'Số giao dịch VNPay', 'Đã hoàn (VND)'];
  const lines = payments.map((p) => [p.paymentId, p.reference, p.amountVnd, p.status, vietnamDateTime(p.createdAt), vietnamDateTime(p.paidAt), p.bankCode, p.transactionNo, p.amountRefunded ?? 0].map(csvCell).join(','));
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}
