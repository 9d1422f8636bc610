/**
 * The hospital's information system is told when its bill is paid or refunded: a signed callback
 * from the outbox, once per event, retried on schedule while the HIS is down, acknowledged once.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
let sequence = 0;

async function paidBill(amount = 120_000): Promise<{ billId: string; paymentId: string; billCode: string }> {
  const billCode = `HD-H-${++sequence}-${Date.now()}`;
  const pushed = await portal.request('/api/his/bills', {
    as: 'cashier-nhi-dong-1', method: 'POST', headers: json,
    body: JSON.stringify({ hospitalId: 'hosp-nhi-dong-1', billCode, patientCode: 'NB-H-1', patientName: 'Lê Thị Cúc', patientPhone: '0909000333', patientDob: '2020-02-02', items: [{ code: 'KB', name: 'Khám nhi', quantity: 1, unitPrice: amount, insuranceCovered: 0 }], amountDue: amount }),
  });
  const { billId, payLinkToken } = (await pushed.json()) as { billId: string; payLinkToken: string };
  const { paymentId } = (await (await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) })).json()) as { paymentId: string };
  await portal.request(`/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: amount }))}`);
  await portal.server.jobs!.drain();
  return { billId, paymentId, billCode };
}

const received = async () => ((await (await portal.request('/sandbox/his/hosp-nhi-dong-1/callbacks')).json()) as { received: { eventId: string; callback: { event: string; billCode: string; amountVnd: number } }[] }).received;
const delivery = async (paymentId: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.hisCallback(`payment.paid#${paymentId}`) }))).Item;

describe('callbacks to the hospital information system', () => {
  it('tells the HIS once, signed, when its bill is paid', async () => {
    const { paymentId, billCode } = await paidBill();
    const got = (await received()).filter((r) => r.callback.billCode === billCode);
    expect(got).toHaveLength(1);
    expect(got[0]?.callback).toMatchObject({ event: 'bill.paid', amountVnd: 120_000, paymentId });
    expect(await delivery(paymentId)).toMatchObject({ status: 'delivered', attempts: 1, lastResult: 'HTTP 200' });
  });

  it('keeps retrying on schedule while the HIS is down, and stops once it acknowledges', async () => {
    await portal.request('/sandbox/his/control', { method: 'POST', headers: json, body: JSON.stringify({ failNext: 3 }) });
    const { paymentId, billCode } = await paidBill(130_000);
    expect(await delivery(paymentId)).toMatchObject({ status: 'pending', attempts: 1, lastResult: 'HTTP 503' });
    const runAt = (minutes: number) => portal.server.jobs!.runNow('hisCallbacks', { asOf: new Date(Date.now() + minutes * 60_000).toISOString() });
    expect(await runAt(0)).toMatchObject({ attempted: 0 });
    expect(await runAt(1)).toMatchObject({ attempted: 1, pending: 1 });
    expect(await runAt(4)).toMatchObject({ attempted: 1, pending: 1 });
    expect(await runAt(20)).toMatchObject({ attempted: 1, delivered: 1 });
    expect(await runAt(600)).toMatchObject({ attempted: 0 });
    expect(await delivery(paymentId)).toMatchObject({ status: 'delivered', attempts: 4 });
    expect((await received()).filter((r) => r.callback.billCode === billCode)).toHaveLength(1);
  });
});
