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
 * verdict.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '@portal/shared/jobs';
import { FUNCTIONS } from '@portal/shared/routes';
import { VNPAY_URLS } from '@portal/shared/vnpay/constants';
import { FUNCTION_TAG, JOB_TAG } from '../../infra/lib/functions';
import { repoRoot } from '../../infra/lib/paths';
import { DEFAULT_PUBLIC_BASE_URL } from '../../infra/lib/settings';
import { ofType, resourcesOf, synthPortal, type Synthesised } from './synth';

const CONFIG_MODULE = path.join(repoRoot, 'functions', 'src', 'platform', 'config.ts');
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

/** Loads config.ts in a fresh Node process whose environment is `env` and nothing else. */
function loadConfig(env: Env): { status: number | null; stderr: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CONFIG_MODULE], {
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
      const { status, stderr } = loadConfig(env ?? {});
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
});

describe('deployment settings from CDK context (infra/lib/settings.ts)', () => {
  const settingsOf = (env: Env | undefined) => ({ base: env?.PUBLIC_BASE_URL, pay: env?.VNPAY_PAY_URL, api: env?.VNPAY_API_URL });

  it('defaults to the placeholder domain and the VNPay sandbox', () => {
    for (const [name, env] of environments) {
      expect(settingsOf(env), name).toEqual({ base: DEFAULT_PUBLIC_BASE_URL, pay: VNPAY_URLS.sandbox.pay, api: VNPAY_URLS.sandbox.api });
    }
  });

  it('takes publicBaseUrl and vnpayEnvironment from context, as `cdk deploy -c key=value` sets them', () => {
    const synth = synthPortal({ skipBundling: true, context: { publicBaseUrl: 'https://dichvucong.soyte.example.gov.vn/', vnpayEnvironment: 'production' } });
    const envs = functionEnvironments(synth);
    expect(envs.size).toBe(ALL_FUNCTIONS.length);
    for (const [name, env] of envs) {
      expect(settingsOf(env), name).toEqual({ base: 'https://dichvucong.soyte.example.gov.vn', pay: VNPAY_URLS.production.pay, api: VNPAY_URLS.production.api });
    }
  });

  it('refuses a VNPay environment it does not know, and a base URL that is not an https origin', () => {
    expect(() => synthPortal({ skipBundling: true, context: { vnpayEnvironment: 'prod' } })).toThrow(/vnpayEnvironment/);
    for (const publicBaseUrl of ['http://dichvucong.example.vn', 'https://dichvucong.example.vn/portal', 'dichvucong.example.vn', 'https://x.example/?a=1']) {
      expect(() => synthPortal({ skipBundling: true, context: { publicBaseUrl } }), publicBaseUrl).toThrow(/publicBaseUrl/);
    }
  });
});
