/** Bills from the hospital's information system, a patient's lookup, and the pay link. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/src/table';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
const bill = (overrides: Record<string, unknown> = {}) => ({
  hospitalId: 'hosp-cho-ray',
  billCode: 'HD-T-0001',
  patientCode: 'BN-T-0001',
  patientName: 'Phạm Thị Thu',
  patientPhone: '0933456789',
  patientDob: '1979-02-03',
  items: [
    { code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 150_000, insuranceCovered: 100_000 },
    { code: 'TH', name: 'Thuốc', quantity: 3, unitPrice: 20_000, insuranceCovered: 0 },
  ],
  amountDue: 110_000,
  ...overrides,
});
const push = (body: unknown, as = 'cashier-cho-ray') => portal.request('/api/his/bills', { as, method: 'POST', headers: json, body: JSON.stringify(body) });
const lookup = (body: unknown) => portal.request('/api/bills/lookup', { method: 'POST', headers: json, body: JSON.stringify(body) });

describe('POST /api/his/bills', () => {
  it('creates a bill (201) and answers a repeat with the same ids (200), changing nothing', async () => {
    const first = await push(bill());
    expect(first.status).toBe(201);
    const created = (await first.json()) as { billId: string; payLinkToken: string };
    expect(created.billId).toMatch(/^[0-9A-Z]{26}$/);
    const again = await push(bill({ patientName: 'Someone Else', amountDue: 110_000 }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    const view = await (await portal.request(`/api/bills/pay-link/${created.payLinkToken}`)).json();
    expect(view).toMatchObject({ billId: created.billId, patientInitials: 'P. T. T.', amountDue: 110_000, status: 'unpaid' });
  });

  it('makes one bill of ten simultaneous pushes of the same code', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => push(bill({ billCode: 'HD-T-RACE' }))));
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { billId: string }).billId)));
    expect(ids.size).toBe(1);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const [billId] = [...ids];
    const audit = await portal.db.send(new QueryCommand({ TableName: portal.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditTarget('bill', billId!).pk } }));
    expect(audit.Items).toHaveLength(1);
  });

  it('rejects a bill that does not add up, naming the field and the right total', async () => {
    const response = await push(bill({ billCode: 'HD-T-BAD', amountDue: 120_000 }));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([{ field: 'body.amountDue', code: 'amount_mismatch', message: 'Tổng các dòng là 110000' }]);
    const covered = await push(bill({ billCode: 'HD-T-BAD2', items: [{ code: 'X', name: 'X', quantity: 1, unitPrice: 10, insuranceCovered: 20 }], amountDue: -10 }));
    expect(covered.status).toBe(400);
  });

  it("refuses another hospital's staff (403) and writes nothing", async () => {
    const response = await push(bill({ billCode: 'HD-T-OTHER' }), 'cashier-nhi-dong-1');
    expect(response.status).toBe(403);
    expect((await lookup({ hospitalId: 'hosp-cho-ray', patientCode: 'BN-T-0001', billCode: 'HD-T-OTHER', phoneLast4: '6789' })).status).toBe(404);
  });

  it('rejects invalid fields with per-field errors', async () => {
    const response = await push(bill({ billCode: 'HD T 0002', patientPhone: '12345', patientDob: '1979-13-40', items: [] }));
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['body.billCode', 'body.items', 'body.patientDob', 'body.patientPhone']);
  });
});

describe('POST /api/bills/lookup', () => {
  const codes = { hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123' };

  it('finds a seeded bill with the last 4 digits of the phone or the date of birth, showing no personal data', async () => {
    for (const factor of [{ phoneLast4: '5678' }, { dateOfBirth: '1985-04-12' }]) {
      const response = await lookup({ ...codes, ...factor });
      expect(response.status).toBe(200);
      const view = (await response.json()) as Record<string, unknown>;
      expect(view).toMatchObject({ hospitalName: 'Bệnh viện Chợ Rẫy', billCode: 'HD-2026-000123', amountDue: 398_000, patientInitials: 'N. T. H.' });
      expect(JSON.stringify(view)).not.toMatch(/0912345678|1985-04-12|Nguyễn Thị Hoa/);
    }
  });

  it('answers the same 404 for a wrong code and a wrong second factor', async () => {
    const wrongCode = await lookup({ ...codes, billCode: 'HD-2026-999999', phoneLast4: '5678' });
    const wrongFactor = await lookup({ ...codes, phoneLast4: '0000' });
    expect(wrongCode.status).toBe(404);
    expect(wrongFactor.status).toBe(404);
    expect(((await wrongCode.json()) as { code: string }).code).toBe(((await wrongFactor.json()) as { code: string }).code);
  });

  it('asks for exactly one second factor', async () => {
    expect((await lookup(codes)).status).toBe(400);
    expect((await lookup({ ...codes, phoneLast4: '5678', dateOfBirth: '1985-04-12' })).status).toBe(400);
  });

  it('locks the lookup of a bill for 15 minutes after five wrong second factors, even for the right one', async () => {
    const target = { hospitalId: 'hosp-cho-ray', patientCode: 'BN-0067890', billCode: 'HD-2026-000124' };
    for (let i = 0; i < 5; i++) expect((await lookup({ ...target, phoneLast4: `000${i}` })).status).toBe(404);
    const locked = await lookup({ ...target, phoneLast4: '4321' });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: 'lookup_locked' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });
});

describe('GET /api/bills/pay-link/{token}', () => {
  it('answers 404 for a forged or altered token', async () => {
    const { payLinkToken } = (await (await lookup({ hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', phoneLast4: '5678' })).json()) as { payLinkToken: string };
    const [billId, signature = ''] = payLinkToken.split('.');
    const altered = `${billId}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [altered, `${billId}`, 'x'.repeat(80)]) expect((await portal.request(`/api/bills/pay-link/${token}`)).status, token).toBe(404);
    expect((await portal.request(`/api/bills/pay-link/${payLinkToken}`)).status).toBe(200);
  });
});
