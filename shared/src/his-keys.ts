/**
 * API keys of hospitals' information systems as administrators see them (ADR 0012, 0023): what
 * issuing takes, what a key looks like in the list (never the key: a label, who issued it when,
 * its last 4 characters, its status), and the revocation path.
 */
import * as z from 'zod/mini';
import { instant } from './wire';

export const HIS_KEY_STATUSES = ['active', 'revoked'] as const;
export type HisKeyStatus = (typeof HIS_KEY_STATUSES)[number];
export const HIS_KEY_LABEL_MAX = 80;

/** POST /api/hospitals/{hospitalId}/his-keys: an optional label ("HIS FPT – máy chủ chính"). */
export const createHisKeyBody = z.optional(
  z.strictObject({ label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(HIS_KEY_LABEL_MAX))) }),
);
export type CreateHisKey = z.infer<typeof createHisKeyBody>;

export const hisKeyParams = z.object({
  hospitalId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)),
  /** ULIDs; the local demo keys are `demo-<hospitalId>`. */
  keyId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
});


export const hisKeyViewSchema = z.object({
  keyId: z.string(),
  hospitalId: z.string(),
  label: z.string(),
  createdAt: instant,
  createdBy: z.string().check(z.describe('The administrator who issued it')),
  /** The key's last 4 characters, so a support person can tell two keys apart. */
  lastFour: z.string().check(z.describe("The key's last 4 characters")),
  status: z.enum(HIS_KEY_STATUSES),
  revokedAt: z.optional(instant),
  revokedBy: z.optional(z.string()),
});
export type HisKeyView = z.infer<typeof hisKeyViewSchema>;

export const hisKeyListSchema = z.object({ hospitalId: z.string(), keys: z.array(hisKeyViewSchema) });
export type HisKeyList = z.infer<typeof hisKeyListSchema>;

/** The answer to issuing: the key itself, this once. */
export const issuedHisKeySchema = z.extend(hisKeyViewSchema, {
  apiKey: z.string().check(z.describe('Send as `x-api-key`; stored only as a hash, never shown again')),
});
export type IssuedHisKey = z.infer<typeof issuedHisKeySchema>;
