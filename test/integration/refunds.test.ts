/**
 * Refunds, maker–checker, through the real VNPay protocol against the sandbox double: the
 * requester cannot approve, another hospital cannot see, and however many approvals race, the
 * refunded total never exceeds what was paid.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { openPayment, payOnDouble, pushBill, waitForStatus } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };

/** A bill paid through the double, so VNPay's side holds the transaction it will refund. */
async function paidPayment(amount: number): Promise<{ billId: string; paymentId: string }> {
  const { billId, payLinkToken } = await pushBill(portal, { amount });
  const { paymentId, paymentUrl } = await openPayment(portal, payLinkToken);
  await payOnDouble(portal, paymentUrl);
  await waitForStatus(portal, paymentId, 'paid');
  return { billId, paymentId };
}

const requestRefund = (paymentId: string, amountVnd: number, as = 'cashier-cho-ray') =>
  portal.request(`/api/payments/${paymentId}/refunds`, { as, method: 'POST', headers: json, body: JSON.stringify({ amountVnd, reason: 'Bệnh nhân chuyển viện, hoàn tạm ứng' }) });
const decide = (refundId: string, body: unknown, as = 'cashier2-cho-ray') => portal.request(`/api/refunds/${refundId}/decision`, { as, method: 'POST', headers: json, body: JSON.stringify(body) });
const paymentItem = async (paymentId: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.payment(paymentId) }))).Item ?? {};

describe('a refund request', () => {
  it('needs a second person: the requester cannot approve, another hospital cannot even see it', async () => {
    const { paymentId } = await paidPayment(398_000);
    const requested = await requestRefund(paymentId, 100_000);
    expect(requested.status).toBe(201);
    const { refundId } = (await requested.json()) as { refundId: string };
    const self = await decide(refundId, { decision: 'approve' }, 'cashier-cho-ray');
    expect(self.status).toBe(403);
    expect(await self.json()).toMatchObject({ code: 'same_person' });
    expect((await decide(refundId, { decision: 'approve' }, 'cashier-nhi-dong-1')).status).toBe(404);
    expect((await decide(refundId, { decision: 'approve' }, 'scheduler-cho-ray')).status).toBe(403);
    expect((await paymentItem(paymentId)).amountAvailable).toBe(398_000);
  });

  it('is refunded through VNPay on approval; payment and bill become partially refunded; both steps audited', async () => {
    const { paymentId, billId } = await paidPayment(398_000);
    const { refundId } = (await (await requestRefund(paymentId, 100_000)).json()) as { refundId: string };
    const approved = await decide(refundId, { decision: 'approve', note: 'Đã đối chiếu' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ refundId, status: 'completed', decidedBy: 'cashier2-cho-ray' });
    expect(await paymentItem(paymentId)).toMatchObject({ status: 'partially_refunded', amountRefunded: 100_000, amountAvailable: 298_000 });
    const bill = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.bill(billId) }))).Item;
    expect(bill).toMatchObject({ status: 'partially_refunded', amountRefunded: 100_000 });
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('refund', refundId).pk } }));
    expect((audit.Items ?? []).map((a) => a.action).sort()).toEqual(['refund.approve', 'refund.request']);
  });

  it('can be rejected with a reason (required), which moves no money', async () => {
    const { paymentId } = await paidPayment(200_000);
    const { refundId } = (await (await requestRefund(paymentId, 50_000)).json()) as { refundId: string };
    expect((await decide(refundId, { decision: 'reject' })).status).toBe(400);
    const rejected = await decide(refundId, { decision: 'reject', note: 'Không có chứng từ kèm theo' });
    expect(await rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await paymentItem(paymentId)).amountAvailable).toBe(200_000);
    expect((await decide(refundId, { decision: 'approve' })).status).toBe(409);
  });

  it('cannot ask for more than is left', async () => {
    const { paymentId } = await paidPayment(100_000);
    expect((await requestRefund(paymentId, 100_001)).status).toBe(409);
  });
});

describe('twenty concurrent partial refunds whose sum exceeds the payment', () => {
  it('never refund more than was paid', async () => {
    const { paymentId } = await paidPayment(300_000);
    const refundIds = await Promise.all(
      Array.from({ length: 20 }, async () => ((await (await requestRefund(paymentId, 50_000)).json()) as { refundId: string }).refundId),
    );
    const answers = await Promise.all(refundIds.map((id) => decide(id, { decision: 'approve' })));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { status?: string; code?: string }[];
    const completed = bodies.filter((b) => b.status === 'completed').length;
    expect(completed * 50_000).toBeLessThanOrEqual(300_000);
    expect(completed).toBe(6);
    expect(bodies.filter((b) => b.code === 'refund_exceeds_available')).toHaveLength(14);
    expect(await paymentItem(paymentId)).toMatchObject({ amountRefunded: 300_000, amountAvailable: 0, status: 'refunded' });
  });
});
