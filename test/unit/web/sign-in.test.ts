/**
 * The site's half of code + PKCE (ADR 0021): the S256 challenge of RFC 7636's own example, the
 * authorize request, the callback's state check, and which sign-in choices a page offers.
 */
import { describe, expect, it } from 'vitest';
import type { SignInChoice } from '../../../shared/src/auth/api';
import { authorizeUrl, callbackParams, randomToken, s256Challenge } from '../../../shared/src/auth/pkce';
import { audienceOf, checkCallback, choicesFor, type PendingSignIn } from '../../../web/src/lib/sign-in';

describe('PKCE', () => {
  it('gives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character base64url verifiers, states and nonces that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, randomToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('asks for the code flow with S256, the state, the nonce and the page language', () => {
    const url = new URL(authorizeUrl({ authorizationEndpoint: 'https://auth.example/oauth2/authorize', clientId: 'c1', redirectUri: 'https://portal.example/dang-nhap/xong/', state: 's', nonce: 'n', codeChallenge: 'ch', lang: 'vi' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'c1', redirect_uri: 'https://portal.example/dang-nhap/xong/', scope: 'openid profile email', state: 's', nonce: 'n', code_challenge: 'ch', code_challenge_method: 'S256', ui_locales: 'vi',
    });
    expect(url.origin + url.pathname).toBe('https://auth.example/oauth2/authorize');
  });

  it('reads a callback query, ignoring what is too long to be real', () => {
    expect(callbackParams('?code=abc&state=xyz')).toEqual({ code: 'abc', state: 'xyz' });
    expect(callbackParams(`?error=access_denied&state=${'s'.repeat(3000)}`)).toEqual({ error: 'access_denied' });
  });
});

describe('the callback check', () => {
  const pending: PendingSignIn = { issuer: 'portal', state: 'st', nonce: 'no', verifier: 'v'.repeat(43), returnPath: '/ho-so/', redirectUri: 'http://x/dang-nhap/xong/', startedAt: 1_000_000 };

  it('takes the code only with this tab’s state, within ten minutes', () => {
    expect(checkCallback('?code=c&state=st', pending, 1_000_000 + 60_000)).toEqual({ ok: true, code: 'c', pending });
    expect(checkCallback('?code=c&state=other', pending, 1_000_000)).toEqual({ ok: false, reason: 'failed' });
    expect(checkCallback('?code=c', pending, 1_000_000)).toEqual({ ok: false, reason: 'failed' });
    expect(checkCallback('?code=c&state=st', pending, 1_000_000 + 10 * 60_000 + 1)).toEqual({ ok: false, reason: 'stale' });
    // A code that arrives in a tab that started no sign-in (a forged link): refused.
    expect(checkCallback('?code=c&state=st', null, 1_000_000)).toEqual({ ok: false, reason: 'stale' });
  });

  it('tells a cancelled sign-in from a failed one', () => {
    expect(checkCallback('?error=access_denied&state=st', pending, 1_000_000)).toEqual({ ok: false, reason: 'cancelled' });
    expect(checkCallback('?error=server_error&state=st', pending, 1_000_000)).toEqual({ ok: false, reason: 'failed' });
  });
});

describe('sign-in choices', () => {
  const choice = (id: string, kind: SignInChoice['kind'], audience: SignInChoice['for']): SignInChoice => ({ id, kind, for: audience, label: { vi: id, en: id }, clientId: id, authorizationEndpoint: `https://${id}.example/authorize` });
  const all = [choice('staff', 'portal', 'staff'), choice('citizen', 'portal', 'citizens'), choice('vneid', 'national', 'citizens'), choice('local', 'portal', 'everyone')];

  it('offers staff accounts on staff desks and citizens’ ones elsewhere, VNeID first', () => {
    expect(audienceOf('/nhan-vien/thu-ngan/')).toBe('staff');
    expect(audienceOf('/en/staff/dossiers/')).toBe('staff');
    expect(audienceOf('/ho-so/chi-tiet/#d1')).toBe('citizens');
    expect(choicesFor(all, 'staff').map((c) => c.id)).toEqual(['staff', 'local']);
    expect(choicesFor(all, 'citizens').map((c) => c.id)).toEqual(['vneid', 'citizen', 'local']);
  });
});
