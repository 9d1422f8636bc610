/**
 * Secrets the functions need: VNPay merchant credentials and the key that signs pay links. In AWS
 * they come from one Secrets Manager secret (JSON), read once per container; locally from
 * environment variables that the local server sets (and the sandbox VNPay double reads too).
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { config } from './config';
import { ttlCache } from './ttl-cache';

const secretsSchema = z.object({
  vnpayTmnCode: z.string().check(z.regex(/^[A-Z0-9]{8}$/)),
  vnpayHashSecret: z.string().check(z.minLength(16)),
  payLinkKey: z.string().check(z.minLength(16)),
  /** Master key of the HIS callback signatures (each hospital gets a key derived from it). */
  hisSigningKey: z.string().check(z.minLength(16)),
  /** Client secrets of confidential OIDC clients (VNeID), by issuer id (ADR 0021). */
  oidcClientSecrets: z._default(z.record(z.string(), z.string().check(z.minLength(1))), {}),
});
export type PortalSecrets = z.infer<typeof secretsSchema>;

let client: SecretsManagerClient | undefined;

async function load(): Promise<PortalSecrets> {
  if (config.PORTAL_SECRET_ARN) {
    // The SDK is loaded on the first read, not at module load: most functions import this module
    // but read the secret only on a few routes, and loading the package costs their cold start.
    const sdk = await import('@aws-sdk/client-secrets-manager');
    client ??= new sdk.SecretsManagerClient({ region: config.AWS_REGION });
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: config.PORTAL_SECRET_ARN }));
    return secretsSchema.parse(JSON.parse(SecretString ?? '{}'));
  }
  return secretsSchema.parse({ vnpayTmnCode: process.env.VNPAY_TMN_CODE, vnpayHashSecret: process.env.VNPAY_HASH_SECRET, payLinkKey: process.env.PAY_LINK_KEY, hisSigningKey: process.env.HIS_SIGNING_KEY, oidcClientSecrets: JSON.parse(process.env.OIDC_CLIENT_SECRETS ?? '{}') as unknown });
}

/** Re-read every 15 minutes, so a rotated secret is picked up without a deploy. */
export const getSecrets = ttlCache(15 * 60_000, load);
