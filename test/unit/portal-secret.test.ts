/** The portal secret's schema (shared/src/portal-secret.ts) and the rotation window it carries. */
import { describe, expect, it } from 'vitest';
import { portalSecretProblems, portalSecretSchema, vnpayVerificationSecrets } from '../../shared/src/portal-secret';

const valid = { vnpayTmnCode: 'CONGYTE1', vnpayHashSecret: 'A'.repeat(32), payLinkKey: 'p'.repeat(48), hisSigningKey: 'h'.repeat(43) };

describe('the portal secret schema', () => {
  it('accepts the real shape, oidcClientSecrets defaulting to {}', () => {
    expect(portalSecretSchema.parse(valid)).toEqual({ ...valid, oidcClientSecrets: {} });
    expect(portalSecretProblems({ ...valid, oidcClientSecrets: { vneid: 's3cr3t-of-vneid' } })).toEqual([]);
  });

  it('refuses the CDK placeholders, naming each field and the command to run', () => {
    const problems = portalSecretProblems({ vnpayTmnCode: 'CHANGE_ME', vnpayHashSecret: 'CHANGE_ME', payLinkKey: valid.payLinkKey, hisSigningKey: 'CHANGE_ME' });
    expect(problems).toEqual([
      'vnpayTmnCode: vnpayTmnCode vẫn là giá trị tạm CHANGE_ME (still the placeholder CHANGE_ME): chạy / run `npm run setup:secrets`',
      'vnpayHashSecret: vnpayHashSecret vẫn là giá trị tạm CHANGE_ME (still the placeholder CHANGE_ME): chạy / run `npm run setup:secrets`',
      'hisSigningKey: hisSigningKey vẫn là giá trị tạm CHANGE_ME (still the placeholder CHANGE_ME): chạy / run `npm run setup:secrets`',
    ]);
  });

  it('refuses a value that only contains the placeholder, in any case, and in an OIDC client secret', () => {
    expect(portalSecretProblems({ ...valid, payLinkKey: 'prefix-change_me-suffix-long' })).toEqual([expect.stringMatching(/^payLinkKey: .*CHANGE_ME/)]);
    expect(portalSecretProblems({ ...valid, oidcClientSecrets: { vneid: 'CHANGE_ME' } })).toEqual([expect.stringMatching(/^oidcClientSecrets\.vneid: .*npm run setup:secrets/)]);
  });

  it('says which field is missing or too short, never its value', () => {
    const problems = portalSecretProblems({ vnpayTmnCode: 'congyte1', vnpayHashSecret: 'short-SECRET', payLinkKey: valid.payLinkKey });
    expect(problems).toEqual([
      'vnpayTmnCode: vnpayTmnCode phải gồm 8 chữ in hoa hoặc chữ số (must be 8 capital letters or digits)',
      'vnpayHashSecret: vnpayHashSecret cần ít nhất 16 ký tự (needs at least 16 characters)',
      'hisSigningKey: thiếu hoặc sai kiểu (missing or not text)',
    ]);
    expect(problems.join('\n')).not.toContain('short-SECRET');
  });

  it('takes a previous hash secret only with its end time, and not equal to the current one', () => {
    expect(portalSecretProblems({ ...valid, vnpayHashSecretPrevious: 'B'.repeat(32) })).toEqual([expect.stringMatching(/^vnpayHashSecretPreviousUntil: .*both or neither/)]);
    expect(portalSecretProblems({ ...valid, vnpayHashSecretPrevious: valid.vnpayHashSecret, vnpayHashSecretPreviousUntil: '2026-03-01T17:00:00Z' })).toEqual([expect.stringMatching(/^vnpayHashSecretPrevious: .*same as the current/)]);
    expect(portalSecretProblems({ ...valid, vnpayHashSecretPrevious: 'B'.repeat(32), vnpayHashSecretPreviousUntil: 'tomorrow' })).toEqual([expect.stringMatching(/^vnpayHashSecretPreviousUntil: .*ISO 8601/)]);
  });
});

describe('which hash secrets verify what VNPay signed', () => {
  const rotated = { ...valid, vnpayHashSecretPrevious: 'B'.repeat(32), vnpayHashSecretPreviousUntil: '2026-03-01T17:00:00Z' };
  it('the previous one until the end of the window (exclusive), the current one always', () => {
    expect(vnpayVerificationSecrets(rotated, new Date('2026-03-01T16:59:59.999Z'))).toEqual({ current: valid.vnpayHashSecret, previous: 'B'.repeat(32) });
    expect(vnpayVerificationSecrets(rotated, new Date('2026-03-01T17:00:00Z'))).toEqual({ current: valid.vnpayHashSecret });
    expect(vnpayVerificationSecrets(valid, new Date())).toEqual({ current: valid.vnpayHashSecret });
  });
});
