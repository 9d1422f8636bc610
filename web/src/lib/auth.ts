/**
 * Sign-in helpers with no browser storage in them (session.ts holds the token). The identity
 * provider sends the browser to /dang-nhap/xong/#id_token=<jwt>&return=<path>.
 */

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

/** The sign-in page's address with where to come back to (`base` may already have a query). */
export function signInHref(base: string, returnPath: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}return=${encodeURIComponent(returnPath)}`;
}

export interface Callback {
  token: string | null;
  returnPath: string;
}

/** Reads `#id_token=…&return=…` (the leading # is optional). */
export function parseCallback(hash: string, fallback: string): Callback {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('id_token');
  return { token: token && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token) ? token : null, returnPath: safeReturnPath(params.get('return'), fallback) };
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
