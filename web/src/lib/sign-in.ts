/**
 * The site's side of sign-in (ADR 0021), the same for every issuer: the choices from
 * `GET /api/auth/config`, then state + nonce + PKCE verifier kept for this tab, the authorize
 * redirect, and at the callback the state check and the code exchange through the portal.
 */
import type { SignInChoice } from '@portal/shared/auth/api';
import { authorizeUrl, callbackParams, randomToken, s256Challenge } from '@portal/shared/auth/pkce';
import { getJson } from './api';
import { safeReturnPath } from './auth';
import { isSessionToken, isSignInChoices } from './guards';
import { pagePath, type Lang } from './i18n';
import { storeSession } from './session';

const PENDING = 'portal.signIn';
/** A sign-in left longer than this at the issuer starts again. */
const PENDING_MS = 10 * 60_000;

export interface PendingSignIn {
  issuer: string;
  state: string;
  nonce: string;
  verifier: string;
  returnPath: string;
  redirectUri: string;
  startedAt: number;
}

export type SignInAudience = 'citizens' | 'staff';

/** Staff desks ask for staff accounts; every other page for citizens' ones. */
export const audienceOf = (returnPath: string): SignInAudience => (/^\/(en\/staff|nhan-vien)\//.test(returnPath) ? 'staff' : 'citizens');

/** The choices for an audience, national identity first for citizens (VNeID is the expected way in). */
export function choicesFor(all: readonly SignInChoice[], audience: SignInAudience): SignInChoice[] {
  const fitting = all.filter((c) => c.for === 'everyone' || c.for === audience);
  return audience === 'citizens' ? [...fitting].sort((a, b) => Number(b.kind === 'national') - Number(a.kind === 'national')) : fitting;
}

export async function loadChoices(lang: Lang): Promise<SignInChoice[]> {
  return (await getJson('/api/auth/config', isSignInChoices, { lang })).issuers;
}

export async function startSignIn(choice: SignInChoice, returnPath: string, lang: Lang, origin: string): Promise<string> {
  const verifier = randomToken();
  const pending: PendingSignIn = {
    issuer: choice.id,
    state: randomToken(),
    nonce: randomToken(),
    verifier,
    returnPath: safeReturnPath(returnPath, pagePath('account', lang)),
    redirectUri: `${origin}${pagePath('signInDone', lang)}`,
    startedAt: Date.now(),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  return authorizeUrl({ authorizationEndpoint: choice.authorizationEndpoint, clientId: choice.clientId, redirectUri: pending.redirectUri, state: pending.state, nonce: pending.nonce, codeChallenge: await s256Challenge(verifier), lang });
}

export type CallbackCheck = { ok: true; code: string; pending: PendingSignIn } | { ok: false; reason: 'cancelled' | 'failed' | 'stale' };

/** The callback's code is only taken when its state is this tab's, from a sign-in started in the last ten minutes. */
export function checkCallback(search: string, pending: PendingSignIn | null, now: number): CallbackCheck {
  const params = callbackParams(search);
  if (params.error === 'access_denied') return { ok: false, reason: 'cancelled' };
  if (!pending || now - pending.startedAt > PENDING_MS) return { ok: false, reason: 'stale' };
  if (params.error || !params.code || params.state !== pending.state) return { ok: false, reason: 'failed' };
  return { ok: true, code: params.code, pending };
}

export function takePending(): PendingSignIn | null {
  try {
    const raw = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/** The code exchange through the portal; the ID token is kept for this tab. */
export async function exchangeCode(code: string, pending: PendingSignIn, lang: Lang): Promise<boolean> {
  const response = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang },
    body: JSON.stringify({ issuer: pending.issuer, code, codeVerifier: pending.verifier, redirectUri: pending.redirectUri, nonce: pending.nonce }),
    credentials: 'same-origin',
  }).catch(() => undefined);
  const body: unknown = await response?.json().catch(() => undefined);
  return Boolean(response?.ok && isSessionToken(body) && storeSession(body));
}
