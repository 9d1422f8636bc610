/**
 * The stable error codes clients can rely on, with the HTTP status and the title shown to people
 * (Vietnamese first). The functions map every failure to one of these (RFC 9457 problem+json);
 * the site uses the same table to explain a code.
 */
export const ERRORS = {
  validation_failed: { status: 400, vi: 'Dữ liệu gửi lên chưa hợp lệ', en: 'The request has invalid fields' },
  malformed_json: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, vi: 'Vui lòng đăng nhập để tiếp tục', en: 'Please sign in to continue' },
  sign_in_failed: { status: 400, vi: 'Đăng nhập chưa thành công hoặc đã quá thời gian, vui lòng đăng nhập lại', en: 'Sign-in did not complete or took too long; please sign in again' },
  forbidden: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  not_found: { status: 404, vi: 'Không tìm thấy nội dung yêu cầu', en: 'The requested resource was not found' },
  method_not_allowed: { status: 405, vi: 'Phương thức không được hỗ trợ cho địa chỉ này', en: 'Method not allowed for this address' },
  conflict: { status: 409, vi: 'Dữ liệu đã thay đổi, vui lòng tải lại và thử lại', en: 'The data has changed; reload and try again' },
  already_paid: { status: 409, vi: 'Khoản này đã được thanh toán', en: 'This has already been paid' },
  nothing_to_pay: { status: 409, vi: 'Không có khoản nào cần thanh toán', en: 'There is nothing to pay' },
  same_person: { status: 403, vi: 'Người đề nghị hoàn tiền không thể tự phê duyệt', en: 'The person who requested a refund cannot approve it' },
  refund_exceeds_available: { status: 409, vi: 'Số tiền hoàn vượt quá số tiền còn có thể hoàn', en: 'The refund exceeds the amount still refundable' },
  not_refundable: { status: 409, vi: 'Giao dịch này không thể hoàn tiền', en: 'This payment cannot be refunded' },
  session_full: { status: 409, vi: 'Buổi khám đã hết chỗ', en: 'This session is fully booked' },
  session_closed: { status: 409, vi: 'Buổi khám đã đóng, không nhận đặt lịch', en: 'This session is closed for booking' },
  already_booked: { status: 409, vi: 'Người bệnh đã có lịch khám chuyên khoa này trong ngày', en: 'This patient already has a booking for this specialty that day' },
  booking_closed: { status: 409, vi: 'Đã quá thời hạn đặt, hủy hoặc đổi lịch cho ngày này', en: 'Booking, cancelling or rescheduling for this day has closed' },
  appointment_not_paid: { status: 409, vi: 'Lịch khám đang giữ chỗ, chưa thanh toán phí khám', en: 'The booking is held and its exam fee is not paid yet' },
  not_session_day: { status: 409, vi: 'Chỉ tiếp nhận vào đúng ngày khám của lịch hẹn', en: 'Check-in is only possible on the day of the appointment' },
  idempotency_key_reused: { status: 422, vi: 'Khóa Idempotency-Key đã dùng cho một yêu cầu khác', en: 'This Idempotency-Key was used for a different request' },
  dossier_incomplete: { status: 422, vi: 'Hồ sơ chưa đầy đủ: còn thiếu thông tin hoặc giấy tờ bắt buộc', en: 'The dossier is incomplete: required information or documents are missing' },
  action_not_allowed: { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ', en: 'This action is not possible in the dossier’s current state' },
  action_incomplete: { status: 422, vi: 'Thao tác còn thiếu thông tin bắt buộc (lý do, danh mục bổ sung, người xử lý, lịch thẩm định hoặc hạn mới)', en: 'The action lacks required details (reason, checklist, assignee, visit or new due date)' },
  fee_unpaid: { status: 409, vi: 'Hồ sơ chưa nộp phí, lệ phí', en: 'The dossier’s fee has not been paid' },
  procedure_unavailable: { status: 409, vi: 'Thủ tục đang tạm ngừng tiếp nhận trực tuyến', en: 'Online submission of this procedure is suspended' },
  attachment_type_not_accepted: { status: 422, vi: 'Loại tệp không được chấp nhận cho giấy tờ này', en: 'This file type is not accepted for this document' },
  attachment_too_large: { status: 422, vi: 'Tệp vượt quá dung lượng cho phép của giấy tờ này', en: 'The file is larger than this document allows' },
  attachment_limit_reached: { status: 409, vi: 'Giấy tờ này đã có đủ số tệp cho phép; hãy xóa bớt trước khi tải thêm', en: 'This document already has the most files allowed; delete one first' },
  licence_status_not_allowed: { status: 409, vi: 'Không thể chuyển giấy phép sang trạng thái này (giấy phép đã thu hồi hoặc đang ở trạng thái đó)', en: 'The licence cannot move to this status (it is revoked or already in it)' },
  rating_not_open: { status: 409, vi: 'Chỉ đánh giá được khi hồ sơ đã giải quyết xong hoặc lịch khám đã được tiếp nhận', en: 'You can rate only a finished dossier or an appointment you were checked in for' },
  rating_locked: { status: 409, vi: 'Đã quá 7 ngày kể từ khi đánh giá, không thể sửa đánh giá nữa', en: 'More than 7 days have passed since you rated; the rating can no longer be changed' },
  lookup_locked: { status: 429, vi: 'Nhập sai quá nhiều lần, vui lòng thử lại sau 15 phút', en: 'Too many wrong attempts; try again in 15 minutes' },
  payload_too_large: { status: 413, vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported content type' },
  too_many_requests: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút', en: 'Too many requests; try again in a few minutes' },
  internal_error: { status: 500, vi: 'Hệ thống gặp sự cố, vui lòng thử lại sau', en: 'Something went wrong; please try again later' },
  service_unavailable: { status: 503, vi: 'Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau', en: 'The service is temporarily unavailable; please try again' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  /** Dotted path into the request: `body.items.0.quantity`, `query.from`, `path.code`. */
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 body as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export const problemType = (code: ErrorCode): string => `https://cong-y-te.example.vn/problems/${code.replaceAll('_', '-')}`;
