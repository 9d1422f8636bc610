/** The local identity provider: demo accounts, tokens, and a login page that cannot be abused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/src/roles';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

interface ListedUser {
  id: string;
  role: string;
  organisationId?: string;
  unitId?: string;
  hospitalId?: string;
  duties: string[];
}

describe('GET /sandbox/users', () => {
  it('lists at least two demo accounts per role, with their bindings', async () => {
    const { users } = (await (await portal.request('/sandbox/users')).json()) as { users: ListedUser[] };
    for (const role of ROLES) expect(users.filter((u) => u.role === role).length, role).toBeGreaterThanOrEqual(2);
    for (const u of users.filter((u) => u.role === 'clinic_owner')) expect(u.organisationId).toBeTruthy();
    for (const u of users.filter((u) => u.role === 'officer')) expect(u.unitId).toBeTruthy();
    for (const u of users.filter((u) => u.role === 'hospital_staff')) {
      expect(u.hospitalId).toBeTruthy();
      expect(u.duties.length).toBeGreaterThan(0);
    }
    const cashierHospitals = new Set(users.filter((u) => u.duties.includes('cashier')).map((u) => u.hospitalId));
    expect(cashierHospitals.size).toBeGreaterThanOrEqual(2);
  });
});

describe('POST /sandbox/token', () => {
  it('issues a token for a demo account and 404 for an unknown one', async () => {
    const ok = await portal.request('/sandbox/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"officer-lan"}' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { access_token: string }).access_token.split('.')).toHaveLength(3);
    const unknown = await portal.request('/sandbox/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"nobody"}' });
    expect(unknown.status).toBe(404);
  });
});

describe('the login page', () => {
  it('is in Vietnamese and lists the demo accounts', async () => {
    const page = await (await portal.request('/sandbox/login?return=/thu-tuc/')).text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Đăng nhập');
    expect(page).toContain('Nguyễn Văn An');
    expect(page).toContain('value="/thu-tuc/"');
  });

  it('hands the token back in the URL fragment, never in the query', async () => {
    const response = await portal.request('/sandbox/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=citizen-an&return=%2Fthu-tuc%2F' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/dang-nhap\/xong\/#id_token=[\w-]+\.[\w-]+\.[\w-]+&return=%2Fthu-tuc%2F$/);
  });

  it('will not redirect to another site', async () => {
    for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await portal.request('/sandbox/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `user=citizen-an&return=${encodeURIComponent(target)}` });
      expect(response.headers.get('location'), target).toMatch(/return=%2Ftai-khoan%2F$/);
    }
  });
});
