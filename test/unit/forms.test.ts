import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HCMC_WARDS, PROVINCES } from '../../shared/src/geography';
import { catalogue, procedureByCode } from '../../shared/src/procedures/catalogue';
import { FORM_DATA_MAX_CHARS, formSchemaSchema, formValidator, validateDossierData, visibleFieldIds, type FormSchema } from '../../shared/src/procedures/forms';

const TODAY = '2026-03-10';
const opts = { today: TODAY };

const person = {
  fullName: 'Nguyễn Thị Minh Thư', dateOfBirth: '1990-05-14', gender: 'nu', cccd: '079190012345', phone: '0912 345 678', email: 'minhthu.nguyen@example.vn',
  address: { province: '79', ward: '26740', street: '12 Lê Lợi' },
};
const organisation = {
  orgName: 'Công ty TNHH Phòng khám Đa khoa Ánh Dương', taxCode: '0312345678', orgAddress: { province: '79', ward: '27142', street: '45 Trần Quốc Thảo' },
  representativeName: 'Trần Văn Hùng', representativeTitle: 'Giám đốc', representativeCccd: '079085001122', phone: '+84908123456', email: 'lienhe@anhduong.example.vn',
};
const declared = { declarationTrue: true };

/** A complete, realistic application per procedure. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'cap-moi-giay-phep-hanh-nghe': {
    ...person, profession: 'bac_sy', specialty: 'Nội khoa', degreeName: 'Bác sỹ đa khoa', degreeInstitution: 'Đại học Y Dược TP. Hồ Chí Minh', degreeDate: '2023-07-15',
    degreeForeign: false, practiceFacility: 'Bệnh viện Chợ Rẫy', practiceFrom: '2023-09-01', practiceTo: '2025-03-01', practiceSupervisor: 'BS.CKII Lê Văn Tâm', ...declared,
  },
  'cap-lai-giay-phep-hanh-nghe': { ...person, profession: 'dieu_duong', licenceNumber: '001234/HCM-GPHN', licenceIssueDate: '2024-06-01', licenceIssuer: 'Sở Y tế TP. Hồ Chí Minh', reason: 'mat', ...declared },
  'dieu-chinh-giay-phep-hanh-nghe': {
    ...person, profession: 'bac_sy', licenceNumber: '004321/HCM-GPHN', licenceIssueDate: '2024-02-20', currentScope: 'Khám bệnh, chữa bệnh chuyên khoa Nội',
    requestedScope: 'Bổ sung phạm vi: siêu âm tổng quát', trainingName: 'Siêu âm tổng quát cơ bản', trainingInstitution: 'Bệnh viện Đại học Y Dược', trainingCompleted: '2025-11-30', ...declared,
  },
  'cap-moi-giay-phep-hoat-dong-phong-kham': {
    ...organisation, clinicName: 'Phòng khám Răng hàm mặt Ánh Dương', facilityType: 'phong_kham_chuyen_khoa', specialty: 'Răng hàm mặt',
    clinicAddress: { province: '79', ward: '26743', street: '88 Nguyễn Thái Học' }, floorArea: 120, openingHours: '7 giờ 30 – 19 giờ, thứ Hai đến thứ Bảy',
    hasXray: true, radiationLicenceNumber: '123/GP-BXHN', headName: 'Phạm Quốc Bảo', headLicenceNumber: '000987/HCM-GPHN', headCccd: '079080004455',
    staff: [
      { fullName: 'Phạm Quốc Bảo', profession: 'bac_sy', licenceNumber: '000987/HCM-GPHN', cccd: '079080004455', position: 'Phụ trách chuyên môn', workingTime: 'toan_thoi_gian' },
      { fullName: 'Lê Thị Hoa', profession: 'dieu_duong', licenceNumber: '002468/HCM-GPHN', cccd: '079192006677', position: 'Điều dưỡng', workingTime: 'ban_thoi_gian' },
    ],
    equipment: [{ name: 'Ghế nha khoa', quantity: 3, origin: 'Sirona, Đức' }, { name: 'Máy X-quang răng', quantity: 1 }],
    wasteContractor: 'Công ty Môi trường Đô thị TP.HCM', ...declared,
  },
  'cap-lai-giay-phep-hoat-dong': {
    ...organisation, clinicName: 'Phòng khám Đa khoa Ánh Dương', licenceNumber: '05678/HCM-GPHĐ', licenceIssueDate: '2021-08-12', licenceIssuer: 'Sở Y tế TP. Hồ Chí Minh',
    reason: 'sai_thong_tin', wrongDetails: 'Tên đường ghi “Tran Quoc Thao”, đúng là “Trần Quốc Thảo”.', ...declared,
  },
  'cap-chung-chi-hanh-nghe-duoc': {
    ...person, degree: 'duoc_si_dai_hoc', degreeInstitution: 'Đại học Y Dược TP. Hồ Chí Minh', degreeDate: '2022-08-01', position: 'nha_thuoc',
    practiceFacility: 'Nhà thuốc Long Châu 123', practiceMonths: 24, previouslyRevoked: false, ...declared,
  },
  'cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc': {
    ...organisation, businessName: 'Nhà thuốc Minh Thư', businessType: 'nha_thuoc', businessAddress: { province: '79', ward: '27553', street: 'Ấp 3, Tỉnh lộ 8' },
    disadvantagedArea: false, storageArea: 25, pharmacistName: 'Nguyễn Thị Minh Thư', pharmacistCertificate: '12345/CCHN-D-SYT-HCM', pharmacistCccd: '079190012345', ...declared,
  },
  'cap-lai-dieu-chinh-giay-chung-nhan-kinh-doanh-duoc': {
    ...organisation, businessName: 'Nhà thuốc Minh Thư', certificateNumber: '6789/ĐKKDD-HCM', certificateIssueDate: '2023-04-04', requestType: 'dieu_chinh',
    changeDescription: 'Thay đổi người chịu trách nhiệm chuyên môn về dược.', ...declared,
  },
  'cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te': {
    ...organisation, tradesClassB: true, tradesClassC: true, warehouseAddress: { province: '75', ward: 'Phường Trấn Biên', street: 'Lô B2, KCN Biên Hòa 2' },
    warehouseArea: 300, transport: 'thue_dich_vu', technicalStaffName: 'Đỗ Minh Khang', technicalStaffQualification: 'Cao đẳng kỹ thuật thiết bị y tế', technicalStaffCccd: '075095003344', ...declared,
  },
  'cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te': {
    ...organisation, deviceClass: 'loai_b',
    devices: [{ name: 'Máy đo huyết áp điện tử', model: 'BP-200', manufacturer: 'Omron, Nhật Bản', standard: 'ISO 81060-2:2018' }], ...declared,
  },
};

const issuesOf = (form: FormSchema, data: unknown, mode: 'draft' | 'submit' = 'submit') => {
  const r = validateDossierData(form, data, mode, opts);
  return r.ok ? [] : r.issues;
};
const clinic = procedureByCode('cap-moi-giay-phep-hoat-dong-phong-kham')!;
const clinicData = EXAMPLES['cap-moi-giay-phep-hoat-dong-phong-kham']!;
const practice = procedureByCode('cap-moi-giay-phep-hanh-nghe')!;
const practiceData = EXAMPLES['cap-moi-giay-phep-hanh-nghe']!;

describe('every catalogue form', () => {
  it('has an example here (one per procedure)', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(catalogue.map((p) => p.code).sort());
  });

  it.each(catalogue.map((p) => [p.code, p] as const))('%s: the form schema is valid and has at least two steps', (_code, p) => {
    expect(formSchemaSchema.safeParse(p.form).error?.issues ?? []).toEqual([]);
    expect(p.form.steps.length).toBeGreaterThanOrEqual(2);
  });

  it.each(catalogue.map((p) => [p.code, p] as const))('%s: a realistic complete application passes in submit mode', (code, p) => {
    const result = validateDossierData(p.form, EXAMPLES[code], 'submit', opts);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(catalogue.map((p) => [p.code, p] as const))('%s: the first step alone is a valid draft and an incomplete submission', (code, p) => {
    const example = EXAMPLES[code]!;
    const firstStep = Object.fromEntries(p.form.steps[0]!.fields.map((f) => [f.id, example[f.id]]).filter(([, v]) => v !== undefined));
    expect(issuesOf(p.form, firstStep, 'draft')).toEqual([]);
    expect(issuesOf(p.form, {}, 'draft')).toEqual([]);
    expect(issuesOf(p.form, firstStep, 'submit').length).toBeGreaterThan(0);
  });

  it('the clinic licence form uses a repeatable staff group and a conditional field', () => {
    const fields = clinic.form.steps.flatMap((s) => s.fields);
    expect(fields.find((f) => f.id === 'staff')?.kind).toBe('group');
    expect(fields.some((f) => f.visibleWhen)).toBe(true);
  });
});

describe('validateDossierData: what users get wrong', () => {
  it('lists a missing required field with a Vietnamese and an English message', () => {
    const { email: _e, ...rest } = practiceData;
    expect(issuesOf(practice.form, rest)).toEqual([
      { field: 'email', path: 'email', messageVi: 'Vui lòng nhập Thư điện tử (e-mail).', messageEn: 'Please fill in E-mail.' },
    ]);
  });

  it('treats blanks as missing and an unticked declaration as not given', () => {
    expect(issuesOf(practice.form, { ...practiceData, fullName: '   ' }).map((i) => i.path)).toEqual(['fullName']);
    expect(issuesOf(practice.form, { ...practiceData, declarationTrue: false })[0]?.messageVi).toMatch(/^Vui lòng xác nhận: Tôi cam đoan/);
  });

  it('rejects a CCCD that is not 12 digits, and accepts one typed with spaces (stored without them)', () => {
    for (const cccd of ['07919001234', '0791900123456', '07919001234A']) {
      expect(issuesOf(practice.form, { ...practiceData, cccd })).toEqual([{
        field: 'cccd', path: 'cccd',
        messageVi: 'Số định danh cá nhân (CCCD): số định danh cá nhân (CCCD) gồm đúng 12 chữ số.',
        messageEn: 'Personal ID number (CCCD): the personal ID number (CCCD) has exactly 12 digits.',
      }]);
    }
    const ok = validateDossierData(practice.form, { ...practiceData, cccd: '079 190 012 345' }, 'submit', opts);
    expect(ok.ok && ok.data.cccd).toBe('079190012345');
  });

  it('accepts Vietnamese mobile numbers (0 + 9 digits or +84) and rejects the rest', () => {
    for (const phone of ['0912345678', '0912.345.678', '+84 912 345 678', '0388123456']) {
      const r = validateDossierData(practice.form, { ...practiceData, phone }, 'submit', opts);
      expect(r.ok, phone).toBe(true);
    }
    for (const phone of ['091234567', '09123456789', '0212345678', '84912345678', '+1 202 555 0100', 'không có']) {
      expect(issuesOf(practice.form, { ...practiceData, phone }).map((i) => i.path), phone).toEqual(['phone']);
    }
  });

  it('rejects a bad e-mail, a date in the future for a birth date, a non-date and an unknown option', () => {
    expect(issuesOf(practice.form, { ...practiceData, email: 'thu@' }).map((i) => i.path)).toEqual(['email']);
    expect(issuesOf(practice.form, { ...practiceData, dateOfBirth: '2026-03-11' })[0]?.messageVi).toBe('Ngày sinh không được sau ngày hôm nay.');
    expect(issuesOf(practice.form, { ...practiceData, dateOfBirth: '1990-02-30' }).map((i) => i.path)).toEqual(['dateOfBirth']);
    expect(issuesOf(practice.form, { ...practiceData, profession: 'phu_thuy' }).map((i) => i.path)).toEqual(['profession']);
  });

  it('checks addresses against the 34 provinces and, in Hồ Chí Minh City, its 168 wards', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(HCMC_WARDS).toHaveLength(168);
    expect(new Set(HCMC_WARDS.map((w) => w.code)).size).toBe(168);
    expect(issuesOf(practice.form, { ...practiceData, address: { province: '02', ward: 'x', street: 'y' } }).map((i) => i.path)).toEqual(['address.province']);
    expect(issuesOf(practice.form, { ...practiceData, address: { province: '79', ward: 'Phường 7', street: '1 Lê Lợi' } }).map((i) => i.path)).toEqual(['address.ward']);
    expect(issuesOf(practice.form, { ...practiceData, address: { province: '75', ward: 'Phường Trấn Biên', street: '1 Võ Thị Sáu' } })).toEqual([]);
    expect(issuesOf(practice.form, { ...practiceData, address: { province: '79', ward: '26740' } }).map((i) => i.path)).toEqual(['address.street']);
    expect(issuesOf(practice.form, { ...practiceData, address: { ...person.address, zip: '700000' } }).map((i) => i.path)).toEqual(['address.zip']);
  });

  it('does not check or keep a hidden conditional field, and requires it once shown', () => {
    const general = { ...clinicData, facilityType: 'phong_kham_da_khoa', specialty: 12345 /* wrong type, but hidden */ };
    const r = validateDossierData(clinic.form, general, 'submit', opts);
    expect(r.ok).toBe(true);
    expect(r.ok && 'specialty' in r.data).toBe(false);
    const { specialty: _s, ...noSpecialty } = clinicData;
    expect(issuesOf(clinic.form, noSpecialty).map((i) => i.path)).toEqual(['specialty']);
    // A checkbox controls the radiation licence number.
    const { radiationLicenceNumber: _n, ...noLicence } = clinicData;
    expect(issuesOf(clinic.form, noLicence).map((i) => i.path)).toEqual(['radiationLicenceNumber']);
    expect(issuesOf(clinic.form, { ...noLicence, hasXray: false })).toEqual([]);
    expect(visibleFieldIds(clinic.form, { ...clinicData, hasXray: false }).has('radiationLicenceNumber')).toBe(false);
  });

  it('enforces the staff group bounds and checks each item, naming the item', () => {
    const staff = clinicData.staff as Record<string, unknown>[];
    expect(issuesOf(clinic.form, { ...clinicData, staff: [] })).toEqual([{
      field: 'staff', path: 'staff', messageVi: 'Danh sách người hành nghề: cần ít nhất 1 mục.', messageEn: 'Practitioners: add at least 1 item(s).',
    }]);
    expect(issuesOf(clinic.form, { ...clinicData, staff: Array.from({ length: 51 }, () => staff[0]) })[0]?.messageVi).toBe('Danh sách người hành nghề: tối đa 50 mục.');
    expect(issuesOf(clinic.form, { ...clinicData, staff: Array.from({ length: 51 }, () => staff[0]) }, 'draft')[0]?.path).toBe('staff');
    const badItem = [staff[0], { ...staff[1], cccd: '123' }];
    expect(issuesOf(clinic.form, { ...clinicData, staff: badItem })).toEqual([expect.objectContaining({
      field: 'staff', path: 'staff.1.cccd', messageVi: expect.stringMatching(/^Người hành nghề 2: Số định danh cá nhân \(CCCD\): .*12 chữ số/),
    })]);
    const { fullName: _f, ...noName } = staff[1]!;
    expect(issuesOf(clinic.form, { ...clinicData, staff: [staff[0], noName] })).toEqual([{
      field: 'staff', path: 'staff.1.fullName', messageVi: 'Người hành nghề 2: vui lòng nhập Họ và tên.', messageEn: 'Practitioner 2: please fill in Full name.',
    }]);
    expect(issuesOf(clinic.form, { ...clinicData, staff: [{ ...staff[0], salary: 10 }] }).map((i) => i.path)).toEqual(['staff.0.salary']);
  });

  it('rejects unknown fields and wrong types in both modes', () => {
    for (const mode of ['draft', 'submit'] as const) {
      expect(issuesOf(practice.form, { ...practiceData, isAdmin: true }, mode)).toEqual([{
        field: 'isAdmin', path: 'isAdmin', messageVi: 'Trường “isAdmin” không có trong biểu mẫu của thủ tục này.', messageEn: 'Field “isAdmin” is not part of this procedure\'s form.',
      }]);
      expect(issuesOf(practice.form, { ...practiceData, fullName: ['a'] }, mode).map((i) => i.path)).toEqual(['fullName']);
      expect(issuesOf(clinic.form, { ...clinicData, floorArea: '120' }, mode).map((i) => i.path)).toEqual(['floorArea']);
    }
    expect(issuesOf(practice.form, [], 'draft')).toEqual([expect.objectContaining({ field: '', path: '' })]);
    expect(issuesOf(practice.form, null, 'draft')).toHaveLength(1);
  });

  it('refuses oversized input: a field over its length and data over the size bound', () => {
    expect(issuesOf(practice.form, { ...practiceData, fullName: 'A'.repeat(101) })[0]?.messageVi).toBe('Họ và tên dài tối đa 100 ký tự.');
    expect(issuesOf(practice.form, { fullName: 'A'.repeat(FORM_DATA_MAX_CHARS) }, 'draft')[0]?.messageVi).toMatch(/^Dữ liệu biểu mẫu quá lớn/);
    expect(issuesOf(practice.form, { ...practiceData, fullName: 'Nguyễn\u0000Văn' }).map((i) => i.path)).toEqual(['fullName']);
  });

  it('draft: partial data passes, but a present value must be well-formed; empty values are dropped', () => {
    expect(issuesOf(practice.form, { fullName: 'Nguyễn Văn An', cccd: '' }, 'draft')).toEqual([]);
    const r = validateDossierData(practice.form, { fullName: '  Nguyễn Văn An ', cccd: '', phone: null }, 'draft', opts);
    expect(r).toEqual({ ok: true, data: { fullName: 'Nguyễn Văn An' } });
    expect(issuesOf(practice.form, { cccd: '12' }, 'draft').map((i) => i.path)).toEqual(['cccd']);
  });

  it('step option: submit-mode checks only the fields of that step are present', () => {
    const applicant = Object.fromEntries(practice.form.steps[0]!.fields.map((f) => [f.id, practiceData[f.id]]));
    expect(validateDossierData(practice.form, applicant, 'submit', { ...opts, step: 'applicant' }).ok).toBe(true);
    expect(validateDossierData(practice.form, applicant, 'submit', { ...opts, step: 'qualification' }).ok).toBe(false);
  });
});

describe('formValidator (the zod/mini schema over the same rules)', () => {
  it('parses to the cleaned data, or fails with issues whose message is Vietnamese and path is an array', () => {
    const schema = formValidator(clinic.form, 'submit', opts);
    expect(schema.safeParse(clinicData).success).toBe(true);
    const bad = schema.safeParse({ ...clinicData, staff: [{ ...(clinicData.staff as object[])[0], cccd: '1' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['staff', 0, 'cccd'], message: expect.stringContaining('12 chữ số') });
    expect(formValidator(clinic.form, 'draft', opts).safeParse({ clinicName: 'Phòng khám A' }).data).toEqual({ clinicName: 'Phòng khám A' });
  });
});

describe('formSchemaSchema rejects broken forms', () => {
  const step = (fields: unknown[]) => ({ steps: [{ id: 'a', titleVi: 'Bước', titleEn: 'Step', fields }] });
  const text = (id: string, extra = {}) => ({ id, kind: 'text', maxLength: 10, labelVi: id, labelEn: id, ...extra });
  it.each([
    ['duplicate ids', step([text('a'), text('a')])],
    ['visibleWhen on a later field', step([text('a', { visibleWhen: { field: 'b', equals: 'x' } }), { id: 'b', kind: 'select', labelVi: 'b', labelEn: 'b', options: [{ value: 'x', labelVi: 'x', labelEn: 'x' }, { value: 'y', labelVi: 'y', labelEn: 'y' }] }])],
    ['visibleWhen on a text field', step([text('a'), text('b', { visibleWhen: { field: 'a', equals: 'x' } })])],
    ['a pattern that does not compile', step([text('a', { pattern: '(' })])],
    ['a bad id', step([text('__proto__')])],
    ['nested groups', step([{ id: 'g', kind: 'group', minItems: 0, maxItems: 2, itemLabelVi: 'x', itemLabelEn: 'x', labelVi: 'g', labelEn: 'g', fields: [{ id: 'h', kind: 'group', minItems: 0, maxItems: 1, itemLabelVi: 'x', itemLabelEn: 'x', labelVi: 'h', labelEn: 'h', fields: [text('a')] }] }])],
    ['no steps', { steps: [] }],
  ])('%s', (_name, form) => {
    expect(formSchemaSchema.safeParse(form).success).toBe(false);
  });
});

describe('validateDossierData never throws', () => {
  it('on arbitrary JSON, in both modes, for every catalogue form', () => {
    fc.assert(fc.property(fc.constantFrom(...catalogue), fc.constantFrom('draft' as const, 'submit' as const), fc.jsonValue(), (p, mode, data) => {
      const r = validateDossierData(p.form, data, mode, opts);
      return typeof r.ok === 'boolean';
    }), { numRuns: 500 });
  });

  it('on objects built from the form’s own field ids with arbitrary values', () => {
    const ids = [...new Set(catalogue.flatMap((p) => p.form.steps.flatMap((s) => s.fields.map((f) => f.id))))];
    fc.assert(fc.property(fc.constantFrom(...catalogue), fc.dictionary(fc.constantFrom(...ids), fc.jsonValue()), (p, data) => {
      const r = validateDossierData(p.form, data, 'submit', opts);
      return r.ok ? Object.keys(r.data).every((k) => k in data) : r.issues.length > 0 && r.issues.length <= 50;
    }), { numRuns: 500 });
  });
});
