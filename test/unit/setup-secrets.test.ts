/**
 * `npm run setup:secrets` and the pre-deploy check without AWS: Secrets Manager and CloudFormation
 * are replaced by aws-sdk-client-mock; the local file mode writes a real file that the local
 * stack's reader (functions/src/local/local-secrets.ts) then reads, as `npm start` does.
 */
import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { localSecretEnv } from '../../functions/src/local/local-secrets';
import { checkBeforeDeploy } from '../../infra/scripts/check-deploy';
import type { Prompter } from '../../infra/scripts/prompts';
import { OperatorError } from '../../infra/scripts/secret-store';
import { parseCli, runSetup, type SetupDeps } from '../../infra/scripts/setup-secrets';

const ARN = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:StoragePortalSecret-AbCdEf';
const TMN = 'VNPAYT01';
const HASH = 'MERCHANTHASHSECRETFROMVNPAY00001';
const NEW_HASH = 'MERCHANTHASHSECRETFROMVNPAY00002';
const PAY_LINK = 'GeneratedByCloudFormation48CharactersLongPayLink';
/** What CloudFormation generated from the CDK template (infra/lib/storage.ts). */
const CDK_SECRET = { vnpayTmnCode: 'CHANGE_ME', vnpayHashSecret: 'CHANGE_ME', hisSigningKey: 'CHANGE_ME', payLinkKey: PAY_LINK };
const NOW = new Date('2026-03-01T10:00:00Z');

const secretsClient = new SecretsManagerClient({ region: 'ap-southeast-1' });
const cfnClient = new CloudFormationClient({ region: 'ap-southeast-1' });
const sm = mockClient(secretsClient);
const cfn = mockClient(cfnClient);

function deps(prompter?: Prompter): SetupDeps & { lines: string[] } {
  const lines: string[] = [];
  return { secrets: () => secretsClient, cloudFormation: () => cfnClient, prompter, log: (l) => lines.push(l), now: () => NOW, lines };
}

function tmpFile(name: string, value?: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'setup-secrets-')), name);
  if (value !== undefined) writeFileSync(path, JSON.stringify(value));
  return path;
}

const written = () => JSON.parse(String(sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input.SecretString)) as Record<string, unknown>;
const stored = (value: object) => sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: JSON.stringify(value) });

beforeEach(() => {
  sm.reset();
  cfn.reset();
  cfn.on(DescribeStacksCommand, { StackName: 'Portal' }).resolves({ Stacks: [{ StackName: 'Portal', CreationTime: NOW, StackStatus: 'UPDATE_COMPLETE', Outputs: [{ OutputKey: 'PortalSecretArn', OutputValue: ARN }] }] });
  sm.on(PutSecretValueCommand).resolves({});
});

describe('npm run setup:secrets into Secrets Manager', () => {
  it('fills the stack’s secret from a file, generates the HIS key, keeps the pay-link key, prints no value', async () => {
    stored(CDK_SECRET);
    const file = tmpFile('values.json', { vnpayTmnCode: TMN, vnpayHashSecret: HASH });
    const d = deps();
    expect(await runSetup(parseCli(['--from-file', file, '--generate'], {}), d)).toBe(ARN);
    expect(sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input.SecretId).toBe(ARN);
    const secret = written();
    expect(secret).toMatchObject({ vnpayTmnCode: TMN, vnpayHashSecret: HASH, payLinkKey: PAY_LINK, oidcClientSecrets: {} });
    expect(String(secret.hisSigningKey)).toMatch(/^[\w-]{43}$/);
    expect(d.lines).toContain('  hisSigningKey: đã sinh ngẫu nhiên (generated)');
    expect(d.lines).toContain('  payLinkKey: giữ nguyên (kept)');
    const printed = d.lines.join('\n');
    for (const value of [HASH, PAY_LINK, String(secret.hisSigningKey)]) expect(printed).not.toContain(value);
  });

  it('writes nothing while a value is still CHANGE_ME, and names the field', async () => {
    stored(CDK_SECRET);
    const file = tmpFile('values.json', { vnpayTmnCode: TMN });
    const error = await runSetup(parseCli(['--from-file', file], {}), deps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperatorError);
    expect((error as Error).message).toMatch(/vnpayHashSecret: thiếu/);
    expect((error as Error).message).toMatch(/hisSigningKey: thiếu/);
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it('asks on the terminal, secret answers hidden, Enter keeping a stored value', async () => {
    stored({ ...CDK_SECRET, vnpayTmnCode: TMN });
    const visible: string[] = [];
    const hidden: string[] = [];
    const answers: Record<string, string> = { vnpayTmnCode: '', vnpayHashSecret: HASH, hisSigningKey: 'a-long-his-signing-key-typed-in', 'Client secret OIDC': 'vneid', 'Client secret của': 'vneid-client-secret' };
    const answer = (q: string) => Object.entries(answers).find(([k]) => q.startsWith(k))?.[1] ?? '';
    let oidcAsked = 0;
    const prompter: Prompter = {
      ask: async (q) => {
        visible.push(q.split(' ')[0]!);
        if (q.startsWith('Client secret OIDC')) return oidcAsked++ === 0 ? 'vneid' : '';
        return answer(q);
      },
      askHidden: async (q) => {
        hidden.push(q.split(' ')[0]!);
        return answer(q);
      },
      close: () => {},
    };
    await runSetup(parseCli([], {}), deps(prompter));
    expect(visible).toEqual(['vnpayTmnCode', 'Client', 'Client']);
    expect(hidden).toEqual(['vnpayHashSecret', 'payLinkKey', 'hisSigningKey', 'Client']);
    expect(written()).toEqual({ vnpayTmnCode: TMN, vnpayHashSecret: HASH, payLinkKey: PAY_LINK, hisSigningKey: 'a-long-his-signing-key-typed-in', oidcClientSecrets: { vneid: 'vneid-client-secret' } });
  });

  it('--rotate-vnpay keeps the old hash secret as the previous one for the window', async () => {
    stored({ vnpayTmnCode: TMN, vnpayHashSecret: HASH, payLinkKey: PAY_LINK, hisSigningKey: 'h'.repeat(43), oidcClientSecrets: { vneid: 'kept-secret' } });
    const file = tmpFile('new.json', { vnpayHashSecret: NEW_HASH });
    const d = deps();
    await runSetup(parseCli(['--from-file', file, '--rotate-vnpay', '--window-hours', '24'], {}), d);
    expect(written()).toEqual({
      vnpayTmnCode: TMN, vnpayHashSecret: NEW_HASH, payLinkKey: PAY_LINK, hisSigningKey: 'h'.repeat(43), oidcClientSecrets: { vneid: 'kept-secret' },
      vnpayHashSecretPrevious: HASH, vnpayHashSecretPreviousUntil: '2026-03-02T10:00:00.000Z',
    });
    expect(d.lines.join('\n')).toContain('2026-03-02T10:00:00.000Z');
  });

  it('drops a closed rotation window on the next run', async () => {
    stored({ vnpayTmnCode: TMN, vnpayHashSecret: NEW_HASH, payLinkKey: PAY_LINK, hisSigningKey: 'h'.repeat(43), vnpayHashSecretPrevious: HASH, vnpayHashSecretPreviousUntil: '2026-02-28T00:00:00Z' });
    await runSetup(parseCli(['--from-file', tmpFile('empty.json', {})], {}), deps());
    expect(written()).not.toHaveProperty('vnpayHashSecretPrevious');
  });

  it('before the first deploy, says to deploy first', async () => {
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id Portal does not exist'), { name: 'ValidationError' }));
    await expect(runSetup(parseCli(['--from-file', tmpFile('v.json', {})], {}), deps())).rejects.toThrow(/npm run deploy/);
  });

  it('refuses to run with neither a terminal nor a file', async () => {
    await expect(runSetup(parseCli([], {}), deps())).rejects.toThrow(/--from-file/);
  });
});

describe('npm run setup:secrets -- --local (a real file)', () => {
  it('writes the git-ignored file readable by its owner only, and npm start reads it', async () => {
    const path = tmpFile('.secrets.local.json');
    const values = tmpFile('values.json', { vnpayTmnCode: TMN, vnpayHashSecret: HASH });
    const d = deps();
    expect(await runSetup(parseCli(['--local-file', path, '--from-file', values, '--generate'], {}), d)).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
    const env = localSecretEnv(path, {});
    expect(env).toMatchObject({ VNPAY_TMN_CODE: TMN, VNPAY_HASH_SECRET: HASH });
    expect(env.PAY_LINK_KEY).toMatch(/^[\w-]{43}$/);
    expect(env.HIS_SIGNING_KEY).toMatch(/^[\w-]{43}$/);
    // A variable set by hand wins over the file.
    expect(localSecretEnv(path, { VNPAY_TMN_CODE: 'OTHER001' })).not.toHaveProperty('VNPAY_TMN_CODE');

    // Run again with nothing new: every value is kept, nothing regenerated.
    await runSetup(parseCli(['--local-file', path, '--from-file', tmpFile('none.json', {}), '--generate'], {}), d);
    expect(localSecretEnv(path, {})).toEqual(env);
  });

  it('a local file with a placeholder stops npm start, naming the command', () => {
    const path = tmpFile('.secrets.local.json', { ...CDK_SECRET, vnpayTmnCode: TMN });
    expect(() => localSecretEnv(path, {})).toThrow(/vnpayHashSecret: .*CHANGE_ME[\s\S]*npm run setup:secrets -- --local/);
  });
});

describe('the pre-deploy check', () => {
  it('passes before the first deploy, saying what to run after it', async () => {
    cfn.on(DescribeStacksCommand).rejects(new Error('Stack with id Portal does not exist'));
    const lines: string[] = [];
    expect(await checkBeforeDeploy({ cloudFormation: cfnClient, secrets: secretsClient, log: (l) => lines.push(l) })).toBe('no_stack');
    expect(lines.join('\n')).toContain('npm run setup:secrets');
  });

  it('refuses while the deployed secret holds CHANGE_ME, telling exactly what to run', async () => {
    stored(CDK_SECRET);
    const error = await checkBeforeDeploy({ cloudFormation: cfnClient, secrets: secretsClient, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperatorError);
    expect((error as Error).message).toContain(ARN);
    expect((error as Error).message).toMatch(/vnpayTmnCode: .*CHANGE_ME/);
    expect((error as Error).message).toMatch(/Chạy \/ run: npm run setup:secrets/);
  });

  it('passes a filled secret, found among the resources of a stack deployed before its output existed', async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Portal', CreationTime: NOW, StackStatus: 'UPDATE_COMPLETE', Outputs: [] }] });
    cfn.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [
      { LogicalResourceId: 'StorageOriginVerifyA1B2', ResourceType: 'AWS::SecretsManager::Secret', PhysicalResourceId: 'arn:other', LastUpdatedTimestamp: NOW, ResourceStatus: 'CREATE_COMPLETE' },
      { LogicalResourceId: 'StoragePortalSecretC3D4', ResourceType: 'AWS::SecretsManager::Secret', PhysicalResourceId: ARN, LastUpdatedTimestamp: NOW, ResourceStatus: 'CREATE_COMPLETE' },
    ] });
    stored({ vnpayTmnCode: TMN, vnpayHashSecret: HASH, payLinkKey: PAY_LINK, hisSigningKey: 'h'.repeat(43) });
    expect(await checkBeforeDeploy({ cloudFormation: cfnClient, secrets: secretsClient, log: () => {} })).toBe('ready');
  });
});

describe('an interactive rotation', () => {
  it('asks only for the new hash secret, hidden, and keeps everything else', async () => {
    stored({ vnpayTmnCode: TMN, vnpayHashSecret: HASH, payLinkKey: PAY_LINK, hisSigningKey: 'h'.repeat(43) });
    const asked: string[] = [];
    const prompter: Prompter = {
      ask: async (q) => (asked.push(`visible ${q.split(' ')[0]}`), ''),
      askHidden: async (q) => (asked.push(`hidden ${q.split(' ')[0]}`), NEW_HASH),
      close: () => {},
    };
    await runSetup(parseCli(['--rotate-vnpay'], {}), deps(prompter));
    expect(asked).toEqual(['hidden vnpayHashSecret']);
    expect(written()).toMatchObject({ vnpayHashSecret: NEW_HASH, vnpayHashSecretPrevious: HASH, vnpayHashSecretPreviousUntil: '2026-03-03T10:00:00.000Z', payLinkKey: PAY_LINK });
  });
});
