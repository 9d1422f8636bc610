/**
 * E-receipts end to end on the local stack: a bill paid through an IPN becomes, through the
 * stream and the receipts job, one numbered PDF that the payer downloads by payment id and that
 * anyone can verify by number without seeing personal data; a redelivered outbox event changes
 * nothing.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_NUMBER } from '../../shared/src/receipts/receipt';
import { keys } from '../../shared/src/table';
import { parsePdf } from '../helpers/pdf';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ jobs: true });
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
let sequence = 0;
const PATIENT = { patientName: 'Trần Thị Bích Ngọc', patientPhone: '0912345678', patientDob: '1987-03-21' };

async function paidBill(): Promise<{ paymentId: string; billCode: string }> {
  const billCode = `HD-R-${++sequence}-${Date.now()}`;
  const pushed = await portal.request('/api/his/bills', {
    as: 'cashier-cho-ray', method: 'POST', headers: json,
    body: JSON.stringify({
      hospitalId: 'hosp-cho-ray', billCode, patientCode: 'BN-R-1', ...PATIENT,
      items: [
        { code: 'KB', name: 'Khám bệnh chuyên khoa Nội', quantity: 1, unitPrice: 150_000, insuranceCovered: 0 },
        { code: 'XN', name: 'Xét nghiệm công thức máu', quantity: 2, unitPrice: 90_000, insuranceCovered: 72_000 },
        { code: 'SA', name: 'Siêu âm ổ bụng', quantity: 1, unitPrice: 140_000, insuranceCovered: 0 },
      ],
      amountDue: 398_000,
    }),
  });
  expect(pushed.status).toBe(201);
  const { payLinkToken } = (await pushed.json()) as { payLinkToken: string };
  const opened = await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) });
  const { paymentId } = (await opened.json()) as { paymentId: string };
  const ipn = await portal.request(`/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 398_000 }))}`);
  expect(await ipn.json()).toMatchObject({ RspCode: '00' });
  return { paymentId, billCode };
}

const guardOf = async (paymentId: string) => (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.receiptOfPayment(paymentId) }))).Item;

describe('the e-receipt of a paid bill', () => {
  let paymentId: string;
  let billCode: string;
  let number: string;

  it('is not there before the job has run: 404, so the result page retries', async () => {
    const response = await portal.request('/api/payments/01JDEMQ0000000000000000000/receipt');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is issued once from the outbox and downloads as a PDF by payment id', async () => {
    ({ paymentId, billCode } = await paidBill());
    await portal.server.jobs!.drain();
    const response = await portal.request(`/api/payments/${paymentId}/receipt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = parsePdf(bytes);
    expect(doc.pageCount).toBe(1);
    number = String((await guardOf(paymentId))?.number);
    expect(number).toMatch(RECEIPT_NUMBER);
    expect(number.startsWith(`HD-${new Date(Date.now() + 7 * 3600_000).getUTCFullYear()}-`)).toBe(true);
    expect(doc.info.Title).toContain(number);
    expect(doc.text).toContain(`Số: ${number}`);
    expect(response.headers.get('content-disposition')).toContain(`bien-lai-${number}.pdf`);
  });

  it('keeps its number when the outbox event is delivered again, and numbers the next payment after it', async () => {
    const outbox = (await portal.db.send(new GetCommand({ TableName: portal.tableName, Key: keys.outbox(`payment.paid#${paymentId}`) }))).Item!;
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const redelivery: DynamoDBStreamEvent = { Records: [{ eventName: 'INSERT', dynamodb: { NewImage: marshall(outbox) as never, SequenceNumber: '1' } }] };
    const { handler } = await import('../../functions/src/jobs/receipts');
    expect(await handler(redelivery)).toEqual({ batchItemFailures: [] });
    // Even a guard left half-done (number allocated, crash before the receipt was recorded) keeps its number.
    await portal.db.send(new UpdateCommand({ TableName: portal.tableName, Key: keys.receiptOfPayment(paymentId), UpdateExpression: 'SET #s = :a', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':a': 'allocated' } }));
    expect(await handler(redelivery)).toEqual({ batchItemFailures: [] });
    expect(await guardOf(paymentId)).toMatchObject({ number, status: 'issued' });

    const next = await paidBill();
    await portal.server.jobs!.drain();
    const nextNumber = String((await guardOf(next.paymentId))?.number);
    expect(Number(nextNumber.split('-')[2])).toBe(Number(number.split('-')[2]) + 1);
  });

  it('verifies publicly by number, without the payer’s name, phone or date of birth', async () => {
    const response = await portal.request(`/api/receipts/${number}`);
    expect(response.status).toBe(200);
    const view = (await response.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ number, kind: 'hoa_don', issuerName: 'Bệnh viện Chợ Rẫy', amountVnd: 398_000, billCode, status: 'valid', paymentMethod: { provider: 'VNPay' } });
    expect(Date.parse(String(view.paidAt))).not.toBeNaN();
    // The bill code is public and made of a timestamp here: leave it out, or its digits could contain '5678'.
    const text = JSON.stringify({ ...view, billCode: undefined });
    for (const personal of [PATIENT.patientName, 'Ngọc', PATIENT.patientPhone, '5678', PATIENT.patientDob, 'BN-R-1', paymentId]) expect(text).not.toContain(personal);
  });

  it('says when the payment was refunded', async () => {
    await portal.db.send(new UpdateCommand({ TableName: portal.tableName, Key: keys.payment(paymentId), UpdateExpression: 'SET #s = :r', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':r': 'partially_refunded' } }));
    expect(await (await portal.request(`/api/receipts/${number}`)).json()).toMatchObject({ status: 'partially_refunded' });
  });

  it('answers 404 for an unknown number and 400 for something that is not a receipt number', async () => {
    expect((await portal.request('/api/receipts/HD-1999-000001')).status).toBe(404);
    expect((await portal.request('/api/receipts/not-a-number')).status).toBe(400);
  });
});
