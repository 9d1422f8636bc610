/** Pay URL input validation and shape (research/payments.md §1.4, §1.13 items 2–4). */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_VND, buildPayUrl, parseVnpQuery, toVnpayOrderInfo } from '../../../shared/src/vnpay/index';
import { PAY_INPUT } from './fixtures';

describe('buildPayUrl', () => {
  it('sends 2.1.0 pay fields, no vnp_SecureHashType, and omits vnp_BankCode when not chosen', () => {
    const { bankCode: _none, ...input } = PAY_INPUT;
    const pay = buildPayUrl({ ...input, locale: 'en', orderType: '270000' });
    const sent = parseVnpQuery(new URL(pay.url).search);
    expect(sent.ok && Object.keys(sent.fields).sort()).toEqual([
      'vnp_Amount', 'vnp_Command', 'vnp_CreateDate', 'vnp_CurrCode', 'vnp_ExpireDate', 'vnp_IpAddr', 'vnp_Locale',
      'vnp_OrderInfo', 'vnp_OrderType', 'vnp_ReturnUrl', 'vnp_SecureHash', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Version',
    ]);
    expect(pay.secureHash).toMatch(/^[0-9a-f]{128}$/);
  });

  it('takes the amount in integer VND within vnp_Amount’s 12 digits', () => {
    expect(buildPayUrl({ ...PAY_INPUT, amountVnd: MAX_AMOUNT_VND }).fields.vnp_Amount).toBe('999999999900');
    expect(buildPayUrl({ ...PAY_INPUT, amountVnd: 1 }).fields.vnp_Amount).toBe('100');
    for (const amountVnd of [0, -1, 1.5, MAX_AMOUNT_VND + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildPayUrl({ ...PAY_INPUT, amountVnd }), String(amountVnd)).toThrow();
    }
  });

  it('validates txnRef, orderInfo, tmnCode, locale, bankCode, IP, return URL and date', () => {
    const bad: Array<Partial<typeof PAY_INPUT>> = [
      { txnRef: '' }, { txnRef: 'x'.repeat(101) }, { txnRef: 'HS 1' }, { txnRef: 'HS#1' }, { txnRef: 'Hồ1' },
      { orderInfo: 'Thanh toán' }, { orderInfo: '' }, { orderInfo: 'a&b' }, { orderInfo: 'x'.repeat(256) }, { orderInfo: ' a' },
      { tmnCode: 'SHORT' }, { tmnCode: 'TESTTMN1X' }, { locale: 'vi' as 'vn' }, { bankCode: 'NC' }, { bankCode: 'NCB!' },
      { ipAddr: 'localhost' }, { ipAddr: '1.2.3' }, { returnUrl: 'ftp://example.gov.vn/x' }, { returnUrl: 'https://example.gov.vn/~me' },
      { returnUrl: `https://example.gov.vn/${'a'.repeat(240)}` }, { payBaseUrl: 'https://sandbox.vnpayment.vn/pay?x=1' },
      { createdAt: new Date('nope') }, { orderType: 'bill payment' }, { hashSecret: '' },
    ];
    for (const override of bad) expect(() => buildPayUrl({ ...PAY_INPUT, ...override }), JSON.stringify(override)).toThrow();
  });

  it('accepts the local stack\'s http://localhost and 127.0.0.1 return URLs and pay page', () => {
    const pay = buildPayUrl({ ...PAY_INPUT, payBaseUrl: 'http://localhost:4321/sandbox/vnpay/pay', returnUrl: 'http://127.0.0.1:4321/api/payments/vnpay/return' });
    expect(pay.url.startsWith('http://localhost:4321/sandbox/vnpay/pay?vnp_Amount=')).toBe(true);
    expect(pay.fields.vnp_ReturnUrl).toBe('http://127.0.0.1:4321/api/payments/vnpay/return');
  });

  it('accepts an IPv6 citizen address and folded Vietnamese order text', () => {
    const pay = buildPayUrl({ ...PAY_INPUT, ipAddr: '2001:db8::1', orderInfo: toVnpayOrderInfo('Thanh toán hóa đơn BV Chợ Rẫy: HĐ-0012') });
    expect(pay.fields.vnp_OrderInfo).toBe('Thanh toan hoa don BV Cho Ray: HD-0012');
    expect(pay.url).toContain('vnp_IpAddr=2001%3Adb8%3A%3A1');
    expect(pay.url).toContain('vnp_OrderInfo=Thanh+toan+hoa+don+BV+Cho+Ray%3A+HD-0012');
  });
});
