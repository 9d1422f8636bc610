/**
 * Secrets the functions need: VNPay merchant credentials and the key that signs pay links. In AWS
 * they come from one Secrets Manager secret (JSON), read once per container; locally from
 * environment variables that the local server sets (and the sandbox VNPay double reads too).
 * The schema is shared with `npm run setup:secrets` and the pre-deploy check
 * (shared/src/portal-secret.ts): a placeholder left in the secret fails closed here too.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { portalSecretSchema, type PortalSecret } from '@portal/shared/portal-secret';
import { config } from './config';
import { ttlCache } from './ttl-cache';

export type PortalSecrets = PortalSecret;

let client: SecretsManagerClient | undefined;

async function load(): Promise<PortalSecrets> {
  if (config.PORTAL_SECRET_ARN) {
    // The SDK is loaded on the first read, not at module load: most functions import this module
    // but read the secret only on a few routes, and loading the package costs their cold start.
    const sdk = await import('@aws-sdk/client-secrets-manager');
    client ??= new sdk.SecretsManagerClient({ region: config.AWS_REGION });
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: config.PORTAL_SECRET_ARN }));
    return portalSecretSchema.parse(JSON.parse(SecretString ?? '{}'));
  }
  const env = process.env;
  return portalSecretSchema.parse({
    vnpayTmnCode: env.VNPAY_TMN_CODE,
    vnpayHashSecret: env.VNPAY_HASH_SECRET,
    payLinkKey: env.PAY_LINK_KEY,
    hisSigningKey: env.HIS_SIGNING_KEY,
    oidcClientSecrets: JSON.parse(env.OIDC_CLIENT_SECRETS ?? '{}') as unknown,
    ...(env.VNPAY_HASH_SECRET_PREVIOUS ? { vnpayHashSecretPrevious: env.VNPAY_HASH_SECRET_PREVIOUS, vnpayHashSecretPreviousUntil: env.VNPAY_HASH_SECRET_PREVIOUS_UNTIL } : {}),
  });
}

/** Re-read every 15 minutes, so a rotated secret is picked up without a deploy. */
export const getSecrets = ttlCache(15 * 60_000, load);
