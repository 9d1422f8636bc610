/** A hospital's information system pushes bills with its API key; administrators issue the keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHisKey } from '../../functions/src/local/demo-bills';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const bill = (hospitalId: string, billCode: string) => JSON.stringify({
  hospitalId, billCode, patientCode: 'BN-K-1', patientName: 'Tạ Văn Khóa', patientPhone: '0900111222', patientDob: '1975-05-05',
  items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000,
});
const push = (apiKey: string, body: string) => portal.request('/api/his/bills', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });

describe('the HIS API key', () => {
  it("lets a hospital's system push its own bills, and only its own", async () => {
    expect((await push(demoHisKey('hosp-cho-ray'), bill('hosp-cho-ray', 'HD-K-1'))).status).toBe(201);
    expect((await push(demoHisKey('hosp-nhi-dong-1'), bill('hosp-cho-ray', 'HD-K-2'))).status).toBe(403);
  });

  it('refuses an unknown or malformed key (401) and is not accepted on other routes', async () => {
    expect((await push(`his_hosp-cho-ray_${'x'.repeat(43)}`, bill('hosp-cho-ray', 'HD-K-3'))).status).toBe(401);
    expect((await push('nonsense', bill('hosp-cho-ray', 'HD-K-3'))).status).toBe(401);
    const desk = await portal.request('/api/hospitals/hosp-cho-ray/bills', { headers: { 'x-api-key': demoHisKey('hosp-cho-ray') } });
    expect(desk.status).toBe(401);
  });

  it('is issued by an administrator, shown once, and works at once', async () => {
    expect((await portal.request('/api/hospitals/hosp-cho-ray/his-keys', { as: 'cashier-cho-ray', method: 'POST' })).status).toBe(403);
    const issued = await portal.request('/api/hospitals/hosp-nhi-dong-1/his-keys', { as: 'admin-quang', method: 'POST' });
    expect(issued.status).toBe(201);
    const { apiKey } = (await issued.json()) as { apiKey: string };
    expect(apiKey).toMatch(/^his_hosp-nhi-dong-1_[\w-]{43}$/);
    expect((await push(apiKey, bill('hosp-nhi-dong-1', 'ND-K-1'))).status).toBe(201);
    expect((await portal.request('/api/hospitals/hosp-khong-co/his-keys', { as: 'admin-quang', method: 'POST' })).status).toBe(404);
  });
});
