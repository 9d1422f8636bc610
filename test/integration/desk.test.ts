/** The cashier desk and the finance office: a hospital sees only its own, every read is audited. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { vietnamDate } from '../../shared/src/vietnamese';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { resultFields, signedResultQuery } from '../helpers/vnpay';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
const today = vietnamDate(new Date());

describe('GET /api/hospitals/{hospitalId}/bills', () => {
  it("lists today's bills of the cashier's hospital, newest first, with names for the desk", async () => {
    const response = await portal.request('/api/hospitals/hosp-cho-ray/bills', { as: 'cashier-cho-ray' });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { billCode: string; patientName: string; payLinkToken: string }[] };
    expect(items.map((b) => b.billCode)).toEqual(expect.arrayContaining(['HD-2026-000123', 'HD-2026-000124']));
    expect(items.find((b) => b.billCode === 'HD-2026-000123')?.patientName).toBe('Nguyễn Thị Hoa');
    expect(items.every((b) => /^[0-9A-Z]{26}\./.test(b.payLinkToken))).toBe(true);
  });

  it('finds a bill by bill code or by patient code', async () => {
    const byBill = (await (await portal.request('/api/hospitals/hosp-cho-ray/bills?q=HD-2026-000124', { as: 'cashier2-cho-ray' })).json()) as { items: { patientCode: string }[] };
    expect(byBill.items.map((b) => b.patientCode)).toEqual(['BN-0067890']);
    const byPatient = (await (await portal.request('/api/hospitals/hosp-cho-ray/bills?q=BN-0012345', { as: 'cashier-cho-ray' })).json()) as { items: { billCode: string }[] };
    expect(byPatient.items.map((b) => b.billCode)).toEqual(['HD-2026-000123']);
  });

  it("refuses another hospital's cashier and staff without the cashier duty, and audits each read", async () => {
    expect((await portal.request('/api/hospitals/hosp-cho-ray/bills', { as: 'cashier-nhi-dong-1' })).status).toBe(403);
    expect((await portal.request('/api/hospitals/hosp-cho-ray/bills', { as: 'scheduler-cho-ray' })).status).toBe(403);
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('hospital', 'hosp-cho-ray').pk } }));
    const actions = (audit.Items ?? []).map((a) => `${a.actorId}:${a.action}`);
    expect(actions).toContain('cashier-cho-ray:desk.bills.list');
    expect(actions).toContain('cashier2-cho-ray:desk.bills.search');
    expect(actions.some((a) => a.startsWith('cashier-nhi-dong-1'))).toBe(false);
  });
});

describe('payments of the day and the reconciliation report', () => {
  it('lists the day and downloads a CSV with Vietnamese headers and GMT+7 times', async () => {
    const lookup = (await (await portal.request('/api/bills/lookup', { method: 'POST', headers: json, body: JSON.stringify({ hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', phoneLast4: '5678' }) })).json()) as { payLinkToken: string };
    const { paymentId } = (await (await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken: lookup.payLinkToken }) })).json()) as { paymentId: string };
    await portal.request(`/api/payments/vnpay/ipn?${signedResultQuery(resultFields({ txnRef: paymentId, amountVnd: 398_000 }))}`);

    const list = (await (await portal.request('/api/hospitals/hosp-cho-ray/payments?status=paid', { as: 'cashier-cho-ray' })).json()) as { items: { paymentId: string; reference: string; bankCode: string }[] };
    expect(list.items).toEqual([expect.objectContaining({ paymentId, reference: 'HD-2026-000123', bankCode: 'NCB' })]);

    const csv = await portal.request(`/api/hospitals/hosp-cho-ray/reconciliation?day=${today}`, { as: 'cashier-cho-ray' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = text.slice(1).split('\r\n');
    expect(header).toContain('"Thanh toán lúc (GMT+7)"');
    expect(line).toContain(`"${paymentId}","HD-2026-000123","398000","paid"`);
    expect(line).toMatch(/"\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}"/);
    expect((await portal.request(`/api/hospitals/hosp-nhi-dong-1/reconciliation?day=${today}`, { as: 'cashier-cho-ray' })).status).toBe(403);
    expect((await portal.request('/api/hospitals/hosp-cho-ray/reconciliation', { as: 'cashier-cho-ray' })).status).toBe(400);
  });
});
