import { describe, expect, it } from 'vitest';
import { procedureByCode } from '../../../shared/src/procedures/catalogue';
import { conditionText, formatAccept, formatBytes, formatDay, formatFee, formatProcedureFee, formatTimeLimit, resultCount } from '../../../web/src/lib/format';

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

describe('procedure page facts', () => {
  const at = new Date('2026-03-10T03:00:00Z');
  it('shows a fee range when variants differ, the reduced device fees, and "not yet published" for unknown fees', () => {
    expect(formatProcedureFee(procedureByCode('cap-lai-giay-phep-hanh-nghe')!.fee, 'vi', at)).toBe('150.000 ₫ – 430.000 ₫');
    expect(formatProcedureFee(procedureByCode('cap-moi-giay-phep-hanh-nghe')!.fee, 'vi', at)).toBe('430.000 ₫');
    expect(formatProcedureFee(procedureByCode('cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te')!.fee, 'vi', at)).toBe('1.500.000 ₫');
    expect(formatProcedureFee(procedureByCode('cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te')!.fee, 'vi', new Date('2027-01-02T03:00:00Z'))).toBe('3.000.000 ₫');
    expect(formatProcedureFee(procedureByCode('cap-lai-giay-phep-hoat-dong')!.fee, 'vi', at)).toBe('Chưa công bố');
    expect(formatProcedureFee(procedureByCode('cap-lai-giay-phep-hoat-dong')!.fee, 'en', at)).toBe('Not yet published');
  });

  it('describes documents: types, sizes, and the condition that makes one required', () => {
    expect(formatAccept(['application/pdf', 'image/jpeg', 'image/png'])).toBe('PDF, JPG, PNG');
    expect(formatBytes(10 * 1024 * 1024, 'vi')).toBe('10 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'vi')).toBe('1,5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(500 * 1024, 'en')).toBe('500 KB');
    const clinic = procedureByCode('cap-moi-giay-phep-hoat-dong-phong-kham')!;
    expect(conditionText(clinic.form, { field: 'hasXray', equals: true }, 'vi')).toBe('Phòng khám có sử dụng thiết bị X-quang');
    expect(conditionText(clinic.form, { field: 'facilityType', equals: 'phong_kham_chuyen_khoa' }, 'en')).toBe('Type of facility: Specialist clinic');
    expect(formatDay('2026-12-31')).toBe('31/12/2026');
  });
});
