/**
 * Deployment settings that come from CDK context (`cdk deploy -c publicBaseUrl=... -c
 * vnpayEnvironment=production`, or `context` in cdk.json), with defaults that synthesise offline.
 * Every portal function gets them as environment variables; the functions' config schema
 * (functions/src/platform/config.ts) requires them, so a missing one would fail every cold start.
 * `hisCallbackUrls` goes only to the jobs that call hospitals (infra/lib/jobs.ts HIS_CALLBACK_JOBS).
 */
import { Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { issuerSchema, type IssuerConfig } from '@portal/shared/auth/issuers';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';

export const CONTEXT_PUBLIC_BASE_URL = 'publicBaseUrl';
export const CONTEXT_VNPAY_ENVIRONMENT = 'vnpayEnvironment';
export const CONTEXT_HIS_CALLBACK_URLS = 'hisCallbackUrls';
export const CONTEXT_AGENCY_CODE = 'agencyCode';
/**
 * `-c stage=production` makes the synth refuse placeholder settings (the example domain, VNPay's
 * sandbox), so a production deploy cannot go out with them (ADR 0023). Default `dev`: `npm run
 * synth` and the tests keep working offline with the defaults below.
 */
export const CONTEXT_STAGE = 'stage';
export const STAGES = ['dev', 'production'] as const;
export type Stage = (typeof STAGES)[number];
export const CONTEXT_NATIONAL_IDP = 'nationalIdp';
export const CONTEXT_COGNITO_DOMAIN_PREFIX = 'cognitoDomainPrefix';
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
  /** Context `stage`. @default dev */
  stage: Stage;
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
  /**
   * A national identity provider (VNeID) whose ID tokens the API verifies itself (ADR 0022): context
   * `nationalIdp`, an object in cdk.json or a JSON string on the command line
   * (`-c nationalIdp='{"issuer":"https://…","clientId":"…","jwksUrl":"https://…"}'`). Off when unset.
   * Its client secret is never a setting: it lives in the portal secret as `oidcClientSecrets.<id>`.
   */
  nationalIdp?: IssuerConfig;
  /**
   * Context `cognitoDomainPrefix`: the user pools' sign-in pages are at
   * `https://<prefix>-nhanvien.auth.<region>.amazoncognito.com` (staff) and `<prefix>-congdan` (citizens).
   * Prefixes are unique per region across all of AWS. @default dichvucong-yte-<account>
   */
  cognitoDomainPrefix: string;
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
  const rawStage: unknown = scope.node.tryGetContext(CONTEXT_STAGE) ?? 'dev';
  if (typeof rawStage !== 'string' || !(STAGES as readonly string[]).includes(rawStage)) {
    throw new Error(`Context ${CONTEXT_STAGE} must be one of ${STAGES.join(', ')}; got ${JSON.stringify(rawStage)}`);
  }
  const nationalIdp = nationalIdpOf(scope.node.tryGetContext(CONTEXT_NATIONAL_IDP));
  const cognitoDomainPrefix = domainPrefixOf(scope.node.tryGetContext(CONTEXT_COGNITO_DOMAIN_PREFIX) ?? defaultDomainPrefix(scope));
  const rawNames: unknown = scope.node.tryGetContext(CONTEXT_SHOW_STAFF_NAMES) ?? false;
  if (![true, false, 'true', 'false'].includes(rawNames as string)) throw new Error(`Context ${CONTEXT_SHOW_STAFF_NAMES} must be true or false; got ${JSON.stringify(rawNames)}`);
  const showStaffNames = rawNames === true || rawNames === 'true';
  const settings: PortalSettings = {
    stage: rawStage as Stage, publicBaseUrl, vnpayEnvironment, vnpay: { payUrl: urls.pay, apiUrl: urls.api }, hisCallbackUrls, agencyCode, ...(nationalIdp ? { nationalIdp } : {}), cognitoDomainPrefix, showStaffNames,
  };
  if (settings.stage === 'production') refusePlaceholders(settings);
  return settings;
}

/** Hosts that are nobody's: the defaults above and the documentation domains (RFC 2606, RFC 6761). */
const PLACEHOLDER_HOST = /(^|\.)(example(\.[a-z]+)?|invalid|test|localhost)$/i;
const isPlaceholderText = (text: string) => /CHANGE[_-]?ME/i.test(text);

/**
 * A production synth with a placeholder setting stops here, naming each setting and the command
 * that deploys with real values. The secret's placeholders are the pre-deploy check's
 * (infra/scripts/check-deploy.ts): the synth runs offline and cannot read the secret.
 */
function refusePlaceholders(settings: PortalSettings): void {
  const problems: string[] = [];
  const host = new URL(settings.publicBaseUrl).hostname;
  if (settings.publicBaseUrl === DEFAULT_PUBLIC_BASE_URL || PLACEHOLDER_HOST.test(host) || isPlaceholderText(host)) {
    problems.push(`${CONTEXT_PUBLIC_BASE_URL} is the placeholder ${settings.publicBaseUrl} (tên miền tạm): -c ${CONTEXT_PUBLIC_BASE_URL}=https://<the department's domain>`);
  }
  if (settings.vnpayEnvironment !== 'production') {
    problems.push(`${CONTEXT_VNPAY_ENVIRONMENT} is ${settings.vnpayEnvironment}, which takes no real payment (VNPay thử nghiệm): -c ${CONTEXT_VNPAY_ENVIRONMENT}=production`);
  }
  for (const [hospitalId, url] of Object.entries(settings.hisCallbackUrls)) {
    const callbackHost = new URL(url).hostname;
    if (PLACEHOLDER_HOST.test(callbackHost) || isPlaceholderText(url)) problems.push(`${CONTEXT_HIS_CALLBACK_URLS}.${hospitalId} is the placeholder ${url}: the hospital's real callback URL`);
  }
  if (problems.length === 0) return;
  throw new Error([
    `Context ${CONTEXT_STAGE}=production: settings still hold placeholders (cài đặt còn giá trị tạm, chưa triển khai được):`,
    ...problems.map((p) => `  - ${p}`),
    `Run: npm run deploy -- -c ${CONTEXT_STAGE}=production -c ${CONTEXT_PUBLIC_BASE_URL}=https://<domain> -c ${CONTEXT_VNPAY_ENVIRONMENT}=production (or put them under "context" in cdk.json); the secret is filled with npm run setup:secrets (docs/operations.md).`,
  ].join('\n'));
}

/** The issuer ids the portal's own pools use (infra/lib/identity.ts): a national provider needs another. */
export const POOL_ISSUER_IDS = ['staff', 'citizens'] as const;
/** What an operator writes for a national identity provider; everything else about it is fixed (national, for citizens, confidential). */
const NATIONAL_IDP_KEYS = ['id', 'issuer', 'clientId', 'jwksUrl', 'label', 'logoutUrl', 'revocationUrl', 'claims'] as const;
/**
 * Largest national provider entry, as compact JSON in bytes: it travels in AUTH_ISSUERS, an
 * environment variable of every HTTP function, beside the two pools' entries (~1.2 KB) and the
 * other settings (test/infra/function-config.test.ts measures the whole environment at this size).
 */
export const NATIONAL_IDP_MAX_BYTES = 1024;
export const DEFAULT_NATIONAL_IDP = { id: 'vneid', label: { vi: 'VNeID (Định danh điện tử quốc gia)', en: 'VNeID (national e-ID)' } } as const;

function nationalIdpOf(raw: unknown): IssuerConfig | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const problem = (what: string) =>
    new Error(`Context ${CONTEXT_NATIONAL_IDP} must be a JSON object {"issuer":"https://…","clientId":"…","jwksUrl":"https://…"} with optional ${NATIONAL_IDP_KEYS.filter((k) => !['issuer', 'clientId', 'jwksUrl'].includes(k)).join(', ')}; ${what}`);
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw problem('got a string that is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem(`got ${JSON.stringify(value)}`);
  const given = value as Record<string, unknown>;
  // A misspelt key (`clientID`, `jwks_uri`) would otherwise be dropped silently and sign-in would fail only in production.
  const unknown = Object.keys(given).filter((k) => !(NATIONAL_IDP_KEYS as readonly string[]).includes(k));
  if (unknown.length) throw problem(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
  // No discovery at synth time (it runs offline): the JWKS URL is the `jwks_uri` of the provider's discovery document.
  for (const key of ['issuer', 'clientId', 'jwksUrl'] as const) if (given[key] === undefined) throw problem(`${key} is missing`);
  const parsed = issuerSchema.safeParse({ id: DEFAULT_NATIONAL_IDP.id, label: DEFAULT_NATIONAL_IDP.label, ...given, kind: 'national', for: 'citizens', confidential: true });
  if (!parsed.success) throw problem(parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
  const idp = parsed.data;
  for (const [key, url] of [['issuer', idp.issuer], ['jwksUrl', idp.jwksUrl], ['logoutUrl', idp.logoutUrl], ['revocationUrl', idp.revocationUrl]] as const) {
    // Tokens and client secrets travel to these addresses: TLS only, and no trailing slash on the issuer (it must equal `iss` exactly).
    if (url !== undefined && !url.startsWith('https://')) throw problem(`${key} must be an https URL; got ${JSON.stringify(url)}`);
  }
  if (idp.issuer.endsWith('/')) throw problem(`issuer must be exactly the tokens' "iss", usually without a trailing slash; got ${JSON.stringify(idp.issuer)}`);
  if ((POOL_ISSUER_IDS as readonly string[]).includes(idp.id)) throw problem(`id ${JSON.stringify(idp.id)} is taken by a portal user pool`);
  const bytes = Buffer.byteLength(JSON.stringify(idp));
  if (bytes > NATIONAL_IDP_MAX_BYTES) throw problem(`it is ${bytes} bytes as JSON, over the ${NATIONAL_IDP_MAX_BYTES} that fit in a Lambda environment beside the other settings`);
  return idp;
}

function defaultDomainPrefix(scope: Construct): string {
  const { account } = Stack.of(scope);
  return Token.isUnresolved(account) ? 'dichvucong-yte' : `dichvucong-yte-${account}`;
}

function domainPrefixOf(raw: unknown): string {
  // Cognito's rule for prefix domains, less the longest suffix added here (`-nhanvien`, 9 characters).
  if (typeof raw !== 'string' || !/^[a-z0-9](?:[a-z0-9-]{0,52}[a-z0-9])?$/.test(raw) || /aws|amazon|cognito/.test(raw)) {
    throw new Error(`Context ${CONTEXT_COGNITO_DOMAIN_PREFIX} must be lower-case letters, digits and hyphens (at most 54, not containing aws, amazon or cognito); got ${JSON.stringify(raw)}`);
  }
  return raw;
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
