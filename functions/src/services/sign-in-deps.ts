/** The sign-in relay's dependencies, made once per container: no table, only the portal secret's OIDC client secrets. */
import { config } from '../platform/config';
import { getSecrets } from '../platform/secrets';
import type { SignInDeps } from './sign-in';

export const signInDeps: SignInDeps = {
  publicBaseUrl: config.PUBLIC_BASE_URL,
  clientSecret: async (issuerId) => (await getSecrets()).oidcClientSecrets[issuerId],
};
