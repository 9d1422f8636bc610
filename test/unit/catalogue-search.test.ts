import { describe, expect, it } from 'vitest';
import { catalogue } from '../../shared/src/procedures/catalogue';
import { filterProcedures } from '../../shared/src/procedures/search';

const codes = (filter: Parameters<typeof filterProcedures>[1]) => filterProcedures(catalogue, filter).map((p) => p.code);

describe('catalogue search in the browser', () => {
  it('ignores diacritics and case: "giay phep" finds "giấy phép"', () => {
    const found = filterProcedures(catalogue, { q: 'GIAY PHEP' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.nameVi.toLowerCase().includes('giấy phép'))).toBe(true);
  });

  it('folds đ to d and needs every word', () => {
    expect(codes({ q: 'chung chi hanh nghe duoc' })).toEqual(['cap-chung-chi-hanh-nghe-duoc']);
    expect(codes({ q: 'giay phep khong-co-tu-nay' })).toEqual([]);
  });

  it('matches English names and national codes', () => {
    expect(codes({ q: 'medical devices' })).toContain('cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te');
    expect(codes({ q: '1.014076' })).toEqual(['cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc']);
  });

  it('filters by field and applicant type, and an empty filter keeps everything', () => {
    expect(filterProcedures(catalogue, {}).length).toBe(catalogue.length);
    expect(filterProcedures(catalogue, { q: '  ', field: '', applicantType: '' }).length).toBe(catalogue.length);
    const pharmacyPeople = filterProcedures(catalogue, { field: 'pharmacy', applicantType: 'individual' });
    expect(pharmacyPeople.map((p) => p.code)).toEqual(['cap-chung-chi-hanh-nghe-duoc']);
  });
});
