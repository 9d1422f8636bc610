import { describe, expect, it } from 'vitest';
import { formatFee, formatTimeLimit, resultCount } from '../../../web/src/lib/format';

describe('procedure facts as shown on the site', () => {
  it('shows fees in VND with dot grouping, and 0 as free', () => {
    expect(formatFee(430_000, 'vi')).toBe('430.000 ₫');
    expect(formatFee(5_700_000, 'en')).toBe('5.700.000 ₫');
    expect(formatFee(0, 'vi')).toBe('Miễn phí');
    expect(formatFee(0, 'en')).toBe('Free');
  });

  it('keeps the unit of a time limit', () => {
    expect(formatTimeLimit({ value: 30, unit: 'calendar_days' }, 'vi')).toBe('30 ngày');
    expect(formatTimeLimit({ value: 20, unit: 'working_days' }, 'vi')).toBe('20 ngày làm việc');
    expect(formatTimeLimit({ value: 0, unit: 'immediate' }, 'vi')).toBe('Giải quyết ngay');
    expect(formatTimeLimit({ value: 1, unit: 'working_days' }, 'en')).toBe('1 working day');
    expect(formatTimeLimit({ value: 15, unit: 'calendar_days' }, 'en')).toBe('15 days');
  });

  it('announces result counts in both languages', () => {
    expect(resultCount(3, 'vi')).toBe('Tìm thấy 3 thủ tục.');
    expect(resultCount(0, 'vi')).toBe('Không tìm thấy thủ tục nào phù hợp.');
    expect(resultCount(1, 'en')).toBe('1 procedure found.');
  });
});
