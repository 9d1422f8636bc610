/**
 * Deployment settings that come from CDK context (`cdk deploy -c publicBaseUrl=... -c
 * vnpayEnvironment=production`, or `context` in cdk.json), with defaults that synthesise offline.
 * Every portal function gets them as environment variables; the functions' config schema
 * (functions/src/platform/config.ts) requires them, so a missing one would fail every cold start.
 * `hisCallbackUrls` goes only to the jobs that call hospitals (infra/lib/jobs.ts HIS_CALLBACK_JOBS).
 */
import type { Construct } from 'constructs';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';

export const CONTEXT_PUBLIC_BASE_URL = 'publicBaseUrl';
export const CONTEXT_VNPAY_ENVIRONMENT = 'vnpayEnvironment';
export const CONTEXT_HIS_CALLBACK_URLS = 'hisCallbackUrls';
export const CONTEXT_AGENCY_CODE = 'agencyCode';
/** "Who read my data" shows staff names beside unit and role (ADR 0025); the department's choice. */
export const CONTEXT_SHOW_STAFF_NAMES = 'showStaffNames';
/** The department's agency e-ID code (dossier codes start with it; codes were re-issued after the 2025 mergers). */
export const DEFAULT_AGENCY_CODE = '000.00.31.H29';

/**
 * Largest `hisCallbackUrls` accepted, as compact JSON in bytes. It travels in an environment
 * variable, and Lambda allows 4 KB for all of a function's variables together; the others take
 * about 1 KB once CloudFormation has resolved them (test/infra/function-config.test.ts measures
 * the whole environment at this size). Past it, the map belongs in the table or a parameter.
 */
export const HIS_CALLBACK_URLS_MAX_BYTES = 2048;
/** Hospital ids as staff accounts and bills carry them (`hosp-cho-ray`). */
const HOSPITAL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

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
  /**
   * Where each hospital's information system hears about its bills (ADR 0010): hospital id →
   * https URL; a hospital without one gets no callbacks. Context `hisCallbackUrls`, an object in
   * cdk.json or a JSON string on the command line (`-c hisCallbackUrls='{"hosp-cho-ray":"https://…"}'`).
   * @default {}
   */
  hisCallbackUrls: Readonly<Record<string, string>>;
  /** Context `agencyCode`: dot-separated groups of A–Z and digits, at most 35 characters. @default 000.00.31.H29 */
  agencyCode: string;
  /** Context `showStaffNames` (`true`/`false`): citizens see officers' names on "who read my data" (ADR 0025). @default false */
  showStaffNames: boolean;
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
  const hisCallbackUrls = callbackUrlsOf(scope.node.tryGetContext(CONTEXT_HIS_CALLBACK_URLS) ?? {});
  const agencyCode: unknown = scope.node.tryGetContext(CONTEXT_AGENCY_CODE) ?? DEFAULT_AGENCY_CODE;
  if (typeof agencyCode !== 'string' || agencyCode.length > 35 || !/^[A-Z0-9]+(\.[A-Z0-9]+)*$/.test(agencyCode)) {
    throw new Error(`Context ${CONTEXT_AGENCY_CODE} must be an agency e-ID code such as ${DEFAULT_AGENCY_CODE}; got ${JSON.stringify(agencyCode)}`);
  }
  const rawNames: unknown = scope.node.tryGetContext(CONTEXT_SHOW_STAFF_NAMES) ?? false;
  if (![true, false, 'true', 'false'].includes(rawNames as string)) throw new Error(`Context ${CONTEXT_SHOW_STAFF_NAMES} must be true or false; got ${JSON.stringify(rawNames)}`);
  const showStaffNames = rawNames === true || rawNames === 'true';
  return { publicBaseUrl, vnpayEnvironment, vnpay: { payUrl: urls.pay, apiUrl: urls.api }, hisCallbackUrls, agencyCode, showStaffNames };
}

function callbackUrlsOf(raw: unknown): Record<string, string> {
  const problem = (what: string) =>
    new Error(`Context ${CONTEXT_HIS_CALLBACK_URLS} must be a JSON object of hospital id → https URL, such as {"hosp-cho-ray":"https://his.example.vn/portal/callbacks"}; ${what}`);
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw problem(`got ${JSON.stringify(raw)}, which is not JSON`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem(`got ${JSON.stringify(value)}`);
  const urls: Record<string, string> = {};
  for (const [hospitalId, url] of Object.entries(value)) {
    if (!HOSPITAL_ID.test(hospitalId)) throw problem(`${JSON.stringify(hospitalId)} is not a hospital id`);
    if (typeof url !== 'string' || !URL.canParse(url)) throw problem(`${hospitalId}: ${JSON.stringify(url)} is not a URL`);
    const parsed = new URL(url);
    // Callbacks carry signed payment facts: TLS only, and no credentials in a URL that sits in plain sight in the function's configuration.
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.hash) throw problem(`${hospitalId}: ${JSON.stringify(url)} is not an https URL without credentials or fragment`);
    urls[hospitalId] = parsed.href;
  }
  const bytes = Buffer.byteLength(JSON.stringify(urls));
  if (bytes > HIS_CALLBACK_URLS_MAX_BYTES) throw problem(`it is ${bytes} bytes as JSON, over the ${HIS_CALLBACK_URLS_MAX_BYTES} that fit in a Lambda environment beside the other settings`);
  return urls;
}

function originOf(raw: unknown): string {
  const problem = `Context ${CONTEXT_PUBLIC_BASE_URL} must be an https origin such as ${DEFAULT_PUBLIC_BASE_URL}; got ${JSON.stringify(raw)}`;
  if (typeof raw !== 'string' || !URL.canParse(raw)) throw new Error(problem);
  const url = new URL(raw);
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash || url.username || url.password) throw new Error(problem);
  return url.origin;
}
