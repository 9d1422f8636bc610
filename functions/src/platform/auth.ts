/**
 * Sign-in verification, the same path locally and in AWS: an RS256 ID token checked against the
 * issuer's JWKS (Cognito's in AWS, the dev identity provider's locally), then mapped to a
 * Principal. The route table's rule is enforced here, before any handler runs.
 */
import { nationalIdentityOf } from '@portal/shared/auth/national-claims';
import type { IssuerConfig } from '@portal/shared/auth/issuers';
import { CLAIMS, DUTIES, ROLES, type Duty, type Principal, type Role } from '@portal/shared/roles';
import { allowsRoute } from '@portal/shared/policy';
import type { AuthRule } from '@portal/shared/routes';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from './errors';
import { issuerByUrl } from './issuers';

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const keySetOf = (issuer: IssuerConfig) => {
  let keys = keySets.get(issuer.id);
  if (!keys) keySets.set(issuer.id, (keys = createRemoteJWKSet(new URL(issuer.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 3_000 })));
  return keys;
};

/**
 * An ID token of one of the trusted issuers (ADR 0021): the unverified `iss` only picks the
 * issuer; signature (RS256, its JWKS), issuer, audience (its client id) and expiry are then
 * checked, and `nonce` when the sign-in relay expects one.
 */
export async function verifyToken(token: string, expected: { nonce?: string } = {}): Promise<Principal> {
  let issuer: IssuerConfig | undefined;
  try {
    const iss = decodeJwt(token).iss;
    issuer = typeof iss === 'string' ? issuerByUrl(iss) : undefined;
  } catch (error) {
    throw new AppError('unauthenticated', { cause: error });
  }
  if (!issuer) throw new AppError('unauthenticated');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySetOf(issuer), {
      issuer: issuer.issuer,
      audience: issuer.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWKS_TIMEOUT') throw new AppError('service_unavailable', { cause: error });
    throw new AppError('unauthenticated', { cause: error });
  }
  if (expected.nonce !== undefined && payload.nonce !== expected.nonce) throw new AppError('unauthenticated');
  if (issuer.kind === 'national') return nationalPrincipal(issuer, payload);
  // Cognito puts access tokens under the same issuer and keys: only ID tokens carry the claims we read.
  if (payload.token_use !== 'id') throw new AppError('unauthenticated');
  return principalFromClaims(payload, issuer.roles);
}

/**
 * A national identity provider vouches for a person, not for a role: always a citizen, whatever
 * groups the token might carry, and a user id of its own namespace so it can never collide with
 * (or take over) a portal account.
 */
export function nationalPrincipal(issuer: IssuerConfig, payload: JWTPayload): Principal {
  if (payload.token_use !== undefined && payload.token_use !== 'id') throw new AppError('unauthenticated');
  if (typeof payload.sub !== 'string' || !/^[\w.@:-]{1,128}$/.test(payload.sub)) throw new AppError('unauthenticated');
  const identity = nationalIdentityOf(payload, issuer.claims);
  return { userId: `${issuer.id}:${payload.sub}`, role: 'citizen', name: identity.fullName ?? '', duties: [], identity };
}

/**
 * Claims → Principal. An account in no portal group is a citizen: that is what Cognito self
 * sign-up creates, and other roles are only granted by an administrator adding a group. An
 * account in two non-citizen groups is a misconfiguration, refused rather than guessed at, and so
 * is a role its issuer may not grant (`allowedRoles`, the issuer's `roles`): a staff-pool account
 * in no group, or a citizens'-pool account put in a staff group (ADR 0022).
 */
export function principalFromClaims(payload: JWTPayload, allowedRoles?: readonly Role[]): Principal {
  const groups = Array.isArray(payload[CLAIMS.groups]) ? (payload[CLAIMS.groups] as unknown[]) : [];
  const granted = ROLES.filter((r) => r !== 'citizen' && groups.includes(r));
  if (granted.length > 1) throw new AppError('forbidden', { detail: 'This account has more than one staff role; ask an administrator to fix it.' });
  const role = granted[0] ?? 'citizen';
  if (allowedRoles && !allowedRoles.includes(role)) throw new AppError('forbidden', { detail: 'This account has no role the portal accepts from its sign-in provider; ask an administrator to fix it.' });
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new AppError('unauthenticated');
  const text = (claim: string) => (typeof payload[claim] === 'string' && payload[claim] !== '' ? (payload[claim] as string) : undefined);
  const duties = (text(CLAIMS.duties) ?? '').split(',').filter((d): d is Duty => (DUTIES as readonly string[]).includes(d));
  return {
    userId: payload.sub,
    role,
    name: text(CLAIMS.name) ?? '',
    organisationId: text(CLAIMS.organisation),
    unitId: text(CLAIMS.unit),
    hospitalId: text(CLAIMS.hospital),
    duties,
  };
}

/** Bearer token from the (normalised, lower-case) headers, if any. */
export function bearerToken(headers: Record<string, string | undefined>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/**
 * A hospital information system calling with its API key acts as staff of its own hospital with
 * no duties (ADR 0012). The table client loads only here, so functions without such routes never
 * create one for authentication.
 */
async function principalFromApiKey(apiKey: string): Promise<Principal> {
  const [{ db, tableName }, { findHisKey }] = await Promise.all([import('./dynamo'), import('../repositories/his-keys')]);
  const key = /^his_[a-z0-9-]{3,40}_[\w-]{43}$/.test(apiKey) ? await findHisKey({ db, tableName }, apiKey) : undefined;
  if (!key || key.revoked) throw new AppError('unauthenticated');
  return { userId: `his:${key.hospitalId}:${key.keyId}`, role: 'hospital_staff', name: 'HIS', hospitalId: key.hospitalId, duties: [] };
}

/**
 * Resolve the caller and apply the route's rule. Public routes still identify a caller who sent
 * a token (so a handler can tailor its answer), but a bad token on a public route is ignored.
 */
export async function authorize(rule: AuthRule, headers: Record<string, string | undefined>): Promise<Principal | undefined> {
  const token = bearerToken(headers);
  let principal: Principal | undefined;
  const apiKey = headers['x-api-key'];
  if (rule !== 'public' && rule.apiKey === 'his' && apiKey && !token) {
    principal = await principalFromApiKey(apiKey);
  } else if (token) {
    try {
      principal = await verifyToken(token);
    } catch (error) {
      if (rule !== 'public') throw error;
    }
  }
  const verdict = allowsRoute(rule, principal);
  if (verdict !== 'allowed') throw new AppError(verdict);
  return principal;
}
