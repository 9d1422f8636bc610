/** Vietnam-time formatting and the code tables. TZ independence itself is proven in vectors-tz.test.ts. */
import { describe, expect, it } from 'vitest';
import {
  API_RESPONSE_CODES, RESPONSE_CODES, TRANSACTION_STATUSES, describeApiResponseCode, describeResponseCode,
  describeTransactionStatus, parseVnpayDateTime, payExpiry, vnpayDateTime,
} from '../../../shared/src/vnpay/index';

describe('vnpayDateTime / parseVnpayDateTime', () => {
  it('formats an instant in UTC+7: 17:00 UTC is already tomorrow in Vietnam', () => {
    expect(vnpayDateTime(new Date('2025-01-01T03:30:00Z'))).toBe('20250101103000');
    expect(vnpayDateTime(new Date('2026-11-21T16:59:59.999Z'))).toBe('20261121235959');
    expect(vnpayDateTime(new Date('2026-11-21T17:00:00Z'))).toBe('20261122000000');
    expect(vnpayDateTime(new Date('2024-02-28T17:00:00Z'))).toBe('20240229000000');
  });

  it('expires 15 minutes after creation, across midnight too', () => {
    const created = new Date('2025-12-31T16:50:00Z');
    expect(vnpayDateTime(created)).toBe('20251231235000');
    expect(vnpayDateTime(payExpiry(created))).toBe('20260101000500');
  });

  it('parses Vietnam time back to the instant, and round-trips every second', () => {
    expect(parseVnpayDateTime('20250101103100')?.toISOString()).toBe('2025-01-01T03:31:00.000Z');
    for (let t = Date.UTC(2025, 11, 31, 16, 0, 0); t < Date.UTC(2025, 11, 31, 18, 0, 0); t += 7_001) {
      const at = new Date(Math.floor(t / 1000) * 1000);
      expect(parseVnpayDateTime(vnpayDateTime(at))).toEqual(at);
    }
  });

  it('refuses times that do not exist instead of rolling them over', () => {
    for (const bad of ['20250230103100', '20250101243000', '20250101106000', '20251301000000', '2025010110310', '2025010110310x', '00000101000000', '']) {
      expect(parseVnpayDateTime(bad), bad).toBeUndefined();
    }
  });

  it('throws on an invalid Date instead of sending NaN', () => {
    expect(() => vnpayDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('code tables', () => {
  it('describes response codes in Vietnamese and English', () => {
    expect(describeResponseCode('24')).toEqual({
      vi: 'Giao dịch không thành công do: Khách hàng hủy giao dịch',
      en: 'Transaction failed: you cancelled the payment.',
    });
    expect(describeResponseCode('00').vi).toBe('Giao dịch thành công');
    expect(describeResponseCode('51').vi).toContain('không đủ số dư');
  });

  it('covers every code of research §1.8', () => {
    expect(Object.keys(RESPONSE_CODES).sort()).toEqual(['00', '07', '09', '10', '11', '12', '13', '24', '51', '65', '75', '79', '99']);
    expect(Object.keys(TRANSACTION_STATUSES).sort()).toEqual(['00', '01', '02', '04', '05', '06', '07', '09']);
    expect(Object.keys(API_RESPONSE_CODES).sort()).toEqual(['00', '02', '03', '91', '94', '95', '97', '99']);
    for (const table of [RESPONSE_CODES, TRANSACTION_STATUSES, API_RESPONSE_CODES]) {
      for (const { vi, en } of Object.values(table)) expect(vi.length * en.length).toBeGreaterThan(0);
    }
  });

  it('gives a message that names an unknown code, and is not fooled by prototype keys', () => {
    expect(describeResponseCode('15')).toEqual({ vi: 'Giao dịch không thành công, mã lỗi 15', en: 'Transaction failed, error code 15' });
    expect(describeTransactionStatus('toString').vi).toBe('Trạng thái giao dịch không xác định, mã toString');
    expect(describeTransactionStatus('09').vi).toBe('GD Hoàn trả bị từ chối');
    expect(describeApiResponseCode('94').en).toContain('Duplicate');
  });
});
