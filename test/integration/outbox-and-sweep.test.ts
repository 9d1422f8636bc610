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
import { openPayment, payByIpn, payOnDouble, paymentStatus, pushBill } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };

async function openPaymentForNewBill(amount = 150_000): Promise<{ billId: string; paymentId: string; paymentUrl: string }> {
  const { billId, payLinkToken } = await pushBill(portal, { amount, patientPhone: '0977000111' });
  return { billId, ...(await openPayment(portal, payLinkToken)) };
}

const messagesFor = async (paymentId: string) =>
  ((await portal.db.send(new QueryCommand({ TableName: portal.tableName, IndexName: 'byWorkQueue', KeyConditionExpression: 'queuePk = :q', ExpressionAttributeValues: { ':q': keys.messagesQueue(vietnamDate(new Date())).queuePk } }))).Items ?? [])
    .filter((m) => String(m.messageId).includes(paymentId));

describe('the outbox consumer on the stream', () => {
  it('turns a payment into one SMS to the patient, once, without re-sending on redelivery', async () => {
    const { paymentId } = await openPaymentForNewBill(150_000);
    expect(await payByIpn(portal, paymentId, 150_000)).toBe('00');
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

const statusOf = (paymentId: string) => paymentStatus(portal, paymentId);

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
        const { paymentId, paymentUrl } = await openPaymentForNewBill(10_000 + i);
        await payOnDouble(portal, paymentUrl);
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
