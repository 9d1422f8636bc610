/**
 * The application forms of the catalogue's procedures, in the form DSL (forms.ts). Field ids are
 * unique per form; the common blocks (applicant, organisation, declaration) keep the same ids in
 * every form so data reads the same across procedures. The contents follow the application forms
 * named in research/eservices.md §3 (Decree 96/2023 Annexes I–II, Pharmacy Law Art. 24/38, Decree
 * 98/2021); where a form's exact layout was not read, the fields are the facts the form asks for.
 */
import type { FormField, FormSchema, FormStep, SelectOption } from './form-fields';

const opt = (value: string, labelVi: string, labelEn: string): SelectOption => ({ value, labelVi, labelEn });
const step = (id: string, titleVi: string, titleEn: string, fields: FormField[]): FormStep => ({ id, titleVi, titleEn, fields });

// ---- Common blocks ----

const declaration = step('declaration', 'Cam đoan', 'Declaration', [
  {
    id: 'declarationTrue', kind: 'checkbox', required: true,
    labelVi: 'Tôi cam đoan những thông tin kê khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.',
    labelEn: 'I declare that the information above is true and I am responsible for it before the law.',
  },
]);

/** A form: who applies, the steps particular to the procedure, then the declaration. */
const form = (applicant: FormStep, ...steps: FormStep[]): FormSchema => ({ steps: [applicant, ...steps, declaration] });

/** How the portal reaches the applicant: the mobile number (SMS) and the e-mail. */
const contactFields = (phoneLabelVi: string, phoneLabelEn: string): FormField[] => [
  { id: 'phone', kind: 'phone', required: true, labelVi: phoneLabelVi, labelEn: phoneLabelEn, hintVi: 'Nhận thông báo về hồ sơ qua SMS.', hintEn: 'Dossier updates are sent by SMS.' },
  { id: 'email', kind: 'email', required: true, labelVi: 'Thư điện tử (e-mail)', labelEn: 'E-mail', hintVi: 'Nhận thông báo và kết quả qua e-mail.', hintEn: 'Updates and the result are sent by e-mail.' },
];

const personFields: FormField[] = [
  { id: 'fullName', kind: 'text', maxLength: 100, required: true, autocomplete: 'name', labelVi: 'Họ và tên', labelEn: 'Full name', hintVi: 'Ghi đầy đủ, có dấu, như trên căn cước.', hintEn: 'In full, with diacritics, as on the ID card.' },
  { id: 'dateOfBirth', kind: 'date', range: 'past', required: true, autocomplete: 'bday', labelVi: 'Ngày sinh', labelEn: 'Date of birth' },
  { id: 'gender', kind: 'select', required: true, labelVi: 'Giới tính', labelEn: 'Sex', options: [opt('nam', 'Nam', 'Male'), opt('nu', 'Nữ', 'Female')] },
  {
    id: 'cccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD)', labelEn: 'Personal ID number (CCCD)',
    hintVi: '12 chữ số trên thẻ căn cước.', hintEn: 'The 12 digits on the ID card.',
  },
  ...contactFields('Số điện thoại di động', 'Mobile phone number'),
  { id: 'address', kind: 'address', required: true, labelVi: 'Địa chỉ nơi ở', labelEn: 'Home address' },
];

/** The individual applicant (practitioner, pharmacist). */
const individualApplicant = step('applicant', 'Thông tin người đề nghị', 'Applicant', personFields);

/** The organisation applicant and its legal representative. */
const organisationApplicant = step('organisation', 'Thông tin tổ chức đề nghị', 'Applicant organisation', [
  { id: 'orgName', kind: 'text', maxLength: 200, required: true, autocomplete: 'organization', labelVi: 'Tên tổ chức, doanh nghiệp hoặc hộ kinh doanh', labelEn: 'Name of the company or household business' },
  {
    id: 'taxCode', kind: 'text', maxLength: 14, required: true, pattern: '\\d{10}(?:-\\d{3})?',
    patternHintVi: '10 chữ số, chi nhánh thêm -xxx', patternHintEn: '10 digits, branches add -xxx',
    labelVi: 'Mã số doanh nghiệp / mã số thuế', labelEn: 'Enterprise / tax code',
  },
  { id: 'orgAddress', kind: 'address', required: true, labelVi: 'Địa chỉ trụ sở', labelEn: 'Registered office address' },
  { id: 'representativeName', kind: 'text', maxLength: 100, required: true, autocomplete: 'name', labelVi: 'Người đại diện theo pháp luật', labelEn: 'Legal representative' },
  { id: 'representativeTitle', kind: 'text', maxLength: 100, required: true, autocomplete: 'organization-title', labelVi: 'Chức vụ', labelEn: 'Position' },
  { id: 'representativeCccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD) của người đại diện', labelEn: 'Representative’s personal ID number (CCCD)' },
  ...contactFields('Số điện thoại di động liên hệ', 'Contact mobile number'),
]);

const PROFESSIONS = [
  opt('bac_sy', 'Bác sỹ', 'Doctor'),
  opt('y_sy', 'Y sỹ', 'Physician assistant'),
  opt('dieu_duong', 'Điều dưỡng', 'Nurse'),
  opt('ho_sinh', 'Hộ sinh', 'Midwife'),
  opt('ky_thuat_y', 'Kỹ thuật y', 'Medical technician'),
  opt('dinh_duong_lam_sang', 'Dinh dưỡng lâm sàng', 'Clinical nutritionist'),
  opt('cap_cuu_vien_ngoai_vien', 'Cấp cứu viên ngoại viện', 'Paramedic'),
  opt('tam_ly_lam_sang', 'Tâm lý lâm sàng', 'Clinical psychologist'),
];

/** The professional title of a licence already held. */
const professionHeld: FormField = { id: 'profession', kind: 'select', required: true, labelVi: 'Chức danh', labelEn: 'Professional title', options: PROFESSIONS };

/** Number and date of issue of a document already held: `licenceNumber`, `licenceIssueDate` (idPrefix 'licence'). */
const documentHeld = (idPrefix: string, labelVi: string, labelEn: string): FormField[] => [
  { id: `${idPrefix}Number`, kind: 'text', maxLength: 40, required: true, labelVi: `Số ${labelVi}`, labelEn: `${labelEn} number` },
  { id: `${idPrefix}IssueDate`, kind: 'date', range: 'past', required: true, labelVi: 'Ngày cấp', labelEn: 'Date of issue' },
];

/** A licence to re-issue: which one, who issued it, and why. */
const licenceReference = (reasons: SelectOption[], labelVi: string, labelEn: string): FormField[] => [
  ...documentHeld('licence', labelVi, labelEn),
  { id: 'licenceIssuer', kind: 'text', maxLength: 200, required: true, labelVi: 'Cơ quan cấp', labelEn: 'Issued by' },
  { id: 'reason', kind: 'select', required: true, labelVi: 'Lý do đề nghị', labelEn: 'Reason', options: reasons },
];

/** Why a licence is re-issued: the reasons every re-issue accepts. */
const REISSUE_REASONS = [
  opt('mat', 'Giấy phép bị mất', 'The licence was lost'),
  opt('hu_hong', 'Giấy phép bị hư hỏng', 'The licence is damaged'),
  opt('sai_thong_tin', 'Thông tin trên giấy phép bị ghi sai', 'The licence has wrong details'),
];

/** Shown when the licence to re-issue has wrong details. */
const wrongDetails: FormField = {
  id: 'wrongDetails', kind: 'textarea', maxLength: 1000, required: true, visibleWhen: { field: 'reason', equals: 'sai_thong_tin' },
  labelVi: 'Thông tin bị ghi sai và thông tin đúng', labelEn: 'What is wrong and what it should read',
};

/** Where and when the professional degree was awarded. */
const degreeAward: FormField[] = [
  { id: 'degreeInstitution', kind: 'text', maxLength: 200, required: true, labelVi: 'Cơ sở đào tạo', labelEn: 'Awarding institution' },
  { id: 'degreeDate', kind: 'date', range: 'past', required: true, labelVi: 'Ngày cấp văn bằng', labelEn: 'Date of award' },
];

// ---- 1. New practice licence (transition track) ----

export const newPracticeLicenceForm: FormSchema = form(
  individualApplicant,
  step('qualification', 'Chức danh và văn bằng', 'Title and qualification', [
    { id: 'profession', kind: 'select', required: true, labelVi: 'Chức danh đề nghị cấp giấy phép', labelEn: 'Professional title applied for', options: PROFESSIONS },
    {
      id: 'specialty', kind: 'text', maxLength: 200, required: true, visibleWhen: { field: 'profession', equals: 'bac_sy' },
      labelVi: 'Chuyên khoa / phạm vi hành nghề đề nghị', labelEn: 'Specialty / scope of practice applied for',
      hintVi: 'Ví dụ: Nội khoa; Nhi khoa; Răng hàm mặt.', hintEn: 'E.g. internal medicine; paediatrics; dentistry.',
    },
    { id: 'degreeName', kind: 'text', maxLength: 200, required: true, labelVi: 'Văn bằng chuyên môn', labelEn: 'Professional degree', hintVi: 'Ví dụ: Bác sỹ đa khoa; Cử nhân điều dưỡng.', hintEn: 'E.g. Doctor of Medicine; Bachelor of Nursing.' },
    ...degreeAward,
    {
      id: 'degreeForeign', kind: 'checkbox', labelVi: 'Văn bằng do cơ sở đào tạo nước ngoài cấp', labelEn: 'The degree was awarded abroad',
      hintVi: 'Thời hạn giải quyết có thể thêm 30 ngày để xác minh văn bằng.', hintEn: 'Processing may take 30 more days to verify the degree.',
    },
  ]),
  step('practice', 'Quá trình thực hành', 'Supervised practice', [
    { id: 'practiceFacility', kind: 'text', maxLength: 200, required: true, labelVi: 'Cơ sở khám bệnh, chữa bệnh xác nhận thực hành', labelEn: 'Facility that confirms the practice' },
    { id: 'practiceFrom', kind: 'date', range: 'past', required: true, labelVi: 'Thực hành từ ngày', labelEn: 'Practice from' },
    { id: 'practiceTo', kind: 'date', range: 'past', required: true, labelVi: 'Đến ngày', labelEn: 'Practice until' },
    { id: 'practiceSupervisor', kind: 'text', maxLength: 100, required: true, labelVi: 'Người hướng dẫn thực hành', labelEn: 'Practice supervisor' },
  ]),
);

// ---- 2. Re-issue of a practice licence ----

export const reissuePracticeLicenceForm: FormSchema = form(
  individualApplicant,
  step('licence', 'Giấy phép hành nghề đã được cấp', 'The licence held', [
    professionHeld,
    ...licenceReference([
      ...REISSUE_REASONS,
      opt('thay_doi_thong_tin', 'Thay đổi họ tên, ngày sinh hoặc số định danh cá nhân', 'Change of name, date of birth or ID number'),
    ], 'giấy phép hành nghề', 'Practice licence'),
    wrongDetails,
    {
      id: 'changedDetails', kind: 'textarea', maxLength: 1000, required: true, visibleWhen: { field: 'reason', equals: 'thay_doi_thong_tin' },
      labelVi: 'Thông tin thay đổi', labelEn: 'What changed',
    },
  ]),
);

// ---- 3. Amendment of a practice licence ----

export const amendPracticeLicenceForm: FormSchema = form(
  individualApplicant,
  step('amendment', 'Nội dung đề nghị điều chỉnh', 'Requested amendment', [
    professionHeld,
    ...documentHeld('licence', 'giấy phép hành nghề', 'Practice licence'),
    { id: 'currentScope', kind: 'textarea', maxLength: 1000, required: true, labelVi: 'Phạm vi hành nghề hiện tại', labelEn: 'Current scope of practice' },
    { id: 'requestedScope', kind: 'textarea', maxLength: 1000, required: true, labelVi: 'Phạm vi hành nghề đề nghị bổ sung hoặc thay đổi', labelEn: 'Scope of practice to add or change' },
    { id: 'trainingName', kind: 'text', maxLength: 200, required: true, labelVi: 'Khóa đào tạo, bồi dưỡng đã hoàn thành', labelEn: 'Training completed' },
    { id: 'trainingInstitution', kind: 'text', maxLength: 200, required: true, labelVi: 'Cơ sở đào tạo', labelEn: 'Training institution' },
    { id: 'trainingCompleted', kind: 'date', range: 'past', required: true, labelVi: 'Ngày hoàn thành', labelEn: 'Completed on' },
  ]),
);

// ---- 4. New operating licence for a clinic ----

export const CLINIC_TYPES = [
  opt('phong_kham_da_khoa', 'Phòng khám đa khoa', 'General clinic'),
  opt('phong_kham_chuyen_khoa', 'Phòng khám chuyên khoa', 'Specialist clinic'),
];

export const newClinicLicenceForm: FormSchema = form(
  organisationApplicant,
  step('clinic', 'Thông tin phòng khám', 'The clinic', [
    { id: 'clinicName', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên phòng khám', labelEn: 'Clinic name' },
    { id: 'facilityType', kind: 'select', required: true, labelVi: 'Hình thức tổ chức', labelEn: 'Type of facility', options: CLINIC_TYPES },
    {
      id: 'specialty', kind: 'text', maxLength: 200, required: true, visibleWhen: { field: 'facilityType', equals: 'phong_kham_chuyen_khoa' },
      labelVi: 'Chuyên khoa', labelEn: 'Specialty', hintVi: 'Ví dụ: Răng hàm mặt; Tai mũi họng; Da liễu.', hintEn: 'E.g. dentistry; ENT; dermatology.',
    },
    { id: 'clinicAddress', kind: 'address', required: true, labelVi: 'Địa điểm hoạt động', labelEn: 'Clinic address' },
    { id: 'floorArea', kind: 'number', required: true, min: 10, max: 100_000, labelVi: 'Tổng diện tích sử dụng', labelEn: 'Total floor area', unitVi: 'm²', unitEn: 'm²' },
    { id: 'openingHours', kind: 'text', maxLength: 200, required: true, labelVi: 'Thời gian làm việc', labelEn: 'Opening hours', hintVi: 'Ví dụ: 7 giờ 30 – 19 giờ, thứ Hai đến thứ Bảy.', hintEn: 'E.g. 7:30–19:00, Monday to Saturday.' },
    { id: 'hasXray', kind: 'checkbox', labelVi: 'Phòng khám có sử dụng thiết bị X-quang', labelEn: 'The clinic uses X-ray equipment' },
    {
      id: 'radiationLicenceNumber', kind: 'text', maxLength: 40, required: true, visibleWhen: { field: 'hasXray', equals: true },
      labelVi: 'Số giấy phép tiến hành công việc bức xạ', labelEn: 'Radiation work licence number',
    },
  ]),
  step('staff', 'Người phụ trách chuyên môn và nhân sự', 'Medical director and staff', [
    { id: 'headName', kind: 'text', maxLength: 100, required: true, labelVi: 'Người chịu trách nhiệm chuyên môn kỹ thuật', labelEn: 'Person in charge of professional matters' },
    { id: 'headLicenceNumber', kind: 'text', maxLength: 40, required: true, labelVi: 'Số giấy phép hành nghề của người phụ trách', labelEn: 'Their practice licence number' },
    { id: 'headCccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD) của người phụ trách', labelEn: 'Their personal ID number (CCCD)' },
    {
      id: 'staff', kind: 'group', minItems: 1, maxItems: 50, required: true,
      labelVi: 'Danh sách người hành nghề', labelEn: 'Practitioners', itemLabelVi: 'Người hành nghề', itemLabelEn: 'Practitioner',
      hintVi: 'Mọi người hành nghề làm việc tại phòng khám, kể cả người phụ trách.', hintEn: 'Everyone who practises at the clinic, the director included.',
      fields: [
        { id: 'fullName', kind: 'text', maxLength: 100, required: true, labelVi: 'Họ và tên', labelEn: 'Full name' },
        { id: 'profession', kind: 'select', required: true, labelVi: 'Chức danh', labelEn: 'Title', options: [...PROFESSIONS, opt('khac', 'Khác', 'Other')] },
        { id: 'licenceNumber', kind: 'text', maxLength: 40, required: true, labelVi: 'Số giấy phép hành nghề', labelEn: 'Practice licence number' },
        { id: 'cccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD)', labelEn: 'Personal ID number (CCCD)' },
        { id: 'position', kind: 'text', maxLength: 100, required: true, labelVi: 'Vị trí làm việc', labelEn: 'Position' },
        {
          id: 'workingTime', kind: 'select', required: true, labelVi: 'Thời gian làm việc', labelEn: 'Working time',
          options: [opt('toan_thoi_gian', 'Toàn thời gian', 'Full time'), opt('ban_thoi_gian', 'Bán thời gian', 'Part time')],
        },
      ],
    },
  ]),
  step('equipment', 'Trang thiết bị và chất thải y tế', 'Equipment and medical waste', [
    {
      id: 'equipment', kind: 'group', minItems: 1, maxItems: 100, required: true,
      labelVi: 'Danh mục thiết bị y tế', labelEn: 'Medical equipment', itemLabelVi: 'Thiết bị', itemLabelEn: 'Item',
      fields: [
        { id: 'name', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên thiết bị', labelEn: 'Equipment' },
        { id: 'quantity', kind: 'number', integer: true, min: 1, max: 10_000, required: true, labelVi: 'Số lượng', labelEn: 'Quantity' },
        { id: 'origin', kind: 'text', maxLength: 200, labelVi: 'Hãng, nước sản xuất', labelEn: 'Manufacturer, country' },
      ],
    },
    { id: 'wasteContractor', kind: 'text', maxLength: 200, required: true, labelVi: 'Đơn vị thu gom, xử lý chất thải y tế theo hợp đồng', labelEn: 'Contracted medical-waste handler' },
  ]),
);

// ---- 5. Re-issue of a clinic operating licence ----

export const reissueClinicLicenceForm: FormSchema = form(
  organisationApplicant,
  step('licence', 'Giấy phép hoạt động đã được cấp', 'The operating licence held', [
    { id: 'clinicName', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên cơ sở khám bệnh, chữa bệnh', labelEn: 'Facility name' },
    ...licenceReference(REISSUE_REASONS, 'giấy phép hoạt động', 'Operating licence'),
    wrongDetails,
  ]),
);

// ---- 6. Pharmacy practising certificate ----

export const pharmacistCertificateForm: FormSchema = form(
  individualApplicant,
  step('qualification', 'Văn bằng và vị trí hành nghề', 'Qualification and position', [
    {
      id: 'degree', kind: 'select', required: true, labelVi: 'Văn bằng chuyên môn', labelEn: 'Professional degree',
      options: [
        opt('duoc_si_dai_hoc', 'Dược sỹ (đại học)', 'Pharmacist (university degree)'),
        opt('duoc_si_cao_dang', 'Dược sỹ cao đẳng', 'Pharmacist (college diploma)'),
        opt('duoc_si_trung_cap', 'Dược sỹ trung cấp', 'Pharmacy technician (secondary)'),
        opt('y_hoc_co_truyen', 'Y học cổ truyền / dược cổ truyền', 'Traditional medicine or pharmacy'),
        opt('khac', 'Văn bằng khác theo Điều 13 Luật Dược', 'Other degree (Pharmacy Law Art. 13)'),
      ],
    },
    ...degreeAward,
    {
      id: 'position', kind: 'select', required: true, labelVi: 'Vị trí hành nghề đề nghị', labelEn: 'Position applied for',
      options: [
        opt('nha_thuoc', 'Người chịu trách nhiệm chuyên môn nhà thuốc', 'Pharmacist in charge of a pharmacy'),
        opt('quay_thuoc', 'Người chịu trách nhiệm chuyên môn quầy thuốc', 'In charge of a drug counter'),
        opt('ban_buon', 'Người chịu trách nhiệm chuyên môn cơ sở bán buôn', 'In charge of a wholesaler'),
        opt('san_xuat', 'Người chịu trách nhiệm chuyên môn cơ sở sản xuất', 'In charge of a manufacturer'),
        opt('khac', 'Vị trí khác', 'Other position'),
      ],
    },
    { id: 'practiceFacility', kind: 'text', maxLength: 200, required: true, labelVi: 'Cơ sở xác nhận thời gian thực hành', labelEn: 'Facility confirming the practice time' },
    { id: 'practiceMonths', kind: 'number', integer: true, min: 0, max: 600, required: true, labelVi: 'Thời gian thực hành chuyên môn', labelEn: 'Professional practice time', unitVi: 'tháng', unitEn: 'months' },
    { id: 'previouslyRevoked', kind: 'checkbox', labelVi: 'Tôi đã từng bị thu hồi chứng chỉ hành nghề dược', labelEn: 'A pharmacy certificate of mine was revoked before' },
    {
      id: 'revocationDetails', kind: 'textarea', maxLength: 1000, required: true, visibleWhen: { field: 'previouslyRevoked', equals: true },
      labelVi: 'Số quyết định thu hồi, ngày, lý do', labelEn: 'Revocation decision number, date and reason',
    },
  ]),
);

// ---- 7. Pharmaceutical business certificate ----

export const PHARMACY_BUSINESS_TYPES = [
  opt('nha_thuoc', 'Nhà thuốc', 'Pharmacy'),
  opt('quay_thuoc', 'Quầy thuốc', 'Drug counter'),
  opt('tu_thuoc_tram_y_te', 'Tủ thuốc trạm y tế xã', 'Commune health-station medicine cabinet'),
  opt('ban_le_duoc_lieu', 'Cơ sở chuyên bán lẻ dược liệu, thuốc dược liệu, thuốc cổ truyền', 'Retailer of herbal and traditional medicines'),
  opt('ban_buon', 'Cơ sở bán buôn thuốc', 'Medicine wholesaler'),
];

export const pharmacyBusinessForm: FormSchema = form(
  organisationApplicant,
  step('business', 'Cơ sở kinh doanh dược', 'The pharmaceutical business', [
    { id: 'businessName', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên cơ sở', labelEn: 'Business name' },
    { id: 'businessType', kind: 'select', required: true, labelVi: 'Loại hình kinh doanh', labelEn: 'Type of business', options: PHARMACY_BUSINESS_TYPES },
    { id: 'businessAddress', kind: 'address', required: true, labelVi: 'Địa điểm kinh doanh', labelEn: 'Business address' },
    {
      id: 'disadvantagedArea', kind: 'checkbox', labelVi: 'Địa điểm thuộc địa bàn có điều kiện kinh tế – xã hội khó khăn (Nghị định 31/2021/NĐ-CP)',
      labelEn: 'The address is in a disadvantaged area (Decree 31/2021)', hintVi: 'Phí thẩm định bán lẻ giảm còn 500.000 ₫.', hintEn: 'The retail appraisal fee is 500,000 ₫ there.',
    },
    { id: 'storageArea', kind: 'number', min: 1, max: 100_000, required: true, labelVi: 'Diện tích khu vực bảo quản thuốc', labelEn: 'Medicine storage area', unitVi: 'm²', unitEn: 'm²' },
    { id: 'pharmacistName', kind: 'text', maxLength: 100, required: true, labelVi: 'Người chịu trách nhiệm chuyên môn về dược', labelEn: 'Pharmacist in charge' },
    { id: 'pharmacistCertificate', kind: 'text', maxLength: 40, required: true, labelVi: 'Số chứng chỉ hành nghề dược của người phụ trách', labelEn: 'Their pharmacy practising certificate number' },
    { id: 'pharmacistCccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD) của người phụ trách', labelEn: 'Their personal ID number (CCCD)' },
  ]),
);

// ---- 8. Re-issue / amendment of the pharmaceutical business certificate ----

export const amendPharmacyBusinessForm: FormSchema = form(
  organisationApplicant,
  step('certificate', 'Giấy chứng nhận đã được cấp', 'The certificate held', [
    { id: 'businessName', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên cơ sở', labelEn: 'Business name' },
    ...documentHeld('certificate', 'giấy chứng nhận đủ điều kiện kinh doanh dược', 'Certificate'),
    {
      id: 'requestType', kind: 'select', required: true, labelVi: 'Nội dung đề nghị', labelEn: 'Request',
      options: [
        opt('cap_lai', 'Cấp lại do bị mất hoặc hư hỏng', 'Re-issue: lost or damaged'),
        opt('cap_lai_loi_co_quan', 'Cấp lại do lỗi của cơ quan cấp', 'Re-issue: error by the issuing agency'),
        opt('dieu_chinh', 'Điều chỉnh nội dung giấy chứng nhận', 'Amend the certificate'),
      ],
    },
    {
      id: 'changeDescription', kind: 'textarea', maxLength: 1000, required: true, visibleWhen: { field: 'requestType', equals: 'dieu_chinh' },
      labelVi: 'Nội dung thay đổi', labelEn: 'What changes', hintVi: 'Ví dụ: thay đổi người chịu trách nhiệm chuyên môn, tên cơ sở.', hintEn: 'E.g. a new pharmacist in charge, a new business name.',
    },
  ]),
);

// ---- 9. Eligibility to trade class B, C, D devices ----

export const deviceTradingForm: FormSchema = form(
  organisationApplicant,
  step('conditions', 'Điều kiện mua bán thiết bị y tế', 'Trading conditions', [
    { id: 'tradesClassB', kind: 'checkbox', labelVi: 'Mua bán thiết bị y tế loại B', labelEn: 'Trades class B devices' },
    { id: 'tradesClassC', kind: 'checkbox', labelVi: 'Mua bán thiết bị y tế loại C', labelEn: 'Trades class C devices' },
    { id: 'tradesClassD', kind: 'checkbox', labelVi: 'Mua bán thiết bị y tế loại D', labelEn: 'Trades class D devices' },
    { id: 'warehouseAddress', kind: 'address', required: true, labelVi: 'Địa chỉ kho bảo quản', labelEn: 'Warehouse address' },
    { id: 'warehouseArea', kind: 'number', min: 1, max: 1_000_000, required: true, labelVi: 'Diện tích kho', labelEn: 'Warehouse area', unitVi: 'm²', unitEn: 'm²' },
    {
      id: 'transport', kind: 'select', required: true, labelVi: 'Phương tiện vận chuyển', labelEn: 'Transport',
      options: [opt('tu_van_chuyen', 'Tự vận chuyển', 'Own vehicles'), opt('thue_dich_vu', 'Hợp đồng với đơn vị vận chuyển', 'Contracted carrier')],
    },
    { id: 'technicalStaffName', kind: 'text', maxLength: 100, required: true, labelVi: 'Nhân viên kỹ thuật', labelEn: 'Technical staff member' },
    { id: 'technicalStaffQualification', kind: 'text', maxLength: 200, required: true, labelVi: 'Trình độ chuyên môn', labelEn: 'Qualification', hintVi: 'Ví dụ: Cao đẳng kỹ thuật thiết bị y tế.', hintEn: 'E.g. college diploma in medical equipment.' },
    { id: 'technicalStaffCccd', kind: 'cccd', required: true, labelVi: 'Số định danh cá nhân (CCCD) của nhân viên kỹ thuật', labelEn: 'Their personal ID number (CCCD)' },
  ]),
);

// ---- 10. Applicable standards for class A, B devices ----

export const DEVICE_CLASSES = [opt('loai_a', 'Thiết bị y tế loại A', 'Class A device'), opt('loai_b', 'Thiết bị y tế loại B', 'Class B device')];

export const deviceStandardsForm: FormSchema = form(
  organisationApplicant,
  step('devices', 'Thiết bị y tế công bố', 'Devices declared', [
    { id: 'deviceClass', kind: 'select', required: true, labelVi: 'Phân loại', labelEn: 'Class', options: DEVICE_CLASSES },
    {
      id: 'devices', kind: 'group', minItems: 1, maxItems: 50, required: true,
      labelVi: 'Danh mục thiết bị', labelEn: 'Devices', itemLabelVi: 'Thiết bị', itemLabelEn: 'Device',
      fields: [
        { id: 'name', kind: 'text', maxLength: 200, required: true, labelVi: 'Tên thiết bị y tế', labelEn: 'Device name' },
        { id: 'model', kind: 'text', maxLength: 100, required: true, labelVi: 'Chủng loại / model', labelEn: 'Model' },
        { id: 'manufacturer', kind: 'text', maxLength: 200, required: true, labelVi: 'Hãng, nước sản xuất', labelEn: 'Manufacturer, country' },
        { id: 'standard', kind: 'text', maxLength: 200, required: true, labelVi: 'Tiêu chuẩn áp dụng', labelEn: 'Applicable standard', hintVi: 'Ví dụ: ISO 13485:2016.', hintEn: 'E.g. ISO 13485:2016.' },
      ],
    },
  ]),
);
