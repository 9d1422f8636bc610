import { httpHandler } from '../../platform/http';
import { signInChoices } from '../../services/sign-in';
import { signInDeps } from '../../services/sign-in-deps';

/** The sign-in page's choices; the same for everyone, so a short public cache is fine. */
export const handler = httpHandler('auth.config', async () => ({
  body: { issuers: await signInChoices(signInDeps) },
  headers: { 'cache-control': 'public, max-age=300' },
}));
