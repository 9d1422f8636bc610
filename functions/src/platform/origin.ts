/**
 * CloudFront adds a secret `x-origin-verify` header to every request it sends to the HTTP API
 * (infra/lib/site.ts, ADR 0007). A request without it reached the API's own execute-api address,
 * around WAF and CloudFront's response headers, and gets a plain 403 `forbidden` that says
 * nothing about why. AWS only: without ORIGIN_VERIFY_SECRET_ARN (local server, tests) nothing is
 * checked. The header is removed once checked, so no handler or log line ever holds it.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from './config';
import { AppError } from './errors';
import { logger } from './logger';
import { ttlCache } from './ttl-cache';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

type Headers = Record<string, string | undefined>;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Constant-time comparison. Both sides are SHA-256 digests, so the buffers always have the same
 * length: a header of the wrong length neither throws in timingSafeEqual nor answers faster.
 */
export function matchesSecret(given: string | undefined, expected: Buffer): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), expected);
}

/** The secret's digest, read once per container; a failed read is not kept, the next request retries. */
function secretDigest(secretArn: string): () => Promise<Buffer> {
  let client: SecretsManagerClient | undefined;
  return ttlCache(Number.POSITIVE_INFINITY, async () => {
    // Loaded only where the check is on; the Lambda runtime provides the SDK (external in bundles).
    const sdk = await import('@aws-sdk/client-secrets-manager');
    client ??= new sdk.SecretsManagerClient({
      region: config.AWS_REGION,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
    });
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretArn }));
    // Fail closed: an empty value must never make every request pass.
    if (!SecretString) throw Object.assign(new Error('The origin-verify secret is empty'), { name: 'EmptySecret' });
    return digest(SecretString);
  });
}

/** The check for one configuration; `verifyOrigin` below is the one the handler factory uses. */
export function originCheck(secretArn: string | undefined): (headers: Headers) => Promise<void> {
  if (!secretArn) return async () => undefined;
  const expected = secretDigest(secretArn);
  return async (headers) => {
    const given = headers[ORIGIN_VERIFY_HEADER];
    delete headers[ORIGIN_VERIFY_HEADER];
    // No header at all: refuse without reading the secret.
    if (!given) throw new AppError('forbidden');
    let secret: Buffer;
    try {
      secret = await expected();
    } catch (error) {
      logger.error('Origin-verify secret could not be read', { errorName: (error as { name?: string } | null)?.name });
      throw new AppError('service_unavailable', { headers: { 'retry-after': '1' }, cause: error });
    }
    if (!matchesSecret(given, secret)) throw new AppError('forbidden');
  };
}

export const verifyOrigin = originCheck(config.ORIGIN_VERIFY_SECRET_ARN);
