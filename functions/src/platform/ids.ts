/**
 * Identifiers: ULIDs (48-bit time + 80 random bits, Crockford base32, 26 characters). They sort by
 * creation time, are unguessable enough to act as capabilities (a payment id in a result page's
 * address), and fit VNPay's `vnp_TxnRef` alphabet ([A-Za-z0-9]).
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomBytes(10);
  let bits = 0;
  let value = 0;
  let rest = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      rest += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return time + rest;
}

export const isId = (value: string): boolean => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);
