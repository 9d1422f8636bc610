/**
 * Every action the audit log records, with a readable label (Vietnamese first, English second).
 * `auditEntry(...)` only takes these names (functions/src/repositories/audit.ts), and a unit test
 * reads every call site, so a new audited action without a label fails the build and the tests.
 * The citizen's "who read my data" page (ADR 0025) shows these labels.
 */
import { APPLICANT_ACTIONS, OFFICER_ACTIONS, SYSTEM_ACTIONS, type DossierAction } from '../dossiers/lifecycle';

type Label = { vi: string; en: string };

/**
 * Staff transitions are audited as `dossier.<action>` (services/dossier-transitions.ts). Only officers'
 * actions are audited today; the applicant's and the system's are labelled so the type stays total.
 */
export const DOSSIER_ACTION_AUDIT_LABELS: Record<DossierAction, Label> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted the dossier' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrew the dossier' },
  fee_paid: { vi: 'Ghi nhận đã nộp phí', en: 'Recorded the fee as paid' },
  issue_result: { vi: 'Trả kết quả', en: 'Issued the result' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Received the dossier' },
  refuse: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Refused the dossier at intake' },
  assign: { vi: 'Giao xử lý hồ sơ', en: 'Assigned the dossier' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Asked for a supplement' },
  schedule_appraisal: { vi: 'Lên lịch thẩm định', en: 'Scheduled the appraisal' },
  record_appraisal: { vi: 'Ghi kết quả thẩm định', en: 'Recorded the appraisal' },
  approve: { vi: 'Phê duyệt hồ sơ', en: 'Approved the dossier' },
  reject: { vi: 'Không phê duyệt hồ sơ', en: 'Rejected the dossier' },
  stop: { vi: 'Dừng xử lý hồ sơ', en: 'Stopped handling the dossier' },
  reschedule: { vi: 'Điều chỉnh hạn giải quyết', en: 'Moved the due date' },
};

const OTHER_ACTION_LABELS = {
  'dossier.read': { vi: 'Xem hồ sơ', en: 'Opened the dossier' },
  'dossier.attachment.read': { vi: 'Xem tệp đính kèm', en: 'Opened an attachment' },
  'licence.download': { vi: 'Tải giấy phép đã cấp', en: 'Downloaded the issued licence' },
  'licence.status': { vi: 'Thay đổi trạng thái giấy phép', en: 'Changed the licence status' },
  'inbox.list': { vi: 'Xem danh sách hồ sơ của phòng', en: "Listed the unit's dossiers" },
  'appointment.checkIn': { vi: 'Check-in lịch khám', en: 'Checked the booking in' },
  'appointment.noShow': { vi: 'Ghi nhận không đến khám', en: 'Marked the booking as not attended' },
  'session.appointments.list': { vi: 'Xem danh sách người bệnh của buổi khám', en: "Listed the session's patients" },
  'session.create': { vi: 'Tạo buổi khám', en: 'Created a session' },
  'session.capacity': { vi: 'Thay đổi số chỗ buổi khám', en: "Changed a session's capacity" },
  'session.close': { vi: 'Đóng buổi khám', en: 'Closed a session' },
  'schedule.template.put': { vi: 'Sửa lịch khám mẫu hằng tuần', en: 'Edited the weekly template' },
  'desk.bills.list': { vi: 'Xem danh sách hóa đơn trong ngày', en: "Listed the day's bills" },
  'desk.bills.search': { vi: 'Tìm hóa đơn', en: 'Searched the bills' },
  'desk.payments.list': { vi: 'Xem danh sách thanh toán trong ngày', en: "Listed the day's payments" },
  'desk.reconciliation': { vi: 'Xem báo cáo đối soát', en: 'Read the reconciliation report' },
  'bill.push': { vi: 'Gửi hóa đơn từ hệ thống bệnh viện', en: "Bill sent by the hospital's system" },
  'refund.request': { vi: 'Đề nghị hoàn tiền', en: 'Requested a refund' },
  'refund.approve': { vi: 'Phê duyệt hoàn tiền', en: 'Approved a refund' },
  'refund.reject': { vi: 'Từ chối hoàn tiền', en: 'Rejected a refund' },
  'procedure.suspend': { vi: 'Tạm ngừng tiếp nhận thủ tục', en: 'Suspended a procedure' },
  'procedure.resume': { vi: 'Mở lại tiếp nhận thủ tục', en: 'Resumed a procedure' },
  'hisKey.create': { vi: 'Cấp khóa API cho hệ thống bệnh viện', en: "Issued a hospital system's API key" },
  'hisKey.revoke': { vi: 'Thu hồi khóa API của hệ thống bệnh viện', en: "Revoked a hospital system's API key" },
  'calendar.put': { vi: 'Sửa lịch ngày làm việc', en: 'Edited the working-day calendar' },
} as const satisfies Record<string, Label>;

export type DossierAuditAction = `dossier.${DossierAction}`;
export type AuditAction = keyof typeof OTHER_ACTION_LABELS | DossierAuditAction;

export const AUDIT_ACTION_LABELS: Record<AuditAction, Label> = {
  ...OTHER_ACTION_LABELS,
  ...(Object.fromEntries([...APPLICANT_ACTIONS, ...OFFICER_ACTIONS, ...SYSTEM_ACTIONS].map((a) => [`dossier.${a}`, DOSSIER_ACTION_AUDIT_LABELS[a]])) as Record<DossierAuditAction, Label>),
};

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTION_LABELS, action);

/** The label of an action; an unknown name (an entry older than its label) shows as itself. */
export const auditActionLabel = (action: string, lang: 'vi' | 'en'): string => (isAuditAction(action) ? AUDIT_ACTION_LABELS[action][lang] : action);
