/**
 * Browser side of the result page (/thanh-toan/ket-qua/?ma=<paymentId> | ?loi=chu-ky). The
 * outcome comes from OUR records: GET /api/payments/{id}, polled every 2 s for up to a minute
 * while the attempt is pending (the IPN may reach us after the browser does), then stopped.
 */
import type { PaymentStatus, PaymentView } from '@portal/shared/payments/payments';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError, getPayment } from './api';
import { pagePath, type Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { recallPayment } from './payment-memory';
import { receiptPdfPath, receiptReady } from './receipts';
import { isPaymentId, vietnamDateTime } from './payments-format';

const POLL_EVERY_MS = 2_000;
const POLL_FOR_MS = 60_000;
/** The receipt usually exists a second or two after the IPN; give up quietly after ~30 s. */
const RECEIPT_EVERY_MS = 2_500;
const RECEIPT_TRIES = 12;

type Tone = 'success' | 'error' | 'warning' | 'info' | 'pending';

interface StateText {
  title: string;
  text: string;
}

const TEXT = {
  vi: {
    pending: { title: 'Đang chờ xác nhận từ ngân hàng…', text: 'Vui lòng không đóng trang và không thanh toán lại. Trang sẽ tự cập nhật khi ngân hàng xác nhận.' },
    paid: { title: 'Thanh toán thành công', text: 'Bệnh viện đã nhận được khoản thanh toán của bạn. Bạn không cần làm gì thêm.' },
    feePaid: { title: 'Thanh toán thành công', text: 'Sở Y tế đã nhận được lệ phí của hồ sơ. Hồ sơ sẽ được chuyển đến bộ phận tiếp nhận.' },
    failed: { title: 'Thanh toán không thành công', text: 'Hóa đơn chưa được thanh toán. Bạn có thể thử lại, chọn cách thanh toán khác hoặc thanh toán tại quầy thu ngân của bệnh viện.' },
    expired: { title: 'Phiên thanh toán đã hết hạn', text: 'Giao dịch không được hoàn tất trong thời gian cho phép (15 phút). Hóa đơn chưa được thanh toán; bạn có thể thanh toán lại.' },
    held: { title: 'Giao dịch đang được ngân hàng xem xét', text: 'Ngân hàng đã trừ tiền nhưng đang xem xét giao dịch. Vui lòng không thanh toán lại; nếu cần, liên hệ quầy thu ngân của bệnh viện và cung cấp mã giao dịch bên dưới.' },
    refunded: { title: 'Khoản thanh toán đã được hoàn tiền', text: 'Bệnh viện đã hoàn lại toàn bộ khoản thanh toán này.' },
    partially_refunded: { title: 'Khoản thanh toán đã được hoàn tiền một phần', text: 'Bệnh viện đã hoàn lại một phần khoản thanh toán này.' },
    timeout: { title: 'Chưa nhận được xác nhận từ ngân hàng', text: 'Việc xác nhận có thể mất thêm vài phút. Vui lòng không thanh toán lại; bấm “Kiểm tra lại” sau ít phút. Nếu tài khoản đã bị trừ tiền, khoản thanh toán sẽ được ghi nhận khi ngân hàng xác nhận.' },
    badSignature: { title: 'Không xác thực được kết quả trả về', text: 'Không xác thực được kết quả trả về từ cổng thanh toán, nên cổng không hiển thị kết quả này. Vui lòng tra cứu lại hóa đơn để xem trạng thái thanh toán. Nếu tài khoản đã bị trừ tiền, đừng thanh toán lại mà liên hệ quầy thu ngân của bệnh viện.' },
    missing: { title: 'Không tìm thấy giao dịch', text: 'Địa chỉ trang không có mã giao dịch hợp lệ, hoặc giao dịch không tồn tại. Vui lòng tra cứu lại hóa đơn để xem trạng thái thanh toán.' },
    reasonPrefix: 'Lý do:',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    pending: { title: 'Waiting for the bank to confirm…', text: 'Please keep this page open and do not pay again. It updates by itself when the bank confirms.' },
    paid: { title: 'Payment successful', text: 'The hospital has received your payment. There is nothing more to do.' },
    feePaid: { title: 'Payment successful', text: 'The Department of Health has received the application fee. The application goes on to intake.' },
    failed: { title: 'Payment not successful', text: 'The bill has not been paid. You can try again, choose another way to pay, or pay at the hospital’s cashier desk.' },
    expired: { title: 'The payment session expired', text: 'The payment was not completed in the time allowed (15 minutes). The bill has not been paid; you can pay again.' },
    held: { title: 'The bank is reviewing this payment', text: 'The bank has taken the money but is reviewing the payment. Please do not pay again; if needed, contact the hospital’s cashier desk with the reference below.' },
    refunded: { title: 'This payment has been refunded', text: 'The hospital has refunded this payment in full.' },
    partially_refunded: { title: 'This payment has been partly refunded', text: 'The hospital has refunded part of this payment.' },
    timeout: { title: 'The bank has not confirmed yet', text: 'Confirmation can take a few more minutes. Please do not pay again; press “Check again” in a little while. If money has left your account, the payment will be recorded when the bank confirms.' },
    badSignature: { title: 'The payment gateway’s answer could not be verified', text: 'The result sent back by the payment gateway could not be verified, so the portal does not show it. Please look up the bill again to see whether it is paid. If money has left your account, do not pay again: contact the hospital’s cashier desk.' },
    missing: { title: 'Payment not found', text: 'The page address has no valid payment reference, or the payment does not exist. Please look up the bill again to see whether it is paid.' },
    reasonPrefix: 'Reason:',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const TONES: Record<PaymentStatus, Tone> = {
  pending: 'pending',
  paid: 'success',
  failed: 'error',
  expired: 'warning',
  held: 'warning',
  refunded: 'info',
  partially_refunded: 'info',
};

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`payment result: missing ${selector}`);
  return element;
}

export function initPaymentResult(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const params = new URLSearchParams(location.search);
  const paymentId = params.get('ma');
  const remembered = isPaymentId(paymentId) ? recallPayment(paymentId) : undefined;

  // VNPay always returns to the Vietnamese page; a payer who started in English goes back to English.
  if (remembered && remembered.lang !== lang) {
    location.replace(`${pagePath('paymentResult', remembered.lang)}${location.search}`);
    return;
  }
  carryToCounterpart(location.search);

  const live = required<HTMLElement>(root, '[data-live]');
  const loading = required<HTMLElement>(root, '[data-loading]');
  const panel = required<HTMLElement>(root, '[data-panel]');
  const panelTitle = required<HTMLElement>(panel, '[data-panel-title]');
  const panelText = required<HTMLElement>(panel, '[data-panel-text]');
  const panelReason = required<HTMLElement>(panel, '[data-panel-reason]');
  const spinner = required<HTMLElement>(panel, '[data-spinner]');
  const facts = required<HTMLElement>(panel, '[data-facts]');
  const receipt = required<HTMLElement>(panel, '[data-receipt]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-error-message]');
  const actions = required<HTMLElement>(root, '[data-actions]');
  const retryLink = required<HTMLAnchorElement>(actions, '[data-retry-link]');
  const checkAgain = required<HTMLButtonElement>(actions, '[data-check-again]');
  const lookupLink = required<HTMLAnchorElement>(actions, '[data-lookup-link]');
  const homeLink = required<HTMLAnchorElement>(actions, '[data-home-link]');
  const dossierLink = required<HTMLAnchorElement>(actions, '[data-dossier-link]');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced = '';

  // "Thử lại" goes back to the bill when this tab started the payment; otherwise to the lookup.
  if (remembered?.payLinkToken) retryLink.href = `${pagePath('bill', lang)}#${encodeURIComponent(remembered.payLinkToken)}`;

  function announce(text: string): void {
    if (text === lastAnnounced) return;
    lastAnnounced = text;
    live.textContent = text;
  }

  function showActions(which: { retry?: boolean; checkAgain?: boolean; lookup?: boolean; home?: boolean }): void {
    // For a dossier's fee "Xem hồ sơ" is the way to try again (its page has the pay button).
    retryLink.hidden = !which.retry || !dossierLink.hidden;
    checkAgain.hidden = !which.checkAgain;
    lookupLink.hidden = !which.lookup;
    homeLink.hidden = !which.home;
    actions.hidden = !(which.retry || which.checkAgain || which.lookup || which.home || !dossierLink.hidden);
  }

  function showPanel(state: StateText, tone: Tone): void {
    panel.className = `panel panel-${tone}`;
    panelTitle.textContent = state.title;
    panelText.textContent = state.text;
    spinner.hidden = tone !== 'pending';
    panelReason.hidden = true;
    facts.hidden = true;
    receipt.hidden = true;
    errorBox.hidden = true;
    loading.hidden = true;
    panel.hidden = false;
    announce(state.title);
  }

  function showFacts(p: PaymentView): void {
    const fact = (name: string, text: string | undefined) => {
      required<HTMLElement>(facts, `[data-fact="${name}"]`).hidden = !text;
      required<HTMLElement>(facts, `[data-slot="${name}"]`).textContent = text ?? '';
    };
    fact('amount', formatVnd(p.amountVnd));
    fact('hospital', p.hospitalName);
    fact('paidAt', p.paidAt ? vietnamDateTime(p.paidAt) : undefined);
    fact('createdAt', p.paidAt ? undefined : vietnamDateTime(p.createdAt));
    fact('paymentId', p.paymentId);
    facts.hidden = false;
  }

  /**
   * A paid payment's e-receipt: GET /api/payments/{id} carries `receiptNumber` once the receipts
   * job has issued it (seconds after the IPN), so ask a few times, then offer the download link.
   */
  let receiptChecks: ReturnType<typeof setTimeout> | undefined;
  function showReceipt(p: PaymentView): void {
    const waiting = required<HTMLElement>(receipt, '[data-receipt-waiting]');
    const later = required<HTMLElement>(receipt, '[data-receipt-later]');
    const ready = required<HTMLElement>(receipt, '[data-receipt-ready]');
    const link = required<HTMLAnchorElement>(receipt, '[data-receipt-link]');
    receipt.hidden = false;
    if (!ready.hidden || receiptChecks) return;
    waiting.hidden = false;
    later.hidden = true;
    let tries = 0;
    const check = async (): Promise<void> => {
      const issued = await receiptReady(p.paymentId, { lang });
      if (issued) {
        link.href = receiptPdfPath(p.paymentId);
        if (issued.number) {
          required<HTMLElement>(receipt, '[data-receipt-number]').textContent = issued.number;
          required<HTMLElement>(receipt, '[data-receipt-number]').dataset.receiptNumber = issued.number;
          const verify = required<HTMLAnchorElement>(receipt, '[data-receipt-verify]');
          verify.href = `${pagePath('receiptVerify', lang)}${encodeURIComponent(issued.number)}`;
          required<HTMLElement>(receipt, '[data-receipt-numbered]').hidden = false;
        }
        waiting.hidden = true;
        ready.hidden = false;
        receiptChecks = undefined;
        return;
      }
      if (++tries >= RECEIPT_TRIES) {
        waiting.hidden = true;
        later.hidden = false;
        receiptChecks = undefined;
        return;
      }
      receiptChecks = setTimeout(() => void check(), RECEIPT_EVERY_MS);
    };
    receiptChecks = setTimeout(() => void check(), 0);
  }

  function showPayment(p: PaymentView): void {
    const fee = (p.payable.kind as string) === 'fee';
    showPanel(fee && p.status === 'paid' ? t.feePaid : t[p.status], TONES[p.status]);
    // A dossier's fee: back to that dossier (its page shows the fee paid and what comes next), also to pay again.
    dossierLink.hidden = !fee;
    if (fee) dossierLink.href = `${pagePath('dossierDetail', lang)}#${encodeURIComponent(p.payable.id)}`;
    showFacts(p);
    if (p.reason && (p.status === 'failed' || p.status === 'held')) {
      panelReason.textContent = `${t.reasonPrefix} ${p.reason[lang]}`;
      panelReason.hidden = false;
    }
    if (p.status === 'paid' || p.status === 'partially_refunded') showReceipt(p);
    if (p.status === 'pending') showActions({});
    else if (p.status === 'failed' || p.status === 'expired') showActions({ retry: true, home: true });
    else showActions({ home: true });
  }

  function showProblem(state: StateText): void {
    showPanel(state, 'warning');
    showActions({ lookup: true, home: true });
  }

  async function poll(deadline: number): Promise<void> {
    clearTimeout(timer);
    try {
      const payment = await getPayment(paymentId!, { lang });
      showPayment(payment);
      if (payment.status !== 'pending') return;
      if (Date.now() >= deadline) {
        showPanel(t.timeout, 'warning');
        showFacts(payment);
        showActions({ checkAgain: true, home: true });
        return;
      }
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'not_found' || error.status === 400)) {
        showProblem(t.missing);
        return;
      }
      // A dropped connection while waiting: keep trying until the minute is up, then say so.
      if (Date.now() >= deadline || panel.hidden) {
        loading.hidden = true;
        errorMessage.textContent = error instanceof ApiError ? error.title : t.fallback;
        errorBox.hidden = false;
        showActions({ checkAgain: true, home: true });
        return;
      }
    }
    timer = setTimeout(() => void poll(deadline), POLL_EVERY_MS);
  }

  function start(): void {
    loading.hidden = false;
    errorBox.hidden = true;
    checkAgain.disabled = false;
    void poll(Date.now() + POLL_FOR_MS);
  }

  checkAgain.addEventListener('click', () => {
    checkAgain.disabled = true;
    lastAnnounced = '';
    start();
  });

  if (params.get('loi') === 'chu-ky') showProblem(t.badSignature);
  else if (!isPaymentId(paymentId)) showProblem(t.missing);
  else start();
}
