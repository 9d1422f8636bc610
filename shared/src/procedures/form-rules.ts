/**
 * Checking a dossier's form data against its FormSchema, without zod (the browser reuses it; the
 * server wraps it in a zod schema: forms.ts `formValidator`). Never throws, whatever the input.
 * Messages: Vietnamese with diacritics first, English second, naming the field's label.
 */
import { hasWardList, hcmcWardOf, provinceOf } from '../geography';
import { vietnamDate } from '../vietnamese';
import type { FormField, FormSchema, GroupField, LeafField } from './forms';

export type FormMode = 'draft' | 'submit';

export interface FormIssue {
  /** Top-level field id ('' for the whole object). */
  field: string;
  /** Dotted path: `staff.1.fullName`, `address.ward`. */
  path: string;
  messageVi: string;
  messageEn: string;
}

export type ValidationResult = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

export interface ValidateOptions {
  /** Vietnam date used for past/future date checks; default today. */
  today?: string;
  /** Submit-mode required checks only for this step's fields (to check one step before moving on). */
  step?: string;
}

export interface AddressValue { province: string; ward: string; street: string }

/** Serialized form data above this many characters is refused (API bodies are ≤ 64 KB). */
export const FORM_DATA_MAX_CHARS = 60_000;
const MAX_ISSUES = 50;

const CCCD = /^\d{12}$/;
const PHONE = /^(?:0|\+84)[35789]\d{8}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** "0912 345 678", "0912.345.678" → "0912345678"; "+84 912-345-678" → "+84912345678". */
export const normalizePhone = (value: string): string => value.replace(/[\s.\-()]/g, '');
/** "079 123 456 789" → "079123456789". */
export const normalizeCccd = (value: string): string => value.replace(/\s/g, '');

const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

interface Ctx {
  mode: FormMode;
  today: string;
  issues: FormIssue[];
  /** Whether required checks apply to this top-level field (step restriction). */
  enforceRequired: (topId: string) => boolean;
}

interface Where {
  top: string;
  path: string;
  labelVi: string;
  labelEn: string;
  /** Inside a group item: "Người hành nghề 2" leads the message. */
  prefixVi?: string;
  prefixEn?: string;
}

function report(ctx: Ctx, where: Where, messageVi: string, messageEn: string, path = where.path): void {
  if (ctx.issues.length >= MAX_ISSUES) return;
  const vi = where.prefixVi ? `${where.prefixVi}: ${messageVi.replace(/^Vui lòng/, 'vui lòng')}` : messageVi;
  const en = where.prefixEn ? `${where.prefixEn}: ${messageEn.replace(/^Please/, 'please')}` : messageEn;
  ctx.issues.push({ field: where.top, path, messageVi: vi, messageEn: en });
}

const ADDRESS_KEYS = new Set(['province', 'ward', 'street']);
/** Nothing filled in: absent, null, '', [] or an address whose parts are all ''. Empty values are dropped. */
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.entries(v).every(([k, x]) => ADDRESS_KEYS.has(k) && (x === undefined || x === '')));

const OMIT = Symbol('omit');
type Checked = unknown | typeof OMIT;

function requiredMessage(field: FormField, w: Where): [string, string] {
  switch (field.kind) {
    case 'select': return [`Vui lòng chọn ${w.labelVi}.`, `Please choose ${w.labelEn}.`];
    case 'checkbox': return [`Vui lòng xác nhận: ${w.labelVi}.`, `Please confirm: ${w.labelEn}.`];
    case 'address': return [`Vui lòng nhập đủ ${w.labelVi}: tỉnh/thành phố, phường/xã, số nhà và đường.`, `Please give the full ${w.labelEn}: province/city, ward/commune, street.`];
    default: return [`Vui lòng nhập ${w.labelVi}.`, `Please fill in ${w.labelEn}.`];
  }
}

/** A trimmed string within bounds, or OMIT after reporting. */
function checkString(value: unknown, max: number, multiLine: boolean, ctx: Ctx, w: Where): string | typeof OMIT {
  if (typeof value !== 'string') {
    report(ctx, w, `${w.labelVi}: giá trị không hợp lệ.`, `${w.labelEn}: invalid value.`);
    return OMIT;
  }
  const text = value.trim();
  if (text.length > max) {
    report(ctx, w, `${w.labelVi} dài tối đa ${max} ký tự.`, `${w.labelEn} must be at most ${max} characters.`);
    return OMIT;
  }
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) {
    report(ctx, w, `${w.labelVi} chứa ký tự không hợp lệ.`, `${w.labelEn} contains characters that are not allowed.`);
    return OMIT;
  }
  return text;
}

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`, 'u');
    patterns.set(source, re);
  }
  return re;
}

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= '1900-01-01' && value <= '2100-12-31';
}

/** Checks a non-empty value of a leaf field; returns the cleaned value or OMIT. */
function checkLeafValue(field: LeafField, value: unknown, ctx: Ctx, w: Where): Checked {
  switch (field.kind) {
    case 'text': {
      const text = checkString(value, field.maxLength, false, ctx, w);
      if (text === OMIT || text === '') return text;
      if (field.pattern && !patternOf(field.pattern).test(text)) {
        report(ctx, w, `${w.labelVi} không đúng định dạng${field.patternHintVi ? ` (${field.patternHintVi})` : ''}.`,
          `${w.labelEn} is not in the expected format${field.patternHintEn ? ` (${field.patternHintEn})` : ''}.`);
        return OMIT;
      }
      return text;
    }
    case 'textarea':
      return checkString(value, field.maxLength, true, ctx, w);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report(ctx, w, `${w.labelVi} phải là một số.`, `${w.labelEn} must be a number.`);
        return OMIT;
      }
      if (field.integer && !Number.isInteger(value)) {
        report(ctx, w, `${w.labelVi} phải là số nguyên.`, `${w.labelEn} must be a whole number.`);
        return OMIT;
      }
      if (field.min !== undefined && value < field.min) {
        report(ctx, w, `${w.labelVi} phải từ ${field.min} trở lên.`, `${w.labelEn} must be at least ${field.min}.`);
        return OMIT;
      }
      if (field.max !== undefined && value > field.max) {
        report(ctx, w, `${w.labelVi} tối đa là ${field.max}.`, `${w.labelEn} must be at most ${field.max}.`);
        return OMIT;
      }
      return value;
    }
    case 'date': {
      const text = checkString(value, 10, false, ctx, w);
      if (text === OMIT || text === '') return text;
      if (!isRealDate(text)) {
        report(ctx, w, `${w.labelVi} phải là một ngày hợp lệ (năm-tháng-ngày).`, `${w.labelEn} must be a valid date (YYYY-MM-DD).`);
        return OMIT;
      }
      if (field.range === 'past' && text > ctx.today) {
        report(ctx, w, `${w.labelVi} không được sau ngày hôm nay.`, `${w.labelEn} cannot be later than today.`);
        return OMIT;
      }
      if (field.range === 'future' && text < ctx.today) {
        report(ctx, w, `${w.labelVi} không được trước ngày hôm nay.`, `${w.labelEn} cannot be earlier than today.`);
        return OMIT;
      }
      return text;
    }
    case 'select': {
      if (value === '') return '';
      if (typeof value !== 'string' || !field.options.some((o) => o.value === value)) {
        report(ctx, w, `${w.labelVi}: hãy chọn một mục trong danh sách.`, `${w.labelEn}: choose one of the listed options.`);
        return OMIT;
      }
      return value;
    }
    case 'checkbox':
      if (typeof value !== 'boolean') {
        report(ctx, w, `${w.labelVi}: giá trị không hợp lệ.`, `${w.labelEn}: invalid value.`);
        return OMIT;
      }
      return value;
    case 'cccd': {
      const text = checkString(value, 20, false, ctx, w);
      if (text === OMIT || text === '') return text;
      const id = normalizeCccd(text);
      if (!CCCD.test(id)) {
        report(ctx, w, `${w.labelVi}: số định danh cá nhân (CCCD) gồm đúng 12 chữ số.`, `${w.labelEn}: the personal ID number (CCCD) has exactly 12 digits.`);
        return OMIT;
      }
      return id;
    }
    case 'phone': {
      const text = checkString(value, 20, false, ctx, w);
      if (text === OMIT || text === '') return text;
      const phone = normalizePhone(text);
      if (!PHONE.test(phone)) {
        report(ctx, w, `${w.labelVi}: số di động gồm số 0 và 9 chữ số (hoặc +84 và 9 chữ số).`,
          `${w.labelEn}: a Vietnamese mobile number is 0 followed by 9 digits (or +84 and 9 digits).`);
        return OMIT;
      }
      return phone;
    }
    case 'email': {
      const text = checkString(value, 254, false, ctx, w);
      if (text === OMIT || text === '') return text;
      if (!EMAIL.test(text)) {
        report(ctx, w, `${w.labelVi}: địa chỉ e-mail không hợp lệ.`, `${w.labelEn}: not a valid e-mail address.`);
        return OMIT;
      }
      return text;
    }
    case 'address':
      return checkAddress(value, ctx, w);
  }
}

function checkAddress(value: unknown, ctx: Ctx, w: Where): Checked {
  if (!isPlainObject(value)) {
    report(ctx, w, `${w.labelVi}: giá trị không hợp lệ.`, `${w.labelEn}: invalid value.`);
    return OMIT;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'province' && key !== 'ward' && key !== 'street') {
      report(ctx, w, `${w.labelVi}: thành phần “${key.slice(0, 40)}” không có trong địa chỉ.`, `${w.labelEn}: “${key.slice(0, 40)}” is not part of an address.`, `${w.path}.${key.slice(0, 40)}`);
      return OMIT;
    }
  }
  const part = (key: 'province' | 'ward' | 'street', max: number, vi: string, en: string) => {
    const v = own(value, key);
    if (v === undefined) return '';
    return checkString(v, max, false, ctx, { ...w, path: `${w.path}.${key}`, labelVi: `${w.labelVi} (${vi})`, labelEn: `${w.labelEn} (${en})` });
  };
  const province = part('province', 2, 'tỉnh/thành phố', 'province/city');
  const ward = part('ward', 100, 'phường/xã', 'ward/commune');
  const street = part('street', 200, 'số nhà, đường', 'street');
  if (province === OMIT || ward === OMIT || street === OMIT) return OMIT;
  if (province && !provinceOf(province)) {
    report(ctx, w, `${w.labelVi}: tỉnh/thành phố không có trong danh sách 34 tỉnh, thành phố.`, `${w.labelEn}: unknown province/city.`, `${w.path}.province`);
    return OMIT;
  }
  if (province && ward && hasWardList(province) && !hcmcWardOf(ward)) {
    report(ctx, w, `${w.labelVi}: phường/xã không thuộc Thành phố Hồ Chí Minh.`, `${w.labelEn}: not a ward or commune of Ho Chi Minh City.`, `${w.path}.ward`);
    return OMIT;
  }
  const address: AddressValue = { province, ward, street };
  if (ctx.mode === 'submit' && (province || ward || street) && !(province && ward && street)) {
    const missing = (['province', 'ward', 'street'] as const).find((k) => !address[k])!;
    const [vi, en] = requiredMessage({ kind: 'address' } as LeafField, w);
    report(ctx, w, vi, en, `${w.path}.${missing}`);
    return OMIT;
  }
  return address;
}

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
