import { describe, expect, it } from 'vitest';
import { billLookupSchema } from '../../../shared/src/payments/bills';
import {
  checkLookup, fieldOfApiError, isPaymentId, lockoutMessage, normaliseDate, payLinkTokenFromHash, payLinkUrl, vietnamDateTime, type LookupInput,
} from '../../../web/src/lib/payments-format';

const HOSPITALS = ['hosp-cho-ray', 'hosp-nhi-dong-1'];
const TODAY = '2026-05-04';
const input: LookupInput = { hospitalId: 'hosp-cho-ray', patientCode: ' BN-0012345 ', billCode: 'HD-2026-000123', factor: 'phone', phoneLast4: '56 78', dateOfBirth: '1985-04-12' };

describe('bill lookup form checks', () => {
  it('build a body with exactly the chosen second factor, which the API schema accepts', () => {
    const phone = checkLookup(input, HOSPITALS, TODAY, 'vi');
    expect(phone).toEqual({ lookup: { hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', phoneLast4: '5678' } });
    const dob = checkLookup({ ...input, factor: 'dob', dateOfBirth: '12/04/1985' }, HOSPITALS, TODAY, 'vi');
    expect(dob).toEqual({ lookup: { hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', dateOfBirth: '1985-04-12' } });
    for (const result of [phone, dob]) {
      if (!('lookup' in result)) throw new Error('expected a lookup');
      expect(billLookupSchema.safeParse(result.lookup).success).toBe(true);
    }
  });

  it('report every problem at once, in form order, in the page language', () => {
    const result = checkLookup({ hospitalId: '', patientCode: '', billCode: 'HĐ 123', factor: '', phoneLast4: '', dateOfBirth: '' }, HOSPITALS, TODAY, 'vi');
    expect(result).toEqual({
      problems: [
        { field: 'hospitalId', message: 'Chọn bệnh viện đã lập hóa đơn' },
        { field: 'patientCode', message: 'Nhập mã bệnh nhân' },
        { field: 'billCode', message: expect.stringContaining('Mã hóa đơn chỉ gồm') },
        { field: 'factor', message: 'Chọn cách xác minh: 4 số cuối điện thoại hoặc ngày sinh' },
      ],
    });
    expect(checkLookup({ ...input, hospitalId: 'hosp-unknown' }, HOSPITALS, TODAY, 'en')).toEqual({ problems: [{ field: 'hospitalId', message: 'Select a hospital from the list' }] });
  });

  it('check only the chosen factor', () => {
    expect(checkLookup({ ...input, phoneLast4: '567' }, HOSPITALS, TODAY, 'vi')).toMatchObject({ problems: [{ field: 'phoneLast4', message: expect.stringContaining('đúng 4 chữ số') }] });
    expect(checkLookup({ ...input, phoneLast4: '' }, HOSPITALS, TODAY, 'vi')).toMatchObject({ problems: [{ field: 'phoneLast4' }] });
    expect(checkLookup({ ...input, phoneLast4: 'abcd', factor: 'dob' }, HOSPITALS, TODAY, 'vi')).toHaveProperty('lookup');
    expect(checkLookup({ ...input, factor: 'dob', dateOfBirth: '' }, HOSPITALS, TODAY, 'vi')).toMatchObject({ problems: [{ field: 'dateOfBirth', message: 'Nhập ngày sinh của bệnh nhân' }] });
    expect(checkLookup({ ...input, factor: 'dob', dateOfBirth: '31/02/1985' }, HOSPITALS, TODAY, 'vi')).toMatchObject({ problems: [{ field: 'dateOfBirth', message: expect.stringContaining('ngày có thật') }] });
    expect(checkLookup({ ...input, factor: 'dob', dateOfBirth: '2026-05-05' }, HOSPITALS, TODAY, 'vi')).toMatchObject({ problems: [{ field: 'dateOfBirth', message: 'Ngày sinh phải là một ngày trong quá khứ' }] });
  });

  it('read dates from a date input or typed day-first', () => {
    expect(normaliseDate('1985-04-12')).toBe('1985-04-12');
    expect(normaliseDate('1/6/2021')).toBe('2021-06-01');
    expect(normaliseDate('29.02.2024')).toBe('2024-02-29');
    expect(normaliseDate('29/02/2023')).toBeUndefined();
    expect(normaliseDate('04/1985')).toBeUndefined();
    expect(normaliseDate('12/04/1850')).toBeUndefined();
  });

  it('map API field errors onto the form', () => {
    expect(fieldOfApiError('body.patientCode', 'phone')).toBe('patientCode');
    expect(fieldOfApiError('body.phoneLast4', 'dob')).toBe('dateOfBirth');
    expect(fieldOfApiError('body.phoneLast4', 'phone')).toBe('phoneLast4');
    expect(fieldOfApiError('body', '')).toBe('factor');
    expect(fieldOfApiError('body.extra', 'phone')).toBeUndefined();
  });
});

describe('payment page helpers', () => {
  it('show times in Vietnam time whatever the device zone', () => {
    expect(vietnamDateTime('2026-05-04T02:05:00Z')).toBe('04/05/2026 09:05');
    expect(vietnamDateTime('2026-12-31T17:30:00.000Z')).toBe('01/01/2027 00:30');
    expect(vietnamDateTime('không phải ngày')).toBe('');
  });

  it('say how many minutes a lookup stays locked', () => {
    expect(lockoutMessage(899, 'vi')).toContain('sau 15 phút');
    expect(lockoutMessage(30, 'vi')).toContain('sau 1 phút');
    expect(lockoutMessage(undefined, 'en')).toContain('in 15 minutes');
    expect(lockoutMessage(60, 'en')).toContain('in 1 minute.');
  });

  it('put the pay link token in the fragment and read it back', () => {
    const token = '01JBILL0000000000000000000.abcDEF_-123';
    const url = payLinkUrl('https://cong-y-te.example.vn', token, 'vi');
    expect(url).toBe(`https://cong-y-te.example.vn/thanh-toan/hoa-don/#${token}`);
    expect(new URL(url).pathname + new URL(url).search).toBe('/thanh-toan/hoa-don/');
    expect(payLinkUrl('http://localhost:8080', token, 'en')).toBe(`http://localhost:8080/en/payments/bill/#${token}`);
    expect(payLinkTokenFromHash(new URL(url).hash)).toBe(token);
    expect(payLinkTokenFromHash('')).toBeNull();
    expect(payLinkTokenFromHash('#<script>')).toBeNull();
    expect(payLinkTokenFromHash('#%E0%A4%A')).toBeNull();
  });

  it('recognise payment ids (ULIDs)', () => {
    expect(isPaymentId('01JPAY00000000000000000000')).toBe(true);
    expect(isPaymentId('01jpay00000000000000000000')).toBe(false);
    expect(isPaymentId(null)).toBe(false);
    expect(isPaymentId('../../admin')).toBe(false);
  });
});
