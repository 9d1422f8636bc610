/**
 * Guard: every deployed function must get past its cold start. The functions parse their
 * configuration at module load (functions/src/platform/config.ts) and a missing or malformed
 * setting is an init error on every invocation, which no other infra test would notice.
 *
 * For each portal function — the HTTP functions of FUNCTIONS and the jobs of shared/src/jobs.ts,
 * whose handlers import the same config module — the environment CDK gives it is taken from the
 * synthesised template, CloudFormation references are replaced by values of the shape
 * CloudFormation would put there (ARNs for secrets, names for tables, ids for the user pool…), and
 * config.ts is loaded in a child process with exactly that environment (plus AWS_REGION, which
 * Lambda itself sets). config.ts parses `process.env` when it is imported, so it cannot be
 * imported into this process, whose environment is the developer's; the child's exit code is the
 * verdict. The child also runs the other checks a function makes at cold start: a function or job
 * that declares `documents` creates its document store (functions/src/platform/storage.ts needs
 * DOCUMENTS_BUCKET or DOCUMENTS_DIR), a job that gets HIS_CALLBACK_URLS loads
 * functions/src/platform/deps.ts, which parses it, and an HTTP function loads
 * functions/src/platform/issuers.ts, which parses AUTH_ISSUERS (jobs get no issuers: ADR 0022).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Job } from '@portal/shared/jobs';
import { FUNCTIONS, type FunctionName } from '@portal/shared/routes';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';
import { repoRoot } from '../../infra/lib/paths';
import { DEFAULT_AGENCY_CODE, DEFAULT_PUBLIC_BASE_URL, HIS_CALLBACK_URLS_MAX_BYTES, NATIONAL_IDP_MAX_BYTES } from '../../infra/lib/settings';
import { REGION, functionEnvironments, type Env } from './environments';
import { synthPortal } from './synth';

const CONFIG_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'config.ts');
const STORAGE_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'storage.ts');
const DEPS_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'deps.ts');
const ISSUERS_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'issuers.ts');
/** Lambda's limit on all of a function's environment variables together (names and values). */
const LAMBDA_ENVIRONMENT_BYTES = 4096;

/** Declares `documents` in FUNCTIONS or shared/src/jobs.ts (`job:<id>` for jobs). */
const declaresDocuments = (name: string): boolean =>
  name.startsWith('job:') ? (jobs as readonly Job[]).some((j) => `job:${j.id}` === name && j.documents !== undefined) : Object.hasOwn(FUNCTIONS, name) && 'documents' in FUNCTIONS[name as FunctionName];

/**
 * Loads config.ts in a fresh Node process whose environment is `env` and nothing else, then what
 * else `name` checks at cold start: its document store, the callback endpoints.
 */
function loadConfig(env: Env, name = ''): { status: number | null; stderr: string } {
  const url = (file: string) => JSON.stringify(pathToFileURL(file).href);
  const script = [
    `await import(${url(CONFIG_MODULE)});`,
    ...(declaresDocuments(name) ? [`(await import(${url(STORAGE_MODULE)})).documentStore();`] : []),
    ...('HIS_CALLBACK_URLS' in env ? [`await import(${url(DEPS_MODULE)});`] : []),
    // Every HTTP function loads the issuers at cold start (dispatch → auth); a job never does.
    ...(name.startsWith('job:') ? [] : [`await import(${url(ISSUERS_MODULE)});`]),
  ].join('\n');
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { AWS_REGION: REGION, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.error) throw child.error;
  return { status: child.status, stderr: child.stderr };
}

let environments: Map<string, Env>;
beforeAll(() => {
  // Bundling changes only the code asset, not the environment: skip it to keep this file quick.
  environments = functionEnvironments(synthPortal({ skipBundling: true }));
});

/** Every portal function: HTTP functions by name, jobs as `job:<id>`. */
const ALL_FUNCTIONS = [...Object.keys(FUNCTIONS), ...jobs.map((j) => `job:${j.id}`)];

describe('every portal function starts with the environment CDK gives it', () => {
  it('finds every function of FUNCTIONS and every job in the template', () => {
    expect([...environments.keys()].sort()).toEqual([...ALL_FUNCTIONS].sort());
  });

  for (const name of ALL_FUNCTIONS) {
    it(`parses the ${name} function's configuration without an error`, () => {
      const env = environments.get(name);
      expect(env, name).toBeDefined();
      const { status, stderr } = loadConfig(env ?? {}, name);
      expect(stderr, name).not.toContain('Invalid configuration');
      expect(status, `${name}: ${stderr}`).toBe(0);
    });
  }

  it('would catch a missing setting (the child process really parses the configuration)', () => {
    const env = { ...environments.get('platform') };
    delete env.PUBLIC_BASE_URL;
    const { status, stderr } = loadConfig(env);
    expect(status).not.toBe(0);
    expect(stderr).toContain('Invalid configuration: PUBLIC_BASE_URL');
  });

  it('would catch a function that declares documents but has no bucket (the child creates the document store)', () => {
    const declared = ALL_FUNCTIONS.filter(declaresDocuments);
    expect(declared.length).toBeGreaterThan(0);
    for (const name of declared) {
      const env = { ...environments.get(name) };
      expect(env.DOCUMENTS_BUCKET, name).toMatch(/^portal-/);
      delete env.DOCUMENTS_BUCKET;
      const { status, stderr } = loadConfig(env, name);
      expect(status, name).not.toBe(0);
      expect(stderr, name).toContain('Invalid configuration: DOCUMENTS_BUCKET or DOCUMENTS_DIR is required');
    }
  });

  it('would catch an HTTP function without issuers, or with a malformed list (the child loads issuers.ts)', () => {
    const env = { ...environments.get('platform') };
    expect(JSON.parse(env.AUTH_ISSUERS ?? '[]')).toHaveLength(2);
    const broken = loadConfig({ ...env, AUTH_ISSUERS: env.AUTH_ISSUERS?.replace('"kind":"portal"', '"kind":"staff"') ?? '' }, 'platform');
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('AUTH_ISSUERS is invalid: 0.kind');
    delete env.AUTH_ISSUERS;
    const missing = loadConfig(env, 'platform');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Invalid configuration: AUTH_ISSUERS');
  });

  it('would catch malformed callback endpoints (the child loads deps.ts)', () => {
    const env = { ...environments.get('job:outbox'), HIS_CALLBACK_URLS: '{"hosp-cho-ray":"ftp://his.example.vn/"}' };
    const { status, stderr } = loadConfig(env, 'job:outbox');
    expect(status).not.toBe(0);
    expect(stderr).toContain('Invalid configuration: HIS_CALLBACK_URLS');
  });
});

describe('every environment fits in Lambda\'s 4 KB, with the largest hisCallbackUrls and nationalIdp settings.ts accepts', () => {
  /** Hospital → URL entries whose compact JSON is exactly HIS_CALLBACK_URLS_MAX_BYTES long. */
  function largestCallbackMap(): Record<string, string> {
    const urls: Record<string, string> = {};
    for (let i = 0; ; i++) {
      const next = { ...urls, [`hosp-benh-vien-${i}`]: `https://his.benh-vien-${i}.example.gov.vn/portal/callbacks` };
      if (JSON.stringify(next).length > HIS_CALLBACK_URLS_MAX_BYTES) break;
      Object.assign(urls, next);
    }
    const [lastId = ''] = Object.keys(urls).slice(-1);
    urls[lastId] += 'x'.repeat(HIS_CALLBACK_URLS_MAX_BYTES - JSON.stringify(urls).length);
    expect(JSON.stringify(urls).length).toBe(HIS_CALLBACK_URLS_MAX_BYTES);
    return urls;
  }

  /** A national provider whose entry in AUTH_ISSUERS is exactly NATIONAL_IDP_MAX_BYTES long (the label takes up the rest). */
  function largestNationalIdp(): Record<string, unknown> {
    const host = 'https://xac-thuc.dinh-danh-dien-tu.example.gov.vn/realms/cong-dan/protocol/openid-connect';
    const idp = {
      id: 'vneid', issuer: 'https://xac-thuc.dinh-danh-dien-tu.example.gov.vn/realms/cong-dan', clientId: 'x'.repeat(128), jwksUrl: `${host}/certs`,
      label: { vi: 'VNeID', en: 'VNeID' }, logoutUrl: `${host}/logout`, revocationUrl: `${host}/revoke`,
      claims: { nationalId: 'so_dinh_danh_ca_nhan', fullName: 'ho_va_ten_day_du', birthDate: 'ngay_thang_nam_sinh' },
    };
    const entry = { ...idp, kind: 'national', for: 'citizens', confidential: true };
    idp.label.vi += 'x'.repeat(NATIONAL_IDP_MAX_BYTES - JSON.stringify(entry).length);
    expect(JSON.stringify({ ...idp, kind: 'national', for: 'citizens', confidential: true }).length).toBe(NATIONAL_IDP_MAX_BYTES);
    return idp;
  }

  it('refuses a national provider entry one byte longer', () => {
    const idp = largestNationalIdp() as { label: { vi: string } };
    idp.label.vi += 'x';
    expect(() => synthPortal({ skipBundling: true, context: { nationalIdp: idp } })).toThrow(/nationalIdp.*over the 1024/);
  });

  it('stays under the limit for every function, and the callback jobs still start', () => {
    const envs = functionEnvironments(synthPortal({ skipBundling: true, context: { hisCallbackUrls: largestCallbackMap(), nationalIdp: largestNationalIdp() } }));
    const sizes = [...envs].map(([name, env]) => [name, Object.entries(env).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0)] as const);
    console.log(`largest environment: ${Math.max(...sizes.map(([, n]) => n))} bytes of ${LAMBDA_ENVIRONMENT_BYTES}`);
    for (const [name, bytes] of sizes) expect(bytes, name).toBeLessThan(LAMBDA_ENVIRONMENT_BYTES);
    for (const [name, env] of envs) {
      if (!('HIS_CALLBACK_URLS' in env)) continue;
      expect(JSON.parse(env.HIS_CALLBACK_URLS ?? '')).toEqual(largestCallbackMap());
      const { status, stderr } = loadConfig(env, name);
      expect(status, `${name}: ${stderr}`).toBe(0);
    }
  });
});

describe('deployment settings from CDK context (infra/lib/settings.ts)', () => {
  const settingsOf = (env: Env | undefined) => ({ base: env?.PUBLIC_BASE_URL, pay: env?.VNPAY_PAY_URL, api: env?.VNPAY_API_URL, agency: env?.AGENCY_CODE });

  it('defaults to the placeholder domain, the VNPay sandbox and the department\'s agency code', () => {
    for (const [name, env] of environments) {
      expect(settingsOf(env), name).toEqual({ base: DEFAULT_PUBLIC_BASE_URL, pay: VNPAY_URLS.sandbox.pay, api: VNPAY_URLS.sandbox.api, agency: DEFAULT_AGENCY_CODE });
    }
  });

  it('takes publicBaseUrl, vnpayEnvironment and agencyCode from context, as `cdk deploy -c key=value` sets them', () => {
    const synth = synthPortal({ skipBundling: true, context: { publicBaseUrl: 'https://dichvucong.soyte.example.gov.vn/', vnpayEnvironment: 'production', agencyCode: '000.00.31.H30' } });
    const envs = functionEnvironments(synth);
    expect(envs.size).toBe(ALL_FUNCTIONS.length);
    for (const [name, env] of envs) {
      expect(settingsOf(env), name).toEqual({ base: 'https://dichvucong.soyte.example.gov.vn', pay: VNPAY_URLS.production.pay, api: VNPAY_URLS.production.api, agency: '000.00.31.H30' });
    }
  });

  it('shows staff names on "who read my data" only when context showStaffNames is true (ADR 0025)', () => {
    for (const [name, env] of environments) expect(env.SHOW_STAFF_NAMES, name).toBeUndefined();
    const envs = functionEnvironments(synthPortal({ skipBundling: true, context: { showStaffNames: 'true' } }));
    for (const [name, env] of envs) expect(env.SHOW_STAFF_NAMES, name).toBe('true');
    expect(() => synthPortal({ skipBundling: true, context: { showStaffNames: 'yes' } })).toThrow(/showStaffNames/);
  });

  it('refuses a VNPay environment it does not know, an agency code that is not one, and a base URL that is not an https origin', () => {
    expect(() => synthPortal({ skipBundling: true, context: { vnpayEnvironment: 'prod' } })).toThrow(/vnpayEnvironment/);
    for (const agencyCode of ['000.00.31.h29', '000..31', 'H29 ', 'X'.repeat(36)]) {
      expect(() => synthPortal({ skipBundling: true, context: { agencyCode } }), agencyCode).toThrow(/agencyCode/);
    }
    for (const publicBaseUrl of ['http://dichvucong.example.vn', 'https://dichvucong.example.vn/portal', 'dichvucong.example.vn', 'https://x.example/?a=1']) {
      expect(() => synthPortal({ skipBundling: true, context: { publicBaseUrl } }), publicBaseUrl).toThrow(/publicBaseUrl/);
    }
  });
});
