/**
 * The signed-in session of this tab (ADR 0021). The ID token (15 minutes) is kept in
 * sessionStorage; the refresh token never reaches the page — it is an HttpOnly cookie the portal
 * set on /api/auth, and the `portal_signed_in` flag cookie (no secret in it) says one exists.
 * Pages treat `getToken()` as "is someone signed in"; requests go through `fetchWithSession`,
 * which sends a fresh token (renewed a minute before it expires) and, on a 401, renews once
 * and tries again.
 */
import { SESSION_HEADER, SIGNED_IN_COOKIE, type SessionToken, type SignedOut } from '@portal/shared/auth/api';
import { isSessionToken } from './guards';
import { pagePath, type Lang } from './i18n';

/** Browser globals, typed here: this module is also compiled and unit-tested without the DOM library. */
const browser = globalThis as unknown as { document?: { cookie: string }; location?: { assign(url: string): void } };
/** RequestInit's `cache` (Node's typings lack it): a session answer is never cached. */
const NO_STORE = { cache: 'no-store' } as const;

const KEY = 'portal.session';
/** Renew this long before expiry: a minute, or a quarter of a short token's life. */
const RENEW_BEFORE_MS = 60_000;
/** Stands for a session this tab has not loaded yet but can renew (another tab signed in). */
const RENEWABLE = 'renewable-session';

interface Stored {
  idToken: string;
  expiresAt: number;
  /** When this tab got it: with expiresAt, the token's lifetime. */
  storedAt: number;
}

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    return parsed && typeof parsed.idToken === 'string' && typeof parsed.expiresAt === 'number' && typeof parsed.storedAt === 'number' ? (parsed as Stored) : null;
  } catch {
    return null; // storage disabled or garbled: behave as signed out
  }
}

/** The flag cookie beside the HttpOnly refresh cookie: this browser can renew a session. */
export function hasRenewableSession(): boolean {
  return (browser.document?.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_COOKIE}=`) && c.trim().length > SIGNED_IN_COOKIE.length + 1);
}

/** Someone is signed in in this tab (the token may need renewing before use: see fetchWithSession). */
export function getToken(): string | null {
  const stored = read();
  if (stored && stored.expiresAt > Date.now()) return stored.idToken;
  if (hasRenewableSession()) return stored?.idToken ?? RENEWABLE;
  if (stored) clearToken();
  return null;
}

export function storeSession(session: SessionToken): boolean {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ idToken: session.idToken, expiresAt: Date.parse(session.expiresAt), storedAt: Date.now() } satisfies Stored));
    return true;
  } catch {
    return false;
  }
}

/** Forgets this tab's token (the refresh cookie goes with signOut). */
export function clearToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}

let renewing: Promise<string | null> | undefined;

/** A new ID token from the refresh cookie; one request at a time however many callers ask. */
export function renewSession(): Promise<string | null> {
  renewing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { [SESSION_HEADER]: '1', accept: 'application/json' }, credentials: 'same-origin', ...NO_STORE });
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok && isSessionToken(body) && storeSession(body)) return body.idToken;
      if (response.status === 401) clearToken();
      return null;
    } catch {
      return null; // offline: keep what we have, the request will say so
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

/** The token to send now: renewed when it expires within a minute and the session can be renewed. */
export async function freshToken(): Promise<string | null> {
  const stored = read();
  const valid = stored && stored.expiresAt > Date.now() ? stored.idToken : null;
  const renewBefore = stored ? Math.min(RENEW_BEFORE_MS, (stored.expiresAt - stored.storedAt) / 4) : 0;
  if (stored && stored.expiresAt - Date.now() > renewBefore) return stored.idToken;
  if (hasRenewableSession()) return (await renewSession()) ?? valid;
  return valid;
}

/**
 * fetch for the API. `signedIn` (what a page got from getToken) asks for the bearer token; a 401
 * answer renews the session once and repeats the request, so a token that expired while the page
 * was open costs the user nothing.
 */
export async function fetchWithSession(path: string, init: Omit<RequestInit, 'headers'> & { headers: Record<string, string> }, signedIn: string | null | undefined): Promise<Response> {
  const send = (token: string | null) => fetch(path, { ...init, headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (!signedIn) return send(null);
  // The caller's own token when this tab stores none (a page handed one in, or a unit test).
  const token = (await freshToken()) ?? (signedIn === RENEWABLE ? null : signedIn);
  const response = await send(token);
  if (response.status !== 401 || !hasRenewableSession()) return response;
  const renewed = await renewSession();
  return renewed && renewed !== token ? send(renewed) : response;
}

/** Signs out here and at the issuer: the portal revokes the refresh token, then the browser ends the issuer's session. */
export async function signOut(lang: Lang): Promise<void> {
  let target = pagePath('home', lang);
  try {
    const response = await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { [SESSION_HEADER]: '1', 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ lang }),
      credentials: 'same-origin',
      ...NO_STORE,
    });
    const body = (await response.json().catch(() => ({}))) as Partial<SignedOut>;
    if (typeof body.endSessionUrl === 'string') target = body.endSessionUrl;
  } catch {
    // Offline: the tab still forgets the token; the refresh cookie ends with the browser session.
  }
  clearToken();
  browser.location?.assign(target);
}
