/**
 * Sign-in helpers with no browser storage in them (session.ts holds the session, sign-in.ts runs
 * the code + PKCE flow; ADR 0021).
 */
import { pagePath, type Lang } from './i18n';

/** Only a same-origin, relative path is a place to go back to; anything else becomes `fallback`. */
export function safeReturnPath(raw: string | null | undefined, fallback: string): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Control characters and backslashes are how "/\evil.example" tricks browsers; refuse them outright.
  if (raw.includes('\\') || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const base = 'https://portal.invalid';
    const url = new URL(raw, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** The portal's sign-in page in `lang`, with where to come back to. */
export function signInHref(returnPath: string, lang: Lang): string {
  return `${pagePath('signIn', lang)}?return=${encodeURIComponent(returnPath)}`;
}

/** The `exp` claim (seconds) of a JWT, without verifying it: the API verifies, this only avoids sending a stale token. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims: unknown = JSON.parse(json);
    if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') return claims.exp;
    return null;
  } catch {
    return null;
  }
}

export function isExpired(token: string, nowMs: number): boolean {
  const exp = tokenExpiry(token);
  return exp !== null && exp * 1000 <= nowMs;
}
