/**
 * The applicant's form data as an officer reads it: laid out by the procedure's form steps, each
 * value under its label, select values as their option's name, yes/no in words, addresses with
 * their ward and province names, repeatable groups item by item. Fields hidden by their condition
 * are left out; data the form no longer names is listed at the end so nothing is lost. Pure.
 */
import { formatAddress } from '@portal/shared/geography';
import { visibleFieldIds } from '@portal/shared/procedures/form-rules';
import type { FormField, FormSchema, LeafField } from '@portal/shared/procedures/forms';
import { formatVnd } from '@portal/shared/vietnamese';
import type { Lang } from './i18n';
import { displayDay } from './staff-format';

export interface DataRow {
  fieldId: string;
  label: string;
  /** Display text; '' when the applicant left it empty. */
  value: string;
  /** Repeatable group: one block per item. */
  items?: { title: string; rows: DataRow[] }[];
}

export interface DataSection {
  title: string;
  rows: DataRow[];
}

const label = (f: { labelVi: string; labelEn: string }, lang: Lang) => (lang === 'vi' ? f.labelVi : f.labelEn);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value as text, by the field's kind. */
export function formatValue(field: LeafField, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'select': {
      const option = field.options.find((o) => o.value === value);
      return option ? label(option, lang) : String(value);
    }
    case 'checkbox':
      return value === true ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
    case 'date':
      return typeof value === 'string' ? displayDay(value) : String(value);
    case 'number': {
      if (typeof value !== 'number') return String(value);
      const unit = lang === 'vi' ? field.unitVi : field.unitEn;
      const text = unit === '₫' || unit === 'VND' ? formatVnd(value) : value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
      return unit && unit !== '₫' && unit !== 'VND' ? `${text} ${unit}` : text;
    }
    case 'address':
      return isRecord(value) ? formatAddress(value as { province?: string; ward?: string; street?: string }, lang) : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Free-standing values the form does not describe (older form versions), shown as they are. */
function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function rowOf(field: FormField, value: unknown, lang: Lang): DataRow {
  if (field.kind !== 'group') return { fieldId: field.id, label: label(field, lang), value: formatValue(field, value, lang) };
  const itemLabel = lang === 'vi' ? field.itemLabelVi : field.itemLabelEn;
  const list = Array.isArray(value) ? value.filter(isRecord) : [];
  return {
    fieldId: field.id,
    label: label(field, lang),
    value: list.length === 0 ? '' : String(list.length),
    items: list.map((item, i) => {
      const visible = new Set(field.fields.filter((f) => !f.visibleWhen || item[f.visibleWhen.field] === f.visibleWhen.equals).map((f) => f.id));
      return {
        title: `${itemLabel} ${i + 1}`,
        rows: field.fields.filter((f) => visible.has(f.id)).map((f) => ({ fieldId: f.id, label: label(f, lang), value: formatValue(f, item[f.id], lang) })),
      };
    }),
  };
}

export function formDataSections(form: FormSchema | undefined, data: Record<string, unknown>, lang: Lang): DataSection[] {
  const sections: DataSection[] = [];
  const described = new Set<string>();
  if (form) {
    const visible = visibleFieldIds(form, data);
    for (const step of form.steps) {
      const rows = step.fields.filter((f) => visible.has(f.id)).map((f) => rowOf(f, data[f.id], lang));
      for (const f of step.fields) described.add(f.id);
      if (rows.length > 0) sections.push({ title: lang === 'vi' ? step.titleVi : step.titleEn, rows });
    }
  }
  const rest = Object.keys(data).filter((k) => !described.has(k));
  if (rest.length > 0) {
    sections.push({ title: lang === 'vi' ? 'Thông tin khác' : 'Other details', rows: rest.map((k) => ({ fieldId: k, label: k, value: rawText(data[k]) })) });
  }
  return sections;
}
