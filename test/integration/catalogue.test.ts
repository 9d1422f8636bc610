/** The first vertical slice end to end: HTTP → route table → handler → service → DynamoDB Local. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/src/local/seed';
import { catalogue } from '../../shared/src/procedures/catalogue';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const listCodes = async (query = '') => {
  const response = await portal.request(`/api/procedures${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { code: string }[] }).items.map((p) => p.code);
};

describe('GET /api/procedures', () => {
  it('lists every seeded procedure from the table', async () => {
    expect((await listCodes()).sort()).toEqual(catalogue.map((p) => p.code).sort());
  });

  it('finds procedures typed without diacritics', async () => {
    const codes = await listCodes('?q=giay%20phep%20hanh%20nghe');
    expect(codes).toContain('cap-moi-giay-phep-hanh-nghe');
    expect(codes).not.toContain('cap-chung-chi-hanh-nghe-duoc');
    expect(await listCodes(`?q=${encodeURIComponent('DƯỢC')}`)).toEqual(expect.arrayContaining(['cap-chung-chi-hanh-nghe-duoc']));
  });

  it('filters by field and applicant type', async () => {
    const devices = await listCodes('?field=medical_devices');
    expect(devices.sort()).toEqual(['cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te', 'cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te']);
    const individual = await listCodes('?applicantType=individual');
    expect(individual.length).toBe(catalogue.filter((p) => p.applicantType === 'individual').length);
  });

  it('rejects an unknown filter value with a per-field problem in Vietnamese', async () => {
    const response = await portal.request('/api/procedures?field=food');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors[0]?.field).toBe('query.field');
    expect(problem.errors[0]?.message).toMatch(/[ạảãáàâăđêôơư]/i);
  });
});

describe('GET /api/procedures/{code}', () => {
  it('returns one procedure with its fee in whole VND, its documents and its form', async () => {
    const response = await portal.request('/api/procedures/cap-chung-chi-hanh-nghe-duoc');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { documents: { id: string; mandatory: boolean }[]; form: { steps: unknown[] } };
    expect(body).toMatchObject({ code: 'cap-chung-chi-hanh-nghe-duoc', fee: { amountVnd: 500_000, due: 'submission' }, unitId: 'unit-nghiep-vu-duoc', version: 1 });
    expect(body.documents.filter((d) => d.mandatory).length).toBeGreaterThan(3);
    expect(body.form.steps.length).toBeGreaterThanOrEqual(2);
  });

  it('lists summaries: no form or documents in the list', async () => {
    const response = await portal.request('/api/procedures?q=duoc');
    const items = ((await response.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).not.toHaveProperty('form');
      expect(item).not.toHaveProperty('documents');
      expect(item).toHaveProperty('fee');
    }
  });

  it('answers 404 problem+json for a code that does not exist, in English when asked', async () => {
    const response = await portal.request('/api/procedures/khong-ton-tai', { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found', title: 'The requested resource was not found', status: 404 });
  });
});

describe('the demo seed', () => {
  it('is idempotent and keeps changes made since the last start', async () => {
    const admin = { as: 'admin-quang', headers: { 'content-type': 'application/json' } };
    const changed = await portal.request('/api/procedures/cap-lai-dieu-chinh-giay-chung-nhan-kinh-doanh-duoc', { ...admin, method: 'PATCH', body: JSON.stringify({ available: false }) });
    expect(changed.status).toBe(200);
    expect(await seedDemoData(portal.db, portal.tableName)).toEqual({ written: 0 });
    const after = await portal.request('/api/procedures/cap-lai-dieu-chinh-giay-chung-nhan-kinh-doanh-duoc');
    expect(await after.json()).toMatchObject({ available: false, version: 2 });
  });
});
