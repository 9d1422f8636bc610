/**
 * Issue 12 (1): the portal's sign-in relay against the real local portal and its two local IdPs.
 * The page gets an ID token and never the refresh token (HttpOnly cookie on /api/auth); the ID
 * token is checked on the API's one verification path plus the nonce; refresh and sign-out need
 * the session header; a national (VNeID) sign-in makes a citizen whose identity prefills forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { authorizationCode, cookieHeader, signInThroughRelay } from '../helpers/sign-in';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

const post = (path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${portal.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...init.headers }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
const session = { 'x-portal-session': '1' };
const me = (token: string) => fetch(`${portal.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

describe('GET /api/auth/config', () => {
  it('lists each trusted issuer with the authorization endpoint of its discovery document', async () => {
    const response = await fetch(`${portal.url}/api/auth/config`);
    expect(response.status).toBe(200);
    const { issuers } = (await response.json()) as { issuers: { id: string; kind: string; for: string; authorizationEndpoint: string }[] };
    expect(issuers.map((i) => [i.id, i.kind, i.for, i.authorizationEndpoint])).toEqual([
      ['portal', 'portal', 'everyone', `${portal.url}/sandbox/idp/authorize`],
      ['vneid', 'national', 'citizens', `${portal.url}/sandbox/vneid/authorize`],
    ]);
  });
});

describe('POST /api/auth/token', () => {
  it('answers the ID token only; the refresh token goes into an HttpOnly, SameSite=Strict cookie on /api/auth', async () => {
    const { response, idToken } = await signInThroughRelay(portal.url, { account: 'cashier-cho-ray' });
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'idToken', 'issuer']);
    expect(JSON.stringify(body)).not.toMatch(/refresh/i);
    const [refresh, flag] = response.headers.getSetCookie();
    expect(refresh).toMatch(/^portal_refresh=portal\.[\w-]{43}; Path=\/api\/auth; HttpOnly; SameSite=Strict$/);
    expect(flag).toBe('portal_signed_in=portal; Path=/; SameSite=Strict');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await (await me(idToken)).json()) as { role: string; hospitalId: string })).toMatchObject({ role: 'hospital_staff', hospitalId: 'hosp-cho-ray' });
  });

  it('refuses a code whose nonce differs, a replayed code, a redirect URI outside the portal and an unknown issuer: 400 sign_in_failed', async () => {
    const issued = await authorizationCode(portal.url, { account: 'citizen-an' });
    const exchange = (overrides: Record<string, string>) => post('/api/auth/token', { body: { issuer: 'portal', code: issued.code, codeVerifier: issued.verifier, redirectUri: issued.redirectUri, nonce: issued.nonce, ...overrides } });
    const wrongNonce = await exchange({ nonce: 'x'.repeat(22) });
    expect(wrongNonce.status).toBe(400);
    expect(((await wrongNonce.json()) as { code: string }).code).toBe('sign_in_failed');
    expect(wrongNonce.headers.getSetCookie()).toEqual([]);
    // The code was spent by the attempt above: the right nonce now is a replay.
    expect((await exchange({})).status).toBe(400);

    const fresh = await authorizationCode(portal.url, { account: 'citizen-an' });
    const elsewhere = await post('/api/auth/token', { body: { issuer: 'portal', code: fresh.code, codeVerifier: fresh.verifier, redirectUri: 'https://evil.example/dang-nhap/xong/', nonce: fresh.nonce } });
    expect(((await elsewhere.json()) as { code: string }).code).toBe('sign_in_failed');
    const unknown = await post('/api/auth/token', { body: { issuer: 'nobody', code: fresh.code, codeVerifier: fresh.verifier, redirectUri: fresh.redirectUri, nonce: fresh.nonce } });
    expect(((await unknown.json()) as { code: string }).code).toBe('sign_in_failed');
  });

  it('refuses a malformed exchange with field errors, in English when asked', async () => {
    const response = await post('/api/auth/token', { body: { issuer: 'portal', code: '', codeVerifier: 'short', redirectUri: 'not a url', nonce: 'n' }, headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['body.code', 'body.codeVerifier', 'body.nonce', 'body.redirectUri']);
  });

  it('a VNeID sign-in makes a citizen in its own id namespace with the CCCD number, name and birth date from the token', async () => {
    const { idToken } = await signInThroughRelay(portal.url, { issuer: 'vneid', account: 'vneid-7c1f0a52' });
    expect(await (await me(idToken)).json()).toEqual({
      userId: 'vneid:vneid-7c1f0a52',
      role: 'citizen',
      name: 'Lê Thị Cúc',
      duties: [],
      identity: { nationalId: '079185004321', fullName: 'Lê Thị Cúc', birthDate: '1985-03-21' },
    });
  });
});

describe('POST /api/auth/refresh and /api/auth/logout', () => {
  it('refresh needs the session header (403) and the cookie (401); with both, a new ID token and a rotated cookie', async () => {
    const { cookie, idToken } = await signInThroughRelay(portal.url, { account: 'officer-lan' });
    expect((await post('/api/auth/refresh', { headers: { cookie } })).status).toBe(403);
    expect((await post('/api/auth/refresh', { headers: session })).status).toBe(401);
    const refreshed = await post('/api/auth/refresh', { headers: { cookie, ...session } });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { idToken: string };
    expect(body.idToken).not.toBe(idToken);
    expect((await me(body.idToken)).status).toBe(200);
    const rotated = cookieHeader(refreshed);
    expect(rotated).not.toBe(cookie);
    // The old cookie's refresh token was rotated out: presenting it again ends the session, cookies cleared.
    const stale = await post('/api/auth/refresh', { headers: { cookie, ...session } });
    expect(stale.status).toBe(401);
    expect(stale.headers.getSetCookie().every((line) => line.includes('Max-Age=0'))).toBe(true);
  });

  it('sign-out revokes the refresh token at the issuer, clears both cookies and says where the issuer session ends', async () => {
    const { cookie } = await signInThroughRelay(portal.url, { account: 'citizen-binh' });
    expect((await post('/api/auth/logout', { headers: { cookie } })).status).toBe(403);
    const out = await post('/api/auth/logout', { headers: { cookie, ...session }, body: { lang: 'en' } });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ endSessionUrl: `${portal.url}/sandbox/idp/logout?client_id=portal-local&post_logout_redirect_uri=${encodeURIComponent(`${portal.url}/en/`)}` });
    expect(out.headers.getSetCookie()).toEqual(['portal_refresh=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=0', 'portal_signed_in=; Path=/; SameSite=Strict; Max-Age=0']);
    expect((await post('/api/auth/refresh', { headers: { cookie, ...session } })).status).toBe(401);
  });
});
