import { httpHandler } from '../../platform/http';
import { requireSessionHeader } from '../../services/session-header';
import { signOut } from '../../services/sign-in';
import { signInDeps } from '../../services/sign-in-deps';

/** Revokes the refresh token at its issuer, clears the cookies, says where the issuer's session ends. */
export const handler = httpHandler('auth.logout', async ({ headers, cookies, body, lang }) => {
  requireSessionHeader(headers);
  return signOut(cookies, body?.lang ?? lang, signInDeps);
});
