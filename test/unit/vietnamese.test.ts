import { describe, expect, it } from 'vitest';
import { foldDiacritics, formatVnd, vietnamDate } from '../../shared/src/vietnamese';

describe('Vietnamese helpers', () => {
  it('folds diacritics and đ so that plain typing finds accented names', () => {
    expect(foldDiacritics('Hồ Chí Minh')).toBe('ho chi minh');
    expect(foldDiacritics('Điều chỉnh GIẤY PHÉP')).toBe('dieu chinh giay phep');
    expect(foldDiacritics('Dược')).toBe('duoc');
  });

  it('formats VND with dot thousands and the ₫ sign', () => {
    expect(formatVnd(1_500_000)).toBe('1.500.000 ₫');
    expect(formatVnd(430_000)).toBe('430.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(-25_000)).toBe('-25.000 ₫');
  });

  it('gives the Vietnam date of an instant: 17:00 UTC is already tomorrow in Hồ Chí Minh City', () => {
    expect(vietnamDate(new Date('2026-11-21T16:59:59Z'))).toBe('2026-11-21');
    expect(vietnamDate(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });
});
