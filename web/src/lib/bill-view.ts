/**
 * Browser side of components/BillPanel.astro, shared by the lookup page and the pay-link page:
 * fills in a BillView, runs the "Thanh toán qua VNPay" button (POST /api/payments, then off to
 * VNPay) and the shareable pay link with its copy button.
 */
import type { BillView } from '@portal/shared/payments/bills';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError, getBillByPayLink, startPayment } from './api';
import type { Lang } from './i18n';
import { BILL_STATUS_LABELS, lineAmount, payLinkUrl, vietnamDateTime } from './payments-format';
import { leaveForPayment } from './payment-memory';

const TEXT = {
  vi: {
    busy: 'Đang chuyển đến cổng thanh toán VNPay…',
    leaving: 'Đang mở cổng thanh toán VNPay…',
    paidTitle: 'Hóa đơn đã được thanh toán',
    paidText: 'Hóa đơn này đã được thanh toán đầy đủ. Bạn không cần thanh toán lại.',
    partlyRefundedText: 'Hóa đơn này đã được thanh toán; bệnh viện đã hoàn lại một phần số tiền.',
    refundedText: 'Hóa đơn này đã được thanh toán và bệnh viện đã hoàn lại tiền.',
    nothingTitle: 'Không có khoản nào cần thanh toán',
    nothingText: 'Số tiền còn phải trả của hóa đơn này là 0 ₫.',
    heldTitle: 'Giao dịch đang được ngân hàng xem xét',
    heldText: 'Một giao dịch thanh toán hóa đơn này đang được ngân hàng xem xét. Vui lòng không thanh toán lại; liên hệ quầy thu ngân của bệnh viện nếu cần.',
    copied: 'Đã sao chép liên kết thanh toán.',
    copyFailed: 'Không sao chép tự động được. Liên kết đã được chọn sẵn: hãy sao chép bằng tay (nhấn giữ hoặc Ctrl+C).',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
    shareTitle: 'Thanh toán viện phí',
  },
  en: {
    busy: 'Taking you to the VNPay payment gateway…',
    leaving: 'Opening the VNPay payment gateway…',
    paidTitle: 'This bill has been paid',
    paidText: 'This bill has been paid in full. You do not need to pay it again.',
    partlyRefundedText: 'This bill has been paid; the hospital has refunded part of the amount.',
    refundedText: 'This bill has been paid and the hospital has refunded it.',
    nothingTitle: 'There is nothing to pay',
    nothingText: 'The amount left to pay on this bill is 0 ₫.',
    heldTitle: 'A payment is being reviewed by the bank',
    heldText: 'A payment of this bill is being reviewed by the bank. Please do not pay again; ask the hospital’s cashier desk if you need help.',
    copied: 'The payment link has been copied.',
    copyFailed: 'The link could not be copied automatically. It is selected: copy it by hand (long-press or Ctrl+C).',
    fallback: 'Something went wrong. Please try again.',
    shareTitle: 'Pay a hospital bill',
  },
} as const;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`bill view: missing ${selector}`);
  return element;
}

export interface BillPanel {
  /** Render a bill; `focus` moves keyboard and screen-reader focus to its heading. */
  show(bill: BillView, options?: { focus?: boolean }): void;
  hide(): void;
}

export function initBillPanel(root: HTMLElement, lang: Lang): BillPanel {
  const t = TEXT[lang];
  const heading = required<HTMLElement>(root, '[data-bill-heading]');
  const items = required<HTMLTableSectionElement>(root, '[data-items]');
  const template = required<HTMLTemplateElement>(root, 'template[data-item-template]');
  const settled = required<HTMLElement>(root, '[data-settled]');
  const settledTitle = required<HTMLElement>(settled, '[data-settled-title]');
  const settledText = required<HTMLElement>(settled, '[data-settled-text]');
  const paySection = required<HTMLElement>(root, '[data-pay-section]');
  const payButton = required<HTMLButtonElement>(paySection, '[data-pay]');
  const payStatus = required<HTMLElement>(paySection, '[data-pay-status]');
  const payError = required<HTMLElement>(paySection, '[data-pay-error]');
  const payErrorMessage = required<HTMLElement>(payError, '[data-pay-error-message]');
  const share = required<HTMLDetailsElement>(root, '[data-share]');
  const payLink = required<HTMLInputElement>(share, '[data-pay-link]');
  const copyButton = required<HTMLButtonElement>(share, '[data-copy]');
  const nativeShare = required<HTMLButtonElement>(share, '[data-native-share]');
  const copyStatus = required<HTMLElement>(share, '[data-copy-status]');
  const payLabel = payButton.textContent ?? '';
  let current: BillView | null = null;

  const slot = (name: string, text: string) => {
    required<HTMLElement>(root, `[data-slot="${name}"]`).textContent = text;
  };

  function row(item: BillView['items'][number]): HTMLTableRowElement {
    const tr = (template.content.firstElementChild as HTMLTableRowElement).cloneNode(true) as HTMLTableRowElement;
    const cell = (name: string, text: string) => {
      required<HTMLElement>(tr, `[data-cell="${name}"]`).textContent = text;
    };
    cell('name', item.name);
    cell('quantity', String(item.quantity));
    cell('unitPrice', formatVnd(item.unitPrice));
    cell('insuranceCovered', formatVnd(item.insuranceCovered));
    cell('amount', formatVnd(lineAmount(item)));
    return tr;
  }

  function setBusy(busy: boolean): void {
    payButton.disabled = busy;
    if (busy) payButton.setAttribute('aria-busy', 'true');
    else payButton.removeAttribute('aria-busy');
    payButton.textContent = busy ? t.busy : payLabel;
  }

  /** Paid (or refunded, or nothing left to pay): say so, and offer no button. */
  function showSettled(title: string, text: string, tone: 'success' | 'info' | 'warning'): void {
    paySection.hidden = true;
    share.hidden = true;
    settled.classList.toggle('panel-success', tone === 'success');
    settled.classList.toggle('panel-info', tone === 'info');
    settled.classList.toggle('panel-warning', tone === 'warning');
    settledTitle.textContent = title;
    settledText.textContent = text;
    settled.hidden = false;
  }

  function render(bill: BillView): void {
    current = bill;
    slot('billCode', bill.billCode);
    slot('billCodeFact', bill.billCode);
    slot('hospitalName', bill.hospitalName);
    slot('patientInitials', bill.patientInitials);
    slot('createdAt', vietnamDateTime(bill.createdAt));
    slot('status', BILL_STATUS_LABELS[bill.status][lang]);
    required<HTMLElement>(root, '[data-slot="status"]').dataset.status = bill.status;
    slot('total', formatVnd(bill.amountDue));
    slot('amountDue', formatVnd(bill.amountDue));
    items.replaceChildren(...bill.items.map(row));
    payError.hidden = true;
    payStatus.textContent = '';
    copyStatus.textContent = '';
    setBusy(false);
    settled.hidden = true;

    if (bill.status === 'paid') showSettled(t.paidTitle, t.paidText, 'success');
    else if (bill.status === 'partially_refunded') showSettled(t.paidTitle, t.partlyRefundedText, 'success');
    else if (bill.status === 'refunded') showSettled(t.paidTitle, t.refundedText, 'info');
    else if (bill.amountDue === 0) showSettled(t.nothingTitle, t.nothingText, 'info');
    else {
      paySection.hidden = false;
      payLink.value = payLinkUrl(location.origin, bill.payLinkToken, lang);
      share.hidden = false;
      nativeShare.hidden = typeof navigator.share !== 'function';
    }
    root.hidden = false;
  }

  function showPayError(message: string): void {
    payErrorMessage.textContent = message;
    payError.hidden = false;
    payError.focus();
  }

  async function pay(): Promise<void> {
    const bill = current;
    if (!bill || payButton.disabled) return;
    payError.hidden = true;
    setBusy(true);
    payStatus.textContent = t.busy;
    try {
      const opened = await startPayment(bill.payLinkToken, { lang });
      payStatus.textContent = t.leaving;
      leaveForPayment(opened, { payLinkToken: bill.payLinkToken, lang });
      // The button stays busy while the browser leaves; `pageshow` resets it if the payer comes back.
    } catch (error) {
      setBusy(false);
      payStatus.textContent = '';
      if (error instanceof ApiError && error.code === 'already_paid') {
        // Paid meanwhile (another tab, a relative), or a payment the bank is reviewing: read the
        // bill again and show what our records say; never offer a second payment.
        const fresh = await getBillByPayLink(bill.payLinkToken, { lang }).catch(() => ({ ...bill, status: 'paid' as const }));
        render(fresh);
        if (fresh.status === 'unpaid') showSettled(t.heldTitle, t.heldText, 'warning');
        settled.focus();
        return;
      }
      if (error instanceof ApiError && error.code === 'nothing_to_pay') {
        showSettled(t.nothingTitle, t.nothingText, 'info');
        settled.focus();
        return;
      }
      showPayError(error instanceof ApiError ? error.title : t.fallback);
    }
  }

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(payLink.value);
      copyStatus.textContent = t.copied;
    } catch {
      payLink.focus();
      payLink.select();
      copyStatus.textContent = t.copyFailed;
    }
  }

  payButton.addEventListener('click', () => void pay());
  copyButton.addEventListener('click', () => void copy());
  payLink.addEventListener('focus', () => payLink.select());
  nativeShare.addEventListener('click', () => {
    navigator.share({ title: t.shareTitle, url: payLink.value }).catch(() => undefined);
  });
  // Back from VNPay through the back/forward cache: the page is restored as it was left (busy).
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      setBusy(false);
      payStatus.textContent = '';
    }
  });

  return {
    show(bill, options = {}) {
      render(bill);
      if (options.focus) heading.focus();
    },
    hide() {
      current = null;
      root.hidden = true;
    },
  };
}
