/**
 * After a payment: the outbox event reaches its consumer through DynamoDB Local's stream and
 * becomes exactly one message, even when delivered again. Attempts left pending past expiry are
 * settled by the sweep from VNPay's QueryDR answer (the sandbox double plays VNPay).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { vietnamDate } from '../../shared/src/vietnamese';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
let sequence = 0;

async function openPaymentForNewBill(amount = 150_000): Promise<{ billId: string; paymentId: string; payLinkToken: string }> {
  const pushed = await portal.request('/api/his/bills', {
    as: 'cashier-cho-ray', method: 'POST', headers: json,
    body: JSON.stringify({
      hospitalId: 'hosp-cho-ray', billCode: `HD-O-${++sequence}-${Date.now()}`, patientCode: 'BN-O-1', patientName: 'Đinh Thị Mai', patientPhone: '0977000111', patientDob: '1991-09-09',
      items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: amount, insuranceCovered: 0 }], amountDue: amount,
    }),
  });
  const { billId, payLinkToken } = (await pushed.json()) as { billId: string; payLinkToken: string };
  const opened = await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) });
  const { paymentId } = (await opened.json()) as { paymentId: string };
  return { billId, paymentId, payLinkToken };
}

const messagesFor = async (paymentId: string) =>
  ((await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.messagesQueue(vietnamDate(new Date())).queuePk } }))).Items ?? [])
    .filter((m) => String(m.messageId).includes(paymentId));

describe('the outbox consumer on the stream', () => {
  it('turns a payment into one SMS to the patient, once, without re-sending on redelivery', async () => {
    const { paymentId } = await openPaymentForNewBill(150_000);
    await portal.request(`/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 150_000 }))}`);
    await portal.server.jobs!.drain();
    const messages = await messagesFor(paymentId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'sms', to: '0977000111', status: 'queued' });
    expect(messages[0]?.text).toContain('150.000 ₫');

    // The stream delivers at least once: the same event again changes nothing.
    const outbox = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`payment.paid#${paymentId}`) }))).Item!;
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const redelivery: DynamoDBStreamEvent = { Records: [{ eventName: 'INSERT', dynamodb: { NewImage: marshall(outbox) as never, SequenceNumber: '1' } }] };
    const { handler } = await import('../../functions/src/jobs/outbox');
    expect(await handler(redelivery)).toEqual({ batchItemFailures: [] });
    expect(await messagesFor(paymentId)).toHaveLength(1);
  });
});

/** Pays on the sandbox double with its QR shortcut; returns once the double has taken the money. */
async function payOnDouble(paymentId: string): Promise<void> {
  const { paymentUrl } = (await (await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payable: { kind: 'bill', id: (await billIdOf(paymentId)) } }), as: 'cashier-cho-ray' })).json()) as { paymentUrl: string };
  const url = new URL(paymentUrl);
  const page = await (await portal.request(url.pathname + url.search)).text();
  const session = /name="session" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const paid = await portal.request('/sandbox/vnpay/paymentv2/qr', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `session=${encodeURIComponent(session)}` });
  expect(paid.status).toBe(302);
}
const billIdOf = async (paymentId: string) => String(((await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.payment(paymentId) }))).Item?.payable as { id: string }).id);
const statusOf = async (paymentId: string) => ((await (await portal.request(`/api/payments/${paymentId}`)).json()) as { status: string }).status;

describe('the payments sweep', () => {
  it('leaves attempts alone before they expire', async () => {
    await openPaymentForNewBill();
    const report = (await portal.server.jobs!.runNow('paymentsSweep', {})) as { examined: number };
    expect(report.examined).toBe(0);
  });

  it('settles 50 of 50 paid attempts whose IPNs were dropped, in one run after they expire', async () => {
    await portal.request('/sandbox/vnpay/control', { method: 'POST', headers: json, body: JSON.stringify({ dropIpns: true }) });
    try {
      const payments: string[] = [];
      for (let i = 0; i < 50; i++) {
        const { paymentId } = await openPaymentForNewBill(10_000 + i);
        await payOnDouble(paymentId);
        payments.push(paymentId);
      }
      expect(new Set(await Promise.all(payments.map(statusOf)))).toEqual(new Set(['pending']));
      const asOf = new Date(Date.now() + 16 * 60_000).toISOString();
      const report = (await portal.server.jobs!.runNow('paymentsSweep', { asOf })) as { paid: number; unresolved: number };
      expect(report.paid).toBe(50);
      expect(report.unresolved).toBe(0);
      expect(new Set(await Promise.all(payments.map(statusOf)))).toEqual(new Set(['paid']));
      // A second run finds nothing left to do.
      expect(((await portal.server.jobs!.runNow('paymentsSweep', { asOf })) as { examined: number }).examined).toBe(0);
    } finally {
      await portal.request('/sandbox/vnpay/control', { method: 'POST', headers: json, body: JSON.stringify({ dropIpns: false }) });
    }
  }, 120_000);
});
