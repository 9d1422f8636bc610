/**
 * CloudFront response-headers policy built from shared/src/security-headers.ts, the same values the
 * local server sends, so a header test that passes locally holds in AWS too. Values are parsed
 * from the shared strings, never retyped here.
 */
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { SECURITY_HEADERS } from '@portal/shared/security-headers';

/** `max-age=63072000; includeSubDomains; preload` → its parts. */
export function parseHsts(value: string): { maxAge: number; includeSubdomains: boolean; preload: boolean } {
  const parts = value.split(';').map((p) => p.trim().toLowerCase());
  const maxAge = Number(/^max-age=(\d+)$/.exec(parts.find((p) => p.startsWith('max-age=')) ?? '')?.[1]);
  if (!Number.isInteger(maxAge)) throw new Error(`HSTS header without max-age: ${value}`);
  return { maxAge, includeSubdomains: parts.includes('includesubdomains'), preload: parts.includes('preload') };
}

function enumValue<T extends Record<string, string>>(values: T, wanted: string, header: string): T[keyof T] {
  const found = Object.values(values).find((v) => v.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new Error(`CloudFront cannot send ${header}: ${wanted}`);
  return found as T[keyof T];
}

export function securityHeadersPolicy(scope: Construct, id: string): ResponseHeadersPolicy {
  const hsts = parseHsts(SECURITY_HEADERS['strict-transport-security']);
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Portal security headers (shared/src/security-headers.ts)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: SECURITY_HEADERS['content-security-policy'], override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(hsts.maxAge),
        includeSubdomains: hsts.includeSubdomains,
        preload: hsts.preload,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: {
        frameOption: enumValue(HeadersFrameOption, SECURITY_HEADERS['x-frame-options'], 'x-frame-options'),
        override: true,
      },
      referrerPolicy: {
        referrerPolicy: enumValue(HeadersReferrerPolicy, SECURITY_HEADERS['referrer-policy'], 'referrer-policy'),
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: [{ header: 'permissions-policy', value: SECURITY_HEADERS['permissions-policy'], override: true }],
    },
  });
}
