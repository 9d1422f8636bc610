/** vnp_OrderInfo folding: ASCII without diacritics, only characters every VNPay encoder agrees on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_INFO_PATTERN, isPortableValue, toVnpayOrderInfo } from '../../../shared/src/vnpay/index';

describe('toVnpayOrderInfo', () => {
  it('folds Vietnamese diacritics, đ and Đ', () => {
    expect(toVnpayOrderInfo('Thanh toán viện phí')).toBe('Thanh toan vien phi');
    expect(toVnpayOrderInfo('Đóng phí cấp giấy phép hành nghề dược')).toBe('Dong phi cap giay phep hanh nghe duoc');
    expect(toVnpayOrderInfo('BỆNH VIỆN ĐA KHOA THỦ ĐỨC')).toBe('BENH VIEN DA KHOA THU DUC');
    expect(toVnpayOrderInfo('Ưu tiên Ơn Ấn Ẩn Ỹ ỵ')).toBe('Uu tien On An An Y y');
  });

  it('folds decomposed input (NFD, as some keyboards and macOS file names produce) the same way', () => {
    expect(toVnpayOrderInfo('Vie\u0323\u0302n phi\u0301')).toBe('Vien phi');
  });

  it('keeps the allowed punctuation and turns everything else into single spaces', () => {
    expect(toVnpayOrderInfo('HS-123_4. Ma: #5/6, ok')).toBe('HS-123_4. Ma: #5/6, ok');
    expect(toVnpayOrderInfo("Hóa đơn (BV) số 12 & 13 — 100% 'đã' trả!")).toBe('Hoa don BV so 12 13 100 da tra');
    expect(toVnpayOrderInfo('  a \t\n b  ')).toBe('a b');
  });

  it('drops emoji and other scripts', () => {
    expect(toVnpayOrderInfo('Thanh toán 😀👨‍👩‍👧 viện phí 中文')).toBe('Thanh toan vien phi');
    expect(toVnpayOrderInfo('😀')).toBe('');
  });

  it('caps 300 characters at 255 without a trailing space', () => {
    const long = 'Phí khám bệnh '.repeat(22); // 308 characters
    const folded = toVnpayOrderInfo(long);
    expect(folded.length).toBeLessThanOrEqual(255);
    expect(folded).toBe(folded.trim());
    expect(folded.startsWith('Phi kham benh Phi kham benh')).toBe(true);
    expect(toVnpayOrderInfo('x'.repeat(300))).toBe('x'.repeat(255));
  });

  it('always yields a valid, portable vnp_OrderInfo or the empty string (2,000 random texts)', () => {
    fc.assert(
      // 'grapheme' covers every script, emoji and combining sequence; 'binary' adds controls and
      // unassigned code points (kept short: generating long 'binary' strings is slow).
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const folded = toVnpayOrderInfo(text);
        return folded === '' || (ORDER_INFO_PATTERN.test(folded) && isPortableValue(folded) && folded === folded.trim());
      }),
      { numRuns: 2_000 },
    );
  });
});
