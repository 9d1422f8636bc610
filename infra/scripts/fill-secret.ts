/**
 * What `npm run setup:secrets` does, apart from reading its flags: start from the secret as it is
 * (placeholders dropped), take values from a JSON file or from questions, generate the keys only
 * the portal uses when asked, open a VNPay hash-secret rotation window when asked, check the whole
 * with the shared schema and hand back the secret to write. It reports field names and what
 * happened to each, never a value.
 */
import { randomBytes } from 'node:crypto';
import { PORTAL_SECRET_FIELDS, SECRET_PLACEHOLDER, portalSecretProblems, type PortalSecret } from '@portal/shared/portal-secret';
import type { Prompter } from './prompts';
import { OperatorError } from './secret-store';

export type FieldOutcome = 'kept' | 'set' | 'generated' | 'rotated' | 'removed';

export interface FillOptions {
  /** The secret as stored now (may hold placeholders), `{}` when there is none. */
  existing: Record<string, unknown>;
  /** Values from `--from-file`, replacing the stored ones field by field. */
  fromFile?: Record<string, unknown>;
  /** Questions on the terminal for what the file does not give (undefined: none). */
  prompter?: Prompter;
  /** Generate payLinkKey and hisSigningKey where they are missing. */
  generate: boolean;
  /** Keep the current VNPay hash secret as the previous one, accepted for this long. */
  rotateWindowHours?: number;
  now: Date;
  /** Strong random text for a generated key (default 32 random bytes, base64url). */
  random?: () => string;
}

export interface Filled {
  secret: PortalSecret;
  outcomes: Partial<Record<keyof PortalSecret | `oidcClientSecrets.${string}`, FieldOutcome>>;
}

/** Keys only the portal uses: safe to generate (VNPay issues the other two). */
export const GENERATED_FIELDS = ['payLinkKey', 'hisSigningKey'] as const;
const REQUIRED_FIELDS = Object.keys(PORTAL_SECRET_FIELDS) as (keyof typeof PORTAL_SECRET_FIELDS)[];
const VISIBLE_FIELDS = new Set(['vnpayTmnCode']);
const KNOWN_FIELDS = new Set([...REQUIRED_FIELDS, 'oidcClientSecrets', 'vnpayHashSecretPrevious', 'vnpayHashSecretPreviousUntil']);

const strongRandom = () => randomBytes(32).toString('base64url');
const real = (value: unknown): value is string => typeof value === 'string' && value !== '' && !value.toUpperCase().includes(SECRET_PLACEHOLDER);

export async function fillPortalSecret(options: FillOptions): Promise<Filled> {
  const random = options.random ?? strongRandom;
  const file = options.fromFile ?? {};
  const unknown = Object.keys(file).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) throw new OperatorError(`Tệp có trường không biết (the file has unknown fields): ${unknown.join(', ')}`);

  const outcomes: Filled['outcomes'] = {};
  const result: Record<string, unknown> = {};
  const stored = options.existing;
  const rotating = options.rotateWindowHours !== undefined;

  for (const field of REQUIRED_FIELDS) {
    const stayed = real(stored[field]) ? stored[field] : undefined;
    // Rotating asks for a new hash secret: the stored one becomes the previous one below.
    const before = rotating && field === 'vnpayHashSecret' ? undefined : stayed;
    const generate = options.generate && (GENERATED_FIELDS as readonly string[]).includes(field) && before === undefined;
    let value: unknown;
    if (file[field] !== undefined) value = file[field];
    else if (generate) value = random();
    // A rotation asks only for the new hash secret: every stored field stays as it is.
    else if (options.prompter && !(rotating && before !== undefined)) value = await askField(options.prompter, field, before);
    else value = before;
    if (value === undefined) continue;
    result[field] = value;
    outcomes[field] = file[field] === undefined && generate ? 'generated' : value === stayed ? 'kept' : 'set';
  }

  result.oidcClientSecrets = await oidcSecrets(stored.oidcClientSecrets, file.oidcClientSecrets, rotating ? undefined : options.prompter, outcomes);

  // The rotation window: the stored hash secret stays accepted on what VNPay signed with it.
  const previous = { secret: stored.vnpayHashSecretPrevious, until: stored.vnpayHashSecretPreviousUntil };
  if (rotating) {
    const old = stored.vnpayHashSecret;
    if (!real(old)) throw new OperatorError('Chưa có chuỗi bí mật VNPay nào để xoay (there is no VNPay hash secret to rotate yet): chạy lệnh không có --rotate-vnpay (run without --rotate-vnpay)');
    if (result.vnpayHashSecret === old) throw new OperatorError('Chuỗi bí mật mới trùng chuỗi cũ (the new hash secret is the old one)');
    const hours = options.rotateWindowHours!;
    if (!(hours > 0 && hours <= 24 * 30)) throw new OperatorError('--window-hours: từ 1 đến 720 giờ (from 1 to 720 hours)');
    result.vnpayHashSecretPrevious = old;
    result.vnpayHashSecretPreviousUntil = new Date(options.now.getTime() + hours * 3_600_000).toISOString();
    outcomes.vnpayHashSecret = 'rotated';
    outcomes.vnpayHashSecretPrevious = 'set';
  } else if (file.vnpayHashSecretPrevious !== undefined || file.vnpayHashSecretPreviousUntil !== undefined) {
    result.vnpayHashSecretPrevious = file.vnpayHashSecretPrevious;
    result.vnpayHashSecretPreviousUntil = file.vnpayHashSecretPreviousUntil;
    outcomes.vnpayHashSecretPrevious = 'set';
  } else if (real(previous.secret) && typeof previous.until === 'string') {
    // A window that has closed is tidied away; an open one stays as it is.
    if (Date.parse(previous.until) > options.now.getTime()) {
      result.vnpayHashSecretPrevious = previous.secret;
      result.vnpayHashSecretPreviousUntil = previous.until;
      outcomes.vnpayHashSecretPrevious = 'kept';
    } else {
      outcomes.vnpayHashSecretPrevious = 'removed';
    }
  }

  const problems = portalSecretProblems(result);
  if (problems.length) throw new OperatorError(['Bí mật chưa hợp lệ, chưa ghi gì (the secret is not valid; nothing was written):', ...problems.map((p) => `  - ${p}`)].join('\n'));
  return { secret: result as PortalSecret, outcomes };
}

async function askField(prompter: Prompter, field: keyof typeof PORTAL_SECRET_FIELDS, before: unknown): Promise<string | undefined> {
  const keep = before === undefined ? '' : ' [Enter = giữ giá trị đang có / keep the stored value]';
  const question = `${field} — ${PORTAL_SECRET_FIELDS[field]}${keep}: `;
  const answer = (VISIBLE_FIELDS.has(field) ? await prompter.ask(question) : await prompter.askHidden(question)).trim();
  if (answer === '') return before === undefined ? undefined : String(before);
  return answer;
}

/** Stored entries without placeholders, the file's on top, then any the operator adds by hand. */
async function oidcSecrets(stored: unknown, fromFile: unknown, prompter: Prompter | undefined, outcomes: Filled['outcomes']): Promise<Record<string, string>> {
  const secrets: Record<string, string> = {};
  for (const [id, value] of Object.entries(isRecord(stored) ? stored : {})) {
    if (real(value)) {
      secrets[id] = value;
      outcomes[`oidcClientSecrets.${id}`] = 'kept';
    }
  }
  if (fromFile !== undefined) {
    if (!isRecord(fromFile)) throw new OperatorError('oidcClientSecrets: phải là đối tượng mã nhà phát hành → client secret (must be an object of issuer id → client secret)');
    for (const [id, value] of Object.entries(fromFile)) {
      secrets[id] = value as string;
      outcomes[`oidcClientSecrets.${id}`] = 'set';
    }
  } else if (prompter) {
    for (;;) {
      const id = await prompter.ask('Client secret OIDC (VNeID…): mã nhà phát hành / issuer id [Enter = xong / done]: ');
      if (id === '') break;
      secrets[id] = await prompter.askHidden(`Client secret của / of ${id}: `);
      outcomes[`oidcClientSecrets.${id}`] = 'set';
    }
  }
  return secrets;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One line per field: what happened to it, never its value. */
export function outcomeLines(outcomes: Filled['outcomes']): string[] {
  const words: Record<FieldOutcome, string> = { kept: 'giữ nguyên (kept)', set: 'đã đặt (set)', generated: 'đã sinh ngẫu nhiên (generated)', rotated: 'đã xoay (rotated)', removed: 'đã bỏ, hết hạn (removed: window closed)' };
  return Object.entries(outcomes).map(([field, outcome]) => `  ${field}: ${words[outcome as FieldOutcome]}`);
}
