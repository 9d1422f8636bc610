/**
 * What stops a launch with placeholders (ADR 0023): `-c stage=production` makes the synth refuse
 * the example domain and VNPay's sandbox, naming the command to deploy with real values; a dev
 * synth (the default, `npm run synth`) keeps the defaults offline. The stack names its portal
 * secret in an output, which `npm run setup:secrets` and the pre-deploy check read.
 */
import { describe, expect, it } from 'vitest';
import { synthPortal } from './synth';

const REAL = { publicBaseUrl: 'https://dichvucong.soyte.hochiminhcity.gov.vn', vnpayEnvironment: 'production' };

describe('stage=production', () => {
  it('refuses the placeholder domain and the VNPay sandbox, naming each setting and the command to run', () => {
    expect(() => synthPortal({ skipBundling: true, context: { stage: 'production' } })).toThrow(
      [
        'Context stage=production: settings still hold placeholders (cài đặt còn giá trị tạm, chưa triển khai được):',
        "  - publicBaseUrl is the placeholder https://dichvucong-yte.example.vn (tên miền tạm): -c publicBaseUrl=https://<the department's domain>",
        '  - vnpayEnvironment is sandbox, which takes no real payment (VNPay thử nghiệm): -c vnpayEnvironment=production',
        'Run: npm run deploy -- -c stage=production -c publicBaseUrl=https://<domain> -c vnpayEnvironment=production (or put them under "context" in cdk.json); the secret is filled with npm run setup:secrets (docs/operations.md).',
      ].join('\n'),
    );
  });

  it('refuses any documentation domain or CHANGE_ME, also in a hospital callback URL', () => {
    expect(() => synthPortal({ skipBundling: true, context: { ...REAL, stage: 'production', publicBaseUrl: 'https://portal.example.com' } })).toThrow(/publicBaseUrl is the placeholder https:\/\/portal\.example\.com/);
    expect(() => synthPortal({ skipBundling: true, context: { ...REAL, stage: 'production', publicBaseUrl: 'https://change-me.soyte.gov.vn' } })).toThrow(/publicBaseUrl is the placeholder/);
    expect(() => synthPortal({ skipBundling: true, context: { ...REAL, stage: 'production', hisCallbackUrls: { 'hosp-cho-ray': 'https://his.example.vn/callbacks' } } })).toThrow(/hisCallbackUrls\.hosp-cho-ray is the placeholder/);
  });

  it('synthesises with real settings', () => {
    const synth = synthPortal({ skipBundling: true, context: { ...REAL, stage: 'production' } });
    expect(synth.portal.node.tryGetContext('stage')).toBe('production');
  });

  it('knows only dev and production', () => {
    expect(() => synthPortal({ skipBundling: true, context: { stage: 'prod' } })).toThrow('Context stage must be one of dev, production; got "prod"');
  });
});

describe('stage=dev (the default)', () => {
  it('synthesises the defaults, and names the portal secret in an output', () => {
    for (const context of [{}, { stage: 'dev' }]) {
      const synth = synthPortal({ skipBundling: true, context });
      const outputs = (synth.portalStacks[0]!.template.toJSON() as { Outputs?: Record<string, { Value: unknown }> }).Outputs ?? {};
      expect(outputs.PortalSecretArn?.Value).toEqual({ Ref: expect.stringMatching(/^StoragePortalSecret/) });
    }
  });
});
