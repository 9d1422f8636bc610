/**
 * The double's pages: plain HTML in Vietnamese, labelled form fields, no script and no inline style
 * (the portal's CSP, `script-src 'self'; style-src 'self'`, applies here too, so the look comes from
 * one stylesheet under /sandbox/vnpay/assets/). Every page carries machine-readable hooks
 * (`data-error`, `data-step`) so tests and e2e runs need not match on wording.
 */
import { formatVnd } from '@portal/shared/vietnamese';
import { vnpayDateTime } from '@portal/shared/vnpay/index';
import { DOMESTIC_BANKS, maskCard } from './cards';
import type { PageErrorCode } from './pay-request';
import type { Txn } from './state';

export const VNPAY_CSS_PATH = '/sandbox/vnpay/assets/vnpay.css';
export const FORM_PATHS = {
  qr: '/sandbox/vnpay/paymentv2/qr',
  domestic: '/sandbox/vnpay/paymentv2/domestic',
  international: '/sandbox/vnpay/paymentv2/international',
  otp: '/sandbox/vnpay/paymentv2/otp',
  cancel: '/sandbox/vnpay/paymentv2/cancel',
} as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "20250101104500" → "10:45:00 ngày 01/01/2025" (the text is already Vietnam time). */
function vietnamTimeText(instant: Date): string {
  const t = vnpayDateTime(instant);
  return `${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)} ngày ${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)}`;
}

function layout(title: string, body: string, attrs = ''): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — VNPAY (thử nghiệm cục bộ)</title>
<link rel="stylesheet" href="${VNPAY_CSS_PATH}">
</head>
<body>
<header class="brand"><p><span class="logo">VNPAY</span> Cổng thanh toán <span class="tag">môi trường thử nghiệm cục bộ</span></p></header>
<main id="main"${attrs}>
${body}
</main>
</body>
</html>`;
}

const MESSAGES: Record<PageErrorCode, { title: string; text: string }> = {
  '97': { title: 'Sai chữ ký', text: 'Dữ liệu giao dịch không hợp lệ: chữ ký (vnp_SecureHash) không đúng.' },
  '11': { title: 'Giao dịch đã quá thời gian chờ thanh toán', text: 'Quý khách vui lòng quay lại trang của đơn vị và thực hiện lại giao dịch.' },
  '02': { title: 'Merchant không hợp lệ', text: 'Mã website (vnp_TmnCode) không đúng.' },
  '03': { title: 'Dữ liệu gửi sang không đúng định dạng', text: 'Yêu cầu thanh toán thiếu hoặc sai tham số.' },
  '01': { title: 'Giao dịch đã tồn tại', text: 'Mã giao dịch (vnp_TxnRef) này đã được dùng cho một giao dịch khác hoặc đã kết thúc.' },
  '99': { title: 'Phiên thanh toán không tồn tại', text: 'Phiên đã kết thúc hoặc không hợp lệ. Quý khách vui lòng thực hiện lại giao dịch.' },
};

/** VNPay answers a bad request with HTTP 200 and an error page; the code is on the page. */
export function errorPage(code: PageErrorCode): string {
  const m = MESSAGES[code];
  return layout(m.title, `<h1>Thông báo</h1>
<div class="error-box" role="alert">
<p class="error">${escape(m.title)}</p>
<p>${escape(m.text)}</p>
<p>Mã lỗi: <strong class="code">${code}</strong></p>
</div>`, ` class="error-page" data-error="${code}"`);
}

function orderSummary(txn: Txn, merchantName: string, now: Date): string {
  const minutesLeft = Math.max(0, Math.ceil((txn.expiresAt.getTime() - now.getTime()) / 60_000));
  return `<dl class="order">
<dt>Đơn vị chấp nhận thanh toán</dt><dd>${escape(merchantName)} (mã website ${escape(txn.request.vnp_TmnCode ?? '')})</dd>
<dt>Số tiền</dt><dd class="amount" data-amount="${txn.amountVnd}">${escape(formatVnd(txn.amountVnd))}</dd>
<dt>Nội dung thanh toán</dt><dd>${escape(txn.request.vnp_OrderInfo ?? '')}</dd>
<dt>Mã giao dịch</dt><dd>${escape(txn.txnRef)}</dd>
</dl>
<p class="expiry">Giao dịch hết hạn lúc <time datetime="${txn.expiresAt.toISOString()}">${vietnamTimeText(txn.expiresAt)}</time> (giờ Việt Nam), còn khoảng ${minutesLeft} phút.</p>`;
}

const session = (txn: Txn) => `<input type="hidden" name="session" value="${escape(txn.session)}">`;

function cancelForm(txn: Txn): string {
  return `<form method="post" action="${FORM_PATHS.cancel}" class="cancel">${session(txn)}<button type="submit" class="secondary">Hủy giao dịch</button></form>`;
}

function field(id: string, label: string, attrs: string, hint?: string): string {
  const hintHtml = hint ? `<p class="hint" id="${id}-hint">${escape(hint)}</p>` : '';
  return `<label for="${id}">${escape(label)}</label>${hintHtml}<input id="${id}" ${attrs}${hint ? ` aria-describedby="${id}-hint"` : ''} required>`;
}

export interface MethodErrors {
  domestic?: string;
  international?: string;
}

/** Which methods to offer: a vnp_BankCode in the request preselects one, as on VNPay (§1.4). */
function offered(preset: string | undefined): { qr: boolean; domestic: boolean; international: boolean } {
  if (preset === 'VNPAYQR') return { qr: true, domestic: false, international: false };
  if (preset === 'INTCARD') return { qr: false, domestic: false, international: true };
  // VNBANK (any domestic card) is one of DOMESTIC_BANKS; a bank the double does not know shows everything.
  if (preset && DOMESTIC_BANKS.some((b) => b.code === preset)) return { qr: false, domestic: true, international: false };
  return { qr: true, domestic: true, international: true };
}

export function paymentPage(txn: Txn, merchantName: string, now: Date, errors: MethodErrors = {}): string {
  const preset = txn.request.vnp_BankCode;
  const show = offered(preset);
  const alert = (text: string | undefined, id: string) => (text ? `<p class="error" role="alert" id="${id}">${escape(text)}</p>` : '');
  const banks = DOMESTIC_BANKS.map((b) => `<option value="${b.code}"${b.code === preset ? ' selected' : ''}>${escape(b.name)}</option>`).join('');
  const qr = show.qr ? `<section aria-labelledby="qr-title" class="method">
<h2 id="qr-title">Quét mã VNPAY-QR</h2>
<div class="qr" role="img" aria-label="Mã QR thanh toán (mô phỏng)"><span>VNPAY QR</span></div>
<p>Quét mã bằng ứng dụng ngân hàng</p>
<form method="post" action="${FORM_PATHS.qr}">${session(txn)}<button type="submit">Mô phỏng quét QR thành công</button></form>
</section>` : '';
  const domestic = show.domestic ? `<section aria-labelledby="domestic-title" class="method">
<h2 id="domestic-title">Thẻ nội địa và tài khoản ngân hàng</h2>
${alert(errors.domestic, 'domestic-error')}
<form method="post" action="${FORM_PATHS.domestic}">${session(txn)}
<label for="bank">Ngân hàng</label><select id="bank" name="bank" required>${banks}</select>
${field('card-number', 'Số thẻ', 'name="cardNumber" inputmode="numeric" autocomplete="cc-number"')}
${field('card-holder', 'Tên chủ thẻ (không dấu)', 'name="cardHolder" autocomplete="cc-name"')}
${field('issue-date', 'Ngày phát hành', 'name="issueDate" placeholder="MM/YY" inputmode="numeric"', 'Tháng/năm in trên thẻ, ví dụ 07/15.')}
<button type="submit">Tiếp tục</button>
</form>
</section>` : '';
  const international = show.international ? `<section aria-labelledby="intl-title" class="method">
<h2 id="intl-title">Thẻ thanh toán quốc tế</h2>
${alert(errors.international, 'international-error')}
<form method="post" action="${FORM_PATHS.international}">${session(txn)}
${field('intl-number', 'Số thẻ', 'name="cardNumber" inputmode="numeric" autocomplete="cc-number"')}
${field('intl-holder', 'Tên in trên thẻ', 'name="cardHolder" autocomplete="cc-name"')}
${field('intl-expiry', 'Ngày hết hạn', 'name="expiry" placeholder="MM/YY" inputmode="numeric" autocomplete="cc-exp"', 'Tháng/năm, ví dụ 12/28.')}
${field('intl-cvc', 'Mã bảo mật (CVC/CVV)', 'name="cvc" inputmode="numeric" autocomplete="cc-csc"')}
<button type="submit">Thanh toán</button>
</form>
</section>` : '';
  return layout('Thanh toán', `<h1>Thanh toán đơn hàng</h1>
${orderSummary(txn, merchantName, now)}
<h2 class="choose">Chọn phương thức thanh toán</h2>
${qr}${domestic}${international}
${cancelForm(txn)}
<details class="note"><summary>Thẻ thử nghiệm</summary>
<p>NCB 9704198526191432198, NGUYEN VAN A, ngày phát hành 07/15, OTP 123456: thành công. NCB 9704195798459170488: không đủ số dư (51). Thẻ quốc tế VISA 4456530000001005, tên NGUYEN VAN A, CVC 123: thành công.</p>
</details>`, ' data-step="choose"');
}

export function otpPage(txn: Txn, merchantName: string, now: Date): string {
  const card = txn.otp ? maskCard(txn.otp.cardNumber) : '';
  const what = txn.otp?.method === 'international' ? 'Xác thực 3-D Secure' : 'Xác thực OTP';
  return layout(what, `<h1>${what}</h1>
${orderSummary(txn, merchantName, now)}
<p>Mã OTP đã được gửi tới số điện thoại đăng ký của thẻ ${escape(card)}.</p>
<form method="post" action="${FORM_PATHS.otp}">${session(txn)}
${field('otp', 'Mã OTP', 'name="otp" autocomplete="one-time-code"', 'Môi trường thử nghiệm: 123456 (nhóm thẻ NAPAS: otp).')}
<button type="submit">Xác nhận</button>
</form>
${cancelForm(txn)}`, ' data-step="otp"');
}

export const VNPAY_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;margin:0;color:#0b0c0c;background:#f3f6fa}
.brand{background:#005baa;color:#fff;padding:.75rem 1.5rem}.brand p{margin:0;max-width:44rem;margin:0 auto}
.logo{font-weight:800;letter-spacing:.05em;color:#fff;background:#ed1c24;padding:0 .4rem;margin-right:.5rem}
.tag{font-size:.875rem;background:#fff7bf;color:#0b0c0c;padding:0 .4rem;margin-left:.5rem}
main{max-width:44rem;margin:0 auto;padding:1.5rem;background:#fff}
h1{font-size:1.75rem;margin:0 0 1rem}h2{font-size:1.375rem;margin:1.5rem 0 .5rem}
.order{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.25rem 1rem;margin:0}.order dt{font-weight:700}.order dd{margin:0;min-width:0;overflow-wrap:anywhere}
@media (max-width:30rem){.order{grid-template-columns:minmax(0,1fr);gap:0}.order dd{margin-bottom:.5rem}}
.amount{font-size:1.5rem;font-weight:800;color:#005baa}
.expiry{background:#eef5fc;border-left:6px solid #005baa;padding:.5rem 1rem}
.method{border:2px solid #b1b4b6;padding:0 1rem 1rem;margin-top:1rem}
.qr{width:10rem;height:10rem;border:8px solid #0b0c0c;display:flex;align-items:center;justify-content:center;background:repeating-linear-gradient(45deg,#0b0c0c 0 6px,#fff 6px 12px)}
.qr span{background:#fff;padding:.25rem .5rem;font-weight:800}
label{display:block;font-weight:700;margin:1rem 0 .25rem}.hint{margin:0 0 .25rem;color:#505a5f}
input,select,button{font:inherit;min-height:44px;width:100%;box-sizing:border-box}
input,select{border:2px solid #0b0c0c;padding:.25rem .5rem}
button{margin-top:1rem;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;cursor:pointer}
button.secondary{background:#f3f2f1;color:#0b0c0c;border:2px solid #0b0c0c}
.error{color:#b10e1e;font-weight:700}.error-box{border:4px solid #b10e1e;padding:0 1rem}
.note{background:#fff7bf;border-left:6px solid #b58800;padding:.75rem 1rem;margin-top:1.5rem}
:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}`;
