/**
 * The procedure catalogue as data. This is the seed the local stack writes to the table and the
 * source procedure pages are generated from; the schema below validates it at build time (a test
 * parses every entry). Fees in integer VND; figures from research/eservices.md §3, where a row
 * marked unconfirmed there carries `feeConfirmed: false`.
 */
// zod/mini: the same validation as classic zod at ~3% of the bundle size (ADR 0006).
import * as z from 'zod/mini';

export const APPLICANT_TYPES = ['individual', 'organisation'] as const;
export const SERVICE_LEVELS = ['full', 'partial'] as const;
export const TIME_UNITS = ['calendar_days', 'working_days', 'immediate'] as const;

export const procedureSchema = z.object({
  /** URL slug and table key. */
  code: z.string().check(z.regex(/^[a-z0-9-]{3,80}$/)),
  /** Code in the national procedure database, where known. */
  nationalCode: z.optional(z.string().check(z.regex(/^\d\.\d{6}$/))),
  nameVi: z.string().check(z.minLength(5)),
  nameEn: z.string().check(z.minLength(5)),
  field: z.enum(['medical_practice', 'clinic_operation', 'pharmacy', 'medical_devices']),
  applicantType: z.enum(APPLICANT_TYPES),
  agencyVi: z.string(),
  serviceLevel: z.enum(SERVICE_LEVELS),
  feeVnd: z.int().check(z.nonnegative()),
  feeConfirmed: z.boolean(),
  timeLimit: z.object({ value: z.int().check(z.nonnegative()), unit: z.enum(TIME_UNITS) }),
  legalBasis: z.array(z.string()).check(z.minLength(1)),
  /** Administrators can suspend online submission (e.g. while a form is updated). */
  available: z.boolean(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const FIELD_LABELS: Record<Procedure['field'], { vi: string; en: string }> = {
  medical_practice: { vi: 'Khám bệnh, chữa bệnh — hành nghề', en: 'Medical practice' },
  clinic_operation: { vi: 'Khám bệnh, chữa bệnh — cơ sở', en: 'Healthcare facilities' },
  pharmacy: { vi: 'Dược', en: 'Pharmacy' },
  medical_devices: { vi: 'Thiết bị y tế', en: 'Medical devices' },
};

const SO_Y_TE = 'Sở Y tế Thành phố Hồ Chí Minh';

export const catalogue: Procedure[] = [
  {
    code: 'cap-moi-giay-phep-hanh-nghe',
    nameVi: 'Cấp mới giấy phép hành nghề (giai đoạn chuyển tiếp) đối với bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y',
    nameEn: 'New medical practice licence (transition track) for doctors, physician assistants, nurses, midwives, technicians',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 430_000, feeConfirmed: true, timeLimit: { value: 30, unit: 'calendar_days' },
    legalBasis: ['Luật 15/2023/QH15', 'Nghị định 96/2023/NĐ-CP, Điều 130', 'Thông tư 59/2023/TT-BTC'], available: true,
  },
  {
    code: 'cap-lai-giay-phep-hanh-nghe',
    nameVi: 'Cấp lại giấy phép hành nghề đối với bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y',
    nameEn: 'Re-issue of a medical practice licence (lost, damaged, wrong details)',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 150_000, feeConfirmed: true, timeLimit: { value: 15, unit: 'calendar_days' },
    legalBasis: ['Nghị định 96/2023/NĐ-CP, Điều 132', 'Thông tư 59/2023/TT-BTC'], available: true,
  },
  {
    code: 'dieu-chinh-giay-phep-hanh-nghe',
    nameVi: 'Điều chỉnh giấy phép hành nghề (giai đoạn chuyển tiếp)',
    nameEn: 'Amendment of a medical practice licence (scope of practice)',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 430_000, feeConfirmed: true, timeLimit: { value: 15, unit: 'calendar_days' },
    legalBasis: ['Nghị định 96/2023/NĐ-CP', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC'], available: true,
  },
  {
    code: 'cap-moi-giay-phep-hoat-dong-phong-kham',
    nameVi: 'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa, phòng khám chuyên khoa',
    nameEn: 'New operating licence for a general or specialist clinic',
    field: 'clinic_operation', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'partial',
    feeVnd: 5_700_000, feeConfirmed: false, timeLimit: { value: 45, unit: 'calendar_days' },
    legalBasis: ['Luật 15/2023/QH15', 'Nghị định 96/2023/NĐ-CP', 'Thông tư 59/2023/TT-BTC'], available: true,
  },
  {
    code: 'cap-lai-giay-phep-hoat-dong',
    nameVi: 'Cấp lại giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh',
    nameEn: 'Re-issue of a healthcare facility operating licence',
    field: 'clinic_operation', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 0, feeConfirmed: false, timeLimit: { value: 20, unit: 'calendar_days' },
    legalBasis: ['Nghị định 96/2023/NĐ-CP', 'Quyết định 1330/QĐ-BYT'], available: true,
  },
  {
    code: 'cap-chung-chi-hanh-nghe-duoc',
    nameVi: 'Cấp Chứng chỉ hành nghề dược (theo hình thức xét hồ sơ)',
    nameEn: 'Pharmacy practising certificate (by dossier review)',
    field: 'pharmacy', applicantType: 'individual', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 500_000, feeConfirmed: true, timeLimit: { value: 20, unit: 'calendar_days' },
    legalBasis: ['Luật Dược 105/2016/QH13 (sửa đổi 2024)', 'Nghị định 163/2025/NĐ-CP', 'Thông tư 41/2023/TT-BTC'], available: true,
  },
  {
    code: 'cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc', nationalCode: '1.014076',
    nameVi: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược thuộc thẩm quyền Sở Y tế',
    nameEn: 'Certificate of eligibility for pharmaceutical business (wholesale, pharmacy, drug counter)',
    field: 'pharmacy', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 1_000_000, feeConfirmed: true, timeLimit: { value: 30, unit: 'calendar_days' },
    legalBasis: ['Luật Dược, Điều 37–39', 'Nghị định 163/2025/NĐ-CP', 'Thông tư 41/2023/TT-BTC', 'Thông tư 02/2018/TT-BYT'], available: true,
  },
  {
    code: 'cap-lai-dieu-chinh-giay-chung-nhan-kinh-doanh-duoc',
    nameVi: 'Cấp lại, điều chỉnh Giấy chứng nhận đủ điều kiện kinh doanh dược thuộc thẩm quyền Sở Y tế',
    nameEn: 'Re-issue or amendment of the pharmaceutical business certificate',
    field: 'pharmacy', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 0, feeConfirmed: false, timeLimit: { value: 20, unit: 'calendar_days' },
    legalBasis: ['Luật Dược, Điều 36, 39', 'Nghị định 163/2025/NĐ-CP'], available: true,
  },
  {
    code: 'cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te', nationalCode: '1.003039',
    nameVi: 'Công bố đủ điều kiện mua bán thiết bị y tế thuộc loại B, C, D',
    nameEn: 'Declaration of eligibility to trade class B, C, D medical devices',
    field: 'medical_devices', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 1_500_000, feeConfirmed: true, timeLimit: { value: 0, unit: 'immediate' },
    legalBasis: ['Nghị định 98/2021/NĐ-CP (sửa đổi 07/2023)', 'Thông tư 59/2023/TT-BTC', 'Thông tư 64/2025/TT-BTC'], available: true,
  },
  {
    code: 'cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te', nationalCode: '1.003029',
    nameVi: 'Công bố tiêu chuẩn áp dụng đối với thiết bị y tế thuộc loại A, B',
    nameEn: 'Declaration of applicable standards for class A and B medical devices',
    field: 'medical_devices', applicantType: 'organisation', agencyVi: SO_Y_TE, serviceLevel: 'full',
    feeVnd: 500_000, feeConfirmed: true, timeLimit: { value: 0, unit: 'immediate' },
    legalBasis: ['Nghị định 98/2021/NĐ-CP (sửa đổi 07/2023)', 'Thông tư 59/2023/TT-BTC', 'Thông tư 64/2025/TT-BTC'], available: true,
  },
];
