/**
 * How a procedure's facts are shown, in either language. Pure: used by the pages at build time and
 * by the catalogue script in the browser (so it must not pull zod or anything heavy in).
 */
import { formatVnd } from '@portal/shared/vietnamese';
import type { Procedure } from '@portal/shared/procedures/catalogue';
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
