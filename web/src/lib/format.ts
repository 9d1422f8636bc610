/**
 * How a procedure's facts are shown, in either language. Pure: used by the pages at build time and
 * by the catalogue script in the browser (so it must not pull zod or anything heavy in).
 */
import { formatVnd } from '@portal/shared/vietnamese';
import type { Procedure, ProcedureDocument } from '@portal/shared/procedures/catalogue';
import type { FormSchema, VisibleWhen } from '@portal/shared/procedures/forms';
import { feeRange } from '@portal/shared/procedures/fees';
import type { Lang } from './i18n';

type TimeLimit = Procedure['timeLimit'];

export const APPLICANT_LABELS: Record<Procedure['applicantType'], Record<Lang, string>> = {
  individual: { vi: 'Cá nhân', en: 'Individual' },
  organisation: { vi: 'Tổ chức', en: 'Organisation' },
};

export const SERVICE_LEVEL_LABELS: Record<Procedure['serviceLevel'], Record<Lang, string>> = {
  full: { vi: 'Toàn trình', en: 'Fully online' },
  partial: { vi: 'Một phần', en: 'Partly online' },
};

/** 430000 → "430.000 ₫"; 0 → "Miễn phí" / "Free". */
export function formatFee(feeVnd: number, lang: Lang): string {
  if (feeVnd === 0) return lang === 'vi' ? 'Miễn phí' : 'Free';
  return formatVnd(feeVnd);
}

/**
 * A procedure's fee for a listing, on a date: "430.000 ₫", a range when variants differ
 * ("150.000 ₫ – 430.000 ₫"), "Miễn phí", or "Chưa công bố" when no figure is published yet.
 */
export function formatProcedureFee(fee: Procedure['fee'], lang: Lang, at: Date): string {
  const { min, max } = feeRange({ fee }, at);
  if (max === 0) return fee.confirmed ? formatFee(0, lang) : lang === 'vi' ? 'Chưa công bố' : 'Not yet published';
  return min === max ? formatVnd(min) : `${formatVnd(min)} – ${formatVnd(max)}`;
}

export const FEE_DUE_LABELS: Record<Procedure['fee']['due'], Record<Lang, string>> = {
  submission: { vi: 'Nộp khi nộp hồ sơ, trước khi hồ sơ được tiếp nhận', en: 'Paid with the application, before it is accepted' },
  before_result: { vi: 'Nộp trước khi nhận kết quả', en: 'Paid before the result is handed over' },
};

const TYPE_LABELS: Record<ProcedureDocument['accept'][number], string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** ['application/pdf', 'image/jpeg'] → "PDF, JPG". */
export const formatAccept = (types: readonly ProcedureDocument['accept'][number][]): string => types.map((t) => TYPE_LABELS[t]).join(', ');

/** 10485760 → "10 MB"; 1572864 → "1,5 MB" (vi) / "1.5 MB" (en). */
export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) {
    const text = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
    return `${lang === 'vi' ? text.replace('.', ',') : text} MB`;
  }
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * A form condition in words, for "mandatory when …" and fee variants: "Lý do đề nghị: Giấy phép bị
 * hư hỏng", or the checkbox's own label ("Phòng khám có sử dụng thiết bị X-quang").
 */
export function conditionText(form: FormSchema, cond: VisibleWhen, lang: Lang): string {
  const field = form.steps.flatMap((s) => s.fields).find((f) => f.id === cond.field);
  if (!field) return cond.field;
  const label = lang === 'vi' ? field.labelVi : field.labelEn;
  if (field.kind === 'select') {
    const option = field.options.find((o) => o.value === cond.equals);
    return `${label}: ${option ? (lang === 'vi' ? option.labelVi : option.labelEn) : String(cond.equals)}`;
  }
  if (cond.equals === false) return lang === 'vi' ? `Không: ${label}` : `Not: ${label}`;
  return label;
}

/** "2026-12-31" → "31/12/2026". */
export { displayDay as formatDay } from './staff-format';

/** "30 ngày", "20 ngày làm việc", "Giải quyết ngay" (and the English equivalents). */
export function formatTimeLimit({ value, unit }: TimeLimit, lang: Lang): string {
  switch (unit) {
    case 'immediate':
      return lang === 'vi' ? 'Giải quyết ngay' : 'Processed immediately';
    case 'working_days':
      return lang === 'vi' ? `${value} ngày làm việc` : `${value} working ${value === 1 ? 'day' : 'days'}`;
    case 'calendar_days':
      return lang === 'vi' ? `${value} ngày` : `${value} ${value === 1 ? 'day' : 'days'}`;
  }
}

/** The procedure's name in the page language. */
export const procedureName = (p: Pick<Procedure, 'nameVi' | 'nameEn'>, lang: Lang): string => (lang === 'vi' ? p.nameVi : p.nameEn);

/** "Tìm thấy 3 thủ tục" / "3 procedures found", announced to screen readers after each filter. */
export function resultCount(count: number, lang: Lang): string {
  if (lang === 'vi') return count === 0 ? 'Không tìm thấy thủ tục nào phù hợp.' : `Tìm thấy ${count} thủ tục.`;
  if (count === 0) return 'No procedures match.';
  return `${count} ${count === 1 ? 'procedure' : 'procedures'} found.`;
}
