/**
 * What a patient carries to the hospital: a booking code short enough to type at a counter, the
 * same code in a QR, and a queue number within the session.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 26 Crockford base32 characters from bytes (the shape of an id, e.g. derived from a hash). */
export function base32Id(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const BOOKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** `XXXX-XXXX` from the last 8 characters of an appointment id. */
export const bookingCodeOf = (appointmentId: string): string => `${appointmentId.slice(-8, -4)}-${appointmentId.slice(-4)}`;

/**
 * What someone types or a camera reads → the canonical code, or undefined. Forgives case, spaces,
 * a missing dash and the letters people confuse with digits (O→0, I/L→1), as Crockford intends.
 */
export function normaliseBookingCode(input: string): string | undefined {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(raw)) return undefined;
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** The text the check-in QR carries: the code alone, so any scanner (or a person) can read it. */
export const checkInQrPayload = (code: string): string => code;

/** Queue numbers print with three digits: 7 → "007". */
export const formatQueueNumber = (n: number): string => String(n).padStart(3, '0');
