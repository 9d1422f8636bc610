/**
 * The browser side of code + PKCE (RFC 7636, ADR 0021) with Web Crypto only, so the site and
 * Node tests share it: random `state`/`nonce`/verifier, the S256 challenge, the authorize URL.
 */
const base64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** 32 random bytes as base64url (43 characters): a verifier, a state or a nonce. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function s256Challenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export interface AuthorizeRequest {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  lang: 'vi' | 'en';
}

export function authorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(request.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: 'openid profile email',
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ui_locales: request.lang,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** The callback's query: a code with its state, or the issuer's error. */
export function callbackParams(search: string): { code?: string; state?: string; error?: string } {
  const params = new URLSearchParams(search);
  const text = (k: string) => {
    const v = params.get(k);
    return v && v.length <= 2048 ? v : undefined;
  };
  return { ...(text('code') ? { code: text('code') } : {}), ...(text('state') ? { state: text('state') } : {}), ...(text('error') ? { error: text('error') } : {}) };
}
