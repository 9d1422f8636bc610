/**
 * The code + PKCE flow without a browser (ADR 0021): a test or the bench asks the local IdP for
 * an authorization code as the consent page's form would, then exchanges it through the portal's
 * relay, exactly as the callback page does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_AUDIENCE, LOCAL_VNEID_CLIENT } from '../../functions/src/local/sandbox/identity';

export const LOCAL_ISSUERS = {
  portal: { basePath: '/sandbox/idp', clientId: LOCAL_AUDIENCE },
  vneid: { basePath: '/sandbox/vneid', clientId: LOCAL_VNEID_CLIENT },
} as const;
export type LocalIssuerId = keyof typeof LOCAL_ISSUERS;

export const verifierAndChallenge = (verifier = randomBytes(32).toString('base64url')) => ({ verifier, challenge: createHash('sha256').update(verifier).digest('base64url') });

export interface CodeRequest {
  issuer?: LocalIssuerId;
  account: string;
  redirectPath?: string;
  /** The PKCE verifier whose challenge is sent (default: a fresh one). */
  verifier?: string;
  /** Override any authorization parameter (or drop it with undefined). */
  params?: Record<string, string | undefined>;
}

export interface IssuedCode {
  code: string;
  verifier: string;
  nonce: string;
  state: string;
  redirectUri: string;
  issuer: LocalIssuerId;
}

/** POST /authorize as the consent page's form; the answer is the redirect to the callback. */
export async function authorizeAt(origin: string, request: CodeRequest): Promise<Response> {
  const issuer = LOCAL_ISSUERS[request.issuer ?? 'portal'];
  const { challenge } = verifierAndChallenge(request.verifier);
  const form = new URLSearchParams();
  const params: Record<string, string | undefined> = {
    client_id: issuer.clientId,
    redirect_uri: `${origin}${request.redirectPath ?? '/dang-nhap/xong/'}`,
    response_type: 'code',
    scope: 'openid profile email',
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    account: request.account,
    action: 'sign-in',
    ...request.params,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, v);
  return fetch(`${origin}${issuer.basePath}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

export async function authorizationCode(origin: string, request: CodeRequest): Promise<IssuedCode> {
  const { verifier } = verifierAndChallenge();
  const nonce = randomBytes(16).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = `${origin}${request.redirectPath ?? '/dang-nhap/xong/'}`;
  const response = await authorizeAt(origin, { ...request, verifier, params: { nonce, state, ...request.params } });
  const location = response.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (response.status !== 303 || !code) throw new Error(`No code from the local IdP: ${response.status} ${location ?? (await response.text()).slice(0, 200)}`);
  return { code, verifier, nonce, state, redirectUri, issuer: request.issuer ?? 'portal' };
}

/** The Cookie header a browser would send back from the relay's Set-Cookie lines. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

/** A whole sign-in through the relay: the ID token and the cookies that keep the session. */
export async function signInThroughRelay(origin: string, request: CodeRequest): Promise<{ idToken: string; cookie: string; response: Response }> {
  const issued = await authorizationCode(origin, request);
  const response = await fetch(`${origin}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ issuer: issued.issuer, code: issued.code, codeVerifier: issued.verifier, redirectUri: issued.redirectUri, nonce: issued.nonce }),
  });
  if (response.status !== 200) throw new Error(`The relay refused the code: ${response.status} ${await response.clone().text()}`);
  const { idToken } = (await response.clone().json()) as { idToken: string };
  return { idToken, cookie: cookieHeader(response), response };
}
