/**
 * Hospital bills: what the hospital information system (HIS) sends, and the views a patient, a
 * relative with the pay link, and a cashier see. The HIS is the source of truth for amounts; the
 * portal only checks that a bill adds up (research/payments.md §3.6).
 */
import * as z from 'zod/mini';

const code = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,40}$/));
const vnd = z.int().check(z.nonnegative(), z.lte(10_000_000_000));

export const billItemSchema = z.strictObject({
  code,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  quantity: z.int().check(z.gte(1), z.lte(100_000)),
  unitPrice: vnd,
  insuranceCovered: vnd,
});
export type BillItem = z.infer<typeof billItemSchema>;

/** A Vietnamese mobile or landline number as the HIS records it: 10 digits starting with 0. */
export const vietnamPhone = z.string().check(z.regex(/^0\d{9}$/));

export const hisBillSchema = z.strictObject({
  hospitalId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)),
  billCode: code,
  patientCode: code,
  patientName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  patientPhone: vietnamPhone,
  patientDob: z.iso.date(),
  items: z.array(billItemSchema).check(z.minLength(1), z.maxLength(300)),
  amountDue: vnd,
});
export type HisBill = z.infer<typeof hisBillSchema>;

export const BILL_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** What each line costs the patient: quantity × unit price − what insurance covers. */
export const lineAmount = (item: BillItem): number => item.quantity * item.unitPrice - item.insuranceCovered;

/** Field errors of a bill that does not add up; empty when it does. */
export function billAmountProblems(bill: Pick<HisBill, 'items' | 'amountDue'>): { field: string; expected?: number }[] {
  const problems: { field: string; expected?: number }[] = [];
  bill.items.forEach((item, i) => {
    if (item.insuranceCovered > item.quantity * item.unitPrice) problems.push({ field: `body.items.${i}.insuranceCovered` });
  });
  const expected = bill.items.reduce((sum, item) => sum + lineAmount(item), 0);
  if (expected !== bill.amountDue) problems.push({ field: 'body.amountDue', expected });
  return problems;
}

/** A patient finds their bill with codes from the paper bill and one second factor. */
export const billLookupSchema = z.strictObject({
  hospitalId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)),
  patientCode: code,
  billCode: code,
  phoneLast4: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  dateOfBirth: z.optional(z.iso.date()),
}).check(z.refine((v) => (v.phoneLast4 === undefined) !== (v.dateOfBirth === undefined), { message: 'Nhập 4 số cuối điện thoại hoặc ngày sinh (một trong hai)', path: ['phoneLast4'] }));
export type BillLookup = z.infer<typeof billLookupSchema>;

/** The bill as anyone allowed to pay it sees it: no phone, no date of birth. */
export const billViewSchema = z.object({
  billId: z.string(),
  hospitalId: z.string(),
  hospitalName: z.string(),
  billCode: z.string(),
  patientInitials: z.string().check(z.describe('Initials only ("N. V. A."): enough for a relative to recognise, not to identify')),
  items: z.array(billItemSchema),
  amountDue: z.int().check(z.describe('VND')),
  status: z.enum(BILL_STATUSES),
  payLinkToken: z.string().check(z.describe('The shareable pay link: /thanh-toan/hoa-don/?t=<token>')),
  createdAt: z.string().check(z.describe('ISO-8601 instant (UTC)')),
});
export type BillView = z.infer<typeof billViewSchema>;

/** The information system's receipt of a pushed bill: 201 the first time, 200 with the same answer after. */
export const pushedBillSchema = z.object({ billId: z.string(), payLinkToken: z.string() });

export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .map((part) => `${part.charAt(0).toLocaleUpperCase('vi')}.`)
    .join(' ');
}

/** GET /api/bills/pay-link/{token}: the signed token of a shareable pay link. */
export const payLinkParams = z.object({ token: z.string().check(z.maxLength(80)) });
