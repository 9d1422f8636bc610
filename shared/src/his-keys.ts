/**
 * API keys of hospitals' information systems as administrators see them (ADR 0012, 0023): what
 * issuing takes, what a key looks like in the list (never the key: a label, who issued it when,
 * its last 4 characters, its status), and the revocation path.
 */
import * as z from 'zod/mini';

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

export interface HisKeyView {
  keyId: string;
  hospitalId: string;
  label: string;
  createdAt: string;
  createdBy: string;
  /** The key's last 4 characters, so a support person can tell two keys apart. */
  lastFour: string;
  status: HisKeyStatus;
  revokedAt?: string;
  revokedBy?: string;
}

export interface HisKeyList {
  hospitalId: string;
  keys: HisKeyView[];
}

/** The answer to issuing: the key itself, this once. */
export interface IssuedHisKey extends HisKeyView {
  apiKey: string;
}
