import { httpHandler } from '../../platform/http';
import { requireSessionHeader } from '../../services/session-header';
import { refreshSession } from '../../services/sign-in';
import { signInDeps } from '../../services/sign-in-deps';

/** A new ID token from the refresh cookie; 401 (cookies cleared) once the issuer says no. */
export const handler = httpHandler('auth.refresh', async ({ headers, cookies }) => {
  requireSessionHeader(headers);
  return refreshSession(cookies, signInDeps);
});
