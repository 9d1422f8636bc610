import { httpHandler } from '../../platform/http';
import { exchangeCode } from '../../services/sign-in';
import { signInDeps } from '../../services/sign-in-deps';

/** The callback page's code + PKCE verifier → the ID token; the refresh token stays in an HttpOnly cookie. */
export const handler = httpHandler('auth.token', async ({ body }) => exchangeCode(body, signInDeps));
