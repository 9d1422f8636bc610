/**
 * The local stack's two identity providers (ADR 0021), one OIDC implementation with two
 * configurations: `/sandbox/idp` issues the portal's demo accounts (staff and citizens, claims
 * shaped like Cognito's: role as a group, bindings as custom attributes) to a public client;
 * `/sandbox/vneid` is a VNeID double for the national path — a confidential client, demo citizens
 * with a CCCD number and a date of birth. Each signs with its own key kept under .data/ so
 * tokens survive a restart. Local only, never deployed.
 */
import type { IssuerConfig } from '@portal/shared/auth/issuers';
import { CLAIMS, ROLE_LABELS } from '@portal/shared/roles';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoUsers, type DemoUser } from '../demo-users';
import { oidcProvider, type OidcAccount, type OidcClient, type OidcProvider } from './oidc-provider';

/** The portal's client id at the local IdP, and the audience of its ID tokens. */
export const LOCAL_AUDIENCE = 'portal-local';
export const LOCAL_VNEID_CLIENT = 'portal-vneid-local';

/** Fictitious citizens of the VNeID double: 12-digit personal IDs that belong to nobody. */
export const VNEID_CITIZENS = [
  { sub: 'vneid-7c1f0a52', name: 'Lê Thị Cúc', national_id: '079185004321', birthdate: '1985-03-21' },
  { sub: 'vneid-b93e4d18', name: 'Trịnh Văn Dũng', national_id: '001078009876', birthdate: '1978-11-02' },
] as const;

export interface LocalIdentity {
  portal: OidcProvider;
  vneid: OidcProvider;
  /** AUTH_ISSUERS for the functions. */
  issuers: IssuerConfig[];
  /** The confidential clients' secrets, as the portal secret's `oidcClientSecrets` holds them in AWS. */
  clientSecrets: Record<string, string>;
  /** An ID token of the portal IdP for a demo account (POST /sandbox/token). */
  issueToken(userId: string): Promise<string | undefined>;
}

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(keyFile: string | undefined, prefix: string): Promise<{ kid: string; privateKey: CryptoKey | KeyObject; publicJwk: JWK }> {
  let key: KeyFile;
  if (keyFile && existsSync(keyFile)) {
    key = JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile;
  } else {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const kid = `${prefix}-${Date.now().toString(36)}`;
    key = { kid, privateJwk: await exportJWK(pair.privateKey), publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
    }
  }
  // An RSA JWK always imports as a key object (only 'oct' keys come back as bytes).
  return { kid: key.kid, privateKey: (await importJWK(key.privateJwk, 'RS256')) as CryptoKey | KeyObject, publicJwk: key.publicJwk };
}

/** The site's callback and sign-out return addresses, Vietnamese and English. */
function siteClient(origin: string, clientId: string, secret?: string): OidcClient {
  return {
    clientId,
    redirectUris: [`${origin}/dang-nhap/xong/`, `${origin}/en/sign-in/done/`],
    postLogoutRedirectUris: [`${origin}/`, `${origin}/en/`],
    ...(secret ? { secret } : {}),
  };
}

export async function createLocalIdentity(origin: string, options: { keyFile?: string; idTokenSeconds?: number } = {}): Promise<LocalIdentity> {
  const vneidKeyFile = options.keyFile ? join(dirname(options.keyFile), 'vneid-key.json') : undefined;
  // A fresh secret per start, like the documents URL key: only this process and its functions know it.
  const vneidSecret = randomBytes(24).toString('base64url');
  const lifetimes = options.idTokenSeconds ? { idTokenSeconds: options.idTokenSeconds } : {};
  const portal = oidcProvider({
    origin,
    basePath: '/sandbox/idp',
    name: { vi: 'Tài khoản thử nghiệm của Cổng', en: 'Portal demo accounts' },
    key: await loadOrCreateKey(options.keyFile, 'local'),
    clients: [siteClient(origin, LOCAL_AUDIENCE)],
    accounts: demoUsers.map(portalAccount),
    ...lifetimes,
  });
  const vneid = oidcProvider({
    origin,
    basePath: '/sandbox/vneid',
    name: { vi: 'VNeID (bản thử nghiệm)', en: 'VNeID (sandbox double)' },
    key: await loadOrCreateKey(vneidKeyFile, 'vneid'),
    clients: [siteClient(origin, LOCAL_VNEID_CLIENT, vneidSecret)],
    accounts: VNEID_CITIZENS.map(({ sub, ...claims }) => ({ id: sub, label: `${claims.name} — CCCD ···${claims.national_id.slice(-4)}`, group: ROLE_LABELS.citizen, claims })),
    ...lifetimes,
  });
  const issuers: IssuerConfig[] = [
    { id: 'portal', kind: 'portal', for: 'everyone', issuer: portal.issuer, clientId: LOCAL_AUDIENCE, jwksUrl: portal.jwksUrl, label: { vi: 'Tài khoản thử nghiệm', en: 'Demo account' }, confidential: false },
    { id: 'vneid', kind: 'national', for: 'citizens', issuer: vneid.issuer, clientId: LOCAL_VNEID_CLIENT, jwksUrl: vneid.jwksUrl, label: { vi: 'VNeID (thử nghiệm)', en: 'VNeID (sandbox)' }, confidential: true },
  ];
  return {
    portal,
    vneid,
    issuers,
    clientSecrets: { vneid: vneidSecret },
    issueToken: (userId) => portal.issueIdToken(userId, LOCAL_AUDIENCE, { lifetimeSeconds: 8 * 60 * 60 }),
  };
}

/** Claims shaped like a Cognito ID token: role as a group, bindings as custom attributes. */
function portalAccount(user: DemoUser): OidcAccount {
  const binding = user.organisationId ?? user.unitId ?? (user.hospitalId ? `${user.hospitalId}${user.duties?.length ? ` · ${user.duties.join(', ')}` : ''}` : '');
  return {
    id: user.id,
    label: binding ? `${user.name} — ${binding}` : user.name,
    group: ROLE_LABELS[user.role],
    claims: {
      token_use: 'id',
      [CLAIMS.groups]: [user.role],
      [CLAIMS.name]: user.name,
      email: user.email,
      ...(user.organisationId ? { [CLAIMS.organisation]: user.organisationId } : {}),
      ...(user.unitId ? { [CLAIMS.unit]: user.unitId } : {}),
      ...(user.hospitalId ? { [CLAIMS.hospital]: user.hospitalId } : {}),
      ...(user.duties?.length ? { [CLAIMS.duties]: user.duties.join(',') } : {}),
    },
  };
}
