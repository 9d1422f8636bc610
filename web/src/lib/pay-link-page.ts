/**
 * Browser side of the pay-link page (/thanh-toan/hoa-don/#<token>): read the token from the
 * fragment, GET /api/bills/pay-link/{token}, show the bill with its pay button. A token that
 * cannot be one, or that the API does not know, gets the same message (no hint why).
 */
import { ApiError, getBillByPayLink } from './api';
import { initBillPanel } from './bill-view';
import type { Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { payLinkTokenFromHash } from './payments-format';

const TEXT = {
  vi: {
    loaded: 'Đã tải hóa đơn.',
    invalid: 'Liên kết thanh toán không đúng hoặc không còn hiệu lực. Vui lòng kiểm tra lại liên kết (sao chép đầy đủ, kể cả phần sau dấu #), hoặc tra cứu hóa đơn bằng mã trên phiếu thu.',
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    loaded: 'The bill has loaded.',
    invalid: 'This payment link is wrong or no longer valid. Check the link (copy all of it, including the part after #), or look up the bill with the codes on the receipt.',
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`pay link: missing ${selector}`);
  return element;
}

export function initPayLinkPage(root: HTMLElement, billRoot: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const status = required<HTMLElement>(root, '[data-status]');
  const loading = required<HTMLElement>(root, '[data-loading]');
  const errorBox = required<HTMLElement>(root, '[data-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-error-message]');
  const retry = required<HTMLButtonElement>(errorBox, '[data-retry]');
  const billPanel = initBillPanel(billRoot, lang);
  let controller: AbortController | undefined;

  function showError(message: string, canRetry: boolean): void {
    billPanel.hide();
    loading.hidden = true;
    errorMessage.textContent = message;
    retry.hidden = !canRetry;
    errorBox.hidden = false;
  }

  async function load(): Promise<void> {
    controller?.abort();
    const token = payLinkTokenFromHash(location.hash);
    carryToCounterpart(token ? `#${encodeURIComponent(token)}` : '');
    errorBox.hidden = true;
    status.textContent = '';
    if (!token) {
      showError(t.invalid, false);
      return;
    }
    controller = new AbortController();
    loading.hidden = false;
    retry.disabled = true;
    try {
      const bill = await getBillByPayLink(token, { lang, signal: controller.signal });
      billPanel.show(bill);
      status.textContent = t.loaded;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof ApiError && (error.code === 'not_found' || error.status === 400)) showError(t.invalid, false);
      else showError(error instanceof ApiError ? error.title : t.fallback, true);
    } finally {
      loading.hidden = true;
      retry.disabled = false;
    }
  }

  retry.addEventListener('click', () => {
    void load().then(() => {
      if (!errorBox.hidden) errorBox.focus();
    });
  });
  // Another link pasted into the same tab.
  window.addEventListener('hashchange', () => void load());

  void load();
}
