/**
 * Pay links: `<billId>.<signature>`. Deterministic (the HIS pushing the same bill twice gets the
 * same link), unguessable without the key, revocable by rotating the key, and free of personal data.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (key: string, billId: string) => createHmac('sha256', key).update(`pay-link:bill:${billId}`).digest('base64url').slice(0, 32);

export const payLinkToken = (key: string, billId: string): string => `${billId}.${sign(key, billId)}`;

/** The bill id a token grants, or undefined for anything forged or malformed. */
export function billIdFromPayLink(key: string, token: string): string | undefined {
  const match = /^([0-9A-HJKMNP-TV-Z]{26})\.([\w-]{32})$/.exec(token);
  if (!match) return undefined;
  const [, billId = '', given = ''] = match;
  const expected = sign(key, billId);
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected)) ? billId : undefined;
}
