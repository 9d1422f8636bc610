/**
 * Checking a dossier's form data against its FormSchema, without zod (the browser reuses it; the
 * server wraps it in a zod schema: forms.ts `formValidator`). Never throws, whatever the input.
 * This is the walk over the form: visibility, required fields (by step), groups and their items,
 * unknown fields, the size limit. Each value is checked by its field kind in field-values.ts.
 * Messages: Vietnamese with diacritics first, English second, naming the field's label.
 */
import { vietnamDate } from '../vietnamese';
import {
  OMIT, checkLeafValue, isPlainObject, own, report, requiredMessage, type Ctx, type FormIssue, type FormMode, type Where,
} from './field-values';
import type { FormField, FormSchema, GroupField } from './form-fields';

export { normalizeCccd, normalizePhone } from './field-values';
export type { AddressValue, FormIssue, FormMode } from './field-values';

export type ValidationResult = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

export interface ValidateOptions {
  /** Vietnam date used for past/future date checks; default today. */
  today?: string;
  /** Submit-mode required checks only for this step's fields (to check one step before moving on). */
  step?: string;
}

/** Serialized form data above this many characters is refused (API bodies are ≤ 64 KB). */
export const FORM_DATA_MAX_CHARS = 60_000;

/** Is the field shown, given the values so far? `scope` is where its controlling field lives. */
export function isFieldVisible(field: FormField, values: Record<string, unknown>, visible: ReadonlySet<string>): boolean {
  if (!field.visibleWhen) return true;
  return visible.has(field.visibleWhen.field) && own(values, field.visibleWhen.field) === field.visibleWhen.equals;
}

/** Ids of the top-level fields shown for these values (in form order; a hidden field hides its dependants). */
export function visibleFieldIds(form: FormSchema, data: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  for (const step of form.steps) for (const field of step.fields) if (isFieldVisible(field, data, visible)) visible.add(field.id);
  return visible;
}

/** Sub-fields of one group item that are shown: a sibling controls first, else a top-level field. */
function visibleSubFieldIds(group: GroupField, item: Record<string, unknown>, data: Record<string, unknown>, topVisible: ReadonlySet<string>): Set<string> {
  const visible = new Set<string>();
  const siblings = new Set(group.fields.map((f) => f.id));
  for (const sub of group.fields) {
    const ctrl = sub.visibleWhen?.field;
    const shown = !ctrl ? true : siblings.has(ctrl) ? isFieldVisible(sub, item, visible) : isFieldVisible(sub, data, topVisible);
    if (shown) visible.add(sub.id);
  }
  return visible;
}

const ADDRESS_KEYS = new Set(['province', 'ward', 'street']);
/** Nothing filled in: absent, null, '', [] or an address whose parts are all ''. Empty values are dropped. */
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.entries(v).every(([k, x]) => ADDRESS_KEYS.has(k) && (x === undefined || x === '')));


/** One field (leaf or group) of `values`; writes the cleaned value into `out`. */
function checkField(field: FormField, values: Record<string, unknown>, out: Record<string, unknown>, ctx: Ctx, w: Where, data: Record<string, unknown>, topVisible: ReadonlySet<string>): void {
  const value = own(values, field.id);
  const requiredHere = ctx.mode === 'submit' && ctx.enforceRequired(w.top);
  if (field.kind === 'group') {
    if (value === undefined) {
      if (requiredHere && (field.required || field.minItems > 0)) {
        report(ctx, w, `${w.labelVi}: cần ít nhất ${Math.max(1, field.minItems)} mục.`, `${w.labelEn}: add at least ${Math.max(1, field.minItems)} item(s).`);
      }
      return;
    }
    const items = checkGroup(field, value, ctx, w, data, topVisible, requiredHere);
    if (items !== OMIT && items.length > 0) out[field.id] = items;
    return;
  }
  if (isEmpty(value)) {
    if (requiredHere && field.required) {
      const [vi, en] = requiredMessage(field, w);
      report(ctx, w, vi, en);
    }
    return;
  }
  const checked = checkLeafValue(field, value, ctx, w);
  if (checked === OMIT) return;
  if (isEmpty(checked)) {
    // only blanks after trimming
    if (requiredHere && field.required) {
      const [vi, en] = requiredMessage(field, w);
      report(ctx, w, vi, en);
    }
    return;
  }
  if (field.kind === 'checkbox' && field.required && requiredHere && checked === false) {
    const [vi, en] = requiredMessage(field, w);
    report(ctx, w, vi, en);
    return;
  }
  out[field.id] = checked;
}

function checkGroup(group: GroupField, value: unknown, ctx: Ctx, w: Where, data: Record<string, unknown>, topVisible: ReadonlySet<string>, requiredHere: boolean): unknown[] | typeof OMIT {
  if (!Array.isArray(value)) {
    report(ctx, w, `${w.labelVi}: giá trị không hợp lệ.`, `${w.labelEn}: invalid value.`);
    return OMIT;
  }
  if (value.length > group.maxItems) {
    report(ctx, w, `${w.labelVi}: tối đa ${group.maxItems} mục.`, `${w.labelEn}: at most ${group.maxItems} items.`);
    return OMIT;
  }
  if (requiredHere && value.length < Math.max(group.minItems, group.required ? 1 : 0)) {
    const n = Math.max(group.minItems, 1);
    report(ctx, w, `${w.labelVi}: cần ít nhất ${n} mục.`, `${w.labelEn}: add at least ${n} item(s).`);
  }
  const known = new Set(group.fields.map((f) => f.id));
  const items: Record<string, unknown>[] = [];
  value.forEach((item, i) => {
    const itemWhere: Where = { top: w.top, path: `${w.path}.${i}`, labelVi: `${group.itemLabelVi} ${i + 1}`, labelEn: `${group.itemLabelEn} ${i + 1}` };
    if (!isPlainObject(item)) {
      report(ctx, itemWhere, `${itemWhere.labelVi}: giá trị không hợp lệ.`, `${itemWhere.labelEn}: invalid value.`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!known.has(key)) report(ctx, itemWhere, `${itemWhere.labelVi}: trường “${key.slice(0, 40)}” không có trong biểu mẫu.`, `${itemWhere.labelEn}: “${key.slice(0, 40)}” is not part of this form.`, `${itemWhere.path}.${key.slice(0, 40)}`);
    }
    const shown = visibleSubFieldIds(group, item, data, topVisible);
    const cleaned: Record<string, unknown> = {};
    for (const sub of group.fields) {
      if (!shown.has(sub.id)) continue;
      checkField(sub, item, cleaned, ctx, {
        top: w.top, path: `${itemWhere.path}.${sub.id}`, labelVi: sub.labelVi, labelEn: sub.labelEn, prefixVi: itemWhere.labelVi, prefixEn: itemWhere.labelEn,
      }, data, topVisible);
    }
    items.push(cleaned);
  });
  return items;
}

function check(form: FormSchema, data: unknown, mode: FormMode, opts: ValidateOptions): ValidationResult {
  const whole = (messageVi: string, messageEn: string): ValidationResult => ({ ok: false, issues: [{ field: '', path: '', messageVi, messageEn }] });
  if (!isPlainObject(data)) return whole('Dữ liệu biểu mẫu phải là một đối tượng (các trường và giá trị).', 'Form data must be an object of fields and values.');
  let size: number;
  try {
    size = JSON.stringify(data).length;
  } catch {
    return whole('Dữ liệu biểu mẫu không hợp lệ.', 'Form data is not valid.');
  }
  if (size > FORM_DATA_MAX_CHARS) {
    return whole(`Dữ liệu biểu mẫu quá lớn (tối đa ${FORM_DATA_MAX_CHARS.toLocaleString('vi-VN')} ký tự).`, `Form data is too large (at most ${FORM_DATA_MAX_CHARS} characters).`);
  }
  const stepFields = opts.step ? new Set(form.steps.find((s) => s.id === opts.step)?.fields.map((f) => f.id) ?? []) : undefined;
  const ctx: Ctx = { mode, today: opts.today ?? vietnamDate(new Date()), issues: [], enforceRequired: (top) => !stepFields || stepFields.has(top) };
  const fields = form.steps.flatMap((s) => s.fields);
  const known = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      const k = key.slice(0, 40);
      report(ctx, { top: k, path: k, labelVi: k, labelEn: k }, `Trường “${k}” không có trong biểu mẫu của thủ tục này.`, `Field “${k}” is not part of this procedure's form.`);
    }
  }
  const visible = visibleFieldIds(form, data);
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!visible.has(field.id)) continue;
    checkField(field, data, out, ctx, { top: field.id, path: field.id, labelVi: field.labelVi, labelEn: field.labelEn }, data, visible);
  }
  return ctx.issues.length ? { ok: false, issues: ctx.issues } : { ok: true, data: out };
}

/**
 * Checks form data against the form: `{ ok: true, data }` with the cleaned data (visible fields only,
 * trimmed, phone/CCCD normalised; submit drops empty values), or `{ ok: false, issues }`.
 * Never throws. See forms.ts `formValidator` for the modes.
 */
export function validateDossierData(form: FormSchema, data: unknown, mode: FormMode, opts: ValidateOptions = {}): ValidationResult {
  try {
    return check(form, data, mode, opts);
  } catch {
    return { ok: false, issues: [{ field: '', path: '', messageVi: 'Dữ liệu biểu mẫu không hợp lệ.', messageEn: 'Form data is not valid.' }] };
  }
}
