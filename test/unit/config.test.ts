import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/src/platform/config';
import { TEST_ENV } from '../helpers/events';

const root = resolve(import.meta.dirname, '../..');

describe('configuration at cold start', () => {
  it('parses a complete environment and applies defaults', () => {
    const config = parseConfig({ ...TEST_ENV, LOG_LEVEL: undefined });
    expect(config.TABLE_NAME).toBe('portal-unit');
    expect(config.LOG_LEVEL).toBe('INFO');
    expect(config.MAX_BODY_BYTES).toBe(65536);
  });

  it('names every missing setting', () => {
    expect(() => parseConfig({ AUTH_AUDIENCE: 'x' })).toThrow(/TABLE_NAME.*PUBLIC_BASE_URL/);
  });

  it('starts a job without issuer settings, but not an HTTP function (they load the issuers at cold start)', () => {
    const env: Record<string, string | undefined> = { ...process.env, ...TEST_ENV };
    for (const key of ['AUTH_ISSUERS', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL']) delete env[key];
    expect(() => parseConfig(env)).not.toThrow();
    const run = (module: string) => spawnSync(process.execPath, ['--import', 'tsx', '-e', `await import('${module}')`], { cwd: root, env, encoding: 'utf8' });
    const fn = run('./functions/src/lambdas/catalogue.ts');
    expect(fn.status).not.toBe(0);
    expect(fn.stderr).toContain('Invalid configuration: AUTH_ISSUERS, or AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL');
    expect(run('./functions/src/jobs/paymentsSweep.ts').status).toBe(0);
    // Two Node processes that compile TypeScript: seconds each on a loaded machine.
  }, 60_000);

  it('stops a function from starting when a setting is missing, before any request', () => {
    const env = { ...process.env, ...TEST_ENV };
    delete (env as Record<string, string | undefined>).TABLE_NAME;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', "await import('./functions/src/lambdas/catalogue.ts')"], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Invalid configuration: TABLE_NAME');
  });
});
