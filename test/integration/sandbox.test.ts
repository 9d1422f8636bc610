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

describe('the old demo sign-in address', () => {
  it('sends the browser to the site sign-in page, which starts the code + PKCE flow (ADR 0021), keeping where to return', async () => {
    const response = await portal.request('/sandbox/login?return=/thu-tuc/', { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([302, `/dang-nhap/?return=${encodeURIComponent('/thu-tuc/')}`]);
  });

  it('will not pass on a return address on another site', async () => {
    for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await portal.request(`/sandbox/login?return=${encodeURIComponent(target)}`, { redirect: 'manual' });
      expect(response.headers.get('location'), target).toBe(`/dang-nhap/?return=${encodeURIComponent('/tai-khoan/')}`);
    }
  });

  it('no longer accepts a posted account: tokens only come from the OIDC flow or /sandbox/token', async () => {
    const response = await portal.request('/sandbox/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=citizen-an' });
    expect(response.status).toBe(404);
    expect(response.headers.get('location')).toBeNull();
  });
});
