/** The sign-in relay's requests and answers (routes auth.*; ADR 0021). */
import * as z from 'zod/mini';
import { ISSUER_AUDIENCES, ISSUER_KINDS } from './issuers';

const issuerId = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/));

/** The callback page's exchange: the code it received and the PKCE verifier and nonce it kept. */
export const tokenExchangeSchema = z.strictObject({
  issuer: issuerId,
  code: z.string().check(z.minLength(1), z.maxLength(2048)),
  codeVerifier: z.string().check(z.regex(/^[A-Za-z0-9\-._~]{43,128}$/)),
  redirectUri: z.url({ protocol: /^https?$/ }),
  nonce: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/)),
});
export type TokenExchange = z.infer<typeof tokenExchangeSchema>;

export const logoutSchema = z.optional(z.strictObject({ lang: z.optional(z.enum(['vi', 'en'])) }));

/** One sign-in choice, as `GET /api/auth/config` lists them. */
export const signInChoiceSchema = z.object({
  id: z.string(),
  kind: z.enum(ISSUER_KINDS),
  for: z.enum(ISSUER_AUDIENCES),
  label: z.object({ vi: z.string(), en: z.string() }),
  clientId: z.string(),
  authorizationEndpoint: z.string().check(z.describe("From the issuer's discovery document: where the browser goes to sign in")),
});
export type SignInChoice = z.infer<typeof signInChoiceSchema>;
export const signInConfigSchema = z.object({ issuers: z.array(signInChoiceSchema) });

/** What the site keeps for the tab: the ID token and when it expires. */
export const sessionTokenSchema = z.object({
  idToken: z.string(),
  expiresAt: z.string().check(z.describe("ISO instant: the token's `exp`")),
  issuer: z.string(),
});
export type SessionToken = z.infer<typeof sessionTokenSchema>;

/** Where sign-out ends: the issuer's end-session address, coming back to the portal's home page. */
export const signedOutSchema = z.object({ endSessionUrl: z.nullable(z.string()) });
export type SignedOut = z.infer<typeof signedOutSchema>;

/** The header refresh and logout require: a cross-site form cannot send it (with SameSite=Strict cookies, a second lock). */
export const SESSION_HEADER = 'x-portal-session';

/** Cookie names: the HttpOnly refresh cookie on /api/auth, and a flag (no secret) that tells pages a session can be renewed. */
export const REFRESH_COOKIE = 'portal_refresh';
export const SIGNED_IN_COOKIE = 'portal_signed_in';
