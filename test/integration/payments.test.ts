/**
 * Paying a bill: one open attempt per payable, the IPN as the only writer of a result, exactly one
 * transition however many duplicate IPNs arrive, and nothing changed by a forged one.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
let sequence = 0;

/** A fresh bill from the HIS (as Chợ Rẫy's cashier) and its pay link. */
async function newBill(amount = 250_000): Promise<{ billId: string; payLinkToken: string }> {
  const response = await portal.request('/api/his/bills', {
    as: 'cashier-cho-ray', method: 'POST', headers: json,
    body: JSON.stringify({
      hospitalId: 'hosp-cho-ray', billCode: `HD-P-${++sequence}-${Date.now()}`, patientCode: 'BN-P-1', patientName: 'Võ Văn Kiệt', patientPhone: '0911222333', patientDob: '1970-07-07',
      items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: amount, insuranceCovered: 0 }], amountDue: amount,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { billId: string; payLinkToken: string };
}
const pay = (body: unknown, init: { as?: string } = {}) => portal.request('/api/payments', { ...init, method: 'POST', headers: json, body: JSON.stringify(body) });
const ipn = (query: string) => portal.request(`/api/payments/vnpay/ipn?${query}`);
const billOf = async (billId: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.bill(billId) }))).Item ?? {};
const outboxOf = async (paymentId: string) =>
  (await Promise.all(['payment.paid', 'payment.duplicate', 'payment.held'].map((e) => portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`${e}#${paymentId}`) }))))).filter((r) => r.Item);

describe('POST /api/payments', () => {
  it('opens one attempt with a signed VNPay URL for the amount on the bill; a second call returns the same one', async () => {
    const { payLinkToken } = await newBill(250_000);
    const first = await pay({ payLinkToken });
    expect(first.status).toBe(201);
    const opened = (await first.json()) as { paymentId: string; txnRef: string; paymentUrl: string; expiresAt: string };
    expect(opened.txnRef).toBe(opened.paymentId);
    const url = new URL(opened.paymentUrl);
    expect(url.pathname).toBe('/sandbox/vnpay/paymentv2/vpcpay.html');
    expect(url.searchParams.get('vnp_Amount')).toBe('25000000');
    expect(url.searchParams.get('vnp_TxnRef')).toBe(opened.paymentId);
    expect(url.searchParams.get('vnp_OrderInfo')).toMatch(/^[A-Za-z0-9 ,./:#_-]+$/);
    expect(Date.parse(opened.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const second = await pay({ payLinkToken });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(opened);
  });

  it('opens one attempt when twenty payers click at once', async () => {
    const { payLinkToken } = await newBill();
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay({ payLinkToken })));
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { paymentId: string }).paymentId)));
    expect(answers.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
  });

  it("lets the bill's own hospital staff start a payment by bill id, and nobody else", async () => {
    const { billId } = await newBill();
    expect((await pay({ payable: { kind: 'bill', id: billId } }, { as: 'cashier-cho-ray' })).status).toBe(201);
    expect((await pay({ payable: { kind: 'bill', id: billId } }, { as: 'cashier-nhi-dong-1' })).status).toBe(404);
    expect((await pay({ payable: { kind: 'bill', id: billId } }, { as: 'citizen-an' })).status).toBe(404);
    expect((await pay({ payable: { kind: 'bill', id: billId } })).status).toBe(401);
    expect((await pay({ payLinkToken: `${billId}.forgedforgedforgedforgedforged00` })).status).toBe(404);
  });

  it('never takes an amount from the browser', async () => {
    const { payLinkToken } = await newBill();
    expect((await pay({ payLinkToken, amountVnd: 1000 })).status).toBe(400);
  });
});

describe('GET /api/payments/vnpay/ipn', () => {
  it('marks the bill paid once: 200 duplicate IPNs at the same time give one 00, the rest 02, one outbox event', async () => {
    const { payLinkToken, billId } = await newBill(398_000);
    const { paymentId } = (await (await pay({ payLinkToken })).json()) as { paymentId: string };
    const query = signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 398_000 }));
    const answers = await Promise.all(Array.from({ length: 200 }, () => ipn(query)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const codes = await Promise.all(answers.map(async (r) => ((await r.json()) as { RspCode: string }).RspCode));
    expect(codes.filter((c) => c === '00')).toHaveLength(1);
    expect(codes.filter((c) => c === '02')).toHaveLength(199);
    expect(await billOf(billId)).toMatchObject({ status: 'paid', amountPaid: 398_000, paidBy: paymentId });
    expect(await outboxOf(paymentId)).toHaveLength(1);
    const status = (await (await portal.request(`/api/payments/${paymentId}`)).json()) as { status: string; amountVnd: number };
    expect(status).toMatchObject({ status: 'paid', amountVnd: 398_000 });
    expect((await pay({ payLinkToken })).status).toBe(409);
  });

  it('answers in VNPay order: 97 bad signature, 01 unknown order, 04 wrong amount — and changes nothing', async () => {
    const { payLinkToken, billId } = await newBill(120_000);
    const { paymentId } = (await (await pay({ payLinkToken })).json()) as { paymentId: string };
    const good = resultFields({ txnRef: paymentId, amountVnd: 120_000 });
    const tampered = signedResultQuery(good).replace('vnp_Amount=12000000', 'vnp_Amount=100');
    const answer = async (q: string) => ((await (await ipn(q)).json()) as { RspCode: string }).RspCode;
    expect(await answer(tampered)).toBe('97');
    expect(await answer('vnp_TxnRef=x')).toBe('97');
    expect(await answer(signedResultQuery({ ...good, vnp_TxnRef: '01JDNOTAPAYMENT00000000000' }))).toBe('01');
    expect(await answer(signedResultQuery({ ...good, vnp_Amount: '100' }))).toBe('04');
    expect(await billOf(billId)).toMatchObject({ status: 'unpaid', openAttemptId: paymentId });
    expect(await outboxOf(paymentId)).toHaveLength(0);
  });

  it('records a failed payment (answered 00), frees the bill for a new attempt, and says why in Vietnamese', async () => {
    const { payLinkToken, billId } = await newBill();
    const { paymentId } = (await (await pay({ payLinkToken })).json()) as { paymentId: string };
    const response = await ipn(signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 250_000, responseCode: '24' })));
    expect(await response.json()).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const status = (await (await portal.request(`/api/payments/${paymentId}`)).json()) as { status: string; reason: { vi: string } };
    expect(status.status).toBe('failed');
    expect(status.reason.vi).toContain('hủy giao dịch');
    expect((await billOf(billId)).openAttemptId).toBeUndefined();
    const again = await pay({ payLinkToken });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { paymentId: string }).paymentId).not.toBe(paymentId);
  });

  it('removes the sweep marker of a settled attempt', async () => {
    const { payLinkToken } = await newBill();
    const { paymentId } = (await (await pay({ payLinkToken })).json()) as { paymentId: string };
    const markers = async () => ((await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SWEEP#PAYMENTS' } }))).Items ?? []).filter((i) => i.paymentId === paymentId);
    expect(await markers()).toHaveLength(1);
    await ipn(signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 250_000 })));
    expect(await markers()).toHaveLength(0);
  });
});

describe('GET /api/payments/vnpay/return', () => {
  it('sends the browser to our result page and changes nothing', async () => {
    const { payLinkToken, billId } = await newBill();
    const { paymentId } = (await (await pay({ payLinkToken })).json()) as { paymentId: string };
    const response = await portal.request(`/api/payments/vnpay/return?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 250_000 }))}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/thanh-toan/ket-qua/?ma=${paymentId}`);
    expect(await billOf(billId)).toMatchObject({ status: 'unpaid' });
    const forged = await portal.request(`/api/payments/vnpay/return?vnp_TxnRef=${paymentId}&vnp_ResponseCode=00`, { redirect: 'manual' });
    expect(forged.headers.get('location')).toBe('/thanh-toan/ket-qua/?loi=chu-ky');
  });
});
