/**
 * Issue 12 (2): the local IdP speaks OAuth 2.0 / OIDC as the RFCs say, so the site's one flow is
 * tested against a real protocol. Each refusal with the error code RFC 6749 §4.1.2.1 / §5.2 and
 * RFC 7636 §4.6 name: wrong verifier, a stolen code without its verifier, a replayed code, an
 * expired code, a redirect URI that differs, an unknown or unauthenticated client. The provider
 * runs on its own HTTP server with a clock the test moves.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcProvider, type OidcProvider } from '../../functions/src/local/sandbox/oidc-provider';
import { authorizationCode, authorizeAt, verifierAndChallenge } from '../helpers/sign-in';

let server: Server;
let origin = '';
let clock = Date.now();
let portal: OidcProvider;
let vneid: OidcProvider;
const VNEID_SECRET = 'vneid-double-client-secret';

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const key = async (kid: string) => {
    const pair = await generateKeyPair('RS256');
    return { kid, privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
  };
  const client = (clientId: string, secret?: string) => ({ clientId, redirectUris: [`${origin}/dang-nhap/xong/`, `${origin}/en/sign-in/done/`], postLogoutRedirectUris: [`${origin}/`], ...(secret ? { secret } : {}) });
  const accounts = [
    { id: 'citizen-an', label: 'Nguyễn Văn An', group: { vi: 'Công dân', en: 'Citizen' }, claims: { token_use: 'id', name: 'Nguyễn Văn An' } },
    { id: 'vneid-7c1f0a52', label: 'Lê Thị Cúc', group: { vi: 'Công dân', en: 'Citizen' }, claims: { name: 'Lê Thị Cúc', national_id: '079185004321' } },
  ];
  const now = () => clock;
  portal = oidcProvider({ origin, basePath: '/sandbox/idp', name: { vi: 'Thử', en: 'Test' }, key: await key('p1'), clients: [client('portal-local')], accounts, now });
  vneid = oidcProvider({ origin, basePath: '/sandbox/vneid', name: { vi: 'VNeID', en: 'VNeID' }, key: await key('v1'), clients: [client('portal-vneid-local', VNEID_SECRET)], accounts, now });
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const readBody = async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    void (async () => {
      if (!(await portal.handle(req, res, url, readBody)) && !(await vneid.handle(req, res, url, readBody))) res.writeHead(404).end();
    })();
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function token(basePath: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${basePath}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(params) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, string>, headers: response.headers };
}
const exchange = (issued: { code: string; verifier: string; redirectUri: string }, extra: Record<string, string> = {}) =>
  token('/sandbox/idp', { grant_type: 'authorization_code', client_id: 'portal-local', code: issued.code, code_verifier: issued.verifier, redirect_uri: issued.redirectUri, ...extra });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

describe('discovery and the happy path', () => {
  it('publishes discovery with PKCE S256 only, code flow only, and its endpoints under the issuer', async () => {
    const doc = (await (await fetch(`${origin}/sandbox/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: `${origin}/sandbox/idp`,
      authorization_endpoint: `${origin}/sandbox/idp/authorize`,
      token_endpoint: `${origin}/sandbox/idp/token`,
      jwks_uri: `${origin}/sandbox/idp/.well-known/jwks.json`,
      end_session_endpoint: `${origin}/sandbox/idp/logout`,
      revocation_endpoint: `${origin}/sandbox/idp/revoke`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('exchanges a code and its verifier for an RS256 ID token with the nonce, and no-store headers; refresh rotates', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    const answer = await exchange(issued);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const jwks = createLocalJWKSet((await (await fetch(`${origin}/sandbox/idp/.well-known/jwks.json`)).json()) as { keys: [] });
    const { payload } = await jwtVerify(answer.body.id_token as string, jwks, { issuer: `${origin}/sandbox/idp`, audience: 'portal-local', algorithms: ['RS256'] });
    expect(payload).toMatchObject({ sub: 'citizen-an', nonce: issued.nonce, token_use: 'id' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(15 * 60);

    const refreshed = await token('/sandbox/idp', { grant_type: 'refresh_token', client_id: 'portal-local', refresh_token: answer.body.refresh_token as string });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(answer.body.refresh_token);
    // The rotated-out refresh token, presented again: refused, and the whole sign-in with it.
    const replayed = await token('/sandbox/idp', { grant_type: 'refresh_token', client_id: 'portal-local', refresh_token: answer.body.refresh_token as string });
    expect(replayed.body.error).toBe('invalid_grant');
    const afterReplay = await token('/sandbox/idp', { grant_type: 'refresh_token', client_id: 'portal-local', refresh_token: refreshed.body.refresh_token as string });
    expect(afterReplay.body.error).toBe('invalid_grant');
  });
});

describe('token endpoint refusals', () => {
  it('a wrong verifier: invalid_grant, and the code is spent', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    const wrong = await exchange(issued, { code_verifier: verifierAndChallenge().verifier });
    expect([wrong.status, wrong.body.error]).toEqual([400, 'invalid_grant']);
    expect((await exchange(issued)).body.error).toBe('invalid_grant');
  });

  it('a stolen code without the verifier: invalid_request; with a guessed one: invalid_grant', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    const { code_verifier: _dropped, ...withoutVerifier } = { grant_type: 'authorization_code', client_id: 'portal-local', code: issued.code, code_verifier: '', redirect_uri: issued.redirectUri };
    const missing = await token('/sandbox/idp', withoutVerifier);
    expect([missing.status, missing.body.error]).toEqual([400, 'invalid_request']);
    const guessed = await exchange(issued, { code_verifier: 'a'.repeat(43) });
    expect([guessed.status, guessed.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('a replayed code: invalid_grant, and the tokens the first use bought are revoked', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    const first = await exchange(issued);
    expect(first.status).toBe(200);
    const replay = await exchange(issued);
    expect([replay.status, replay.body.error]).toEqual([400, 'invalid_grant']);
    const refresh = await token('/sandbox/idp', { grant_type: 'refresh_token', client_id: 'portal-local', refresh_token: first.body.refresh_token as string });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('an expired code (over 60 s old): invalid_grant', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    clock += 61_000;
    try {
      const late = await exchange(issued);
      expect([late.status, late.body.error, late.body.error_description]).toEqual([400, 'invalid_grant', 'The authorization code has expired.']);
    } finally {
      clock -= 61_000;
    }
  });

  it('a redirect URI other than the one the code was issued for: invalid_grant', async () => {
    const issued = await authorizationCode(origin, { account: 'citizen-an' });
    const other = await exchange(issued, { redirect_uri: `${origin}/en/sign-in/done/` });
    expect([other.status, other.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('a code issued to another client: invalid_grant; an unknown client: invalid_client (401)', async () => {
    const issued = await authorizationCode(origin, { account: 'vneid-7c1f0a52', issuer: 'vneid' });
    const atPortal = await exchange(issued);
    expect(atPortal.body.error).toBe('invalid_grant');
    const unknown = await exchange(await authorizationCode(origin, { account: 'citizen-an' }), { client_id: 'somebody-else' });
    expect([unknown.status, unknown.body.error]).toEqual([401, 'invalid_client']);
  });

  it('a confidential client without or with a wrong secret: invalid_client; with client_secret_basic: tokens', async () => {
    const params = (issued: { code: string; verifier: string; redirectUri: string }) => ({ grant_type: 'authorization_code', code: issued.code, code_verifier: issued.verifier, redirect_uri: issued.redirectUri });
    const noSecret = await token('/sandbox/vneid', { ...params(await authorizationCode(origin, { issuer: 'vneid', account: 'vneid-7c1f0a52' })), client_id: 'portal-vneid-local' });
    expect([noSecret.status, noSecret.body.error]).toEqual([401, 'invalid_client']);
    const wrong = await token('/sandbox/vneid', params(await authorizationCode(origin, { issuer: 'vneid', account: 'vneid-7c1f0a52' })), basic('portal-vneid-local', 'not-the-secret'));
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid_client']);
    const right = await token('/sandbox/vneid', params(await authorizationCode(origin, { issuer: 'vneid', account: 'vneid-7c1f0a52' })), basic('portal-vneid-local', VNEID_SECRET));
    expect(right.status).toBe(200);
    expect(right.body.id_token).toBeTruthy();
  });

  it('no grant_type: invalid_request; the password grant: unsupported_grant_type; a JSON body: invalid_request', async () => {
    expect((await token('/sandbox/idp', { client_id: 'portal-local' })).body.error).toBe('invalid_request');
    expect((await token('/sandbox/idp', { grant_type: 'password', client_id: 'portal-local', username: 'a', password: 'b' })).body.error).toBe('unsupported_grant_type');
    const json = await fetch(`${origin}/sandbox/idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('a revoked refresh token (RFC 7009): 200 to the revocation, invalid_grant afterwards', async () => {
    const answer = await exchange(await authorizationCode(origin, { account: 'citizen-an' }));
    const revoke = await fetch(`${origin}/sandbox/idp/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: answer.body.refresh_token as string, client_id: 'portal-local' }) });
    expect(revoke.status).toBe(200);
    const refresh = await token('/sandbox/idp', { grant_type: 'refresh_token', client_id: 'portal-local', refresh_token: answer.body.refresh_token as string });
    expect(refresh.body.error).toBe('invalid_grant');
  });
});

describe('authorization endpoint refusals', () => {
  const errorOf = async (response: Response) => {
    expect(response.status).toBe(303);
    const to = new URL(response.headers.get('location') ?? '');
    return { at: `${to.origin}${to.pathname}`, error: to.searchParams.get('error'), state: to.searchParams.get('state') };
  };

  it('an unregistered redirect URI or an unknown client is refused on the IdP page, never redirected to', async () => {
    for (const params of [{ redirect_uri: 'https://evil.example/callback' }, { client_id: 'unknown-client' }]) {
      const response = await authorizeAt(origin, { account: 'citizen-an', params });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('<html lang="vi">');
    }
    const get = await fetch(`${origin}/sandbox/idp/authorize?client_id=portal-local&redirect_uri=${encodeURIComponent('https://evil.example/')}&response_type=code`, { redirect: 'manual' });
    expect(get.status).toBe(400);
  });

  it('no PKCE, plain PKCE, a token response type, no openid scope and a cancel: the RFC error back at the callback with the state', async () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'profile' }, 'invalid_scope'],
      [{ action: 'cancel' }, 'access_denied'],
    ];
    for (const [params, expected] of cases) {
      const answer = await errorOf(await authorizeAt(origin, { account: 'citizen-an', params: { state: 'st-1', ...params } }));
      expect(answer).toEqual({ at: `${origin}/dang-nhap/xong/`, error: expected, state: 'st-1' });
    }
  });

  it('shows the consent page in Vietnamese (English with ui_locales=en) carrying the request, not signing anyone in by itself', async () => {
    const { challenge } = verifierAndChallenge();
    const query = new URLSearchParams({ client_id: 'portal-local', redirect_uri: `${origin}/dang-nhap/xong/`, response_type: 'code', scope: 'openid', state: 's', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256' });
    const vi = await (await fetch(`${origin}/sandbox/idp/authorize?${query}`)).text();
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Tài khoản mẫu');
    expect(vi).toContain(`value="${challenge}"`);
    query.set('ui_locales', 'en');
    expect(await (await fetch(`${origin}/sandbox/idp/authorize?${query}`)).text()).toContain('<html lang="en">');
  });
});

describe('end session', () => {
  it('goes back to a registered post-logout URI, and stays on its own page for any other', async () => {
    const ok = await fetch(`${origin}/sandbox/idp/logout?client_id=portal-local&post_logout_redirect_uri=${encodeURIComponent(`${origin}/`)}&state=x`, { redirect: 'manual' });
    expect([ok.status, ok.headers.get('location')]).toEqual([303, `${origin}/?state=x`]);
    const evil = await fetch(`${origin}/sandbox/idp/logout?client_id=portal-local&post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' });
    expect(evil.status).toBe(200);
    expect(await evil.text()).toContain('Bạn đã đăng xuất');
  });
});
