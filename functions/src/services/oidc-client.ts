/**
 * The portal as an OAuth client of its trusted issuers (ADR 0021): each issuer's discovery
 * document (cached 10 minutes per container), its token endpoint (code + PKCE verifier, refresh)
 * and its revocation endpoint. A confidential client (VNeID) authenticates with
 * client_secret_basic from the portal secret; a public one (Cognito, the local IdP) names itself.
 * Tokens pass through here and are never logged.
 */
import type { IssuerConfig } from '@portal/shared/auth/issuers';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { ttlCache } from '../platform/ttl-cache';

export interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
}

export interface TokenAnswer {
  id_token: string;
  refresh_token?: string;
}

export interface OidcClientDeps {
  /** The client secret of a confidential client, by issuer id. */
  clientSecret(issuerId: string): Promise<string | undefined>;
  fetch?: typeof fetch;
}

const TIMEOUT_MS = 5_000;
const DISCOVERY_TTL_MS = 10 * 60_000;
const discoveries = new Map<string, () => Promise<Discovery>>();

const isUrl = (value: unknown): value is string => typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

export function discoveryOf(issuer: IssuerConfig, fetcher: typeof fetch = fetch): Promise<Discovery> {
  let load = discoveries.get(issuer.id);
  if (!load) {
    load = ttlCache(DISCOVERY_TTL_MS, async () => {
      const response = await fetcher(`${issuer.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const doc = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (!response.ok || !doc || doc.issuer !== issuer.issuer || !isUrl(doc.authorization_endpoint) || !isUrl(doc.token_endpoint)) {
        throw new AppError('service_unavailable', { detail: `No usable discovery document for issuer ${issuer.id}` });
      }
      return {
        authorization_endpoint: doc.authorization_endpoint,
        token_endpoint: doc.token_endpoint,
        ...(isUrl(doc.end_session_endpoint) ? { end_session_endpoint: doc.end_session_endpoint } : {}),
        ...(isUrl(doc.revocation_endpoint) ? { revocation_endpoint: doc.revocation_endpoint } : {}),
      };
    });
    discoveries.set(issuer.id, load);
  }
  return load();
}

async function clientAuth(issuer: IssuerConfig, deps: OidcClientDeps, form: URLSearchParams): Promise<Record<string, string>> {
  if (!issuer.confidential) {
    form.set('client_id', issuer.clientId);
    return {};
  }
  const secret = await deps.clientSecret(issuer.id);
  if (!secret) throw new AppError('service_unavailable', { detail: `No client secret for issuer ${issuer.id}` });
  // RFC 6749 §2.3.1: both parts form-encoded before Basic.
  const basic = Buffer.from(`${encodeURIComponent(issuer.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  return { authorization: `Basic ${basic}` };
}

/** POST to the token endpoint; the issuer's refusal (`invalid_grant`…) becomes `sign_in_failed`. */
export async function requestTokens(issuer: IssuerConfig, params: Record<string, string>, deps: OidcClientDeps): Promise<TokenAnswer> {
  const fetcher = deps.fetch ?? fetch;
  const { token_endpoint: endpoint } = await discoveryOf(issuer, fetcher);
  const form = new URLSearchParams(params);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...(await clientAuth(issuer, deps, form)) };
  let response: Response;
  try {
    response = await fetcher(endpoint, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new AppError('service_unavailable', { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok && typeof body.id_token === 'string') {
    return { id_token: body.id_token, ...(typeof body.refresh_token === 'string' ? { refresh_token: body.refresh_token } : {}) };
  }
  // The error code is safe to log (no token in it); it tells an operator a misconfigured client from a user's stale code.
  logger.warn('Token request refused', { issuer: issuer.id, status: response.status, error: typeof body.error === 'string' ? body.error : 'none', grant: params.grant_type });
  if (response.status === 400 || (response.status === 401 && body.error === 'invalid_grant')) throw new AppError('sign_in_failed');
  throw new AppError('service_unavailable');
}

/** RFC 7009, best effort: sign-out goes on even when the issuer cannot be reached. */
export async function revokeRefreshToken(issuer: IssuerConfig, token: string, deps: OidcClientDeps): Promise<void> {
  const fetcher = deps.fetch ?? fetch;
  try {
    const endpoint = issuer.revocationUrl ?? (await discoveryOf(issuer, fetcher)).revocation_endpoint;
    if (!endpoint) return;
    const form = new URLSearchParams({ token, token_type_hint: 'refresh_token' });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...(await clientAuth(issuer, deps, form)) };
    await fetcher(endpoint, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    logger.warn('Refresh token revocation failed', { issuer: issuer.id, error: (error as Error).name });
  }
}
