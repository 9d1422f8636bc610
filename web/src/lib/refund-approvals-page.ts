/**
 * Browser side of the refund approvals page (views/RefundApprovals.astro): list the hospital's
 * refunds by status, approve or reject one in a dialog (POST /api/refunds/{id}/decision), explain
 * `same_person` and "someone else decided first" (409 with `current`), then reload the list.
 */
import type { RefundStatus, RefundView } from '@portal/shared/payments/refunds';
import { formatVnd } from '@portal/shared/vietnamese';
import { ApiError, conflictingRefund, decideRefund, listRefunds } from './api';
import { REFUND_STATUS_VALUES } from './guards';
import type { Lang } from './i18n';
import { vietnamDateTime } from './payments-format';
import { checkDecision, countText, refundOutcome, refundStatusLabel } from './staff-format';
import {
  cell, columnLabels, errorText, initStaffGate, openDialog, required, setFieldError, showResult, wireDialogClose, type StaffSession,
} from './staff-page';

const TEXT = {
  vi: {
    loading: 'Đang tải đề nghị hoàn tiền…',
    caption: (status: string) => `Đề nghị hoàn tiền — ${status}`,
    all: 'tất cả trạng thái',
    refunds: { vi: 'đề nghị', en: ['request', 'requests'] as [string, string] },
    approve: 'Phê duyệt',
    reject: 'Từ chối',
    approveOf: (amount: string) => `Phê duyệt hoàn ${amount}`,
    rejectOf: (amount: string) => `Từ chối đề nghị hoàn ${amount}`,
    approveTitle: 'Phê duyệt hoàn tiền',
    rejectTitle: 'Từ chối đề nghị hoàn tiền',
    approveExplain: (amount: string) => `Khi bạn phê duyệt, cổng gửi yêu cầu hoàn ${amount} đến VNPay ngay. Thao tác này không hoàn tác được.`,
    rejectExplain: 'Đề nghị bị từ chối sẽ không được hoàn tiền. Thu ngân có thể gửi đề nghị mới nếu cần.',
    noteLabel: 'Ghi chú (không bắt buộc)',
    rejectLabel: 'Lý do từ chối',
    approveSubmit: 'Phê duyệt hoàn tiền',
    rejectSubmit: 'Từ chối đề nghị',
    approving: 'Đang gửi yêu cầu hoàn tiền đến VNPay…',
    rejecting: 'Đang ghi nhận…',
    you: ' (bạn)',
    samePerson: 'Bạn là người đề nghị nên không thể tự phê duyệt. Một nhân viên thu ngân khác cần xử lý đề nghị này.',
    conflict: 'Đề nghị đã được xử lý bởi người khác.',
    conflictNow: (status: string) => `Đề nghị đã được xử lý bởi người khác. Trạng thái hiện tại: ${status}.`,
    decidedBy: (who: string, at: string) => `${who}, ${at}`,
  },
  en: {
    loading: 'Loading refund requests…',
    caption: (status: string) => `Refund requests — ${status}`,
    all: 'all statuses',
    refunds: { vi: 'đề nghị', en: ['request', 'requests'] as [string, string] },
    approve: 'Approve',
    reject: 'Reject',
    approveOf: (amount: string) => `Approve the ${amount} refund`,
    rejectOf: (amount: string) => `Reject the ${amount} refund`,
    approveTitle: 'Approve the refund',
    rejectTitle: 'Reject the refund request',
    approveExplain: (amount: string) => `When you approve, the portal asks VNPay to refund ${amount} straight away. This cannot be undone.`,
    rejectExplain: 'A rejected request is not refunded. The cashier can send a new request if needed.',
    noteLabel: 'Note (optional)',
    rejectLabel: 'Reason for rejecting',
    approveSubmit: 'Approve the refund',
    rejectSubmit: 'Reject the request',
    approving: 'Asking VNPay to refund…',
    rejecting: 'Recording…',
    you: ' (you)',
    samePerson: 'You requested this refund, so you cannot approve it yourself. Another cashier needs to decide.',
    conflict: 'Someone else has already dealt with this request.',
    conflictNow: (status: string) => `Someone else has already dealt with this request. It is now: ${status}.`,
    decidedBy: (who: string, at: string) => `${who}, ${at}`,
  },
} as const;

const isRefundStatus = (v: string): v is RefundStatus => (REFUND_STATUS_VALUES as readonly string[]).includes(v);

export function initRefundApprovals(gate: HTMLElement, root: HTMLElement): void {
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'vi';
  void initStaffGate(gate, root, lang).then((session) => {
    if (session) runApprovals(root, lang, session);
  });
}

function runApprovals(root: HTMLElement, lang: Lang, session: StaffSession): void {
  const t = TEXT[lang];
  const options = { lang, token: session.token };
  const filterForm = required<HTMLFormElement>(root, '[data-filter-form]');
  const statusSelect = required<HTMLSelectElement>(filterForm, '[data-field="status"]');
  const result = required<HTMLElement>(root, '[data-result]');
  const listStatus = required<HTMLElement>(root, '[data-list-status]');
  const listError = required<HTMLElement>(root, '[data-list-error]');
  const table = required<HTMLTableElement>(root, '[data-refunds-table]');
  const caption = required<HTMLElement>(table, '[data-refunds-caption]');
  const body = required<HTMLElement>(table, '[data-refunds-body]');
  const cols = columnLabels(table);

  const dialog = required<HTMLDialogElement>(document, '[data-decision-dialog]');
  const form = required<HTMLFormElement>(dialog, '[data-decision-form]');
  const heading = required<HTMLElement>(dialog, '[data-decision-heading]');
  const explain = required<HTMLElement>(dialog, '[data-decision-explain]');
  const errorBox = required<HTMLElement>(dialog, '[data-decision-error]');
  const errorMessage = required<HTMLElement>(errorBox, '[data-decision-error-message]');
  const noteLabel = required<HTMLElement>(dialog, '[data-note-label]');
  const noteHint = required<HTMLElement>(dialog, '[data-note-hint]');
  const note = required<HTMLTextAreaElement>(dialog, '[data-field="note"]');
  const submit = required<HTMLButtonElement>(dialog, '[data-decision-submit]');
  const decisionStatus = required<HTMLElement>(dialog, '[data-decision-status]');
  const slot = (name: string) => required<HTMLElement>(dialog, `[data-slot="${name}"]`);
  wireDialogClose(dialog);

  const who = (userId: string) => `${userId}${userId === session.me.userId ? t.you : ''}`;

  let request: AbortController | null = null;
  async function load(): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    const value = statusSelect.value;
    const status = isRefundStatus(value) ? value : undefined;
    listStatus.textContent = t.loading;
    listError.hidden = true;
    try {
      const refunds = await listRefunds(session.hospitalId, status, { ...options, signal: controller.signal });
      caption.textContent = t.caption(status ? refundStatusLabel(status, lang) : t.all);
      render(refunds);
      listStatus.textContent = countText(refunds.length, t.refunds, lang);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      listStatus.textContent = '';
      table.hidden = true;
      listError.replaceChildren(Object.assign(document.createElement('p'), { textContent: errorText(error, lang) }));
      listError.hidden = false;
    }
  }

  function render(refunds: RefundView[]): void {
    body.replaceChildren(
      ...refunds.map((refund) => {
        const row = document.createElement('tr');
        const amount = formatVnd(refund.amountVnd);
        const status = cell('', cols.status ?? '');
        // One wrapper, so the phone layout keeps the label on the left and all of this on the right.
        const state = document.createElement('div');
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.dataset.status = refund.status;
        tag.textContent = refundStatusLabel(refund.status, lang);
        state.append(tag);
        const details: string[] = [];
        if (refund.decidedBy) details.push(t.decidedBy(who(refund.decidedBy), vietnamDateTime(refund.decidedAt ?? '')));
        if (refund.status === 'failed' && refund.failure) details.push(refund.failure[lang]);
        if (refund.note) details.push(`“${refund.note}”`);
        for (const text of details) state.append(Object.assign(document.createElement('span'), { className: 'cell-note', textContent: text }));
        status.append(state);
        const actions = cell('', cols.actions ?? '', { className: 'cell-actions' });
        if (refund.status === 'requested') {
          const approve = document.createElement('button');
          approve.type = 'button';
          approve.className = 'button button-small';
          approve.textContent = t.approve;
          approve.setAttribute('aria-label', t.approveOf(amount));
          approve.addEventListener('click', () => openDecision(refund, 'approve', approve));
          const reject = document.createElement('button');
          reject.type = 'button';
          reject.className = 'button button-secondary button-small';
          reject.textContent = t.reject;
          reject.setAttribute('aria-label', t.rejectOf(amount));
          reject.addEventListener('click', () => openDecision(refund, 'reject', reject));
          actions.append(approve, reject);
        }
        row.append(
          cell(amount, cols.amount ?? '', { header: true, className: 'num' }),
          cell(refund.paymentId, cols.payment ?? '', { className: 'code' }),
          cell(who(refund.requestedBy), cols.requestedBy ?? ''),
          cell(vietnamDateTime(refund.requestedAt), cols.requestedAt ?? ''),
          cell(refund.reason, cols.reason ?? '', { className: 'cell-text' }),
          status,
          actions,
        );
        return row;
      }),
    );
    table.hidden = refunds.length === 0;
  }

  let deciding: { refund: RefundView; decision: 'approve' | 'reject' } | null = null;

  function openDecision(refund: RefundView, decision: 'approve' | 'reject', opener: HTMLElement): void {
    deciding = { refund, decision };
    const amount = formatVnd(refund.amountVnd);
    heading.textContent = decision === 'approve' ? t.approveTitle : t.rejectTitle;
    explain.textContent = decision === 'approve' ? t.approveExplain(amount) : t.rejectExplain;
    noteLabel.textContent = decision === 'approve' ? t.noteLabel : t.rejectLabel;
    noteHint.textContent = (decision === 'approve' ? root.dataset.noteHint : root.dataset.rejectHint) ?? '';
    submit.textContent = decision === 'approve' ? t.approveSubmit : t.rejectSubmit;
    submit.classList.toggle('button-warning', decision === 'reject');
    slot('amount').textContent = amount;
    slot('payment').textContent = refund.paymentId;
    slot('requestedBy').textContent = `${who(refund.requestedBy)} — ${vietnamDateTime(refund.requestedAt)}`;
    slot('reason').textContent = refund.reason;
    note.value = '';
    if (decision === 'reject') note.setAttribute('aria-required', 'true');
    else note.removeAttribute('aria-required');
    setFieldError(form, 'note', null);
    errorBox.hidden = true;
    decisionStatus.textContent = '';
    submit.disabled = false;
    openDialog(dialog, opener, heading);
  }

  /** The outcome goes to the page's results region (focused), the list reloads. */
  function finish(tone: Parameters<typeof showResult>[1], text: string): void {
    dialog.close();
    showResult(result, tone, text, { focus: true });
    void load();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!deciding || submit.disabled) return;
    const { refund, decision } = deciding;
    const checked = checkDecision(decision, note.value, lang);
    if ('problem' in checked) {
      setFieldError(form, 'note', checked.problem);
      note.focus();
      return;
    }
    setFieldError(form, 'note', null);
    errorBox.hidden = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    decisionStatus.textContent = decision === 'approve' ? t.approving : t.rejecting;
    decideRefund(refund.refundId, checked.body, options)
      .then((decided) => {
        const outcome = refundOutcome(decided, lang);
        finish(outcome.tone, outcome.text);
      })
      .catch((error: unknown) => {
        decisionStatus.textContent = '';
        if (error instanceof ApiError && error.code === 'same_person') return finish('error', t.samePerson);
        if (error instanceof ApiError && error.code === 'conflict') {
          const current = conflictingRefund(error);
          return finish('warning', current ? t.conflictNow(refundStatusLabel(current.status, lang)) : t.conflict);
        }
        if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'refund_exceeds_available' || error.code === 'not_refundable')) {
          return finish('error', error.title);
        }
        errorMessage.textContent = errorText(error, lang);
        errorBox.hidden = false;
        errorBox.focus();
      })
      .finally(() => {
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
      });
  });

  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    result.replaceChildren();
    void load();
  });

  void load();
}
