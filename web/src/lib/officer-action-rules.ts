/**
 * The officer's action forms, checked before sending as the API checks them (`dossierActionBody` in
 * shared/dossiers/api.ts and the rules of lifecycle.ts), so the officer is told at once which field
 * to fix; the API checks again. Pure and unit-tested (test/unit/web/officer.test.ts); no zod at
 * runtime (the CSP forbids its eval probe, ADR 0006).
 */
import type { DossierAction } from '@portal/shared/dossiers/lifecycle';
import type { Lang } from './i18n';
import { isDay } from './staff-format';

export const REASON_MIN = 5;
export const REASON_MAX = 2000;
export const MINUTES_MAX = 5000;
export const ITEM_MAX = 300;
export const MAX_MISSING = 30;
export const MAX_TEAM = 10;

export type ActionField = 'reason' | 'missing' | 'visitDate' | 'team' | 'outcome' | 'minutes' | 'remediationDeadline' | 'newDueDate' | 'assignee';
export interface ActionProblem {
  field: ActionField;
  message: string;
}

/** What the officer typed into an action form (strings as the inputs give them). */
export interface ActionInputText {
  reason?: string;
  /** Ticked document ids of the procedure. */
  documents?: string[];
  /** Free-text supplement items, one per line. */
  otherItems?: string;
  visitDate?: string;
  team?: string;
  outcome?: string;
  minutes?: string;
  remediationDeadline?: string;
  newDueDate?: string;
  assignee?: string;
}

export interface ActionBody {
  action: DossierAction;
  version: number;
  reason?: string;
  missing?: string[];
  assignee?: string;
  visit?: { date: string; team: string[] };
  appraisal?: { outcome: 'passed' | 'remediation_required' | 'failed'; minutes: string; remediationDeadline?: string };
  newDueDate?: string;
}

const M = {
  reasonMissing: { vi: 'Nhập lý do', en: 'Enter the reason' },
  reasonShort: { vi: `Lý do phải có ít nhất ${REASON_MIN} ký tự`, en: `The reason must be at least ${REASON_MIN} characters` },
  reasonLong: { vi: `Lý do không được dài quá ${REASON_MAX} ký tự`, en: `The reason must be ${REASON_MAX} characters or fewer` },
  noteShort: { vi: `Ghi chú phải có ít nhất ${REASON_MIN} ký tự, hoặc để trống`, en: `The note must be at least ${REASON_MIN} characters, or left empty` },
  apologyMissing: { vi: 'Nhập lý do điều chỉnh hạn (nội dung xin lỗi gửi người nộp)', en: 'Enter why the due date moves (the apology the applicant receives)' },
  missingNone: { vi: 'Chọn ít nhất một giấy tờ cần bổ sung hoặc ghi nội dung cần bổ sung', en: 'Tick at least one document or write what is missing' },
  missingTooMany: { vi: `Danh mục bổ sung tối đa ${MAX_MISSING} mục`, en: `The checklist can have at most ${MAX_MISSING} items` },
  itemLong: { vi: `Mỗi dòng nội dung bổ sung tối đa ${ITEM_MAX} ký tự`, en: `Each item must be ${ITEM_MAX} characters or fewer` },
  visitDateMissing: { vi: 'Nhập ngày thẩm định', en: 'Enter the date of the visit' },
  visitDatePast: { vi: 'Ngày thẩm định phải từ hôm nay trở đi', en: 'The visit must be today or later' },
  dateInvalid: { vi: 'Ngày không hợp lệ', en: 'Enter a real date' },
  teamMissing: { vi: 'Nhập thành viên đoàn thẩm định, mỗi người một dòng', en: 'Enter the appraisal team, one person per line' },
  teamTooMany: { vi: `Đoàn thẩm định tối đa ${MAX_TEAM} người`, en: `At most ${MAX_TEAM} people in the team` },
  teamName: { vi: 'Mỗi tên thành viên từ 2 đến 100 ký tự', en: 'Each name must be 2 to 100 characters' },
  outcomeMissing: { vi: 'Chọn kết quả thẩm định', en: 'Choose the outcome' },
  minutesMissing: { vi: 'Nhập tóm tắt biên bản thẩm định (ít nhất 5 ký tự)', en: 'Enter the minutes (at least 5 characters)' },
  minutesLong: { vi: `Biên bản tối đa ${MINUTES_MAX} ký tự`, en: `The minutes must be ${MINUTES_MAX} characters or fewer` },
  remediationMissing: { vi: 'Nhập hạn khắc phục', en: 'Enter the remediation deadline' },
  remediationPast: { vi: 'Hạn khắc phục phải sau hôm nay', en: 'The remediation deadline must be after today' },
  newDueMissing: { vi: 'Nhập hạn giải quyết mới', en: 'Enter the new due date' },
  newDueNotLater: { vi: 'Hạn mới phải sau hạn hiện tại', en: 'The new due date must be after the current one' },
  assigneeMissing: { vi: 'Chọn người xử lý', en: 'Choose who handles the dossier' },
} as const;

function checkReason(text: string | undefined, required: boolean, lang: Lang, missingMessage: Record<Lang, string> = M.reasonMissing): { value?: string; problem?: string } {
  const value = (text ?? '').trim();
  if (!value) return required ? { problem: missingMessage[lang] } : {};
  if (value.length < REASON_MIN) return { problem: (required ? M.reasonShort : M.noteShort)[lang] };
  if (value.length > REASON_MAX) return { problem: M.reasonLong[lang] };
  return { value };
}

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/**
 * Checks one action's form and builds the body for POST /api/dossiers/{id}/actions.
 * `today` is the Vietnam date; `currentDueDate` the dossier's due date (for a reschedule).
 */
export function checkAction(
  action: DossierAction,
  input: ActionInputText,
  context: { version: number; today: string; currentDueDate?: string | undefined },
  lang: Lang,
): { body: ActionBody } | { problems: ActionProblem[] } {
  const problems: ActionProblem[] = [];
  const body: ActionBody = { action, version: context.version };
  const date = (field: ActionField, value: string | undefined, missing: Record<Lang, string>): string | undefined => {
    const v = (value ?? '').trim();
    if (!v) problems.push({ field, message: missing[lang] });
    else if (!isDay(v)) problems.push({ field, message: M.dateInvalid[lang] });
    else return v;
    return undefined;
  };
  switch (action) {
    case 'refuse':
    case 'reject':
    case 'stop': {
      const r = checkReason(input.reason, true, lang);
      if (r.problem) problems.push({ field: 'reason', message: r.problem });
      else body.reason = r.value!;
      break;
    }
    case 'request_supplement': {
      const items = [...(input.documents ?? []), ...lines(input.otherItems)];
      if (items.length === 0) problems.push({ field: 'missing', message: M.missingNone[lang] });
      else if (items.length > MAX_MISSING) problems.push({ field: 'missing', message: M.missingTooMany[lang] });
      else if (items.some((i) => i.length > ITEM_MAX)) problems.push({ field: 'missing', message: M.itemLong[lang] });
      else body.missing = items;
      const note = checkReason(input.reason, false, lang);
      if (note.problem) problems.push({ field: 'reason', message: note.problem });
      else if (note.value) body.reason = note.value;
      break;
    }
    case 'schedule_appraisal': {
      const day = date('visitDate', input.visitDate, M.visitDateMissing);
      if (day && day < context.today) problems.push({ field: 'visitDate', message: M.visitDatePast[lang] });
      const team = lines(input.team);
      if (team.length === 0) problems.push({ field: 'team', message: M.teamMissing[lang] });
      else if (team.length > MAX_TEAM) problems.push({ field: 'team', message: M.teamTooMany[lang] });
      else if (team.some((n) => n.length < 2 || n.length > 100)) problems.push({ field: 'team', message: M.teamName[lang] });
      if (day && problems.length === 0) body.visit = { date: day, team };
      break;
    }
    case 'record_appraisal': {
      const outcome = input.outcome;
      const valid = outcome === 'passed' || outcome === 'remediation_required' || outcome === 'failed';
      if (!valid) problems.push({ field: 'outcome', message: M.outcomeMissing[lang] });
      const minutes = (input.minutes ?? '').trim();
      if (minutes.length < REASON_MIN) problems.push({ field: 'minutes', message: M.minutesMissing[lang] });
      else if (minutes.length > MINUTES_MAX) problems.push({ field: 'minutes', message: M.minutesLong[lang] });
      let deadline: string | undefined;
      if (outcome === 'remediation_required') {
        deadline = date('remediationDeadline', input.remediationDeadline, M.remediationMissing);
        if (deadline && deadline <= context.today) problems.push({ field: 'remediationDeadline', message: M.remediationPast[lang] });
      }
      if (valid && problems.length === 0) body.appraisal = { outcome, minutes, ...(deadline ? { remediationDeadline: deadline } : {}) };
      break;
    }
    case 'reschedule': {
      const day = date('newDueDate', input.newDueDate, M.newDueMissing);
      if (day && context.currentDueDate && day <= context.currentDueDate) problems.push({ field: 'newDueDate', message: M.newDueNotLater[lang] });
      else if (day) body.newDueDate = day;
      const r = checkReason(input.reason, true, lang, M.apologyMissing);
      if (r.problem) problems.push({ field: 'reason', message: r.problem });
      else body.reason = r.value!;
      break;
    }
    case 'assign': {
      const assignee = (input.assignee ?? '').trim();
      if (!/^[A-Za-z0-9._@-]{1,128}$/.test(assignee)) problems.push({ field: 'assignee', message: M.assigneeMissing[lang] });
      else body.assignee = assignee;
      break;
    }
    default:
      break; // receive, approve: nothing to fill in
  }
  return problems.length > 0 ? { problems } : { body };
}
