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

interface KeyView { keyId: string; hospitalId: string; label: string; createdAt: string; createdBy: string; lastFour: string; status: string; revokedAt?: string; revokedBy?: string }
const issue = async (hospitalId: string, label?: string) => {
  const response = await portal.request(`/api/hospitals/${hospitalId}/his-keys`, { as: 'admin-quang', method: 'POST', ...(label ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label }) } : {}) });
  expect(response.status).toBe(201);
  return (await response.json()) as KeyView & { apiKey: string };
};
const list = async (hospitalId: string, as = 'admin-quang') => portal.request(`/api/hospitals/${hospitalId}/his-keys`, { as });
const revoke = (hospitalId: string, keyId: string, as = 'admin-quang') => portal.request(`/api/hospitals/${hospitalId}/his-keys/${keyId}/revoke`, { as, method: 'POST' });

describe('HIS keys listed and revoked by an administrator', () => {
  it('lists a hospital’s keys newest first with label, issuer, time, last 4 characters and status — never a key or its hash', async () => {
    const first = await issue('hosp-cho-ray', 'HIS FPT – máy chủ chính');
    const second = await issue('hosp-cho-ray');
    const response = await list('hosp-cho-ray');
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as { hospitalId: string; keys: KeyView[] };
    expect(body.hospitalId).toBe('hosp-cho-ray');
    expect(body.keys.map((k) => k.keyId).slice(0, 2)).toEqual([second.keyId, first.keyId]);
    expect(body.keys[1]).toEqual({ keyId: first.keyId, hospitalId: 'hosp-cho-ray', label: 'HIS FPT – máy chủ chính', createdAt: first.createdAt, createdBy: 'admin-quang', lastFour: first.apiKey.slice(-4), status: 'active' });
    expect(body.keys.map((k) => k.keyId)).toContain('demo-hosp-cho-ray');
    for (const key of [first.apiKey, second.apiKey, first.apiKey.slice(4, -4)]) expect(text).not.toContain(key);
    expect(text).not.toMatch(/keyHash|[0-9a-f]{64}/);
    // Only that hospital's keys.
    const other = (await (await list('hosp-nhi-dong-1')).json()) as { keys: KeyView[] };
    expect(other.keys.every((k) => k.hospitalId === 'hosp-nhi-dong-1')).toBe(true);
  });

  it('refuses anyone but an administrator (403), an unknown hospital (404), and another hospital’s key under this one (404, nothing changes)', async () => {
    const key = await issue('hosp-cho-ray');
    for (const as of ['cashier-cho-ray', 'officer-lan', 'citizen-an']) {
      expect((await list('hosp-cho-ray', as)).status, as).toBe(403);
      expect((await revoke('hosp-cho-ray', key.keyId, as)).status, as).toBe(403);
    }
    expect((await portal.request('/api/hospitals/hosp-cho-ray/his-keys')).status).toBe(401);
    expect((await list('hosp-khong-co')).status).toBe(404);
    expect((await revoke('hosp-nhi-dong-1', key.keyId)).status).toBe(404);
    expect((await revoke('hosp-cho-ray', '01JDEMK0000000000000000000')).status).toBe(404);
    expect((await push(key.apiKey, bill('hosp-cho-ray', `HD-K-${key.keyId}`))).status).toBe(201);
  });

  it('refuses a revoked key on the very next request, audited once; revoking again changes nothing', async () => {
    const key = await issue('hosp-nhi-dong-1', 'HIS bị lộ');
    expect((await push(key.apiKey, bill('hosp-nhi-dong-1', 'ND-R-1'))).status).toBe(201);
    const revoked = await revoke('hosp-nhi-dong-1', key.keyId);
    expect(revoked.status).toBe(200);
    const view = (await revoked.json()) as KeyView;
    expect(view).toMatchObject({ keyId: key.keyId, status: 'revoked', revokedBy: 'admin-quang', lastFour: key.apiKey.slice(-4) });
    // The very next call with it: no cache, no stale replica.
    const refused = await push(key.apiKey, bill('hosp-nhi-dong-1', 'ND-R-2'));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('unauthenticated');

    const again = await revoke('hosp-nhi-dong-1', key.keyId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as KeyView).revokedAt).toBe(view.revokedAt);
    const listed = ((await (await list('hosp-nhi-dong-1')).json()) as { keys: KeyView[] }).keys.find((k) => k.keyId === key.keyId);
    expect(listed).toMatchObject({ status: 'revoked', revokedAt: view.revokedAt });

    const { items } = (await (await portal.request('/api/audit/hospital/hosp-nhi-dong-1', { as: 'admin-quang' })).json()) as { items: { action: string; details?: { keyId?: string } }[] };
    expect(items.filter((e) => e.details?.keyId === key.keyId).map((e) => e.action).sort()).toEqual(['hisKey.create', 'hisKey.revoke']);
    // Other keys of the hospital still work.
    expect((await push(demoHisKey('hosp-nhi-dong-1'), bill('hosp-nhi-dong-1', 'ND-R-3'))).status).toBe(201);
  });
});
