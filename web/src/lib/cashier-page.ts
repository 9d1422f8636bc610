/**
 * Browser side of the cashier desk (views/CashierDesk.astro): bills of a day or by code, the QR
 * dialog (pay link `/thanh-toan/hoa-don/#<token>`, printable), the day's payments and the refund
 * request dialog (POST /api/payments/{id}/refunds).
 */
import type { DeskBill, DeskPayment } from '@portal/shared/payments/desk';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError, listDeskBills, listDeskPayments, requestRefund } from './api';
import { pagePath, type Lang } from './i18n';
import { payLinkUrl } from './payments-format';
import { qrSvg } from './qr-svg';
import { billStatusLabel, checkRefundRequest, countText, displayDay, isDay, isDeskQuery, paymentStatusLabel, refundableAmount, vietnamTime, vietnamToday } from './staff-format';
import {
  cell, clearResult, columnLabels, errorText, initStaffGate, openDialog, required, setFieldError, showResult, wireDialogClose, type StaffSession,
} from './staff-page';

const TEXT = {
  vi: {
    loadingBills: 'Đang tải hóa đơn…',
    loadingPayments: 'Đang tải giao dịch…',
    billsOfDay: (day: string) => `Hóa đơn ngày ${day}`,
    billsFound: (q: string) => `Kết quả tìm kiếm “${q}”`,
    bills: { vi: 'hóa đơn', en: ['bill', 'bills'] as [string, string] },
    payments: { vi: 'giao dịch', en: ['payment', 'payments'] as [string, string] },
    paymentsOfDay: (day: string, status: string) => `Giao dịch ngày ${day}${status ? ` — ${status}` : ''}`,
    noBillsFound: (q: string) => `Không tìm thấy hóa đơn nào có mã hóa đơn hoặc mã bệnh nhân “${q}”.`,
    qr: 'Mã QR thanh toán',
    qrOf: (code: string) => `Mã QR thanh toán hóa đơn ${code}`,
    qrImage: (code: string) => `Mã QR dẫn đến trang thanh toán hóa đơn ${code}`,
    refund: 'Đề nghị hoàn tiền',
    refundOf: (code: string) => `Đề nghị hoàn tiền giao dịch ${code}`,
    refundFull: 'Đã hoàn hết',
    dayMissing: 'Chọn ngày cần xem',
    dayInvalid: 'Ngày phải là một ngày có thật, ví dụ 04/05/2026',
    qMissing: 'Nhập mã hóa đơn hoặc mã bệnh nhân',
    qInvalid: 'Mã chỉ gồm chữ cái không dấu, chữ số và dấu - . _ (tối đa 40 ký tự)',
    max: (amount: string) => `Tối đa ${amount}.`,
    sending: 'Đang gửi đề nghị…',
    sent: (amount: string, code: string) => `Đã gửi đề nghị hoàn ${amount} cho ${code}. Một nhân viên thu ngân khác cần phê duyệt trước khi VNPay hoàn tiền.`,
    approvals: 'Mở trang duyệt hoàn tiền',
    noReference: '—',
  },
  en: {
    loadingBills: 'Loading bills…',
    loadingPayments: 'Loading payments…',
    billsOfDay: (day: string) => `Bills of ${day}`,
    billsFound: (q: string) => `Search results for “${q}”`,
    bills: { vi: 'hóa đơn', en: ['bill', 'bills'] as [string, string] },
    payments: { vi: 'giao dịch', en: ['payment', 'payments'] as [string, string] },
    paymentsOfDay: (day: string, status: string) => `Payments of ${day}${status ? ` — ${status}` : ''}`,
    noBillsFound: (q: string) => `No bill has the bill code or patient code “${q}”.`,
    qr: 'Payment QR code',
    qrOf: (code: string) => `Payment QR code for bill ${code}`,
    qrImage: (code: string) => `QR code to the payment page of bill ${code}`,
    refund: 'Request a refund',
    refundOf: (code: string) => `Request a refund of payment ${code}`,
    refundFull: 'Fully refunded',
    dayMissing: 'Choose a day',
    dayInvalid: 'The day must be a real date, for example 04/05/2026',
    qMissing: 'Enter a bill code or a patient code',
    qInvalid: 'A code can only contain letters without accents, digits and - . _ (up to 40 characters)',
    max: (amount: string) => `At most ${amount}.`,
    sending: 'Sending the request…',
    sent: (amount: string, code: string) => `The request to refund ${amount} of ${code} has been sent. Another cashier must approve it before VNPay refunds the money.`,
    approvals: 'Open refund approvals',
    noReference: '—',
  },
} as const;

export function initCashierDesk(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initStaffGate(gate, root, lang).then((session) => {
    if (session) runDesk(root, lang, session);
  });
}

function runDesk(root: HTMLElement, lang: Lang, session: StaffSession): void {
  const t = TEXT[lang];
  const options = { lang, token: session.token };

  const dayForm = required<HTMLFormElement>(root, '[data-day-form]');
  const dayInput = required<HTMLInputElement>(dayForm, '[data-field="day"]');
  const searchForm = required<HTMLFormElement>(root, '[data-search-form]');
  const searchInput = required<HTMLInputElement>(searchForm, '[data-field="q"]');
  const clearSearch = required<HTMLButtonElement>(searchForm, '[data-clear-search]');
  const billsStatus = required<HTMLElement>(root, '[data-bills-status]');
  const billsError = required<HTMLElement>(root, '[data-bills-error]');
  const billsTable = required<HTMLTableElement>(root, '[data-bills-table]');
  const billsCaption = required<HTMLElement>(billsTable, '[data-bills-caption]');
  const billsBody = required<HTMLElement>(billsTable, '[data-bills-body]');
  const billCols = columnLabels(billsTable);

  const paymentsForm = required<HTMLFormElement>(root, '[data-payments-form]');
  const statusSelect = required<HTMLSelectElement>(paymentsForm, '[data-field="status"]');
  const paymentsResult = required<HTMLElement>(root, '[data-payments-result]');
  const paymentsStatus = required<HTMLElement>(root, '[data-payments-status]');
  const paymentsError = required<HTMLElement>(root, '[data-payments-error]');
  const paymentsTable = required<HTMLTableElement>(root, '[data-payments-table]');
  const paymentsCaption = required<HTMLElement>(paymentsTable, '[data-payments-caption]');
  const paymentsBody = required<HTMLElement>(paymentsTable, '[data-payments-body]');
  const paymentCols = columnLabels(paymentsTable);

  const qrDialog = required<HTMLDialogElement>(document, '[data-qr-dialog]');
  const refundDialog = required<HTMLDialogElement>(document, '[data-refund-dialog]');
  wireDialogClose(qrDialog);
  wireDialogClose(refundDialog);

  let day = vietnamToday();
  let searching: string | null = null;
  dayInput.value = day;
  dayInput.max = vietnamToday();

  const showError = (box: HTMLElement, error: unknown) => {
    box.replaceChildren();
    const p = document.createElement('p');
    p.textContent = errorText(error, lang);
    box.append(p);
    box.hidden = false;
  };

  /* ---- Bills ---- */

  let billsRequest: AbortController | null = null;
  async function loadBills(): Promise<void> {
    billsRequest?.abort();
    const controller = new AbortController();
    billsRequest = controller;
    billsStatus.textContent = t.loadingBills;
    billsError.hidden = true;
    try {
      const bills = await listDeskBills(session.hospitalId, searching ? { q: searching } : { day }, { ...options, signal: controller.signal });
      renderBills(bills);
      billsStatus.textContent = searching && bills.length === 0 ? t.noBillsFound(searching) : countText(bills.length, t.bills, lang);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      billsStatus.textContent = '';
      billsTable.hidden = true;
      showError(billsError, error);
    }
  }

  function renderBills(bills: DeskBill[]): void {
    billsCaption.textContent = searching ? t.billsFound(searching) : t.billsOfDay(displayDay(day));
    billsBody.replaceChildren(
      ...bills.map((bill) => {
        const row = document.createElement('tr');
        const status = cell('', billCols.status ?? '');
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.dataset.status = bill.status;
        tag.textContent = billStatusLabel(bill.status, lang);
        status.append(tag);
        const actions = cell('', billCols.actions ?? '', { className: 'cell-actions' });
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button-secondary button-small';
        button.textContent = t.qr;
        button.setAttribute('aria-label', t.qrOf(bill.billCode));
        button.addEventListener('click', () => showQr(bill, button));
        actions.append(button);
        row.append(
          cell(bill.billCode, billCols.billCode ?? '', { header: true, className: 'code' }),
          cell(bill.patientCode, billCols.patientCode ?? '', { className: 'code' }),
          cell(bill.patientName, billCols.patientName ?? ''),
          cell(formatVnd(bill.amountDue), billCols.amount ?? '', { className: 'num' }),
          status,
          cell(vietnamTime(bill.createdAt), billCols.time ?? ''),
          actions,
        );
        return row;
      }),
    );
    billsTable.hidden = bills.length === 0;
  }

  /* ---- QR dialog ---- */

  const qrCode = required<HTMLElement>(qrDialog, '[data-qr-code]');
  const qrBill = required<HTMLElement>(qrDialog, '[data-qr-bill]');
  const qrAmount = required<HTMLElement>(qrDialog, '[data-qr-amount]');
  const qrLink = required<HTMLElement>(qrDialog, '[data-qr-link]');
  const printButton = required<HTMLButtonElement>(qrDialog, '[data-print]');

  function showQr(bill: DeskBill, opener: HTMLElement): void {
    // The payer's page is Vietnamese first; it links to its English counterpart.
    const url = payLinkUrl(location.origin, bill.payLinkToken, 'vi');
    qrCode.replaceChildren(qrSvg(url, t.qrImage(bill.billCode)));
    qrBill.textContent = bill.billCode;
    qrAmount.textContent = formatVnd(bill.amountDue);
    qrLink.textContent = url;
    openDialog(qrDialog, opener, printButton);
  }

  // Printing shows only the QR, the bill code and the amount (site.css, html.printing-qr).
  printButton.addEventListener('click', () => window.print());
  window.addEventListener('beforeprint', () => document.documentElement.classList.toggle('printing-qr', qrDialog.open));
  window.addEventListener('afterprint', () => document.documentElement.classList.remove('printing-qr'));

  /* ---- Payments ---- */

  let paymentsRequest: AbortController | null = null;
  async function loadPayments(): Promise<void> {
    paymentsRequest?.abort();
    const controller = new AbortController();
    paymentsRequest = controller;
    paymentsStatus.textContent = t.loadingPayments;
    paymentsError.hidden = true;
    const status = statusSelect.value;
    try {
      const payments = await listDeskPayments(session.hospitalId, { day, ...(status ? { status } : {}) }, { ...options, signal: controller.signal });
      paymentsCaption.textContent = t.paymentsOfDay(displayDay(day), status ? paymentStatusLabel(status, lang) : '');
      renderPayments(payments);
      paymentsStatus.textContent = countText(payments.length, t.payments, lang);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      paymentsStatus.textContent = '';
      paymentsTable.hidden = true;
      showError(paymentsError, error);
    }
  }

  function renderPayments(payments: DeskPayment[]): void {
    paymentsBody.replaceChildren(
      ...payments.map((payment) => {
        const row = document.createElement('tr');
        const code = payment.reference ?? t.noReference;
        // Older attempts may carry no bill code: name the button by the payment ID then.
        const name = payment.reference ?? payment.paymentId;
        const status = cell('', paymentCols.status ?? '');
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.dataset.status = payment.status;
        tag.textContent = paymentStatusLabel(payment.status, lang);
        status.append(tag);
        const actions = cell('', paymentCols.actions ?? '', { className: 'cell-actions' });
        const available = refundableAmount(payment);
        if (available > 0) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'button button-secondary button-small';
          button.textContent = t.refund;
          button.setAttribute('aria-label', t.refundOf(name));
          button.addEventListener('click', () => openRefund(payment, button));
          actions.append(button);
        } else if (payment.status === 'refunded') {
          actions.textContent = t.refundFull;
        }
        row.append(
          cell(code, paymentCols.reference ?? '', { header: true, className: 'code' }),
          cell(formatVnd(payment.amountVnd), paymentCols.amount ?? '', { className: 'num' }),
          status,
          cell(vietnamTime(payment.createdAt), paymentCols.createdAt ?? ''),
          cell(vietnamTime(payment.paidAt), paymentCols.paidAt ?? ''),
          cell(payment.amountRefunded ? formatVnd(payment.amountRefunded) : '', paymentCols.refunded ?? '', { className: 'num' }),
          actions,
        );
        return row;
      }),
    );
    paymentsTable.hidden = payments.length === 0;
  }

  /* ---- Refund request dialog ---- */

  const refundForm = required<HTMLFormElement>(refundDialog, '[data-refund-form]');
  const refundHeading = required<HTMLElement>(refundDialog, '[data-refund-heading]');
  const refundError = required<HTMLElement>(refundDialog, '[data-refund-error]');
  const refundErrorMessage = required<HTMLElement>(refundError, '[data-refund-error-message]');
  const amountInput = required<HTMLInputElement>(refundForm, '[data-field="amount"]');
  const reasonInput = required<HTMLTextAreaElement>(refundForm, '[data-field="reason"]');
  const amountMax = required<HTMLElement>(refundForm, '[data-amount-max]');
  const refundSubmit = required<HTMLButtonElement>(refundForm, '[data-refund-submit]');
  const refundStatus = required<HTMLElement>(refundForm, '[data-refund-status]');
  const slot = (name: string) => required<HTMLElement>(refundForm, `[data-slot="${name}"]`);
  let refunding: { payment: DeskPayment; available: number } | null = null;

  function openRefund(payment: DeskPayment, opener: HTMLElement): void {
    const available = refundableAmount(payment);
    refunding = { payment, available };
    slot('reference').textContent = payment.reference ?? t.noReference;
    slot('paymentId').textContent = payment.paymentId;
    slot('paid').textContent = formatVnd(payment.amountVnd);
    slot('refunded').textContent = formatVnd(payment.amountRefunded ?? 0);
    slot('available').textContent = formatVnd(available);
    amountMax.textContent = t.max(formatVnd(available));
    amountInput.value = String(available);
    reasonInput.value = '';
    setFieldError(refundForm, 'amount', null);
    setFieldError(refundForm, 'reason', null);
    refundError.hidden = true;
    refundStatus.textContent = '';
    refundSubmit.disabled = false;
    openDialog(refundDialog, opener, refundHeading);
  }

  refundForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!refunding || refundSubmit.disabled) return;
    const { payment, available } = refunding;
    refundError.hidden = true;
    const checked = checkRefundRequest({ amount: amountInput.value, reason: reasonInput.value }, available, lang);
    setFieldError(refundForm, 'amount', null);
    setFieldError(refundForm, 'reason', null);
    if ('problems' in checked) {
      for (const problem of checked.problems) setFieldError(refundForm, problem.field, problem.message);
      (checked.problems[0]!.field === 'amount' ? amountInput : reasonInput).focus();
      return;
    }
    refundSubmit.disabled = true;
    refundSubmit.setAttribute('aria-busy', 'true');
    refundStatus.textContent = t.sending;
    requestRefund(payment.paymentId, checked.body, options)
      .then((refund) => {
        refundDialog.close();
        showResult(paymentsResult, 'success', t.sent(formatVnd(refund.amountVnd), payment.reference ?? payment.paymentId), {
          focus: true,
          link: { href: pagePath('refundApprovals', lang), text: t.approvals },
        });
      })
      .catch((error: unknown) => {
        refundStatus.textContent = '';
        refundErrorMessage.textContent = errorText(error, lang);
        refundError.hidden = false;
        refundError.focus();
        if (error instanceof ApiError && (error.code === 'refund_exceeds_available' || error.code === 'not_refundable')) void loadPayments();
      })
      .finally(() => {
        refundSubmit.disabled = false;
        refundSubmit.removeAttribute('aria-busy');
      });
  });

  /* ---- Filters ---- */

  dayForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = dayInput.value.trim();
    const problem = !value ? t.dayMissing : isDay(value) ? null : t.dayInvalid;
    setFieldError(dayForm, 'day', problem);
    if (problem) {
      dayInput.focus();
      return;
    }
    day = value;
    searching = null;
    searchInput.value = '';
    clearSearch.hidden = true;
    clearResult(paymentsResult);
    void loadBills();
    void loadPayments();
  });

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = searchInput.value.trim();
    const problem = !q ? t.qMissing : isDeskQuery(q) ? null : t.qInvalid;
    setFieldError(searchForm, 'q', problem);
    if (problem) {
      searchInput.focus();
      return;
    }
    searching = q;
    clearSearch.hidden = false;
    void loadBills();
  });

  clearSearch.addEventListener('click', () => {
    searching = null;
    searchInput.value = '';
    setFieldError(searchForm, 'q', null);
    clearSearch.hidden = true;
    searchInput.focus();
    void loadBills();
  });

  paymentsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearResult(paymentsResult);
    void loadPayments();
  });

  void loadBills();
  void loadPayments();
}
