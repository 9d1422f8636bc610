/**
 * VNPay's code tables as data, with messages for people (research/payments.md §1.8). The Vietnamese
 * texts are VNPay's own wording from its pay.html tables as copied across integrations (kept
 * verbatim, including "KH" for khách hàng); the English ones, and the Vietnamese texts of the
 * merchant-API table (the research gives only English meanings there), are ours. Unknown codes get a generic
 * message that names the code, so a new VNPay code never shows an empty page.
 */

export interface CodeMessage {
  vi: string;
  en: string;
}

/** vnp_ResponseCode on the return URL and IPN. */
export const RESPONSE_CODES: Readonly<Record<string, CodeMessage>> = {
  '00': { vi: 'Giao dịch thành công', en: 'Transaction successful' },
  '07': {
    vi: 'Trừ tiền thành công. Giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường).',
    en: 'Money was deducted, but the transaction is under review as suspicious (possible fraud or unusual activity).',
  },
  '09': {
    vi: 'Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng chưa đăng ký dịch vụ InternetBanking tại ngân hàng.',
    en: 'Transaction failed: the card/account is not registered for internet banking at the bank.',
  },
  '10': {
    vi: 'Giao dịch không thành công do: Khách hàng xác thực thông tin thẻ/tài khoản không đúng quá 3 lần',
    en: 'Transaction failed: card/account details were entered incorrectly more than 3 times.',
  },
  '11': {
    vi: 'Giao dịch không thành công do: Đã hết hạn chờ thanh toán. Xin quý khách vui lòng thực hiện lại giao dịch.',
    en: 'Transaction failed: the payment time limit expired. Please try again.',
  },
  '12': {
    vi: 'Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng bị khóa.',
    en: 'Transaction failed: the card/account is locked.',
  },
  '13': {
    vi: 'Giao dịch không thành công do Quý khách nhập sai mật khẩu xác thực giao dịch (OTP). Xin quý khách vui lòng thực hiện lại giao dịch.',
    en: 'Transaction failed: wrong one-time password (OTP). Please try again.',
  },
  '24': { vi: 'Giao dịch không thành công do: Khách hàng hủy giao dịch', en: 'Transaction failed: you cancelled the payment.' },
  '51': {
    vi: 'Giao dịch không thành công do: Tài khoản của quý khách không đủ số dư để thực hiện giao dịch.',
    en: 'Transaction failed: insufficient balance.',
  },
  '65': {
    vi: 'Giao dịch không thành công do: Tài khoản của Quý khách đã vượt quá hạn mức giao dịch trong ngày.',
    en: 'Transaction failed: the daily transaction limit of the account was exceeded.',
  },
  '75': { vi: 'Ngân hàng thanh toán đang bảo trì.', en: 'The paying bank is under maintenance.' },
  '79': {
    vi: 'Giao dịch không thành công do: KH nhập sai mật khẩu thanh toán quá số lần quy định. Xin quý khách vui lòng thực hiện lại giao dịch',
    en: 'Transaction failed: the payment password was entered wrongly too many times. Please try again.',
  },
  '99': {
    vi: 'Các lỗi khác (lỗi còn lại, không có trong danh sách mã lỗi đã liệt kê)',
    en: 'Other error (not in the list of documented codes).',
  },
};

/** vnp_TransactionStatus on the return URL, IPN and QueryDR. */
export const TRANSACTION_STATUSES: Readonly<Record<string, CodeMessage>> = {
  '00': { vi: 'Giao dịch thành công', en: 'Transaction successful' },
  '01': { vi: 'Giao dịch chưa hoàn tất', en: 'Transaction not completed' },
  '02': { vi: 'Giao dịch bị lỗi', en: 'Transaction error' },
  '04': {
    vi: 'Giao dịch đảo (Khách hàng đã bị trừ tiền tại Ngân hàng nhưng GD chưa thành công ở VNPAY)',
    en: 'Reversed transaction (the bank debited the customer but the transaction did not succeed at VNPay)',
  },
  '05': { vi: 'VNPAY đang xử lý giao dịch này (GD hoàn tiền)', en: 'VNPay is processing this transaction (refund)' },
  '06': { vi: 'VNPAY đã gửi yêu cầu hoàn tiền sang Ngân hàng (GD hoàn tiền)', en: 'VNPay has sent the refund request to the bank (refund)' },
  '07': { vi: 'Giao dịch bị nghi ngờ gian lận', en: 'Transaction suspected of fraud' },
  '09': { vi: 'GD Hoàn trả bị từ chối', en: 'Refund rejected' },
};

/** vnp_ResponseCode of the merchant API (QueryDR §1.10, Refund §1.11). */
export const API_RESPONSE_CODES: Readonly<Record<string, CodeMessage>> = {
  '00': { vi: 'Yêu cầu thành công', en: 'Request successful' },
  '02': { vi: 'Mã định danh kết nối không hợp lệ (kiểm tra lại TmnCode)', en: 'Invalid terminal code (TmnCode)' },
  '03': { vi: 'Dữ liệu gửi sang không đúng định dạng', en: 'Request data in the wrong format' },
  '91': { vi: 'Không tìm thấy giao dịch yêu cầu', en: 'Transaction not found' },
  '94': {
    vi: 'Yêu cầu bị trùng lặp trong thời gian giới hạn của API (giao dịch hoàn tiền đang được xử lý)',
    en: 'Duplicate request within the API time limit (a refund is already being processed)',
  },
  '95': { vi: 'Giao dịch gốc không thành công, VNPAY từ chối xử lý yêu cầu', en: 'The original transaction was not successful; VNPay refuses the request' },
  '97': { vi: 'Chữ ký không hợp lệ', en: 'Invalid checksum' },
  '99': { vi: 'Các lỗi khác (lỗi còn lại, không có trong danh sách mã lỗi đã liệt kê)', en: 'Other error' },
};

function describe(table: Readonly<Record<string, CodeMessage>>, code: string, what: CodeMessage): CodeMessage {
  return (Object.hasOwn(table, code) ? table[code] : undefined) ?? { vi: `${what.vi} ${code}`, en: `${what.en} ${code}` };
}

/** describeResponseCode('24').vi → "Giao dịch không thành công do: Khách hàng hủy giao dịch". */
export function describeResponseCode(code: string): CodeMessage {
  return describe(RESPONSE_CODES, code, { vi: 'Giao dịch không thành công, mã lỗi', en: 'Transaction failed, error code' });
}

export function describeTransactionStatus(code: string): CodeMessage {
  return describe(TRANSACTION_STATUSES, code, { vi: 'Trạng thái giao dịch không xác định, mã', en: 'Unknown transaction status, code' });
}

export function describeApiResponseCode(code: string): CodeMessage {
  return describe(API_RESPONSE_CODES, code, { vi: 'Lỗi không xác định, mã', en: 'Unknown error, code' });
}
