/** Catalogue filtering, the same in the API and in the browser: diacritics-insensitive text search plus the two filters. */
import { foldDiacritics } from '../vietnamese';
import type { Procedure } from './catalogue';

export interface CatalogueFilter {
  q?: string;
  field?: Procedure['field'] | '';
  applicantType?: Procedure['applicantType'] | '';
}

/** "giay phep" finds "giấy phép"; every word must appear (in the Vietnamese or English name, or a code). */
export function filterProcedures<P extends Pick<Procedure, 'code' | 'nationalCode' | 'nameVi' | 'nameEn' | 'field' | 'applicantType'>>(items: readonly P[], filter: CatalogueFilter): P[] {
  const words = foldDiacritics(filter.q ?? '').split(/\s+/).filter(Boolean);
  return items.filter((p) => {
    if (filter.field && p.field !== filter.field) return false;
    if (filter.applicantType && p.applicantType !== filter.applicantType) return false;
    if (words.length === 0) return true;
    const haystack = foldDiacritics([p.nameVi, p.nameEn, p.code, p.nationalCode ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
