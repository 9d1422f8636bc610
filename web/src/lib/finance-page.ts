/**
 * Browser side of the finance page (views/FinanceOffice.astro): the payments of a day with a
 * status filter and totals, and the reconciliation CSV fetched with the bearer token and saved
 * through an object URL (a plain link could not send the token).
 */
import type { DeskPayment } from '@portal/shared/payments/desk';
import { formatVnd } from '@portal/shared/vietnamese';
import { downloadReconciliation, listDeskPayments } from './api';
import type { Lang } from './i18n';
import { countText, displayDay, isDay, paymentStatusLabel, paymentTotals, vietnamTime, vietnamToday } from './staff-format';
import { cell, columnLabels, errorText, initStaffGate, required, setFieldError, type StaffSession } from './staff-page';

const TEXT = {
  vi: {
    loading: 'Đang tải giao dịch…',
    caption: (day: string, status: string) => `Giao dịch ngày ${day}${status ? ` — ${status}` : ''}`,
    payments: { vi: 'giao dịch', en: ['payment', 'payments'] as [string, string] },
    ofDay: (day: string) => `ngày ${day}`,
    countFoot: (n: number) => `${n} giao dịch`,
    dayMissing: 'Chọn ngày cần xem',
    dayInvalid: 'Ngày phải là một ngày có thật, ví dụ 04/05/2026',
    downloading: 'Đang tạo báo cáo…',
    downloaded: (name: string) => `Đã tải báo cáo ${name}.`,
    noReference: '—',
  },
  en: {
    loading: 'Loading payments…',
    caption: (day: string, status: string) => `Payments of ${day}${status ? ` — ${status}` : ''}`,
    payments: { vi: 'giao dịch', en: ['payment', 'payments'] as [string, string] },
    ofDay: (day: string) => `of ${day}`,
    countFoot: (n: number) => `${n} ${n === 1 ? 'payment' : 'payments'}`,
    dayMissing: 'Choose a day',
    dayInvalid: 'The day must be a real date, for example 04/05/2026',
    downloading: 'Preparing the report…',
    downloaded: (name: string) => `The report ${name} has been downloaded.`,
    noReference: '—',
  },
} as const;

export function initFinance(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initStaffGate(gate, root, lang).then((session) => {
    if (session) runFinance(root, lang, session);
  });
}

/** Saves a Blob under `filename` through a temporary object URL. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function runFinance(root: HTMLElement, lang: Lang, session: StaffSession): void {
  const t = TEXT[lang];
  const options = { lang, token: session.token };
  const form = required<HTMLFormElement>(root, '[data-filter-form]');
  const dayInput = required<HTMLInputElement>(form, '[data-field="day"]');
  const statusSelect = required<HTMLSelectElement>(form, '[data-field="status"]');
  const listStatus = required<HTMLElement>(root, '[data-list-status]');
  const listError = required<HTMLElement>(root, '[data-list-error]');
  const table = required<HTMLTableElement>(root, '[data-payments-table]');
  const caption = required<HTMLElement>(table, '[data-payments-caption]');
  const body = required<HTMLElement>(table, '[data-payments-body]');
  const cols = columnLabels(table);
  const totalsDay = required<HTMLElement>(root, '[data-totals-day]');
  const reportDay = required<HTMLElement>(root, '[data-report-day]');
  const total = (name: string) => required<HTMLElement>(root, `[data-total="${name}"]`);
  const foot = (name: string) => required<HTMLElement>(table, `[data-foot="${name}"]`);
  const download = required<HTMLButtonElement>(root, '[data-download]');
  const downloadStatus = required<HTMLElement>(root, '[data-download-status]');
  const downloadError = required<HTMLElement>(root, '[data-download-error]');

  let day = vietnamToday();
  dayInput.value = day;
  dayInput.max = day;

  const showError = (box: HTMLElement, error: unknown) => {
    box.replaceChildren(Object.assign(document.createElement('p'), { textContent: errorText(error, lang) }));
    box.hidden = false;
  };

  function render(payments: DeskPayment[]): void {
    body.replaceChildren(
      ...payments.map((p) => {
        const row = document.createElement('tr');
        const status = cell('', cols.status ?? '');
        status.append(Object.assign(document.createElement('span'), { className: 'tag', textContent: paymentStatusLabel(p.status, lang) }));
        (status.firstElementChild as HTMLElement).dataset.status = p.status;
        row.append(
          cell(p.reference ?? t.noReference, cols.reference ?? '', { header: true, className: 'code' }),
          cell(p.paymentId, cols.paymentId ?? '', { className: 'code' }),
          cell(formatVnd(p.amountVnd), cols.amount ?? '', { className: 'num' }),
          status,
          cell(vietnamTime(p.createdAt), cols.createdAt ?? ''),
          cell(vietnamTime(p.paidAt), cols.paidAt ?? ''),
          cell(p.bankCode ?? '', cols.bank ?? ''),
          cell(p.transactionNo ?? '', cols.transactionNo ?? '', { className: 'code' }),
          cell(p.amountRefunded ? formatVnd(p.amountRefunded) : '', cols.refunded ?? '', { className: 'num' }),
        );
        return row;
      }),
    );
    const totals = paymentTotals(payments);
    total('count').textContent = String(totals.count);
    total('paid').textContent = formatVnd(totals.paid);
    total('refunded').textContent = formatVnd(totals.refunded);
    total('net').textContent = formatVnd(totals.net);
    foot('count').textContent = t.countFoot(totals.count);
    foot('paid').textContent = formatVnd(totals.paid);
    foot('refunded').textContent = formatVnd(totals.refunded);
    table.hidden = payments.length === 0;
  }

  let request: AbortController | null = null;
  async function load(): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    const status = statusSelect.value;
    listStatus.textContent = t.loading;
    listError.hidden = true;
    try {
      const payments = await listDeskPayments(session.hospitalId, { day, ...(status ? { status } : {}) }, { ...options, signal: controller.signal });
      caption.textContent = t.caption(displayDay(day), status ? paymentStatusLabel(status, lang) : '');
      reportDay.textContent = t.ofDay(displayDay(day));
      totalsDay.textContent = `${t.ofDay(displayDay(day))}${status ? ` — ${paymentStatusLabel(status, lang)}` : ''}`;
      render(payments);
      listStatus.textContent = countText(payments.length, t.payments, lang);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      listStatus.textContent = '';
      table.hidden = true;
      showError(listError, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = dayInput.value.trim();
    const problem = !value ? t.dayMissing : isDay(value) ? null : t.dayInvalid;
    setFieldError(form, 'day', problem);
    if (problem) {
      dayInput.focus();
      return;
    }
    day = value;
    downloadStatus.textContent = '';
    downloadError.hidden = true;
    void load();
  });

  download.addEventListener('click', () => {
    if (download.disabled) return;
    download.disabled = true;
    download.setAttribute('aria-busy', 'true');
    downloadError.hidden = true;
    downloadStatus.textContent = t.downloading;
    downloadReconciliation(session.hospitalId, day, options)
      .then(({ blob, filename }) => {
        saveBlob(blob, filename);
        downloadStatus.textContent = t.downloaded(filename);
      })
      .catch((error: unknown) => {
        downloadStatus.textContent = '';
        showError(downloadError, error);
      })
      .finally(() => {
        download.disabled = false;
        download.removeAttribute('aria-busy');
        // Disabling the button may have dropped focus; keep it on the button.
        download.focus();
      });
  });

  void load();
}
