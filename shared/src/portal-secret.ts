/**
 * The portal secret (one Secrets Manager secret, JSON; locally environment variables or
 * `.secrets.local.json`): VNPay merchant credentials, the pay-link key, the HIS callback master
 * key and the confidential OIDC clients' secrets. The functions parse it with this schema on every
 * read, `npm run setup:secrets` before it writes, and the pre-deploy check on the deployed value,
 * so a placeholder can neither be deployed nor served (ADR 0023).
 */
import * as z from 'zod/mini';

/** What CDK writes into a fresh secret until an operator puts the real values in (infra/lib/storage.ts). */
export const SECRET_PLACEHOLDER = 'CHANGE_ME';
/** The command that fills the secret: named in every refusal so the operator knows what to run. */
export const SETUP_SECRETS_COMMAND = 'npm run setup:secrets';
/** The git-ignored file `npm start` reads the secret from, and `npm run setup:secrets -- --local` writes. */
export const LOCAL_SECRET_FILE = '.secrets.local.json';

const isPlaceholder = (value: string) => value.toUpperCase().includes(SECRET_PLACEHOLDER);
const placeholderMessage = (field: string) =>
  `${field} vẫn là giá trị tạm ${SECRET_PLACEHOLDER} (still the placeholder ${SECRET_PLACEHOLDER}): chạy / run \`${SETUP_SECRETS_COMMAND}\``;

/** A secret value: long enough, and never the placeholder (checked first, so its message is the one an operator reads). */
const secretText = (field: string, minLength: number) =>
  z.string().check(
    z.refine((v) => !isPlaceholder(v), placeholderMessage(field)),
    z.refine((v) => isPlaceholder(v) || v.length >= minLength, `${field} cần ít nhất ${minLength} ký tự (needs at least ${minLength} characters)`),
  );

export const PORTAL_SECRET_FIELDS = {
  vnpayTmnCode: 'Mã website (TmnCode) VNPay cấp / the terminal code VNPay issued (8 letters or digits)',
  vnpayHashSecret: 'Chuỗi bí mật (hash secret) VNPay cấp / the hash secret VNPay issued',
  payLinkKey: 'Khóa ký liên kết thanh toán / the key that signs pay links (ADR 0008)',
  hisSigningKey: 'Khóa gốc ký callback gửi HIS / the master key of HIS callback signatures (ADR 0010)',
} as const;

export const portalSecretSchema = z
  .object({
    vnpayTmnCode: z.string().check(
      z.refine((v) => !isPlaceholder(v), placeholderMessage('vnpayTmnCode')),
      z.refine((v) => isPlaceholder(v) || /^[A-Z0-9]{8}$/.test(v), 'vnpayTmnCode phải gồm 8 chữ in hoa hoặc chữ số (must be 8 capital letters or digits)'),
    ),
    vnpayHashSecret: secretText('vnpayHashSecret', 16),
    payLinkKey: secretText('payLinkKey', 16),
    /** Master key of the HIS callback signatures (each hospital gets a key derived from it). */
    hisSigningKey: secretText('hisSigningKey', 16),
    /** Client secrets of confidential OIDC clients (VNeID), by issuer id (ADR 0021). */
    oidcClientSecrets: z._default(
      z.record(
        z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'issuer id: a–z, 0–9 and -')),
        z.string().check(
          z.minLength(1),
          z.refine((v) => !isPlaceholder(v), placeholderMessage('oidcClientSecrets')),
        ),
      ),
      {},
    ),
    /**
     * The hash secret before the last rotation, still accepted on IPNs and return URLs until
     * `vnpayHashSecretPreviousUntil` (ADR 0023); outgoing requests always sign with the current one.
     */
    vnpayHashSecretPrevious: z.optional(secretText('vnpayHashSecretPrevious', 16)),
    vnpayHashSecretPreviousUntil: z.optional(z.iso.datetime({ message: 'vnpayHashSecretPreviousUntil phải là thời điểm ISO 8601 UTC, ví dụ 2026-03-01T17:00:00Z (must be an ISO 8601 UTC instant)' })),
  })
  .check(
    z.refine((s) => (s.vnpayHashSecretPrevious === undefined) === (s.vnpayHashSecretPreviousUntil === undefined), {
      message: 'vnpayHashSecretPrevious và vnpayHashSecretPreviousUntil phải đi cùng nhau (go together: both or neither)',
      path: ['vnpayHashSecretPreviousUntil'],
    }),
    z.refine((s) => s.vnpayHashSecretPrevious === undefined || s.vnpayHashSecretPrevious !== s.vnpayHashSecret, {
      message: 'vnpayHashSecretPrevious trùng chuỗi bí mật hiện tại (is the same as the current hash secret)',
      path: ['vnpayHashSecretPrevious'],
    }),
  );

export type PortalSecret = z.infer<typeof portalSecretSchema>;

/**
 * The problems of a candidate secret, one line per field ("field: message"), never a value: what
 * the setup script and the pre-deploy check print. Empty when the secret is valid.
 */
export function portalSecretProblems(candidate: unknown): string[] {
  const result = portalSecretSchema.safeParse(candidate);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(secret)';
    // zod's own messages for a missing or mistyped field say only "Invalid input".
    const message = issue.message === 'Invalid input' ? (issue.code === 'invalid_type' ? 'thiếu hoặc sai kiểu (missing or not text)' : 'không hợp lệ (not valid)') : issue.message;
    return `${path}: ${message}`;
  });
}

/**
 * The hash secrets a signature VNPay sent may be checked against at `now`: the current one, and
 * the previous one while its window is open. Signing always uses `secret.vnpayHashSecret`.
 */
export function vnpayVerificationSecrets(secret: Pick<PortalSecret, 'vnpayHashSecret' | 'vnpayHashSecretPrevious' | 'vnpayHashSecretPreviousUntil'>, now: Date): { current: string; previous?: string } {
  const { vnpayHashSecretPrevious: previous, vnpayHashSecretPreviousUntil: until } = secret;
  const open = previous !== undefined && until !== undefined && now.getTime() < Date.parse(until);
  return open ? { current: secret.vnpayHashSecret, previous } : { current: secret.vnpayHashSecret };
}
