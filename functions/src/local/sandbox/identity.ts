/**
 * The local dev identity provider: a login page with the demo accounts, RS256 ID tokens signed
 * by a local key (kept under .data/ so tokens survive a restart), and the JWKS the API verifies
 * them with — the same verification path as Cognito in AWS. Local only, never deployed.
 */
import { CLAIMS } from '@portal/shared/roles';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoUsers, type DemoUser } from '../demo-users';

export const LOCAL_AUDIENCE = 'portal-local';
const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface IdentityProvider {
  issuer: string;
  jwksUrl: string;
  audience: string;
  jwks(): { keys: JWK[] };
  issueToken(userId: string): Promise<string | undefined>;
}

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<KeyFile> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const key: KeyFile = { kid, privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
  }
  return key;
}

export async function createIdentityProvider(origin: string, keyFile?: string): Promise<IdentityProvider> {
  const key = await loadOrCreateKey(keyFile);
  const privateKey = await importJWK(key.privateJwk, 'RS256');
  const issuer = `${origin}/sandbox/idp`;
  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience: LOCAL_AUDIENCE,
    jwks: () => ({ keys: [key.publicJwk] }),
    async issueToken(userId) {
      const user = demoUsers.find((u) => u.id === userId);
      if (!user) return undefined;
      return new SignJWT(claimsOf(user))
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(user.id)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
        .sign(privateKey);
    },
  };
}

/** Claims shaped like a Cognito ID token: role as a group, bindings as custom attributes. */
function claimsOf(user: DemoUser): Record<string, unknown> {
  return {
    token_use: 'id',
    [CLAIMS.groups]: [user.role],
    [CLAIMS.name]: user.name,
    email: user.email,
    ...(user.organisationId ? { [CLAIMS.organisation]: user.organisationId } : {}),
    ...(user.unitId ? { [CLAIMS.unit]: user.unitId } : {}),
    ...(user.hospitalId ? { [CLAIMS.hospital]: user.hospitalId } : {}),
    ...(user.duties?.length ? { [CLAIMS.duties]: user.duties.join(',') } : {}),
  };
}
