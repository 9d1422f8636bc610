/**
 * The procedure catalogue as data. This is the seed the local stack writes to the table and the
 * source procedure pages are generated from; procedure-schema.ts validates it at build time (a test
 * parses every entry). Fees in integer VND; figures from research/eservices.md §3, where a row
 * marked unconfirmed there carries `fee.confirmed: false`. The forms are in catalogue-forms.ts.
 * Decisions: docs/adr/0013-procedure-forms-and-fees-as-data.md.
 */
import {
  amendPharmacyBusinessForm, amendPracticeLicenceForm, deviceStandardsForm, deviceTradingForm, newClinicLicenceForm, newPracticeLicenceForm,
  pharmacistCertificateForm, pharmacyBusinessForm, reissueClinicLicenceForm, reissuePracticeLicenceForm,
} from './catalogue-forms';
import type { FeeReduction, Procedure, ProcedureDocument } from './procedure-schema';

/** The schema, types, labels and helpers: consumers keep importing them from here. */
export * from './procedure-schema';

const SO_Y_TE = 'Sở Y tế Thành phố Hồ Chí Minh';
const UNIT_Y = 'unit-nghiep-vu-y';
const UNIT_DUOC = 'unit-nghiep-vu-duoc';

const MB = 1024 * 1024;
const PDF: ProcedureDocument['accept'] = ['application/pdf'];
const PDF_OR_IMAGE: ProcedureDocument['accept'] = ['application/pdf', 'image/jpeg', 'image/png'];
const IMAGE: ProcedureDocument['accept'] = ['image/jpeg', 'image/png'];

function doc(id: string, nameVi: string, nameEn: string, mandatory: boolean, accept: ProcedureDocument['accept'], maxMb: number, extra: Partial<ProcedureDocument> = {}): ProcedureDocument {
  return { id, nameVi, nameEn, mandatory, accept, maxBytes: maxMb * MB, ...extra };
}

const photo = doc('anh-chan-dung', 'Ảnh chân dung 4 × 6 cm, nền trắng, chụp trong vòng 6 tháng', 'Portrait photo 4 × 6 cm, white background, taken within 6 months', true, IMAGE, 2);
const healthCertificate = doc(
  'giay-kham-suc-khoe', 'Giấy khám sức khỏe do cơ sở khám bệnh, chữa bệnh cấp trong vòng 6 tháng', 'Health certificate issued by a healthcare facility within the last 6 months',
  true, PDF_OR_IMAGE, 10,
);
const idCardCopy = doc('ban-sao-can-cuoc', 'Bản sao thẻ căn cước (CCCD)', 'Copy of the ID card (CCCD)', false, PDF_OR_IMAGE, 5, {
  hintVi: 'Không cần nộp khi thông tin định danh đã được xác thực qua tài khoản VNeID.', hintEn: 'Not needed when your identity was verified through VNeID.',
});
const businessRegistration = doc(
  'giay-chung-nhan-dang-ky', 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh', 'Copy of the enterprise or household-business registration certificate',
  true, PDF_OR_IMAGE, 10,
);

/** Practice licences (rows 1–3 of the research catalogue): the transition track ends 31 Dec 2026 (Decree 148/2025). */
const TRANSITION_END = '2026-12-31';
const PRACTICE_LICENCE_RESULT = { kind: 'licence', titleVi: 'Giấy phép hành nghề khám bệnh, chữa bệnh', titleEn: 'Medical practice licence' } as const;

/** Circular 64/2025/TT-BTC halves the medical-device fees from 1 Jul 2025 to 31 Dec 2026. */
const DEVICE_FEE_CUT: FeeReduction = {
  factor: 0.5, from: '2025-07-01', until: '2026-12-31',
  basisVi: 'Thông tư 64/2025/TT-BTC', basisEn: 'Circular 64/2025/TT-BTC',
};

export const catalogue: Procedure[] = [
  {
    code: 'cap-moi-giay-phep-hanh-nghe',
    nameVi: 'Cấp mới giấy phép hành nghề (giai đoạn chuyển tiếp) đối với bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y',
    nameEn: 'New medical practice licence (transition track) for doctors, physician assistants, nurses, midwives, technicians',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, unitId: UNIT_Y, serviceLevel: 'full',
    fee: { amountVnd: 430_000, confirmed: true, due: 'submission' }, paymentChannels: ['vnpay'],
    timeLimit: { value: 30, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { ...PRACTICE_LICENCE_RESULT, validityYears: 5 },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp mới giấy phép hành nghề (mẫu tại Phụ lục I Nghị định 96/2023/NĐ-CP)', 'Application for a new practice licence (form in Annex I, Decree 96/2023)', true, PDF, 5),
      doc('van-bang', 'Bản sao hợp lệ văn bằng chuyên môn', 'Certified copy of the professional degree', true, PDF_OR_IMAGE, 10),
      doc('xac-nhan-thuc-hanh', 'Giấy xác nhận hoàn thành quá trình thực hành', 'Confirmation of completed supervised practice', true, PDF_OR_IMAGE, 10),
      healthCertificate,
      photo,
      doc('hop-phap-hoa-van-bang', 'Bản dịch công chứng và hợp pháp hóa lãnh sự văn bằng nước ngoài', 'Notarised translation and consular legalisation of the foreign degree', false, PDF, 10, {
        mandatoryWhen: { field: 'degreeForeign', equals: true },
      }),
      idCardCopy,
    ],
    form: newPracticeLicenceForm,
    legalBasis: ['Luật 15/2023/QH15', 'Nghị định 96/2023/NĐ-CP, Điều 130', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC'],
    effectiveTo: TRANSITION_END, available: true,
  },
  {
    code: 'cap-lai-giay-phep-hanh-nghe',
    nameVi: 'Cấp lại giấy phép hành nghề đối với bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y',
    nameEn: 'Re-issue of a medical practice licence (lost, damaged, wrong details)',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, unitId: UNIT_Y, serviceLevel: 'full',
    fee: {
      amountVnd: 430_000, confirmed: true, due: 'submission',
      variants: [
        { id: 'mat', labelVi: 'Giấy phép bị mất', labelEn: 'Lost licence', amountVnd: 150_000, when: { field: 'reason', equals: 'mat' } },
        { id: 'hu-hong', labelVi: 'Giấy phép bị hư hỏng', labelEn: 'Damaged licence', amountVnd: 150_000, when: { field: 'reason', equals: 'hu_hong' } },
      ],
    },
    paymentChannels: ['vnpay'], timeLimit: { value: 15, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { ...PRACTICE_LICENCE_RESULT, keepsOriginalExpiry: true },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp lại giấy phép hành nghề (mẫu tại Phụ lục I Nghị định 96/2023/NĐ-CP)', 'Application for re-issue (form in Annex I, Decree 96/2023)', true, PDF, 5),
      doc('giay-phep-bi-hu-hong', 'Bản gốc giấy phép hành nghề bị hư hỏng (ảnh chụp hoặc bản quét)', 'The damaged licence (photo or scan)', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'reason', equals: 'hu_hong' },
      }),
      doc('giay-to-chung-minh-thay-doi', 'Giấy tờ chứng minh thông tin thay đổi', 'Proof of the changed details', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'reason', equals: 'thay_doi_thong_tin' },
      }),
      photo,
    ],
    form: reissuePracticeLicenceForm,
    legalBasis: ['Nghị định 96/2023/NĐ-CP, Điều 132', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC'], available: true,
  },
  {
    code: 'dieu-chinh-giay-phep-hanh-nghe',
    nameVi: 'Điều chỉnh giấy phép hành nghề (giai đoạn chuyển tiếp)',
    nameEn: 'Amendment of a medical practice licence (scope of practice)',
    field: 'medical_practice', applicantType: 'individual', agencyVi: SO_Y_TE, unitId: UNIT_Y, serviceLevel: 'full',
    fee: { amountVnd: 430_000, confirmed: true, due: 'submission' }, paymentChannels: ['vnpay'],
    timeLimit: { value: 15, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { ...PRACTICE_LICENCE_RESULT, keepsOriginalExpiry: true },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị điều chỉnh giấy phép hành nghề (Mẫu 08 Phụ lục I Nghị định 96/2023/NĐ-CP)', 'Application to amend the licence (form 08, Annex I, Decree 96/2023)', true, PDF, 5),
      doc('giay-phep-hanh-nghe', 'Bản sao giấy phép hành nghề đã được cấp', 'Copy of the practice licence', false, PDF_OR_IMAGE, 10, {
        hintVi: 'Không cần nộp nếu giấy phép đã được chia sẻ trên Hệ thống quản lý hoạt động hành nghề của Bộ Y tế.', hintEn: 'Not needed when the licence is on the Ministry of Health’s practice-management system.',
      }),
      doc('giay-chung-nhan-dao-tao', 'Giấy chứng nhận hoặc chứng chỉ đào tạo phù hợp với phạm vi đề nghị bổ sung', 'Certificate of the training for the added scope', true, PDF_OR_IMAGE, 10),
    ],
    form: amendPracticeLicenceForm,
    legalBasis: ['Nghị định 96/2023/NĐ-CP', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC'],
    effectiveTo: TRANSITION_END, available: true,
  },
  {
    code: 'cap-moi-giay-phep-hoat-dong-phong-kham',
    nameVi: 'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa, phòng khám chuyên khoa',
    nameEn: 'New operating licence for a general or specialist clinic',
    field: 'clinic_operation', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_Y, serviceLevel: 'partial',
    fee: {
      amountVnd: 5_700_000, confirmed: false, due: 'submission',
      variants: [
        { id: 'da-khoa', labelVi: 'Phòng khám đa khoa', labelEn: 'General clinic', amountVnd: 5_700_000, when: { field: 'facilityType', equals: 'phong_kham_da_khoa' } },
        { id: 'chuyen-khoa', labelVi: 'Phòng khám chuyên khoa', labelEn: 'Specialist clinic', amountVnd: 4_300_000, when: { field: 'facilityType', equals: 'phong_kham_chuyen_khoa' } },
      ],
    },
    paymentChannels: ['vnpay'], timeLimit: { value: 45, unit: 'calendar_days' }, requiresAppraisal: true,
    result: { kind: 'licence', titleVi: 'Giấy phép hoạt động khám bệnh, chữa bệnh', titleEn: 'Healthcare facility operating licence' },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp giấy phép hoạt động (mẫu tại Phụ lục II Nghị định 96/2023/NĐ-CP)', 'Application for an operating licence (form in Annex II, Decree 96/2023)', true, PDF, 5),
      businessRegistration,
      doc('danh-sach-nhan-su', 'Danh sách người hành nghề và người làm việc, có xác nhận của người đại diện', 'List of practitioners and staff, signed by the representative', true, PDF, 10),
      doc('giay-phep-nguoi-phu-trach', 'Bản sao giấy phép hành nghề của người chịu trách nhiệm chuyên môn kỹ thuật', 'Copy of the medical director’s practice licence', true, PDF_OR_IMAGE, 10),
      doc('so-do-mat-bang', 'Sơ đồ mặt bằng và bản mô tả cơ sở vật chất', 'Floor plan and description of the premises', true, PDF_OR_IMAGE, 20),
      doc('danh-muc-thiet-bi', 'Danh mục thiết bị y tế của phòng khám', 'List of the clinic’s medical equipment', true, PDF, 10),
      doc('giay-phep-buc-xa', 'Bản sao giấy phép tiến hành công việc bức xạ', 'Copy of the radiation work licence', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'hasXray', equals: true },
      }),
      doc('hop-dong-xu-ly-chat-thai', 'Hợp đồng thu gom, xử lý chất thải y tế', 'Medical-waste handling contract', true, PDF, 10),
      doc('phong-chay-chua-chay', 'Giấy tờ về phòng cháy, chữa cháy của cơ sở', 'Fire-safety papers of the premises', false, PDF_OR_IMAGE, 10, {
        hintVi: 'Nộp nếu cơ sở thuộc diện phải thẩm duyệt, nghiệm thu về phòng cháy, chữa cháy.', hintEn: 'Needed when the premises are subject to fire-safety approval.',
      }),
    ],
    form: newClinicLicenceForm,
    legalBasis: ['Luật 15/2023/QH15', 'Nghị định 96/2023/NĐ-CP', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC', 'Quyết định 3277/QĐ-UBND ngày 27/6/2025 của UBND TP.HCM'],
    available: true,
  },
  {
    code: 'cap-lai-giay-phep-hoat-dong',
    nameVi: 'Cấp lại giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh',
    nameEn: 'Re-issue of a healthcare facility operating licence',
    field: 'clinic_operation', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_Y, serviceLevel: 'full',
    fee: { amountVnd: 0, confirmed: false, due: 'submission' }, paymentChannels: ['vnpay'],
    timeLimit: { value: 20, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { kind: 'licence', titleVi: 'Giấy phép hoạt động khám bệnh, chữa bệnh (cấp lại)', titleEn: 'Healthcare facility operating licence (re-issued)', keepsOriginalExpiry: true },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp lại giấy phép hoạt động (Mẫu 02 Phụ lục II Nghị định 96/2023/NĐ-CP)', 'Application for re-issue (form 02, Annex II, Decree 96/2023)', true, PDF, 5),
      doc('giay-phep-bi-hu-hong', 'Bản gốc giấy phép hoạt động bị hư hỏng (ảnh chụp hoặc bản quét)', 'The damaged licence (photo or scan)', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'reason', equals: 'hu_hong' },
      }),
      doc('giay-to-chung-minh-sai-sot', 'Giấy tờ chứng minh thông tin bị ghi sai', 'Proof of the wrong details', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'reason', equals: 'sai_thong_tin' },
      }),
    ],
    form: reissueClinicLicenceForm,
    legalBasis: ['Nghị định 96/2023/NĐ-CP', 'Quyết định 1330/QĐ-BYT'], available: true,
  },
  {
    code: 'cap-chung-chi-hanh-nghe-duoc',
    nameVi: 'Cấp Chứng chỉ hành nghề dược (theo hình thức xét hồ sơ)',
    nameEn: 'Pharmacy practising certificate (by dossier review)',
    field: 'pharmacy', applicantType: 'individual', agencyVi: SO_Y_TE, unitId: UNIT_DUOC, serviceLevel: 'full',
    fee: { amountVnd: 500_000, confirmed: true, due: 'submission' }, paymentChannels: ['vnpay'],
    timeLimit: { value: 20, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { kind: 'certificate', titleVi: 'Chứng chỉ hành nghề dược', titleEn: 'Pharmacy practising certificate' },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp Chứng chỉ hành nghề dược, có ảnh chân dung chụp trong vòng 6 tháng', 'Application for the certificate, with a photo taken within 6 months', true, PDF, 5),
      doc('van-bang', 'Bản sao có chứng thực văn bằng chuyên môn', 'Certified copy of the professional degree', true, PDF_OR_IMAGE, 10),
      healthCertificate,
      doc('xac-nhan-thuc-hanh', 'Giấy xác nhận thời gian thực hành chuyên môn', 'Confirmation of professional practice time', true, PDF_OR_IMAGE, 10),
      doc('ban-sao-can-cuoc', 'Bản sao thẻ căn cước (CCCD)', 'Copy of the ID card (CCCD)', true, PDF_OR_IMAGE, 5),
      doc('phieu-ly-lich-tu-phap', 'Phiếu lý lịch tư pháp', 'Criminal record extract', true, PDF_OR_IMAGE, 10),
      doc('cap-nhat-kien-thuc', 'Giấy xác nhận hoàn thành đào tạo cập nhật kiến thức chuyên môn về dược', 'Proof of completed refresher training in pharmacy', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'previouslyRevoked', equals: true },
      }),
      photo,
    ],
    form: pharmacistCertificateForm,
    legalBasis: ['Luật Dược 105/2016/QH13 (sửa đổi 2024), Điều 24, 27', 'Nghị định 163/2025/NĐ-CP', 'Thông tư 41/2023/TT-BTC'], available: true,
  },
  {
    code: 'cap-giay-chung-nhan-du-dieu-kien-kinh-doanh-duoc', nationalCode: '1.014076',
    nameVi: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược thuộc thẩm quyền Sở Y tế',
    nameEn: 'Certificate of eligibility for pharmaceutical business (wholesale, pharmacy, drug counter)',
    field: 'pharmacy', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_DUOC, serviceLevel: 'full',
    fee: {
      amountVnd: 1_000_000, confirmed: true, due: 'submission',
      variants: [
        { id: 'ban-buon-gdp', labelVi: 'Thẩm định cơ sở bán buôn (GDP)', labelEn: 'Wholesaler appraisal (GDP)', amountVnd: 4_000_000, when: { field: 'businessType', equals: 'ban_buon' } },
        { id: 'vung-kho-khan', labelVi: 'Bán lẻ tại địa bàn khó khăn', labelEn: 'Retail in a disadvantaged area', amountVnd: 500_000, when: { field: 'disadvantagedArea', equals: true } },
      ],
    },
    paymentChannels: ['vnpay'], timeLimit: { value: 30, unit: 'calendar_days' }, requiresAppraisal: true,
    result: { kind: 'certificate', titleVi: 'Giấy chứng nhận đủ điều kiện kinh doanh dược', titleEn: 'Certificate of eligibility for pharmaceutical business' },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', 'Application for the certificate', true, PDF, 5),
      doc('tai-lieu-ky-thuat', 'Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị, nhân sự (đáp ứng GPP/GDP)', 'Technical file: premises, storage, equipment and staff (GPP/GDP)', true, PDF, 20),
      businessRegistration,
      doc('chung-chi-hanh-nghe-duoc', 'Bản sao Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn', 'Copy of the responsible pharmacist’s practising certificate', true, PDF_OR_IMAGE, 10),
    ],
    form: pharmacyBusinessForm,
    legalBasis: ['Luật Dược, Điều 37–39', 'Nghị định 163/2025/NĐ-CP', 'Thông tư 41/2023/TT-BTC', 'Thông tư 02/2018/TT-BYT'], available: true,
  },
  {
    code: 'cap-lai-dieu-chinh-giay-chung-nhan-kinh-doanh-duoc',
    nameVi: 'Cấp lại, điều chỉnh Giấy chứng nhận đủ điều kiện kinh doanh dược thuộc thẩm quyền Sở Y tế',
    nameEn: 'Re-issue or amendment of the pharmaceutical business certificate',
    field: 'pharmacy', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_DUOC, serviceLevel: 'full',
    fee: { amountVnd: 0, confirmed: false, due: 'submission' }, paymentChannels: ['vnpay'],
    timeLimit: { value: 20, unit: 'calendar_days' }, requiresAppraisal: false,
    result: { kind: 'certificate', titleVi: 'Giấy chứng nhận đủ điều kiện kinh doanh dược (cấp lại, điều chỉnh)', titleEn: 'Pharmaceutical business certificate (re-issued or amended)', keepsOriginalExpiry: true },
    documents: [
      doc('don-de-nghi', 'Đơn đề nghị cấp lại hoặc điều chỉnh Giấy chứng nhận đủ điều kiện kinh doanh dược', 'Application for re-issue or amendment', true, PDF, 5),
      doc('giay-chung-nhan-cu', 'Bản sao Giấy chứng nhận đã được cấp', 'Copy of the current certificate', false, PDF_OR_IMAGE, 10),
      doc('giay-to-thay-doi', 'Giấy tờ chứng minh nội dung thay đổi (chứng chỉ hành nghề mới, giấy đăng ký doanh nghiệp mới…)', 'Proof of the change (new practising certificate, new registration…)', false, PDF_OR_IMAGE, 10, {
        mandatoryWhen: { field: 'requestType', equals: 'dieu_chinh' },
      }),
    ],
    form: amendPharmacyBusinessForm,
    legalBasis: ['Luật Dược, Điều 36, 39 (7 ngày làm việc nếu cấp lại do lỗi của cơ quan cấp)', 'Nghị định 163/2025/NĐ-CP'], available: true,
  },
  {
    code: 'cong-bo-du-dieu-kien-mua-ban-thiet-bi-y-te', nationalCode: '1.003039',
    nameVi: 'Công bố đủ điều kiện mua bán thiết bị y tế thuộc loại B, C, D',
    nameEn: 'Declaration of eligibility to trade class B, C, D medical devices',
    field: 'medical_devices', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_DUOC, serviceLevel: 'full',
    fee: { amountVnd: 3_000_000, confirmed: true, due: 'submission', reductions: [DEVICE_FEE_CUT] }, paymentChannels: ['vnpay'],
    timeLimit: { value: 0, unit: 'immediate' }, requiresAppraisal: false,
    result: { kind: 'certificate', titleVi: 'Phiếu tiếp nhận hồ sơ công bố đủ điều kiện mua bán thiết bị y tế', titleEn: 'Acknowledgement of the device-trading declaration' },
    documents: [
      doc('van-ban-cong-bo', 'Văn bản công bố đủ điều kiện mua bán thiết bị y tế (theo mẫu)', 'Declaration of eligibility to trade medical devices (prescribed form)', true, PDF, 5),
      doc('tai-lieu-kho-van-chuyen', 'Tài liệu chứng minh kho bảo quản và phương tiện vận chuyển đáp ứng yêu cầu', 'Proof that storage and transport meet the requirements', true, PDF_OR_IMAGE, 20),
      doc('van-bang-nhan-vien-ky-thuat', 'Bản sao văn bằng, chứng chỉ của nhân viên kỹ thuật', 'Copy of the technical staff member’s qualifications', true, PDF_OR_IMAGE, 10),
    ],
    form: deviceTradingForm,
    legalBasis: ['Nghị định 98/2021/NĐ-CP (sửa đổi 07/2023)', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC', 'Thông tư 64/2025/TT-BTC'], available: true,
  },
  {
    code: 'cong-bo-tieu-chuan-ap-dung-thiet-bi-y-te', nationalCode: '1.003029',
    nameVi: 'Công bố tiêu chuẩn áp dụng đối với thiết bị y tế thuộc loại A, B',
    nameEn: 'Declaration of applicable standards for class A and B medical devices',
    field: 'medical_devices', applicantType: 'organisation', agencyVi: SO_Y_TE, unitId: UNIT_DUOC, serviceLevel: 'full',
    fee: {
      amountVnd: 1_000_000, confirmed: true, due: 'submission', reductions: [DEVICE_FEE_CUT],
      variants: [
        { id: 'loai-a', labelVi: 'Thiết bị y tế loại A', labelEn: 'Class A device', amountVnd: 1_000_000, when: { field: 'deviceClass', equals: 'loai_a' } },
        { id: 'loai-b', labelVi: 'Thiết bị y tế loại B', labelEn: 'Class B device', amountVnd: 3_000_000, when: { field: 'deviceClass', equals: 'loai_b' } },
      ],
    },
    paymentChannels: ['vnpay'], timeLimit: { value: 0, unit: 'immediate' }, requiresAppraisal: false,
    result: { kind: 'certificate', titleVi: 'Phiếu tiếp nhận hồ sơ công bố tiêu chuẩn áp dụng', titleEn: 'Acknowledgement of the applicable-standards declaration' },
    documents: [
      doc('van-ban-cong-bo', 'Văn bản công bố tiêu chuẩn áp dụng (theo mẫu)', 'Declaration of applicable standards (prescribed form)', true, PDF, 5),
      doc('tom-tat-ky-thuat', 'Tài liệu mô tả tóm tắt kỹ thuật thiết bị y tế', 'Technical summary of the device', true, PDF, 20),
      doc('tieu-chuan-ap-dung', 'Bản tiêu chuẩn mà chủ sở hữu công bố áp dụng', 'The standard the owner declares', true, PDF, 20),
      doc('huong-dan-su-dung', 'Tài liệu hướng dẫn sử dụng thiết bị y tế (tiếng Việt)', 'Instructions for use (in Vietnamese)', true, PDF, 20),
      doc('giay-uy-quyen', 'Giấy ủy quyền của chủ sở hữu thiết bị y tế', 'Authorisation from the device owner', false, PDF, 10, {
        hintVi: 'Khi tổ chức công bố không phải là chủ sở hữu thiết bị.', hintEn: 'When the declaring organisation does not own the device.',
      }),
    ],
    form: deviceStandardsForm,
    legalBasis: ['Nghị định 98/2021/NĐ-CP (sửa đổi 07/2023)', 'Nghị định 148/2025/NĐ-CP', 'Thông tư 59/2023/TT-BTC', 'Thông tư 64/2025/TT-BTC'], available: true,
  },
];

const byCode = new Map(catalogue.map((p) => [p.code, p]));
/** The catalogue definition of a procedure (form, documents, fee), by its code. */
export const procedureByCode = (code: string): Procedure | undefined => byCode.get(code);
