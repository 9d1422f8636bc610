/**
 * Browser side of the receipt verification page (/tra-cuu/bien-lai/<number>, /en/verify/receipt/<number>):
 * the static site builds one page per language; the number comes from the address.
 */
import type { ReceiptStatus, ReceiptVerification } from '@portal/shared/receipts/receipt';
import { formatVnd } from '@portal/shared/vietnamese';
import { type Lang } from './i18n';
import { carryToCounterpart } from './lang-switch';
import { vietnamDateTime } from './payments-format';
import { receiptNumberFrom, verifyReceipt } from './receipts';
import { verifyPanel } from './verify-panel';

const TEXT = {
  vi: {
    valid: { title: 'Biên lai hợp lệ', text: 'Biên nhận này do cổng dịch vụ y tế lập và khớp với khoản thanh toán đã ghi nhận.' },
    refunded: { title: 'Biên lai đã được hoàn tiền', text: 'Khoản thanh toán của biên nhận này đã được hoàn lại toàn bộ.' },
    partially_refunded: { title: 'Biên lai hợp lệ, đã hoàn tiền một phần', text: 'Khoản thanh toán của biên nhận này đã được hoàn lại một phần.' },
    notFound: { title: 'Không tìm thấy biên lai', text: 'Không có biên nhận nào mang số này. Vui lòng kiểm tra lại số biên nhận in trên chứng từ.' },
    noNumber: { title: 'Không tìm thấy biên lai', text: 'Địa chỉ không có số biên nhận hợp lệ (ví dụ HD-2026-000001).' },
    kind: { hoa_don: 'Hóa đơn', bien_lai: 'Biên lai' },
    fallback: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
  en: {
    valid: { title: 'Valid receipt', text: 'The health services portal issued this receipt and it matches a recorded payment.' },
    refunded: { title: 'This receipt’s payment was refunded', text: 'The payment on this receipt has been refunded in full.' },
    partially_refunded: { title: 'Valid receipt, partly refunded', text: 'Part of the payment on this receipt has been refunded.' },
    notFound: { title: 'Receipt not found', text: 'No receipt has this number. Please check the number printed on the receipt.' },
    noNumber: { title: 'Receipt not found', text: 'The address has no valid receipt number (for example HD-2026-000001).' },
    kind: { hoa_don: 'Invoice', bien_lai: 'Receipt' },
    fallback: 'Something went wrong. Please try again.',
  },
} as const;

const TONES: Record<ReceiptStatus, string> = { valid: 'success', refunded: 'warning', partially_refunded: 'info' };

export function initReceiptVerify(root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const { loading, facts, show, slot, failed } = verifyPanel(root, 'receipt verification', { focusOnShow: true });

  function showReceipt(r: ReceiptVerification): void {
    show(t[r.status], TONES[r.status]);
    slot('number', r.number);
    slot('kind', t.kind[r.kind]);
    slot('issuer', r.issuerName);
    slot('amount', formatVnd(r.amountVnd));
    slot('paidAt', vietnamDateTime(r.paidAt));
    slot('method', [r.paymentMethod.provider, r.paymentMethod.bankCode].filter(Boolean).join(' · '));
    slot('billCode', r.billCode);
    facts.hidden = false;
  }

  const prefix = root.dataset.prefix ?? '/tra-cuu/bien-lai/';
  const number = receiptNumberFrom(location.pathname, location.search, prefix);
  if (!number) {
    show(t.noNumber, 'warning');
    return;
  }
  carryToCounterpart(number);
  loading.hidden = false;
  verifyReceipt(number, { lang })
    .then(showReceipt)
    .catch((error: unknown) => failed(error, t.notFound, t.fallback));
}
