/**
 * `vnp_OrderInfo` text. VNPay's table says "Vietnamese without diacritics and without special
 * characters"; research/payments.md §0 item 2 narrows that to `[A-Za-z0-9 ]` plus `- _ . , : # /`,
 * a set every VNPay demo encoder turns into the same bytes, so our signature can never disagree
 * with VNPay's. Decision: any other character becomes a space (so "HS-1|2" stays readable as two
 * words), then spaces collapse; the result is capped at 255 characters (Alphanumeric[1,255]).
 */

export const ORDER_INFO_MAX = 255;
/** What a pay request accepts; `toVnpayOrderInfo` always produces a string that matches (or ''). */
export const ORDER_INFO_PATTERN = /^[A-Za-z0-9 ,./:#_-]{1,255}$/;
const OUTSIDE_ALLOWED = /[^A-Za-z0-9 ,./:#_-]/g;

/** "Thanh toán viện phí — Bệnh viện Đa khoa" → "Thanh toan vien phi Benh vien Da khoa". */
export function toVnpayOrderInfo(text: string): string {
  const folded = text
    .normalize('NFD')
    // Combining marks carry Vietnamese tones and vowel hats; đ/Đ are letters of their own, and
    // the look-alike Icelandic ð/Ð is a common typing slip for them.
    .replace(/\p{M}/gu, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D');
  const ascii = folded.replace(OUTSIDE_ALLOWED, ' ').replace(/ {2,}/g, ' ').trim();
  // Cutting may leave a trailing space; trim again so the value never ends in one.
  return ascii.slice(0, ORDER_INFO_MAX).trimEnd();
}
