import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../../shared/src/errors';
import { REFUND_STATUSES, decideRefundSchema, requestRefundSchema, type RefundView } from '../../../shared/src/payments/refunds';
import { PAYMENT_STATUSES } from '../../../shared/src/payments/payments';
import type { DeskBill, DeskPayment } from '../../../shared/src/payments/desk';
import {
  ApiError, attachmentName, conflictingRefund, decideRefund, downloadReconciliation, listDeskBills, listDeskPayments, listRefunds, requestRefund,
} from '../../../web/src/lib/api';
import { REFUND_STATUS_VALUES, isDeskBill, isDeskBillList, isDeskPayment, isDeskPaymentList, isRefundList, isRefundView } from '../../../web/src/lib/guards';
import { pagePath } from '../../../web/src/lib/i18n';
import { qrPath } from '../../../web/src/lib/qr';
import {
  cashierAccess, checkDecision, checkRefundRequest, countText, displayDay, isDay, isDeskQuery, parseAmount, paymentStatusLabel, paymentTotals,
  refundOutcome, refundableAmount, vietnamTime, vietnamToday,
} from '../../../web/src/lib/staff-format';

/* The guards list every key of the shared interfaces: adding a field fails `tsc` here first. */
const BILL_KEYS = {
  billId: true, billCode: true, patientCode: true, patientName: true, amountDue: true, status: true, createdAt: true, payLinkToken: true,
} as const satisfies Record<keyof DeskBill, true>;
const PAYMENT_KEYS = {
  paymentId: true, amountVnd: true, status: true, createdAt: true, reference: false, paidAt: false, bankCode: false, transactionNo: false, amountRefunded: false,
} as const satisfies Record<keyof DeskPayment, boolean>;
const REFUND_KEYS = {
  refundId: true, paymentId: true, hospitalId: true, amountVnd: true, reason: true, status: true, requestedBy: true, requestedAt: true,
  decidedBy: false, decidedAt: false, note: false, failure: false,
} as const satisfies Record<keyof RefundView, boolean>;

const bill: DeskBill = {
  billId: '01JBILL0000000000000000000', billCode: 'HD-2026-000124', patientCode: 'BN-0067890', patientName: 'Lê Văn Cường', amountDue: 398_000,
  status: 'unpaid', createdAt: '2026-05-04T02:05:00.000Z', payLinkToken: '01JBILL0000000000000000000.abcDEF_-123',
};
const payment: DeskPayment = {
  paymentId: '01JPAY00000000000000000000', reference: 'HD-2026-000124', amountVnd: 398_000, status: 'paid', createdAt: '2026-05-04T02:05:00.000Z',
  paidAt: '2026-05-04T02:07:12.000Z', bankCode: 'NCB', transactionNo: '14399999', amountRefunded: 0,
};
const refund: RefundView = {
  refundId: '01JREF00000000000000000000', paymentId: payment.paymentId, hospitalId: 'hosp-cho-ray', amountVnd: 100_000, reason: 'Thu trùng dịch vụ',
  status: 'requested', requestedBy: 'cashier-cho-ray', requestedAt: '2026-05-04T03:00:00.000Z',
};
const without = <T extends object>(value: T, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
const minimal = <T extends object>(value: T, keys: Record<string, boolean>) => Object.fromEntries(Object.entries(value).filter(([k]) => keys[k]));

describe('staff response guards', () => {
  it('know the shared refund statuses', () => {
    expect([...REFUND_STATUS_VALUES]).toEqual([...REFUND_STATUSES]);
  });

  it('accept desk bills, payments and refunds after a JSON round trip, with and without optional fields', () => {
    expect(isDeskBillList(JSON.parse(JSON.stringify({ items: [bill] })))).toBe(true);
    expect(isDeskPaymentList(JSON.parse(JSON.stringify({ items: [payment, minimal(payment, PAYMENT_KEYS)] })))).toBe(true);
    for (const status of PAYMENT_STATUSES) expect(isDeskPayment({ ...payment, status })).toBe(true);
    for (const status of REFUND_STATUSES) expect(isRefundView({ ...refund, status })).toBe(true);
    const decided: RefundView = { ...refund, status: 'failed', decidedBy: 'cashier2-cho-ray', decidedAt: '2026-05-04T03:05:00.000Z', note: 'ok', failure: { vi: 'Lỗi', en: 'Error' } };
    expect(isRefundList(JSON.parse(JSON.stringify({ items: [refund, decided] })))).toBe(true);
  });

  it.each(Object.keys(BILL_KEYS))('reject a desk bill without %s', (key) => {
    expect(isDeskBill(without(bill, key))).toBe(false);
  });
  it.each(Object.keys(PAYMENT_KEYS).filter((k) => PAYMENT_KEYS[k as keyof DeskPayment]))('reject a desk payment without %s', (key) => {
    expect(isDeskPayment(without(payment, key))).toBe(false);
  });
  it.each(Object.keys(REFUND_KEYS).filter((k) => REFUND_KEYS[k as keyof RefundView]))('reject a refund without %s', (key) => {
    expect(isRefundView(without(refund, key))).toBe(false);
  });

  const broken: [string, (v: unknown) => boolean, unknown][] = [
    ['a bill with a fractional amount', isDeskBill, { ...bill, amountDue: 1.5 }],
    ['a bill with an empty pay link token', isDeskBill, { ...bill, payLinkToken: '' }],
    ['a payment with a refunded amount as text', isDeskPayment, { ...payment, amountRefunded: '0' }],
    ['a payment with a date that is not one', isDeskPayment, { ...payment, paidAt: 'hôm qua' }],
    ['a refund of 0 ₫', isRefundView, { ...refund, amountVnd: 0 }],
    ['a refund in an unknown status', isRefundView, { ...refund, status: 'cancelled' }],
    ['a refund with a failure that is text', isRefundView, { ...refund, failure: 'lỗi' }],
    ['a list that is not one', isDeskBillList, [bill]],
  ];
  it.each(broken)('reject %s', (_name, guard, value) => {
    expect(guard(value)).toBe(false);
  });
});

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: keyof typeof ERRORS, extra: object = {}) =>
  new Response(JSON.stringify({ type: 't', title: ERRORS[code].vi, status, code, ...extra }), { status, headers: { 'content-type': 'application/problem+json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('staff API client', () => {
  const options = { lang: 'vi' as const, token: 'a.b.c' };

  it('lists bills of a day or by code and payments by day and status, with the bearer token', async () => {
    let fetchMock = stubFetch(json(200, { items: [bill] }));
    await expect(listDeskBills('hosp-cho-ray', { day: '2026-05-04' }, options)).resolves.toEqual([bill]);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/hospitals/hosp-cho-ray/bills?day=2026-05-04');
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ authorization: 'Bearer a.b.c' });
    fetchMock = stubFetch(json(200, { items: [] }));
    await listDeskBills('hosp-cho-ray', { q: 'BN-0067890' }, options);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/hospitals/hosp-cho-ray/bills?q=BN-0067890');
    fetchMock = stubFetch(json(200, { items: [payment] }));
    await expect(listDeskPayments('hosp-cho-ray', { day: '2026-05-04', status: 'paid' }, options)).resolves.toEqual([payment]);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/hospitals/hosp-cho-ray/payments?day=2026-05-04&status=paid');
  });

  it('requests a refund and lists and decides refunds with JSON POSTs', async () => {
    let fetchMock = stubFetch(json(201, refund));
    await expect(requestRefund(payment.paymentId, { amountVnd: 100_000, reason: 'Thu trùng dịch vụ' }, options)).resolves.toEqual(refund);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/payments/${payment.paymentId}/refunds`);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST', cache: 'no-store' });
    fetchMock = stubFetch(json(200, { items: [refund] }));
    await listRefunds('hosp-cho-ray', 'requested', options);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/hospitals/hosp-cho-ray/refunds?status=requested');
    fetchMock = stubFetch(json(200, { ...refund, status: 'completed' }));
    await decideRefund(refund.refundId, { decision: 'approve' }, options);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/refunds/${refund.refundId}/decision`);
    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toEqual({ decision: 'approve' });
  });

  it('carries same_person and the refund another person left behind on a conflict', async () => {
    stubFetch(problem(403, 'same_person'));
    await expect(decideRefund(refund.refundId, { decision: 'approve' }, options)).rejects.toMatchObject({ status: 403, code: 'same_person' });
    const rejected = { ...refund, status: 'rejected', decidedBy: 'cashier2-cho-ray', decidedAt: '2026-05-04T03:05:00.000Z', note: 'Không đúng' };
    stubFetch(problem(409, 'conflict', { current: rejected }));
    const error = await decideRefund(refund.refundId, { decision: 'reject', note: 'Không đúng' }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(conflictingRefund(error)).toEqual(rejected);
    stubFetch(problem(409, 'conflict', { current: { refundId: 'x' } }));
    expect(conflictingRefund(await decideRefund(refund.refundId, { decision: 'approve' }, options).catch((e: unknown) => e))).toBeUndefined();
    expect(conflictingRefund(new Error('x'))).toBeUndefined();
  });

  it('downloads the reconciliation CSV with the token and names it from Content-Disposition', async () => {
    const csv = '\uFEFF"Mã giao dịch"\r\n';
    const fetchMock = stubFetch(new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="doi-soat-hosp-cho-ray-2026-05-04.csv"' } }));
    const file = await downloadReconciliation('hosp-cho-ray', '2026-05-04', options);
    expect(file.filename).toBe('doi-soat-hosp-cho-ray-2026-05-04.csv');
    // The bytes are saved as they came: the byte-order mark (for spreadsheets) stays.
    expect([...new Uint8Array(await file.blob.arrayBuffer())].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(await file.blob.text()).toBe(csv.slice(1));
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/hospitals/hosp-cho-ray/reconciliation?day=2026-05-04');
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ authorization: 'Bearer a.b.c', 'accept-language': 'vi' });
    stubFetch(problem(403, 'forbidden'));
    await expect(downloadReconciliation('hosp-cho-ray', '2026-05-04', options)).rejects.toMatchObject({ status: 403, code: 'forbidden', title: ERRORS.forbidden.vi });
    stubFetch(new TypeError('Failed to fetch'));
    await expect(downloadReconciliation('hosp-cho-ray', '2026-05-04', options)).rejects.toMatchObject({ code: 'network_error' });
  });

  it('takes only a plain file name from Content-Disposition', () => {
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
    expect(attachmentName("attachment; filename*=UTF-8''doi%20soat.csv", 'x.csv')).toBe('doi soat.csv');
    expect(attachmentName('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(attachmentName('attachment; filename=".."', 'x.csv')).toBe('x.csv');
    expect(attachmentName('attachment; filename="a\u0007b.csv"', 'x.csv')).toBe('x.csv');
  });
});

describe('staff page helpers', () => {
  it('let in hospital staff with the cashier duty only', () => {
    const base = { userId: 'u', name: 'A', duties: ['cashier' as const] };
    expect(cashierAccess({ ...base, role: 'hospital_staff', hospitalId: 'hosp-cho-ray' })).toEqual({ ok: true, hospitalId: 'hosp-cho-ray' });
    expect(cashierAccess({ ...base, role: 'hospital_staff', hospitalId: 'hosp-cho-ray', duties: ['scheduler'] })).toEqual({ ok: false, reason: 'not_cashier' });
    expect(cashierAccess({ ...base, role: 'hospital_staff' })).toEqual({ ok: false, reason: 'no_hospital' });
    expect(cashierAccess({ ...base, role: 'admin' })).toEqual({ ok: false, reason: 'not_hospital_staff' });
  });

  it('write Vietnam days and times whatever the device zone', () => {
    expect(vietnamTime('2026-05-04T17:30:00.000Z')).toBe('00:30');
    expect(vietnamTime(undefined)).toBe('');
    expect(vietnamToday(new Date('2026-05-04T17:30:00.000Z'))).toBe('2026-05-05');
    expect(displayDay('2026-05-04')).toBe('04/05/2026');
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDeskQuery('HD-2026-000124')).toBe(true);
    expect(isDeskQuery('HD 2026')).toBe(false);
  });

  it('read money as a cashier types it', () => {
    expect(parseAmount('398.000')).toBe(398_000);
    expect(parseAmount('398 000 ₫')).toBe(398_000);
    expect(parseAmount('398000đ')).toBe(398_000);
    expect(parseAmount('1,250,000')).toBe(1_250_000);
    expect(parseAmount('39.80')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
  });

  it('allow a refund up to paid − refunded, with a reason the API accepts', () => {
    expect(refundableAmount({ status: 'partially_refunded', amountVnd: 398_000, amountRefunded: 100_000 })).toBe(298_000);
    expect(refundableAmount({ status: 'pending', amountVnd: 398_000 })).toBe(0);
    const ok = checkRefundRequest({ amount: '298.000', reason: '  Thu trùng  ' }, 298_000, 'vi');
    expect(ok).toEqual({ body: { amountVnd: 298_000, reason: 'Thu trùng' } });
    expect('body' in ok && requestRefundSchema.safeParse(ok.body).success).toBe(true);
    const bad = checkRefundRequest({ amount: '298.001', reason: 'abc' }, 298_000, 'vi');
    expect('problems' in bad && bad.problems.map((p) => p.field)).toEqual(['amount', 'reason']);
    expect('problems' in bad && bad.problems[0]!.message).toContain('298.000 ₫');
    expect(checkRefundRequest({ amount: '', reason: '' }, 1, 'en')).toMatchObject({ problems: [{ field: 'amount' }, { field: 'reason' }] });
    expect(checkRefundRequest({ amount: '0', reason: 'x'.repeat(501) }, 1, 'en')).toMatchObject({ problems: [{ field: 'amount' }, { field: 'reason' }] });
  });

  it('need a reason to reject and none to approve, as the API does', () => {
    for (const [decision, note] of [['approve', ''], ['approve', 'Đã kiểm tra'], ['reject', 'Không đúng quy định']] as const) {
      const checked = checkDecision(decision, note, 'vi');
      expect('body' in checked && decideRefundSchema.safeParse(checked.body).success).toBe(true);
    }
    expect(checkDecision('reject', '  ', 'vi')).toHaveProperty('problem');
    expect(checkDecision('reject', 'abc', 'vi')).toHaveProperty('problem');
    expect(checkDecision('approve', 'x'.repeat(501), 'vi')).toHaveProperty('problem');
  });

  it('say what happened to a refund', () => {
    expect(refundOutcome({ status: 'completed', amountVnd: 100_000 }, 'vi')).toEqual({ tone: 'success', text: 'Đã phê duyệt. VNPay đã hoàn 100.000 ₫ cho người nộp.' });
    expect(refundOutcome({ status: 'failed', amountVnd: 100_000, failure: { vi: 'Giao dịch không hợp lệ', en: 'Invalid' } }, 'vi').text).toContain('Giao dịch không hợp lệ');
    expect(refundOutcome({ status: 'rejected', amountVnd: 100_000 }, 'en').tone).toBe('info');
    expect(refundOutcome({ status: 'approved', amountVnd: 100_000 }, 'en').tone).toBe('warning');
  });

  it('total the money received and refunded', () => {
    const totals = paymentTotals([
      { status: 'paid', amountVnd: 398_000 },
      { status: 'partially_refunded', amountVnd: 200_000, amountRefunded: 50_000 },
      { status: 'failed', amountVnd: 999_000 },
      { status: 'pending', amountVnd: 1_000 },
    ]);
    expect(totals).toEqual({ count: 4, paidCount: 2, paid: 598_000, refunded: 50_000, net: 548_000 });
    expect(countText(1, { vi: 'hóa đơn', en: ['bill', 'bills'] }, 'en')).toBe('1 bill.');
    expect(countText(0, { vi: 'hóa đơn', en: ['bill', 'bills'] }, 'vi')).toBe('Không có hóa đơn nào.');
    expect(paymentStatusLabel('paid', 'vi')).toBe('Thành công');
    expect(paymentStatusLabel('something_new', 'vi')).toBe('something_new');
  });

  it('encode the pay link as a QR with a quiet zone, and have staff pages in both languages', () => {
    const { size, d } = qrPath('http://localhost:8093/thanh-toan/hoa-don/#01JBILL0000000000000000000.abcDEF_-123');
    expect(size).toBe(37 + 8);
    expect(d).toMatch(/^M4 4h7v1h-7z/);
    expect(pagePath('cashierDesk', 'vi')).toBe('/nhan-vien/thu-ngan/');
    expect(pagePath('refundApprovals', 'en')).toBe('/en/staff/refund-approvals/');
    expect(pagePath('financeOffice', 'vi')).toBe('/nhan-vien/tai-chinh/');
  });
});
