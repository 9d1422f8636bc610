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
 * DOCUMENTS_BUCKET or DOCUMENTS_DIR), and a job that gets HIS_CALLBACK_URLS loads
 * functions/src/platform/deps.ts, which parses it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Job } from '@portal/shared/jobs';
import { FUNCTIONS, type FunctionName } from '@portal/shared/routes';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';
import { FUNCTION_TAG, JOB_TAG } from '../../infra/lib/functions';
import { repoRoot } from '../../infra/lib/paths';
import { DEFAULT_AGENCY_CODE, DEFAULT_PUBLIC_BASE_URL, HIS_CALLBACK_URLS_MAX_BYTES } from '../../infra/lib/settings';
import { ofType, resourcesOf, synthPortal, type Synthesised } from './synth';

const CONFIG_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'config.ts');
const STORAGE_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'storage.ts');
const DEPS_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'deps.ts');
/** Lambda's limit on all of a function's environment variables together (names and values). */
const LAMBDA_ENVIRONMENT_BYTES = 4096;
const REGION = 'ap-southeast-1';
const ACCOUNT = '123456789012';

type Env = Record<string, string>;

/** The environment of every portal function, by FUNCTIONS key or `job:<id>`, as CloudFormation would resolve it. */
function functionEnvironments(synth: Synthesised): Map<string, Env> {
  const resources = resourcesOf(synth.portalTemplate);
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  /** What `Ref` returns for a resource of each type this stack passes to functions. */
  const ref = (id: string): string => {
    if (id === 'AWS::Region') return REGION;
    if (id === 'AWS::AccountId') return ACCOUNT;
    if (id === 'AWS::Partition') return 'aws';
    if (id === 'AWS::URLSuffix') return 'amazonaws.com';
    const type = resources[id]?.Type;
    switch (type) {
      case 'AWS::SecretsManager::Secret':
        return arn('secretsmanager', `secret:${id}-AbC123`);
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table':
        return `Portal-${id}-1A2B3C4D5E6F`;
      case 'AWS::Cognito::UserPool':
        return `${REGION}_AbCdEfGhI`;
      case 'AWS::Cognito::UserPoolClient':
        return '1example23456789abcdefghij';
      case 'AWS::S3::Bucket':
        // CloudFormation's generated names: stack and logical id, lower case, random suffix.
        return `portal-${id.toLowerCase()}`.slice(0, 50) + '-1a2b3c4d5e6f';
      default:
        throw new Error(`No stand-in for Ref of ${id} (${String(type)}): add one so the guard stays honest`);
    }
  };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const intrinsic = value as Record<string, unknown>;
    if (typeof intrinsic.Ref === 'string') return ref(intrinsic.Ref);
    if (Array.isArray(intrinsic['Fn::Join'])) {
      const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if (Array.isArray(intrinsic['Fn::GetAtt'])) {
      const [id, attribute] = intrinsic['Fn::GetAtt'] as [string, string];
      if (attribute === 'Arn') return arn(String(resources[id]?.Type).split('::')[1]?.toLowerCase() ?? 'x', id);
      throw new Error(`No stand-in for Fn::GetAtt ${id}.${attribute}`);
    }
    throw new Error(`No stand-in for ${JSON.stringify(value)}`);
  };

  const environments = new Map<string, Env>();
  for (const [, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
    const tag = ((props.Tags ?? []) as { Key: string; Value: string }[]).find((t) => t.Key === FUNCTION_TAG || t.Key === JOB_TAG);
    if (!tag) continue;
    // A job may share its name with an HTTP function (`receipts`): jobs are keyed `job:<id>`.
    const name = tag.Key === JOB_TAG ? `job:${tag.Value}` : tag.Value;
    if (environments.has(name)) throw new Error(`Two portal functions named ${name}`);
    const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
    environments.set(name, Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, resolve(v)])));
  }
  return environments;
}

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

  it('would catch malformed callback endpoints (the child loads deps.ts)', () => {
    const env = { ...environments.get('job:outbox'), HIS_CALLBACK_URLS: '{"hosp-cho-ray":"ftp://his.example.vn/"}' };
    const { status, stderr } = loadConfig(env, 'job:outbox');
    expect(status).not.toBe(0);
    expect(stderr).toContain('Invalid configuration: HIS_CALLBACK_URLS');
  });
});

describe('every environment fits in Lambda\'s 4 KB, with the largest hisCallbackUrls settings.ts accepts', () => {
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

  it('stays under the limit for every function, and the callback jobs still start', () => {
    const envs = functionEnvironments(synthPortal({ skipBundling: true, context: { hisCallbackUrls: largestCallbackMap() } }));
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
