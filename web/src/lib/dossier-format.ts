/**
 * Pure helpers of the applicant's dossier pages (wizard, list, detail, public tracking, licence
 * check): labels, Vietnam dates, file checks before upload, and what a 422 says is missing. Light
 * enough for the browser: nothing here may import zod (lifecycle.ts is plain TypeScript).
 */
import { STATE_LABELS, type DossierState } from '@portal/shared/dossiers/lifecycle';
import type { FieldError } from '@portal/shared/errors';
import type { ProcedureDocument } from '@portal/shared/procedures/catalogue';
import type { Lang } from './i18n';

export const stateLabel = (state: DossierState, lang: Lang): string => STATE_LABELS[state][lang];

export type DueState = 'on_time' | 'due_soon' | 'overdue';
export const DUE_STATE_LABELS: Record<DueState, Record<Lang, string>> = {
  on_time: { vi: 'Còn trong hạn', en: 'On time' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

/** A tone for the state tag; the label always says the state in words too. */
export function stateTone(state: DossierState): 'success' | 'warning' | 'error' | 'info' | 'neutral' {
  if (state === 'result_issued' || state === 'approved') return 'success';
  if (state === 'supplement_requested' || state === 'awaiting_fee' || state === 'draft') return 'warning';
  if (state === 'refused' || state === 'rejected' || state === 'stopped') return 'error';
  if (state === 'withdrawn') return 'neutral';
  return 'info';
}

/** "2026-05-04" (or an ISO instant's date part) → "04/05/2026". */
export function vietnamDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant → its Vietnam date "dd/mm/yyyy HH:MM" (UTC+7 whatever the device's zone). */
export function vietnamDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const t = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

/** 1536 → "1,5 KB" (vi) / "1.5 KB" (en). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[unit]}`;
}

export const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };
const EXTENSIONS: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The file's type: what the browser says, else from the extension (some phones give none). */
export function fileType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? '';
}

/**
 * Checks a picked file against the document's accepted types and size before anything is sent.
 * Returns the message to show next to the control, or null when the file may be uploaded.
 */
export function checkFile(file: { name: string; type: string; size: number }, doc: { accept: readonly string[]; maxBytes: number }, lang: Lang): string | null {
  const types = doc.accept.map((t) => TYPE_NAMES[t] ?? t).join(', ');
  if (file.size === 0) return lang === 'vi' ? `Tệp “${file.name}” trống. Chọn lại tệp.` : `“${file.name}” is empty. Choose the file again.`;
  if (!doc.accept.includes(fileType(file))) {
    return lang === 'vi' ? `Tệp “${file.name}” không đúng định dạng. Chỉ nhận tệp ${types}.` : `“${file.name}” is not an accepted type. Only ${types} files are accepted.`;
  }
  if (file.size > doc.maxBytes) {
    return lang === 'vi'
      ? `Tệp “${file.name}” có dung lượng ${formatBytes(file.size, lang)}, vượt quá mức tối đa ${formatBytes(doc.maxBytes, lang)}.`
      : `“${file.name}” is ${formatBytes(file.size, lang)}, larger than the ${formatBytes(doc.maxBytes, lang)} allowed.`;
  }
  return null;
}

/** One thing a 422 `dossier_incomplete` says is missing, placed on the wizard's step or document. */
export interface MissingItem {
  kind: 'field' | 'document';
  /** Top-level form field id, or the document id. */
  id: string;
  /** Dotted path inside the form data (`staff.0.name`), for fields. */
  path: string;
  message: string;
}

/**
 * Reads `errors[]` of a 422: a field is `data.<path>` (or `body.data.<path>`), a document is
 * `documents.<id>` (or `attachments.<id>`). Anything else is kept as a field with its last segment.
 */
export function missingItems(errors: readonly FieldError[] | undefined): MissingItem[] {
  return (errors ?? []).map((e) => {
    const field = e.field.replace(/^body\./, '');
    const doc = /^(?:documents?|attachments?)\.([a-z0-9_-]+)/.exec(field);
    if (doc) return { kind: 'document', id: doc[1]!, path: doc[1]!, message: e.message };
    const path = field.replace(/^data\./, '');
    return { kind: 'field', id: path.split('.')[0] ?? path, path, message: e.message };
  });
}

/** The step (index) of the form a top-level field belongs to; -1 when no step has it. */
export function stepOfField(form: { steps: readonly { fields: readonly { id: string }[] }[] }, fieldId: string): number {
  return form.steps.findIndex((s) => s.fields.some((f) => f.id === fieldId));
}

/** Dossier ids are ULIDs. */
export const isDossierId = (value: string | null | undefined): value is string => typeof value === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);

/** The id from `#<dossierId>` (the id stays out of the query string). */
export function dossierIdFromHash(hash: string): string | null {
  const raw = (hash.startsWith('#') ? hash.slice(1) : hash).trim().toUpperCase();
  return isDossierId(raw) ? raw : null;
}

/** A dossier code as typed: trimmed, upper case, no inner spaces. */
export const normaliseCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();
export const DOSSIER_CODE_PATTERN = /^[A-Z0-9.]{1,35}-\d{6}-\d{4,8}$/;
export const LICENCE_NUMBER_PATTERN = /^[A-Z]{2,8}-\d{4}-\d{6}$/;

/** The licence number in a verification address: `/tra-cuu/giay-phep/<number>`, else `?so=<number>`. */
export function licenceNumberFrom(pathname: string, search: string, prefix: string): string | undefined {
  let fromPath = '';
  if (pathname.startsWith(prefix)) {
    try {
      fromPath = decodeURIComponent(pathname.slice(prefix.length).replace(/\/+$/, ''));
    } catch {
      fromPath = '';
    }
  }
  const candidate = (fromPath || new URLSearchParams(search).get('so') || '').trim().toUpperCase();
  return LICENCE_NUMBER_PATTERN.test(candidate) ? candidate : undefined;
}

const TRACK_TEXT = {
  vi: {
    codeMissing: 'Nhập mã hồ sơ',
    codeInvalid: 'Mã hồ sơ có dạng 000.00.31.H29-260504-0001 (mã cơ quan, ngày nộp, số thứ tự)',
    checkMissing: 'Nhập 4 số cuối số điện thoại hoặc số định danh cá nhân',
    checkInvalid: '4 số cuối phải gồm đúng 4 chữ số',
  },
  en: {
    codeMissing: 'Enter the dossier code',
    codeInvalid: 'A dossier code looks like 000.00.31.H29-260504-0001 (agency code, date, number)',
    checkMissing: 'Enter the last 4 digits of the phone number or personal ID number',
    checkInvalid: 'The last 4 digits must be exactly 4 digits',
  },
} as const;

export type TrackField = 'code' | 'check';

/** What is wrong with the tracking form's code and digits (empty when nothing). */
export function trackProblems(code: string, check: string, lang: Lang): { field: TrackField; message: string }[] {
  const t = TRACK_TEXT[lang];
  const problems: { field: TrackField; message: string }[] = [];
  const c = normaliseCode(code);
  if (!c) problems.push({ field: 'code', message: t.codeMissing });
  else if (!DOSSIER_CODE_PATTERN.test(c)) problems.push({ field: 'code', message: t.codeInvalid });
  const d = check.trim();
  if (!d) problems.push({ field: 'check', message: t.checkMissing });
  else if (!/^\d{4}$/.test(d)) problems.push({ field: 'check', message: t.checkInvalid });
  return problems;
}

/**
 * Is the document required for this form data? Same rule as `isDocumentRequired` in
 * shared/src/procedures/catalogue.ts (which brings zod with it, so it cannot run in the page);
 * test/unit/web/dossiers.test.ts checks the two agree on every catalogue document.
 */
export function documentRequired(doc: Pick<ProcedureDocument, 'mandatory' | 'mandatoryWhen'>, data: Record<string, unknown>): boolean {
  if (doc.mandatory) return true;
  return !!doc.mandatoryWhen && Object.hasOwn(data, doc.mandatoryWhen.field) && data[doc.mandatoryWhen.field] === doc.mandatoryWhen.equals;
}

