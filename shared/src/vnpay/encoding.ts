/**
 * The byte-level rules of VNPay's query strings (research/payments.md §1.5).
 *
 * Decision: we sign with the rule of VNPay's Node demo — `encodeURIComponent`, then `%20` → `+`
 * (uppercase %XX, UTF-8). VNPay's five demos disagree only on `* ~ ! ' ( )` and non-ASCII, and
 * which one VNPay's server runs is unknown, so everything *we* sign is restricted to characters all
 * demos encode identically (see `assertPortableValue`). For values VNPay sends us, verification
 * retries with the WHATWG `URLSearchParams` rule when a value contains one of those characters.
 */

export type ValueEncoder = (value: string) => string;

/** What `encodeURIComponent` leaves as it is: such a value (most of VNPay's) needs no encoding work. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** VNPay Node demo: `encodeURIComponent(v).replace(/%20/g, '+')`. Keeps `A-Za-z0-9 - _ . ! ~ * ' ( )`. */
export const encodeNodeDemo: ValueEncoder = (value) => (UNRESERVED.test(value) ? value : encodeURIComponent(value).replace(/%20/g, '+'));

/** WHATWG application/x-www-form-urlencoded (used by `URLSearchParams`, hence npm `vnpay`). Keeps `* - . _`. */
export const encodeWhatwg: ValueEncoder = (value) =>
  encodeURIComponent(value).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** Characters on which VNPay's demo encoders disagree (§1.5 table). */
export const ENCODER_SENSITIVE = /[*~!'()]/;

/** Printable ASCII without the encoder-sensitive characters: every demo encoder gives the same bytes. */
const PORTABLE_VALUE = /^[\x20-\x7e]*$/;

export function isPortableValue(value: string): boolean {
  return PORTABLE_VALUE.test(value) && !ENCODER_SENSITIVE.test(value);
}

const NEEDS_DECODING = /[%+]/;

/** Form decoding of one component: `+` is a space, then %XX as UTF-8. Undefined when malformed. */
function decodeComponent(text: string): string | undefined {
  // Most of VNPay's values (codes, amounts, dates) have nothing to decode: skip the work for them.
  if (!NEEDS_DECODING.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined; // lone `%`, bad hex, or bytes that are not UTF-8
  }
}

export type ParsedQuery =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; reason: 'malformed_query' | 'duplicate_field' };

/**
 * Parses a raw query string ("a=1&b=2", a leading `?` allowed) into its `vnp_` fields, decoding
 * exactly as VNPay encoded. We do this ourselves because API Gateway, ALB and local emulators
 * disagree on whether `+` is already a space (research §1.14). Non-`vnp_` keys are ignored, as
 * VNPay's PHP and Python demos do, so an extra parameter on the return URL cannot break
 * verification. A `vnp_` key seen twice fails closed: we could not tell which value was signed.
 */
export function parseVnpQuery(rawQuery: string): ParsedQuery {
  // A plain object is safe: only keys starting with `vnp_` are kept, so never `__proto__` and co.
  const fields: Record<string, string> = {};
  const body = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const key = decodeComponent(rawKey);
    // Other parameters are not ours to judge: skip them without decoding their values.
    if (key === undefined ? !rawKey.startsWith('vnp_') : !key.startsWith('vnp_')) continue;
    const value = decodeComponent(eq === -1 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) return { ok: false, reason: 'malformed_query' };
    if (Object.hasOwn(fields, key)) return { ok: false, reason: 'duplicate_field' };
    fields[key] = value;
  }
  return { ok: true, fields };
}
