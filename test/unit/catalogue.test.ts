import { describe, expect, it } from 'vitest';
import {
  catalogue, isDocumentRequired, isFullyOnline, procedureByCode, procedureSchema, procedureSummarySchema, requiredDocumentIds, toProcedureSummary,
} from '../../shared/src/procedures/catalogue';
import { feeFor, feeRange } from '../../shared/src/procedures/fees';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);
const get = (code: string) => procedureByCode(code)!;

describe('the procedure catalogue data', () => {
  it('holds at least ten procedures, each valid against the schema', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(10);
    for (const procedure of catalogue) expect(procedureSchema.safeParse(procedure).error?.issues ?? [], procedure.code).toEqual([]);
  });

  it('uses each code once', () => {
    expect(new Set(catalogue.map((p) => p.code)).size).toBe(catalogue.length);
  });

  it('states every fee and variant in whole VND', () => {
    for (const p of catalogue) {
      for (const amount of [p.fee.amountVnd, ...(p.fee.variants ?? []).map((v) => v.amountVnd)]) expect(Number.isInteger(amount), p.code).toBe(true);
    }
  });

  it('sends medical practice and clinics to the medical unit, pharmacy and devices to the pharmacy unit', () => {
    for (const p of catalogue) {
      expect(p.unitId, p.code).toBe(p.field === 'medical_practice' || p.field === 'clinic_operation' ? 'unit-nghiep-vu-y' : 'unit-nghiep-vu-duoc');
    }
  });

  it('has an on-site appraisal exactly for the clinic licence and the pharmacy business certificate', () => {
    expect(catalogue.filter((p) => p.requiresAppraisal).map((p) => p.code).sort())
      .toEqual(['cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc', 'cap-moi-giay-phep-hoat-dong-phong-kham']);
  });

  it('asks for at least one mandatory document per procedure, each with accepted types and a size limit', () => {
    for (const p of catalogue) {
      expect(p.documents.some((d) => d.mandatory), p.code).toBe(true);
      for (const d of p.documents) expect(d.accept.length > 0 && d.maxBytes > 0, `${p.code}/${d.id}`).toBe(true);
    }
  });

  it('rejects a fee variant or a document condition that names no form field', () => {
    const clinic = get('cap-moi-giay-phep-hoat-dong-phong-kham');
    const badVariant = { ...clinic, fee: { ...clinic.fee, variants: [{ id: 'x', labelVi: 'Xx', labelEn: 'Xx', amountVnd: 1, when: { field: 'nope', equals: 'a' } }] } };
    expect(procedureSchema.safeParse(badVariant).success).toBe(false);
    const badOption = { ...clinic, fee: { ...clinic.fee, variants: [{ id: 'x', labelVi: 'Xx', labelEn: 'Xx', amountVnd: 1, when: { field: 'facilityType', equals: 'benh_vien' } }] } };
    expect(procedureSchema.safeParse(badOption).success).toBe(false);
    const badDoc = { ...clinic, documents: [...clinic.documents, { ...clinic.documents[0]!, id: 'y', mandatory: false, mandatoryWhen: { field: 'hasXray', equals: 'yes' } }] };
    expect(procedureSchema.safeParse(badDoc).success).toBe(false);
    const duplicateDoc = { ...clinic, documents: [...clinic.documents, clinic.documents[0]!] };
    expect(procedureSchema.safeParse(duplicateDoc).success).toBe(false);
  });

  it('list summaries leave out the form and the documents', () => {
    for (const p of catalogue) {
      const summary = toProcedureSummary(p);
      expect(summary).not.toHaveProperty('form');
      expect(summary).not.toHaveProperty('documents');
      expect(procedureSummarySchema.safeParse(summary).success).toBe(true);
    }
  });
});

describe('documents required for given form data', () => {
  it('asks for the radiation licence only when the clinic has X-ray', () => {
    const clinic = get('cap-moi-giay-phep-hoat-dong-phong-kham');
    const radiation = clinic.documents.find((d) => d.id === 'giay-phep-buc-xa')!;
    expect(isDocumentRequired(radiation, { hasXray: true })).toBe(true);
    expect(isDocumentRequired(radiation, { hasXray: false })).toBe(false);
    expect(requiredDocumentIds(clinic, {})).not.toContain('giay-phep-buc-xa');
    expect(requiredDocumentIds(clinic, { hasXray: true })).toContain('giay-phep-buc-xa');
  });
});

describe('feeFor', () => {
  it('charges the base amount when no variant applies', () => {
    expect(feeFor(get('cap-moi-giay-phep-hanh-nghe'), {}, at('2026-03-10'))).toEqual({ amountVnd: 430_000, baseVnd: 430_000 });
  });

  it('picks the variant the form data selects (clinic type, re-issue reason, pharmacy type)', () => {
    const clinic = get('cap-moi-giay-phep-hoat-dong-phong-kham');
    expect(feeFor(clinic, { facilityType: 'phong_kham_chuyen_khoa' }, at('2026-03-10'))).toEqual({ amountVnd: 4_300_000, baseVnd: 4_300_000, variantId: 'chuyen-khoa' });
    expect(feeFor(clinic, { facilityType: 'phong_kham_da_khoa' }, at('2026-03-10')).amountVnd).toBe(5_700_000);
    expect(feeFor(get('cap-lai-giay-phep-hanh-nghe'), { reason: 'mat' }, at('2026-03-10')).amountVnd).toBe(150_000);
    expect(feeFor(get('cap-lai-giay-phep-hanh-nghe'), { reason: 'thay_doi_thong_tin' }, at('2026-03-10')).amountVnd).toBe(430_000);
    const pharmacy = get('cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc');
    expect(feeFor(pharmacy, { businessType: 'ban_buon', disadvantagedArea: true }, at('2026-03-10')).amountVnd).toBe(4_000_000);
    expect(feeFor(pharmacy, { businessType: 'nha_thuoc', disadvantagedArea: true }, at('2026-03-10')).amountVnd).toBe(500_000);
    expect(feeFor(pharmacy, { businessType: 'nha_thuoc', disadvantagedArea: false }, at('2026-03-10')).amountVnd).toBe(1_000_000);
  });

  it('halves device fees from 1 Jul 2025 to 31 Dec 2026 inclusive (Vietnam dates), per Circular 64/2025', () => {
    const trading = get('cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te');
    expect(feeFor(trading, {}, at('2025-06-30', '23:59')).amountVnd).toBe(3_000_000);
    expect(feeFor(trading, {}, at('2025-07-01', '00:00')).amountVnd).toBe(1_500_000);
    const lastDay = feeFor(trading, {}, at('2026-12-31', '23:59'));
    expect(lastDay).toMatchObject({ amountVnd: 1_500_000, baseVnd: 3_000_000, reduction: { factor: 0.5, until: '2026-12-31' } });
    expect(lastDay.reduction?.basisVi).toMatch(/Thông tư 64\/2025\/TT-BTC/);
    // 17:00 UTC on 31 Dec is already 1 Jan 2027 in Vietnam.
    expect(feeFor(trading, {}, new Date('2026-12-31T17:00:00Z')).amountVnd).toBe(3_000_000);
    const standards = get('cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te');
    expect(feeFor(standards, { deviceClass: 'loai_a' }, at('2026-03-10')).amountVnd).toBe(500_000);
    expect(feeFor(standards, { deviceClass: 'loai_b' }, at('2026-03-10'))).toMatchObject({ amountVnd: 1_500_000, baseVnd: 3_000_000, variantId: 'loai-b' });
    expect(feeFor(standards, { deviceClass: 'loai_b' }, at('2027-01-01')).amountVnd).toBe(3_000_000);
  });

  it('gives the range a listing shows', () => {
    expect(feeRange(get('cap-lai-giay-phep-hanh-nghe'), at('2026-03-10'))).toEqual({ min: 150_000, max: 430_000 });
    expect(feeRange(get('cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te'), at('2026-03-10'))).toEqual({ min: 500_000, max: 1_500_000 });
  });
});

describe('isFullyOnline', () => {
  it('needs the full-process level AND the National Portal payment channel, so none qualifies today', () => {
    expect(catalogue.filter(isFullyOnline)).toEqual([]);
    const p = get('cap-moi-giay-phep-hanh-nghe');
    expect(isFullyOnline({ ...p, paymentChannels: ['vnpay', 'national_portal'] })).toBe(true);
    expect(isFullyOnline({ ...get('cap-moi-giay-phep-hoat-dong-phong-kham'), paymentChannels: ['national_portal'] })).toBe(false);
  });
});
