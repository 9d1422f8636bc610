/**
 * The portal secret of the local stack from the git-ignored `.secrets.local.json` that
 * `npm run setup:secrets -- --local` writes, as the environment variables the functions and the
 * VNPay double read (platform/secrets.ts, sandbox/vnpay-settings.ts). A variable already set wins
 * over the file; without the file the local defaults apply. The OIDC client secrets stay those of
 * the local identity doubles: a real issuer's secret means nothing to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { portalSecretProblems, portalSecretSchema, SETUP_SECRETS_COMMAND } from '@portal/shared/portal-secret';

const ENV_NAMES = {
  vnpayTmnCode: 'VNPAY_TMN_CODE',
  vnpayHashSecret: 'VNPAY_HASH_SECRET',
  payLinkKey: 'PAY_LINK_KEY',
  hisSigningKey: 'HIS_SIGNING_KEY',
  vnpayHashSecretPrevious: 'VNPAY_HASH_SECRET_PREVIOUS',
  vnpayHashSecretPreviousUntil: 'VNPAY_HASH_SECRET_PREVIOUS_UNTIL',
} as const;

/** The variables to set from `path` (none when the file is missing); a file the schema refuses stops the start with its problems. */
export function localSecretEnv(path: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not JSON (không phải JSON): run \`${SETUP_SECRETS_COMMAND} -- --local\``);
  }
  const problems = portalSecretProblems(parsed);
  if (problems.length) throw new Error([`${path} is not a valid portal secret (bí mật chưa hợp lệ):`, ...problems.map((p) => `  - ${p}`), `Run \`${SETUP_SECRETS_COMMAND} -- --local\`.`].join('\n'));
  const secret = portalSecretSchema.parse(parsed);
  const vars: Record<string, string> = {};
  for (const [field, name] of Object.entries(ENV_NAMES)) {
    const value = secret[field as keyof typeof ENV_NAMES];
    if (typeof value === 'string' && env[name] === undefined) vars[name] = value;
  }
  return vars;
}
