/**
 * VNPay timestamps: `yyyyMMddHHmmss` in Vietnam time (UTC+07:00; Vietnam has no DST).
 *
 * Computed arithmetically (shift the epoch by 7 h, read UTC fields) so the result never depends on
 * the process TZ. The npm `vnpay` package gets this wrong in both directions (research/payments.md
 * §2.2 item 1), and VNPay's Java demo uses `Etc/GMT+7`, which is UTC−7 in POSIX sign convention.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const VNPAY_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** How long a pay URL stays payable: the Java demo's create + 15 min, which the 2.1.0 table requires. */
export const PAY_EXPIRY_MINUTES = 15;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 2025-01-01T03:30:00Z → "20250101103000", whatever TZ the process runs with. */
export function vnpayDateTime(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('vnpayDateTime: invalid Date');
  const v = new Date(ms + VIETNAM_OFFSET_MS);
  const year = v.getUTCFullYear();
  // 14 digits only fit years 1000–9999; anything else is a bug upstream, not a date to send.
  if (year < 1000 || year > 9999) throw new RangeError('vnpayDateTime: year out of range');
  return `${year}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}

/**
 * "20250101103100" (Vietnam time) → the instant 2025-01-01T03:31:00.000Z; undefined when the text is
 * not 14 digits or names a calendar time that does not exist (20250230…, hour 24): a signed field
 * we cannot read is treated as malformed rather than silently rolled over by `Date.UTC`.
 */
export function parseVnpayDateTime(text: string): Date | undefined {
  const m = VNPAY_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(asUtc);
  if (
    back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day ||
    back.getUTCHours() !== hour || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return new Date(asUtc - VIETNAM_OFFSET_MS);
}

/** The `vnp_ExpireDate` instant for a pay request created at `createdAt`. */
export function payExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PAY_EXPIRY_MINUTES * 60 * 1000);
}
