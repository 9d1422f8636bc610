/**
 * The checks of one value by its field kind (text, number, date, select, CCCD, phone, e-mail,
 * address…): each returns the cleaned value or OMIT after reporting an issue in Vietnamese with
 * diacritics first, English second, naming the field's label. form-rules.ts walks the form and
 * calls them for each visible field. No zod: the browser reuses them.
 */
import { hasWardList, hcmcWardOf, provinceOf } from '../geography';
import type { FormField, LeafField } from './form-fields';

export type FormMode = 'draft' | 'submit';

export interface FormIssue {
  /** Top-level field id ('' for the whole object). */
  field: string;
  /** Dotted path: `staff.1.fullName`, `address.ward`. */
  path: string;
  messageVi: string;
  messageEn: string;
}

export interface AddressValue { province: string; ward: string; street: string }

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

export const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Ctx {
  mode: FormMode;
  today: string;
  issues: FormIssue[];
  /** Whether required checks apply to this top-level field (step restriction). */
  enforceRequired: (topId: string) => boolean;
}

export interface Where {
  top: string;
  path: string;
  labelVi: string;
  labelEn: string;
  /** Inside a group item: "Người hành nghề 2" leads the message. */
  prefixVi?: string;
  prefixEn?: string;
}

export function report(ctx: Ctx, where: Where, messageVi: string, messageEn: string, path = where.path): void {
  if (ctx.issues.length >= MAX_ISSUES) return;
  const vi = where.prefixVi ? `${where.prefixVi}: ${messageVi.replace(/^Vui lòng/, 'vui lòng')}` : messageVi;
  const en = where.prefixEn ? `${where.prefixEn}: ${messageEn.replace(/^Please/, 'please')}` : messageEn;
  ctx.issues.push({ field: where.top, path, messageVi: vi, messageEn: en });
}

export const OMIT = Symbol('omit');
export type Checked = unknown | typeof OMIT;

export function requiredMessage(field: FormField, w: Where): [string, string] {
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
export function checkLeafValue(field: LeafField, value: unknown, ctx: Ctx, w: Where): Checked {
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
