/**
 * The sign-in relay's use cases (ADR 0021): the choices the sign-in page offers, the code
 * exchange, the refresh and the sign-out. The ID token goes back to the page; the refresh token
 * only ever lives in an HttpOnly cookie scoped to /api/auth.
 */
import { REFRESH_COOKIE, SIGNED_IN_COOKIE, type SessionToken, type SignedOut, type SignInChoice, type TokenExchange } from '@portal/shared/auth/api';
import type { IssuerConfig } from '@portal/shared/auth/issuers';
import { decodeJwt } from 'jose';
import { verifyToken } from '../platform/auth';
import { AppError } from '../platform/errors';
import { issuerById, trustedIssuers } from '../platform/issuers';
import { logger } from '../platform/logger';
import { discoveryOf, requestTokens, revokeRefreshToken, type OidcClientDeps } from './oidc-client';

export interface SignInDeps extends OidcClientDeps {
  /** The portal's own origin: the only place an issuer may send the browser back to. */
  publicBaseUrl: string;
}

export const CALLBACK_PATHS = { vi: '/dang-nhap/xong/', en: '/en/sign-in/done/' } as const;
const HOME_PATHS = { vi: '/', en: '/en/' } as const;

export interface SessionReply {
  body: SessionToken;
  cookies: string[];
}

/** Every issuer that answers its discovery; one that does not is left out rather than failing the page. */
export async function signInChoices(deps: SignInDeps): Promise<SignInChoice[]> {
  const found = await Promise.allSettled(trustedIssuers.map(async (issuer) => ({ issuer, discovery: await discoveryOf(issuer, deps.fetch) })));
  const choices: SignInChoice[] = [];
  for (const [i, result] of found.entries()) {
    if (result.status === 'rejected') {
      logger.warn('Issuer discovery failed', { issuer: trustedIssuers[i]?.id });
      continue;
    }
    const { issuer, discovery } = result.value;
    choices.push({ id: issuer.id, kind: issuer.kind, for: issuer.for, label: issuer.label, clientId: issuer.clientId, authorizationEndpoint: discovery.authorization_endpoint });
  }
  if (!choices.length) throw new AppError('service_unavailable', { detail: 'No identity provider answers' });
  return choices;
}

function knownIssuer(id: string): IssuerConfig {
  const issuer = issuerById(id);
  if (!issuer) throw new AppError('sign_in_failed');
  return issuer;
}

export async function exchangeCode(input: TokenExchange, deps: SignInDeps): Promise<SessionReply> {
  const issuer = knownIssuer(input.issuer);
  if (!Object.values(CALLBACK_PATHS).some((path) => input.redirectUri === `${deps.publicBaseUrl}${path}`)) throw new AppError('sign_in_failed');
  const tokens = await requestTokens(issuer, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier }, deps);
  // The existing verification path, plus the nonce this browser tab sent with its request.
  await verifyOrRefuse(tokens.id_token, { nonce: input.nonce });
  return session(issuer, tokens.id_token, tokens.refresh_token, secureCookies(deps));
}

export async function refreshSession(cookies: Record<string, string>, deps: SignInDeps): Promise<SessionReply> {
  const held = heldRefreshToken(cookies);
  if (!held) throw new AppError('unauthenticated');
  try {
    const tokens = await requestTokens(held.issuer, { grant_type: 'refresh_token', refresh_token: held.token }, deps);
    await verifyOrRefuse(tokens.id_token, {});
    // Cognito keeps the refresh token unless rotation is on; the local IdP rotates it.
    return session(held.issuer, tokens.id_token, tokens.refresh_token ?? held.token, secureCookies(deps));
  } catch (error) {
    if (error instanceof AppError && error.code === 'sign_in_failed') throw new AppError('unauthenticated', { cookies: clearingCookies(secureCookies(deps)) });
    throw error;
  }
}

export async function signOut(cookies: Record<string, string>, lang: 'vi' | 'en', deps: SignInDeps): Promise<{ body: SignedOut; cookies: string[] }> {
  const held = heldRefreshToken(cookies);
  const clear = clearingCookies(secureCookies(deps));
  if (!held) return { body: { endSessionUrl: null }, cookies: clear };
  await revokeRefreshToken(held.issuer, held.token, deps);
  return { body: { endSessionUrl: await endSessionUrl(held.issuer, `${deps.publicBaseUrl}${HOME_PATHS[lang]}`, deps) }, cookies: clear };
}

/** Cognito's `/logout` takes `client_id` and `logout_uri`; OIDC RP-initiated logout `post_logout_redirect_uri`. */
async function endSessionUrl(issuer: IssuerConfig, home: string, deps: SignInDeps): Promise<string | null> {
  if (issuer.logoutUrl) return `${issuer.logoutUrl}?${new URLSearchParams({ client_id: issuer.clientId, logout_uri: home })}`;
  const endpoint = (await discoveryOf(issuer, deps.fetch).catch(() => undefined))?.end_session_endpoint;
  return endpoint ? `${endpoint}?${new URLSearchParams({ client_id: issuer.clientId, post_logout_redirect_uri: home })}` : null;
}

async function verifyOrRefuse(idToken: string, expected: { nonce?: string }): Promise<void> {
  try {
    await verifyToken(idToken, expected);
  } catch (error) {
    // A token the issuer just gave us that does not verify (wrong nonce, audience…) is a failed sign-in, not a 401 to explain.
    if (error instanceof AppError && error.code === 'unauthenticated') throw new AppError('sign_in_failed', { cause: error });
    throw error;
  }
}

function heldRefreshToken(cookies: Record<string, string>): { issuer: IssuerConfig; token: string } | undefined {
  const value = cookies[REFRESH_COOKIE];
  const at = value?.indexOf('.') ?? -1;
  if (!value || at < 1) return undefined;
  const issuer = issuerById(value.slice(0, at));
  const token = decodeURIComponent(value.slice(at + 1));
  return issuer && token ? { issuer, token } : undefined;
}

const secureCookies = (deps: SignInDeps) => deps.publicBaseUrl.startsWith('https://');

/**
 * Session cookies (no Max-Age): they end when the browser closes, which suits shared family
 * phones and the desk computers of a hospital; the issuer's refresh-token lifetime still bounds them.
 */
function session(issuer: IssuerConfig, idToken: string, refreshToken: string | undefined, secure: boolean): SessionReply {
  const exp = decodeJwt(idToken).exp ?? 0;
  const flags = `SameSite=Strict${secure ? '; Secure' : ''}`;
  const cookies = refreshToken
    ? [`${REFRESH_COOKIE}=${issuer.id}.${encodeURIComponent(refreshToken)}; Path=/api/auth; HttpOnly; ${flags}`, `${SIGNED_IN_COOKIE}=${issuer.id}; Path=/; ${flags}`]
    : [];
  return { body: { idToken, expiresAt: new Date(exp * 1000).toISOString(), issuer: issuer.id }, cookies };
}

function clearingCookies(secure: boolean): string[] {
  const flags = `SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
  return [`${REFRESH_COOKIE}=; Path=/api/auth; HttpOnly; ${flags}`, `${SIGNED_IN_COOKIE}=; Path=/; ${flags}`];
}
