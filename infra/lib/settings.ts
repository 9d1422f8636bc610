/**
 * Deployment settings that come from CDK context (`cdk deploy -c publicBaseUrl=... -c
 * vnpayEnvironment=production`, or `context` in cdk.json), with defaults that synthesise offline.
 * Every portal function gets them as environment variables; the functions' config schema
 * (functions/src/platform/config.ts) requires them, so a missing one would fail every cold start.
 */
import type { Construct } from 'constructs';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';

export const CONTEXT_PUBLIC_BASE_URL = 'publicBaseUrl';
export const CONTEXT_VNPAY_ENVIRONMENT = 'vnpayEnvironment';

/**
 * Where the site is served, for the links VNPay (return URL) and e-mails send people back to.
 *
 * A context value rather than the distribution's own domain name: the distribution's `/api/*`
 * origin is the HTTP API, the API's integrations point at the functions, so a function
 * environment that referred to the distribution would close the cycle distribution → API →
 * functions → distribution, which CloudFormation rejects. Set it to the department's domain, or
 * on a first deploy without one to the `https://dxxxx.cloudfront.net` address the deploy printed,
 * and deploy again.
 */
export const DEFAULT_PUBLIC_BASE_URL = 'https://dichvucong-yte.example.vn';

export type VnpayEnvironment = keyof typeof VNPAY_URLS;
export const DEFAULT_VNPAY_ENVIRONMENT: VnpayEnvironment = 'sandbox';

export interface PortalSettings {
  /** An origin (`https://host[:port]`), no trailing slash: links are built by appending paths. */
  publicBaseUrl: string;
  vnpayEnvironment: VnpayEnvironment;
  /** VNPay's payment page and merchant API for that environment (shared/src/vnpay/constants.ts). */
  vnpay: { payUrl: string; apiUrl: string };
}

/** Reads and checks the settings; a bad value stops the synth with a message naming the key. */
export function portalSettings(scope: Construct): PortalSettings {
  const rawUrl: unknown = scope.node.tryGetContext(CONTEXT_PUBLIC_BASE_URL) ?? DEFAULT_PUBLIC_BASE_URL;
  const publicBaseUrl = originOf(rawUrl);

  const rawEnv: unknown = scope.node.tryGetContext(CONTEXT_VNPAY_ENVIRONMENT) ?? DEFAULT_VNPAY_ENVIRONMENT;
  if (typeof rawEnv !== 'string' || !Object.hasOwn(VNPAY_URLS, rawEnv)) {
    throw new Error(`Context ${CONTEXT_VNPAY_ENVIRONMENT} must be one of ${Object.keys(VNPAY_URLS).join(', ')}; got ${JSON.stringify(rawEnv)}`);
  }
  const vnpayEnvironment = rawEnv as VnpayEnvironment;
  const urls = VNPAY_URLS[vnpayEnvironment];
  return { publicBaseUrl, vnpayEnvironment, vnpay: { payUrl: urls.pay, apiUrl: urls.api } };
}

function originOf(raw: unknown): string {
  const problem = `Context ${CONTEXT_PUBLIC_BASE_URL} must be an https origin such as ${DEFAULT_PUBLIC_BASE_URL}; got ${JSON.stringify(raw)}`;
  if (typeof raw !== 'string' || !URL.canParse(raw)) throw new Error(problem);
  const url = new URL(raw);
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash || url.username || url.password) throw new Error(problem);
  return url.origin;
}
