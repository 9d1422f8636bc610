/**
 * The OIDC issuers the portal trusts (ADR 0021). One list, from the `AUTH_ISSUERS` setting
 * (JSON): the functions verify ID tokens against it, the sign-in relay exchanges codes with it,
 * and the site offers its entries as sign-in choices. Locally: the dev IdP and the VNeID double;
 * in AWS: the Cognito pools and VNeID when configured (ADR 0022).
 */
import * as z from 'zod/mini';
import { ROLES } from '../roles';

/**
 * `portal`: an issuer of the portal's own accounts — role from `cognito:groups`, bindings from
 * `custom:*` (ADR 0003). `national`: a national identity provider (VNeID) — always a citizen,
 * whatever the token says about groups; the identity claims below prefill forms.
 */
export const ISSUER_KINDS = ['portal', 'national'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** Who a sign-in choice is for: the site shows staff choices on staff pages, citizen ones elsewhere. */
export const ISSUER_AUDIENCES = ['everyone', 'citizens', 'staff'] as const;
export type IssuerAudience = (typeof ISSUER_AUDIENCES)[number];

const label = z.object({ vi: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
const httpUrl = z.url({ protocol: /^https?$/ });

export const issuerSchema = z.object({
  /** Short stable name: in the refresh cookie, the sign-in state and the principal. */
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/)),
  kind: z.enum(ISSUER_KINDS),
  for: z._default(z.enum(ISSUER_AUDIENCES), 'everyone'),
  /** The `iss` of its tokens; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: httpUrl,
  /** The OAuth client id of the portal at this issuer, and the `aud` of its ID tokens. */
  clientId: z.string().check(z.minLength(1), z.maxLength(128)),
  jwksUrl: httpUrl,
  /** The sign-in button's words. */
  label,
  /** Where sign-out ends at the issuer when discovery has no `end_session_endpoint` (Cognito's `/logout`). */
  logoutUrl: z.optional(httpUrl),
  /** RFC 7009 revocation endpoint when discovery does not name one (Cognito's `/oauth2/revoke`). */
  revocationUrl: z.optional(httpUrl),
  /**
   * Portal issuers: the only roles its accounts may have (ADR 0022). The staff pool, which requires
   * MFA, grants the staff roles; the citizens' pool, open to self sign-up, only `citizen` and
   * `clinic_owner`: a group of another name added there by mistake gives no one a staff role.
   * Absent: any role (the local IdP, a single-issuer setup).
   */
  roles: z.optional(z.array(z.enum(ROLES)).check(z.minLength(1))),
  /** A confidential client: its secret is `oidcClientSecrets[id]` in the portal secret. */
  confidential: z._default(z.boolean(), false),
  /** National issuers: the claims that carry the identity (defaults: VNeID's names in shared/src/auth/national-claims.ts). */
  claims: z.optional(
    z.object({
      nationalId: z.optional(z.string()),
      fullName: z.optional(z.string()),
      birthDate: z.optional(z.string()),
    }),
  ),
});
export type IssuerConfig = z.infer<typeof issuerSchema>;

export const issuersSchema = z.array(issuerSchema).check(
  z.minLength(1),
  z.refine((list) => new Set(list.map((i) => i.id)).size === list.length && new Set(list.map((i) => i.issuer)).size === list.length, 'issuer ids and issuer URLs must be unique'),
);

/** Parses `AUTH_ISSUERS`; a bad value throws with the path of the first problem. */
export function parseIssuers(json: string): IssuerConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('AUTH_ISSUERS is not JSON');
  }
  const parsed = issuersSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`AUTH_ISSUERS is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
