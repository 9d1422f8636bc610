/**
 * The pure parts of the dossier form renderer (dossier-form.ts): element ids, the attributes of
 * each kind of control, number parsing, option lists and visibility. No DOM here, so the unit
 * tests (test/unit/web/dossier-form.test.ts) run them in Node.
 */
import type { FormField, FormSchema, LeafField } from '@portal/shared/procedures/forms';
import { HCMC_PROVINCE_CODE, HCMC_WARDS, PROVINCES } from '@portal/shared/geography';
import type { Lang } from './i18n';

/** Element id of a field path: (`df`, `staff.1.cccd`) → `df-staff-1-cccd`. */
export const elementId = (prefix: string, path: string): string => `${prefix}-${path.replace(/\./g, '-')}`;

export const pick = <T>(lang: Lang, vi: T, en: T | undefined): T => (lang === 'en' && en !== undefined ? en : vi);
export const labelOf = (f: { labelVi: string; labelEn: string }, lang: Lang): string => pick(lang, f.labelVi, f.labelEn);
export const hintOf = (f: { hintVi?: string; hintEn?: string }, lang: Lang): string | undefined => pick(lang, f.hintVi, f.hintEn);

/** The attributes of a leaf control (not address, which is three controls). */
export interface ControlSpec {
  tag: 'input' | 'textarea' | 'select';
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  maxlength?: number;
  spellcheck?: boolean;
  min?: string;
  max?: string;
  /** Extra class for the width of the control. */
  width?: string;
}

export function controlSpec(field: Exclude<LeafField, { kind: 'address' }>, today: string): ControlSpec {
  switch (field.kind) {
    case 'text':
      return { tag: 'input', type: 'text', maxlength: field.maxLength, ...(field.autocomplete ? { autocomplete: field.autocomplete } : {}), ...(field.maxLength <= 40 ? { width: 'input-short' } : {}) };
    case 'textarea':
      return { tag: 'textarea', maxlength: field.maxLength };
    case 'number':
      return { tag: 'input', type: 'text', inputmode: field.integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: false, width: 'input-number' };
    case 'date':
      return {
        tag: 'input', type: 'date', width: 'input-date', ...(field.autocomplete ? { autocomplete: field.autocomplete } : {}),
        ...(field.range === 'past' ? { max: today } : {}), ...(field.range === 'future' ? { min: today } : {}),
      };
    case 'select':
      return { tag: 'select' };
    case 'checkbox':
      return { tag: 'input', type: 'checkbox' };
    case 'cccd':
      return { tag: 'input', type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: false, maxlength: 15, width: 'input-id' };
    case 'phone':
      return { tag: 'input', type: 'tel', inputmode: 'tel', autocomplete: 'tel', spellcheck: false, maxlength: 20, width: 'input-id' };
    case 'email':
      return { tag: 'input', type: 'email', autocomplete: 'email', spellcheck: false, maxlength: 254 };
  }
}

/** What a number box holds: '' stays '' (nothing entered), "120,5" → 120.5, anything else is sent as typed for the checker to refuse. */
export function parseNumberInput(raw: string): number | string {
  const text = raw.trim().replace(/\s/g, '');
  if (text === '') return '';
  const normalised = /^-?\d+(,\d+)?$/.test(text) ? text.replace(',', '.') : text;
  const n = Number(normalised);
  return /^-?\d+(\.\d+)?$/.test(normalised) && Number.isFinite(n) ? n : raw.trim();
}

/** Provinces for the select: Hồ Chí Minh City first, then the others in Vietnamese order. */
export function provinceOptions(lang: Lang): { value: string; label: string }[] {
  const rest = PROVINCES.filter((p) => p.code !== HCMC_PROVINCE_CODE).map((p) => ({ value: p.code, label: lang === 'vi' ? p.nameVi : p.nameEn }));
  rest.sort((a, b) => a.label.localeCompare(b.label, lang === 'vi' ? 'vi' : 'en'));
  const hcmc = PROVINCES.find((p) => p.code === HCMC_PROVINCE_CODE)!;
  return [{ value: hcmc.code, label: lang === 'vi' ? `Thành phố ${hcmc.nameVi}` : hcmc.nameEn }, ...rest];
}

/** Hồ Chí Minh City's 168 wards, communes and special zone, by name. */
export function hcmcWardOptions(): { value: string; label: string }[] {
  return HCMC_WARDS.map((w) => ({ value: w.code, label: w.nameVi })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

/** Is `field` shown, given the values around it? (mirrors form-rules' visibility) */
export function shown(field: FormField, scope: Record<string, unknown>, visible: ReadonlySet<string>): boolean {
  if (!field.visibleWhen) return true;
  return visible.has(field.visibleWhen.field) && scope[field.visibleWhen.field] === field.visibleWhen.equals;
}

/** Ids of the top-level fields shown for these values, over the whole form. */
export function visibleTopIds(form: FormSchema, values: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  for (const step of form.steps) for (const f of step.fields) if (shown(f, values, visible)) visible.add(f.id);
  return visible;
}

