/**
 * A small OpenID Connect provider for the local stack (ADR 0021): discovery, authorize (its
 * account picker is the consent page), token (authorization code with PKCE S256 only; refresh
 * with rotation), JWKS, revocation (RFC 7009) and RP-initiated logout. It runs twice on
 * `npm start` — the portal's own accounts (`/sandbox/idp`) and a VNeID double (`/sandbox/vneid`) —
 * so the site's one sign-in path meets the same protocol locally as Cognito and VNeID in AWS.
 * Local only, never deployed. Refusals use the error codes RFC 6749 §4.1.2.1 and §5.2 name.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { send, sendJson, type ReadBody } from '../respond';
import { consentPage, messagePage, type ConsentAccount, type PageLang } from './consent-page';

export interface OidcClient {
  clientId: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  /** Set for a confidential client (client_secret_basic or client_secret_post). */
  secret?: string;
}

export interface OidcAccount extends ConsentAccount {
  /** Claims of its ID token besides the protocol's own (iss, sub, aud, exp, iat, auth_time, nonce). */
  claims: Record<string, unknown>;
}

export interface OidcProviderOptions {
  origin: string;
  /** `/sandbox/idp`: the issuer is origin + basePath. */
  basePath: string;
  /** Shown on the consent page. */
  name: { vi: string; en: string };
  key: { kid: string; privateKey: CryptoKey | KeyObject; publicJwk: JWK };
  clients: readonly OidcClient[];
  accounts: readonly OidcAccount[];
  idTokenSeconds?: number;
  refreshTokenSeconds?: number;
  codeSeconds?: number;
  now?: () => number;
}

export interface OidcProvider {
  issuer: string;
  jwksUrl: string;
  jwks(): { keys: JWK[] };
  /** An ID token without a browser (scripts and tests: POST /sandbox/token). */
  issueIdToken(accountId: string, clientId: string, extra?: { lifetimeSeconds?: number }): Promise<string | undefined>;
  /** Answers a request under basePath; false when the path is not one of its endpoints. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<boolean>;
}

interface Grant {
  clientId: string;
  accountId: string;
  scope: string;
  /** One family per sign-in: a replayed code or refresh token revokes all of it (RFC 6749 §4.1.2, OAuth 2.1 §4.3.1). */
  family: string;
  expiresAt: number;
}
interface CodeGrant extends Grant {
  redirectUri: string;
  challenge: string;
  nonce?: string;
  used: boolean;
}

const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const AUTHORIZE_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'ui_locales'] as const;

const random = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const langOf = (value: string | null | undefined): PageLang => (value?.split(/\s+/)[0]?.toLowerCase().startsWith('en') ? 'en' : 'vi');
const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
/** Token responses must never be cached (RFC 6749 §5.1). */
const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function oidcProvider(options: OidcProviderOptions): OidcProvider {
  const issuer = `${options.origin}${options.basePath}`;
  const now = options.now ?? Date.now;
  const idTokenSeconds = options.idTokenSeconds ?? 15 * 60;
  const refreshTokenSeconds = options.refreshTokenSeconds ?? 8 * 60 * 60;
  const codeSeconds = options.codeSeconds ?? 60;
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, Grant & { used: boolean }>();
  const revokedFamilies = new Set<string>();
  const endpoint = (path: string) => `${issuer}${path}`;

  const clientById = (id: string | null | undefined) => options.clients.find((c) => c.clientId === id);
  const accountById = (id: string) => options.accounts.find((a) => a.id === id);

  async function idToken(account: OidcAccount, clientId: string, nonce: string | undefined, lifetime = idTokenSeconds): Promise<string> {
    const seconds = Math.floor(now() / 1000);
    return new SignJWT({ ...account.claims, auth_time: seconds, ...(nonce ? { nonce } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: options.key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(account.id)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + lifetime)
      .sign(options.key.privateKey);
  }

  async function tokenResponse(res: ServerResponse, grant: Grant, nonce: string | undefined): Promise<void> {
    const account = accountById(grant.accountId);
    if (!account) return oauthError(res, 400, 'invalid_grant', 'The account no longer exists.');
    const refreshToken = random();
    refreshTokens.set(refreshToken, { ...grant, expiresAt: now() + refreshTokenSeconds * 1000, used: false });
    sendJson(
      res,
      200,
      { access_token: random(), token_type: 'Bearer', expires_in: idTokenSeconds, id_token: await idToken(account, grant.clientId, nonce), refresh_token: refreshToken, scope: grant.scope },
      noStore,
    );
  }

  /** client_secret_basic, client_secret_post, or a public client naming itself. */
  function authenticateClient(req: IncomingMessage, form: URLSearchParams): OidcClient | 'invalid' | undefined {
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    if (basic?.[1]) {
      const [user, pass] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      id = decodeURIComponent(user ?? '');
      secret = decodeURIComponent(pass ?? '');
    }
    if (!id) return undefined;
    const client = clientById(id);
    if (!client) return 'invalid';
    if (client.secret && !(secret && sameText(secret, client.secret))) return 'invalid';
    return client;
  }

  function revokeFamily(family: string): void {
    revokedFamilies.add(family);
    for (const [token, grant] of refreshTokens) if (grant.family === family) refreshTokens.delete(token);
  }

  async function authorizeRequest(req: IncomingMessage, res: ServerResponse, params: URLSearchParams): Promise<void> {
    const lang = langOf(params.get('ui_locales'));
    const client = clientById(params.get('client_id'));
    const redirectUri = params.get('redirect_uri') ?? '';
    // An unknown client or a redirect URI it did not register is shown here, never redirected to
    // (RFC 6749 §4.1.2.1): otherwise the provider would be an open redirector.
    if (!client) return send(res, 400, messagePage(lang, 'unknownClient', options.name), html);
    if (!client.redirectUris.includes(redirectUri)) return send(res, 400, messagePage(lang, 'badRedirect', options.name), html);
    const state = params.get('state') ?? undefined;
    const back = (query: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries({ ...query, ...(state ? { state } : {}) })) target.searchParams.set(k, v);
      send(res, 303, '', { location: target.href, 'cache-control': 'no-store' });
    };
    if (params.get('response_type') !== 'code') return back({ error: 'unsupported_response_type', error_description: 'Only response_type=code is supported.' });
    if (!(params.get('scope') ?? '').split(' ').includes('openid')) return back({ error: 'invalid_scope', error_description: 'The openid scope is required.' });
    const challenge = params.get('code_challenge') ?? '';
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return back({ error: 'invalid_request', error_description: 'PKCE with code_challenge_method=S256 is required.' });
    }
    if (req.method === 'GET') {
      const hidden = Object.fromEntries(AUTHORIZE_PARAMS.flatMap((k) => (params.get(k) !== null ? [[k, params.get(k) as string]] : [])));
      return send(res, 200, consentPage({ lang, action: endpoint('/authorize'), name: options.name, accounts: options.accounts, hidden }), html);
    }
    if (params.get('action') === 'cancel') return back({ error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
    const account = accountById(params.get('account') ?? '');
    if (!account) {
      const hidden = Object.fromEntries(AUTHORIZE_PARAMS.flatMap((k) => (params.get(k) !== null ? [[k, params.get(k) as string]] : [])));
      return send(res, 400, consentPage({ lang, action: endpoint('/authorize'), name: options.name, accounts: options.accounts, hidden, error: true }), html);
    }
    const code = random();
    const nonce = params.get('nonce') ?? undefined;
    codes.set(code, {
      clientId: client.clientId,
      accountId: account.id,
      scope: params.get('scope') ?? 'openid',
      family: random(),
      expiresAt: now() + codeSeconds * 1000,
      redirectUri,
      challenge,
      ...(nonce ? { nonce } : {}),
      used: false,
    });
    back({ code });
  }

  async function token(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): Promise<void> {
    const client = authenticateClient(req, form);
    if (client === 'invalid') return oauthError(res, 401, 'invalid_client', 'Unknown client or wrong client secret.', { 'www-authenticate': 'Basic realm="sandbox"' });
    const grantType = form.get('grant_type');
    if (!grantType) return oauthError(res, 400, 'invalid_request', 'grant_type is required.');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported.`);
    if (!client) return oauthError(res, 401, 'invalid_client', 'client_id is required.', { 'www-authenticate': 'Basic realm="sandbox"' });

    if (grantType === 'refresh_token') {
      const presented = form.get('refresh_token');
      if (!presented) return oauthError(res, 400, 'invalid_request', 'refresh_token is required.');
      const grant = refreshTokens.get(presented);
      if (!grant || grant.clientId !== client.clientId || grant.expiresAt <= now() || revokedFamilies.has(grant.family)) return oauthError(res, 400, 'invalid_grant', 'The refresh token is not valid.');
      if (grant.used) {
        revokeFamily(grant.family);
        return oauthError(res, 400, 'invalid_grant', 'The refresh token was already used; the sign-in is revoked.');
      }
      grant.used = true;
      return tokenResponse(res, { clientId: grant.clientId, accountId: grant.accountId, scope: grant.scope, family: grant.family, expiresAt: grant.expiresAt }, undefined);
    }

    const code = form.get('code');
    const verifier = form.get('code_verifier');
    if (!code) return oauthError(res, 400, 'invalid_request', 'code is required.');
    if (!verifier) return oauthError(res, 400, 'invalid_request', 'code_verifier is required (PKCE).');
    const grant = codes.get(code);
    if (!grant || grant.clientId !== client.clientId) return oauthError(res, 400, 'invalid_grant', 'The authorization code is not valid.');
    if (grant.used) {
      // A code presented twice was intercepted or replayed: what it bought is revoked too.
      revokeFamily(grant.family);
      return oauthError(res, 400, 'invalid_grant', 'The authorization code was already used.');
    }
    grant.used = true;
    if (grant.expiresAt <= now()) return oauthError(res, 400, 'invalid_grant', 'The authorization code has expired.');
    if (form.get('redirect_uri') !== grant.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri differs from the authorization request.');
    if (!PKCE_VERIFIER.test(verifier) || !sameText(s256(verifier), grant.challenge)) return oauthError(res, 400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
    return tokenResponse(res, grant, grant.nonce);
  }

  function logout(res: ServerResponse, params: URLSearchParams): void {
    const lang = langOf(params.get('ui_locales'));
    const target = params.get('post_logout_redirect_uri');
    const client = clientById(params.get('client_id') ?? audienceOf(params.get('id_token_hint')));
    if (target && client?.postLogoutRedirectUris.includes(target)) {
      const url = new URL(target);
      const state = params.get('state');
      if (state) url.searchParams.set('state', state);
      return send(res, 303, '', { location: url.href, 'cache-control': 'no-store' });
    }
    send(res, 200, messagePage(lang, 'signedOut', options.name), html);
  }

  return {
    issuer,
    jwksUrl: endpoint('/.well-known/jwks.json'),
    jwks: () => ({ keys: [options.key.publicJwk] }),
    async issueIdToken(accountId, clientId, extra = {}) {
      const account = accountById(accountId);
      return account ? idToken(account, clientId, undefined, extra.lifetimeSeconds) : undefined;
    },
    async handle(req, res, url, readBody) {
      if (!url.pathname.startsWith(`${options.basePath}/`)) return false;
      const route = `${req.method} ${url.pathname.slice(options.basePath.length)}`;
      const form = async () => new URLSearchParams((await readBody()).toString('utf8'));
      switch (route) {
        case 'GET /.well-known/openid-configuration':
          sendJson(res, 200, discovery(issuer), { 'cache-control': 'public, max-age=300' });
          return true;
        case 'GET /.well-known/jwks.json':
          sendJson(res, 200, { keys: [options.key.publicJwk] }, { 'cache-control': 'public, max-age=300' });
          return true;
        case 'GET /authorize':
          await authorizeRequest(req, res, url.searchParams);
          return true;
        case 'POST /authorize':
          await authorizeRequest(req, res, await form());
          return true;
        case 'POST /token':
          if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) oauthError(res, 400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
          else await token(req, res, await form());
          return true;
        case 'POST /revoke': {
          // RFC 7009 §2.2: the answer is 200 whether or not the token was known.
          const body = await form();
          const client = authenticateClient(req, body);
          if (client === 'invalid' || !client) {
            oauthError(res, 401, 'invalid_client', 'Unknown client or wrong client secret.');
            return true;
          }
          const grant = refreshTokens.get(body.get('token') ?? '');
          if (grant && grant.clientId === client.clientId) revokeFamily(grant.family);
          send(res, 200, '', noStore);
          return true;
        }
        case 'GET /logout':
          logout(res, url.searchParams);
          return true;
        default:
          return false;
      }
    },
  };
}

function discovery(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    revocation_endpoint: `${issuer}/revoke`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'profile', 'email'],
    ui_locales_supported: ['vi', 'en'],
  };
}

function oauthError(res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error, error_description: description }, { ...noStore, ...headers });
}

/** The `aud` of an id_token_hint, unverified: it only picks which registered logout URIs apply. */
function audienceOf(token: string | null): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const aud = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud?: unknown }).aud;
    return typeof aud === 'string' ? aud : Array.isArray(aud) && typeof aud[0] === 'string' ? aud[0] : undefined;
  } catch {
    return undefined;
  }
}
