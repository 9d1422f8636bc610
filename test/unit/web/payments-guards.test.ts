import { describe, expect, it } from 'vitest';
import { BILL_STATUSES, billItemSchema, initials, lineAmount as sharedLineAmount, type BillView } from '../../../shared/src/payments/bills';
import { PAYMENT_STATUSES, type OpenedPayment, type PaymentView } from '../../../shared/src/payments/payments';
import { demoBills } from '../../../functions/src/local/demo-bills';
import { BILL_STATUS_VALUES, PAYMENT_STATUS_VALUES, isBillItem, isBillView, isOpenedPayment, isPaymentUrl, isPaymentView } from '../../../web/src/lib/guards';
import { lineAmount } from '../../../web/src/lib/payments-format';

/*
 * BillView, PaymentView and OpenedPayment are TypeScript interfaces (no zod schema), so these
 * records list every key: adding a field to a shared type fails `tsc` here until the guard and
 * this test know about it.
 */
const BILL_KEYS = {
  billId: true, hospitalId: true, hospitalName: true, billCode: true, patientInitials: true, items: true,
  amountDue: true, status: true, payLinkToken: true, createdAt: true,
} as const satisfies Record<keyof BillView, true>;
const PAYMENT_KEYS = {
  paymentId: true, status: true, amountVnd: true, payable: true, createdAt: true, expiresAt: true,
  hospitalName: false, paidAt: false, reason: false, receiptNumber: false,
} as const satisfies Record<keyof PaymentView, boolean>;
const OPENED_KEYS = { paymentId: true, txnRef: true, paymentUrl: true, expiresAt: true } as const satisfies Record<keyof OpenedPayment, true>;

const demo = demoBills[0]!;
const bill: BillView = {
  billId: '01JBILL0000000000000000000', hospitalId: demo.hospitalId, hospitalName: 'Bệnh viện Chợ Rẫy', billCode: demo.billCode,
  patientInitials: initials(demo.patientName), items: demo.items, amountDue: demo.amountDue, status: 'unpaid',
  payLinkToken: '01JBILL0000000000000000000.abcDEF_-123', createdAt: '2026-05-04T02:05:00.000Z',
};
const payment: PaymentView = {
  paymentId: '01JPAY00000000000000000000', status: 'paid', amountVnd: 398_000, payable: { kind: 'bill', id: bill.billId },
  hospitalName: 'Bệnh viện Chợ Rẫy', createdAt: '2026-05-04T02:05:00.000Z', expiresAt: '2026-05-04T02:20:00.000Z', paidAt: '2026-05-04T02:07:12.000Z',
};
const opened: OpenedPayment = {
  paymentId: payment.paymentId, txnRef: payment.paymentId, expiresAt: payment.expiresAt,
  paymentUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=39800000&vnp_SecureHash=ab',
};
const without = <T extends object>(value: T, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

describe('payment response guards agree with the shared types', () => {
  it('know the same statuses as shared/src/payments', () => {
    expect([...BILL_STATUS_VALUES]).toEqual([...BILL_STATUSES]);
    expect([...PAYMENT_STATUS_VALUES]).toEqual([...PAYMENT_STATUSES]);
  });

  it('accept every demo bill item the zod schema accepts, and compute lines like shared', () => {
    for (const item of demoBills.flatMap((b) => b.items)) {
      expect(billItemSchema.safeParse(item).success).toBe(true);
      expect(isBillItem(item)).toBe(true);
      expect(lineAmount(item)).toBe(sharedLineAmount(item));
    }
  });

  it('accept a bill in every status, after a JSON round trip', () => {
    for (const status of BILL_STATUSES) expect(isBillView(JSON.parse(JSON.stringify({ ...bill, status })))).toBe(true);
  });

  it.each(Object.keys(BILL_KEYS))('reject a bill without %s', (key) => {
    expect(isBillView(without(bill, key))).toBe(false);
  });

  const brokenBills: [string, unknown][] = [
    ['an unknown status', { ...bill, status: 'cancelled' }],
    ['a fractional amount', { ...bill, amountDue: 398_000.5 }],
    ['an amount as text', { ...bill, amountDue: '398000' }],
    ['a negative amount', { ...bill, amountDue: -1 }],
    ['a zero quantity', { ...bill, items: [{ ...demo.items[0]!, quantity: 0 }] }],
    ['insurance above the line price', { ...bill, items: [{ ...demo.items[0]!, insuranceCovered: 1_000_000 }] }],
    ['items not a list', { ...bill, items: demo.items[0] }],
    ['an empty pay link token', { ...bill, payLinkToken: '' }],
    ['a date that is not one', { ...bill, createdAt: 'hôm qua' }],
    ['null', null],
    ['a list', [bill]],
  ];
  it.each(brokenBills)('reject a bill with %s', (_name, value) => {
    expect(isBillView(value)).toBe(false);
  });

  it('accept a payment in every status, with and without the optional fields', () => {
    for (const status of PAYMENT_STATUSES) expect(isPaymentView({ ...payment, status })).toBe(true);
    const minimal = Object.fromEntries(Object.entries(payment).filter(([k]) => PAYMENT_KEYS[k as keyof PaymentView]));
    expect(isPaymentView(minimal)).toBe(true);
    expect(isPaymentView({ ...payment, status: 'failed', reason: { vi: 'Khách hàng hủy giao dịch', en: 'The customer cancelled' } })).toBe(true);
  });

  it.each(Object.entries(PAYMENT_KEYS).filter(([, isRequired]) => isRequired).map(([key]) => key))('reject a payment without %s', (key) => {
    expect(isPaymentView(without(payment, key))).toBe(false);
  });

  it('reject broken payments', () => {
    expect(isPaymentView({ ...payment, status: 'success' })).toBe(false);
    expect(isPaymentView({ ...payment, payable: { kind: 'invoice', id: 'x' } })).toBe(false);
    expect(isPaymentView({ ...payment, reason: 'Hủy' })).toBe(false);
    expect(isPaymentView({ ...payment, paidAt: 'not a date' })).toBe(false);
    expect(isPaymentView({ ...payment, amountVnd: 39_800_000.5 })).toBe(false);
  });

  it.each(Object.keys(OPENED_KEYS))('reject an opened payment without %s', (key) => {
    expect(isOpenedPayment(opened)).toBe(true);
    expect(isOpenedPayment(without(opened, key))).toBe(false);
  });

  it('only send the browser to http(s) or a path on this site', () => {
    expect(isPaymentUrl('http://localhost:8080/sandbox/vnpay/paymentv2/vpcpay.html?x=1')).toBe(true);
    expect(isPaymentUrl('/sandbox/vnpay/paymentv2/vpcpay.html?x=1')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', '//evil.example/x', '/\\evil.example', 'vpcpay.html', '', 42]) {
      expect(isPaymentUrl(bad)).toBe(false);
      expect(isOpenedPayment({ ...opened, paymentUrl: bad })).toBe(false);
    }
  });
});
