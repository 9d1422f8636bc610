/**
 * Pure helpers of the department officer's pages (inbox, dossier) and the administrator's page:
 * labels in both languages, due dates in words, inbox filters in the address fragment, bulk-receive
 * outcomes (the action forms' checks are in officer-action-rules.ts). Unit-tested
 * (test/unit/web/officer.test.ts); nothing here may import zod at runtime, so shared modules that
 * carry schemas are imported for their types only.
 */
import { ERRORS, type ErrorCode } from '@portal/shared/errors';
import { RULES, STATE_LABELS, type DossierAction, type DossierState, type TransitionRefusal } from '@portal/shared/dossiers/lifecycle';
import type { BulkReceiveResult, DossierSummary, FeeView, InboxQuery, PersonRef } from '@portal/shared/dossiers/api';
import type { DueState } from '@portal/shared/calendar/working-days';
import { formatVnd } from '@portal/shared/vietnamese';
import type { Lang } from './i18n';
import type { Tone } from './staff-format';
import { displayDay, isDay } from './staff-format';

export { displayDay, isDay };

export const stateLabel = (state: DossierState, lang: Lang): string => STATE_LABELS[state]?.[lang] ?? state;

/* ------------------------------------------------------------------------------------------------
 * Due dates: said in words (and marked by a symbol), never by colour alone.
 * --------------------------------------------------------------------------------------------- */

export const DUE_LABELS: Record<DueState, Record<Lang, string>> = {
  on_time: { vi: 'Còn hạn', en: 'On time' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

/** "12/05/2026 — Quá hạn"; without a due date (not received yet) "Chưa tính hạn". */
export function dueText(dueDate: string | undefined, dueState: DueState | undefined, lang: Lang): string {
  if (!dueDate) return lang === 'vi' ? 'Chưa tính hạn' : 'No due date yet';
  return dueState ? `${displayDay(dueDate)} — ${DUE_LABELS[dueState][lang]}` : displayDay(dueDate);
}

/* ------------------------------------------------------------------------------------------------
 * Labels
 * --------------------------------------------------------------------------------------------- */

export const ACTION_LABELS: Record<DossierAction | 'create', Record<Lang, string>> = {
  create: { vi: 'Tạo hồ sơ', en: 'Created' },
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  fee_paid: { vi: 'Đã nộp phí', en: 'Fee paid' },
  issue_result: { vi: 'Trả kết quả', en: 'Result issued' },
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse at intake' },
  assign: { vi: 'Giao xử lý', en: 'Assign' },
  request_supplement: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  schedule_appraisal: { vi: 'Lên lịch thẩm định', en: 'Schedule the appraisal' },
  record_appraisal: { vi: 'Ghi kết quả thẩm định', en: 'Record the appraisal' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  reject: { vi: 'Không phê duyệt', en: 'Reject' },
  stop: { vi: 'Dừng xử lý', en: 'Stop' },
  reschedule: { vi: 'Điều chỉnh hạn giải quyết', en: 'Move the due date' },
};

export const actionLabel = (action: DossierAction | 'create', lang: Lang): string => ACTION_LABELS[action]?.[lang] ?? action;

export const FEE_STATUS_LABELS: Record<FeeView['status'], Record<Lang, string>> = {
  not_required: { vi: 'Không thu phí', en: 'No fee' },
  unpaid: { vi: 'Chưa nộp phí', en: 'Fee not paid' },
  paid: { vi: 'Đã nộp phí', en: 'Fee paid' },
};

/** "430.000 ₫ — Đã nộp phí (nộp khi nộp hồ sơ)". */
export function feeText(fee: Pick<FeeView, 'amountVnd' | 'status' | 'due'>, lang: Lang): string {
  const status = FEE_STATUS_LABELS[fee.status][lang];
  if (fee.status === 'not_required' || fee.amountVnd === 0) return status;
  const when = fee.due === 'submission' ? (lang === 'vi' ? 'nộp khi nộp hồ sơ' : 'due with the submission') : lang === 'vi' ? 'nộp trước khi nhận kết quả' : 'due before the result';
  return `${formatVnd(fee.amountVnd)} — ${status} (${when})`;
}

export const APPRAISAL_OUTCOME_LABELS: Record<'passed' | 'remediation_required' | 'failed', Record<Lang, string>> = {
  passed: { vi: 'Đạt', en: 'Passed' },
  remediation_required: { vi: 'Phải khắc phục', en: 'Remediation required' },
  failed: { vi: 'Không đạt', en: 'Failed' },
};

/** "Võ Thị Lan (bạn)" */
export function personText(person: PersonRef | undefined, meId: string, lang: Lang): string {
  if (!person) return lang === 'vi' ? 'Chưa giao' : 'Not assigned';
  return person.userId === meId ? `${person.name} ${lang === 'vi' ? '(bạn)' : '(you)'}` : person.name;
}

/** Why the state machine refused (the `detail` of `action_not_allowed` / `action_incomplete`). */
export const REFUSAL_TEXT: Record<TransitionRefusal, Record<Lang, string>> = {
  not_allowed_in_state: { vi: 'hồ sơ không còn ở trạng thái cho phép thao tác này', en: 'the dossier is no longer in a status that allows this' },
  not_your_action: { vi: 'thao tác này không dành cho cán bộ', en: 'this is not an officer’s action' },
  reason_required: { vi: 'cần nêu lý do', en: 'a reason is required' },
  missing_required: { vi: 'cần danh mục nội dung bổ sung', en: 'the checklist is required' },
  assignee_required: { vi: 'cần chọn người xử lý', en: 'choose who handles it' },
  visit_required: { vi: 'cần ngày và đoàn thẩm định', en: 'the visit date and team are required' },
  appraisal_required: { vi: 'cần kết quả và biên bản thẩm định', en: 'the outcome and minutes are required' },
  appraisal_not_scheduled: { vi: 'chưa lên lịch thẩm định', en: 'no appraisal visit has been scheduled' },
  appraisal_not_passed: { vi: 'kết quả thẩm định chưa đạt', en: 'the appraisal has not passed' },
  no_appraisal_for_procedure: { vi: 'thủ tục này không có thẩm định tại cơ sở', en: 'this procedure has no on-site appraisal' },
  supplement_already_requested: { vi: 'hồ sơ đã được yêu cầu bổ sung một lần', en: 'a supplement was already requested once' },
  already_rescheduled: { vi: 'hạn giải quyết đã được điều chỉnh một lần', en: 'the due date was already moved once' },
  due_date_not_later: { vi: 'hạn mới phải sau hạn hiện tại', en: 'the new due date must be later' },
  fee_unpaid: { vi: 'hồ sơ chưa nộp phí, lệ phí', en: 'the fee has not been paid' },
};

/** The problem title of an error code (or a refusal) in the page language; an unknown code is shown as it is. */
export function errorCodeText(code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'vi' ? 'Không thực hiện được' : 'Could not be done';
  if (Object.hasOwn(REFUSAL_TEXT, code)) return REFUSAL_TEXT[code as TransitionRefusal][lang];
  return Object.hasOwn(ERRORS, code) ? ERRORS[code as ErrorCode][lang] : code;
}

/* ------------------------------------------------------------------------------------------------
 * What an officer may do to a dossier of the inbox (the summaries carry no `availableActions`;
 * the dossier page uses the view's own list).
 * --------------------------------------------------------------------------------------------- */

export const canReceive = (state: DossierState): boolean => RULES.receive.from.includes(state);
export const canAssign = (state: DossierState): boolean => RULES.assign.from.includes(state);

/* ------------------------------------------------------------------------------------------------
 * Inbox filters, kept in the address fragment (`#state=submitted&due=overdue`): shareable between
 * colleagues, restored by Back, never sent to a server and free of personal data.
 * --------------------------------------------------------------------------------------------- */

export const INBOX_STATES = ['submitted', 'awaiting_fee', 'received', 'in_review', 'supplement_requested', 'resubmitted', 'approved'] as const satisfies readonly NonNullable<InboxQuery['state']>[];
export type InboxFilters = InboxQuery;

const isInboxState = (v: string): v is NonNullable<InboxQuery['state']> => (INBOX_STATES as readonly string[]).includes(v);
const isProcedureCode = (v: string) => /^[a-z0-9-]{3,80}$/.test(v);

/** Reads the filters from a fragment; anything unknown is dropped. */
export function parseFilters(hash: string): InboxFilters {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const filters: InboxFilters = {};
  const state = params.get('state');
  if (state && isInboxState(state)) filters.state = state;
  const procedure = params.get('procedure');
  if (procedure && isProcedureCode(procedure)) filters.procedure = procedure;
  const due = params.get('due');
  if (due === 'due_soon' || due === 'overdue') filters.due = due;
  const assignee = params.get('assignee');
  if (assignee === 'me' || assignee === 'none') filters.assignee = assignee;
  return filters;
}

/** The fragment for these filters, in a fixed order ('' when none). */
export function filtersHash(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.procedure) params.set('procedure', filters.procedure);
  if (filters.due) params.set('due', filters.due);
  if (filters.assignee) params.set('assignee', filters.assignee);
  const text = params.toString();
  return text ? `#${text}` : '';
}

const FILTERS_KEY = 'portal.officerInboxFilters';

/** Remembers the inbox's filters for this tab, so "back to the list" from a dossier keeps them. */
export function rememberFilters(filters: InboxFilters): void {
  try {
    sessionStorage.setItem(FILTERS_KEY, filtersHash(filters));
  } catch {
    // storage disabled: the list opens unfiltered
  }
}

/** The remembered filters' fragment ('' when none), re-checked like any fragment. */
export function rememberedFiltersHash(): string {
  try {
    return filtersHash(parseFilters(sessionStorage.getItem(FILTERS_KEY) ?? ''));
  } catch {
    return '';
  }
}

/** The API query for these filters (the same names). */
export function inboxQueryString(filters: InboxFilters): string {
  const hash = filtersHash(filters);
  return hash ? `?${hash.slice(1)}` : '';
}

/** A filter chip toggles its own value and keeps the other filters. */
export function toggleFilter<K extends 'state' | 'due'>(filters: InboxFilters, key: K, value: NonNullable<InboxFilters[K]>): InboxFilters {
  const next = { ...filters };
  if (next[key] === value) delete next[key];
  else next[key] = value;
  return next;
}

/** Open work first: by due date (none last), then by submission. */
export function sortByDue(items: readonly DossierSummary[]): DossierSummary[] {
  return [...items].sort((a, b) => {
    if (a.dueDate !== b.dueDate) {
      if (!a.dueDate) return 1;
      if (!b.dueDate) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt);
  });
}

/** "Có 3 hồ sơ." / "3 dossiers." */
export function dossierCount(count: number, lang: Lang): string {
  if (lang === 'vi') return count === 0 ? 'Không có hồ sơ nào phù hợp.' : `Có ${count} hồ sơ.`;
  return count === 0 ? 'No dossiers match.' : `${count} ${count === 1 ? 'dossier' : 'dossiers'}.`;
}

/** What bulk receiving did, one line per dossier, plus a summary sentence and its tone. */
export function bulkOutcome(
  result: BulkReceiveResult,
  codes: ReadonlyMap<string, string>,
  lang: Lang,
): { tone: Tone; summary: string; lines: { ok: boolean; text: string }[] } {
  const lines = result.results.map((r) => {
    const name = r.code ?? codes.get(r.dossierId) ?? r.dossierId;
    if (r.ok) return { ok: true, text: lang === 'vi' ? `${name}: đã tiếp nhận` : `${name}: received` };
    return { ok: false, text: lang === 'vi' ? `${name}: không tiếp nhận được — ${errorCodeText(r.error, lang)}` : `${name}: not received — ${errorCodeText(r.error, lang)}` };
  });
  const ok = lines.filter((l) => l.ok).length;
  const failed = lines.length - ok;
  const summary =
    lang === 'vi'
      ? failed === 0
        ? `Đã tiếp nhận ${ok} hồ sơ.`
        : `Đã tiếp nhận ${ok} trong ${lines.length} hồ sơ; ${failed} hồ sơ không tiếp nhận được.`
      : failed === 0
        ? `${ok} ${ok === 1 ? 'dossier' : 'dossiers'} received.`
        : `${ok} of ${lines.length} dossiers received; ${failed} could not be received.`;
  return { tone: failed === 0 ? 'success' : ok === 0 ? 'error' : 'warning', summary, lines };
}

/** The outcome of an action that succeeded, for the results region. */
export function actionDone(action: DossierAction, state: DossierState, lang: Lang): string {
  const now = stateLabel(state, lang);
  return lang === 'vi' ? `Đã thực hiện: ${actionLabel(action, 'vi').toLowerCase()}. Trạng thái hồ sơ: ${now}.` : `Done: ${actionLabel(action, 'en').toLowerCase()}. The dossier is now: ${now}.`;
}

/** The 409 message with what the other officer left. */
export function conflictText(fresh: { state: DossierState; assignee?: PersonRef | undefined; updatedAt?: string } | undefined, meId: string, lang: Lang): string {
  const head = lang === 'vi' ? 'Hồ sơ vừa được người khác cập nhật.' : 'Someone else has just updated this dossier.';
  if (!fresh) return `${head} ${lang === 'vi' ? 'Hãy tải lại trang trước khi thao tác tiếp.' : 'Reload the page before you continue.'}`;
  const who = fresh.assignee ? personText(fresh.assignee, meId, lang) : lang === 'vi' ? 'chưa giao' : 'not assigned';
  return lang === 'vi'
    ? `${head} Trạng thái hiện tại: ${stateLabel(fresh.state, 'vi')}; người xử lý: ${who}. Trang đã hiển thị lại thông tin mới nhất, hãy xem lại trước khi thao tác tiếp.`
    : `${head} It is now: ${stateLabel(fresh.state, 'en')}; handled by: ${who}. The page now shows the latest details; check them before you continue.`;
}
