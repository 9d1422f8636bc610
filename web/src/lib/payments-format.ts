/**
 * Pure helpers of the payment pages (bill lookup, bill, result): form checks, money lines, Vietnam
 * time, pay-link addresses. Unit-tested (test/unit/web/payments-format.test.ts) and light enough for
 * the browser: nothing here may import zod (so not `@portal/shared/payments/*` at runtime).
 */
import type { BillItem, BillLookup, BillStatus } from '@portal/shared/payments/bills';
import type { PaymentStatus } from '@portal/shared/payments/payments';
import { pagePath, type Lang } from './i18n';

/** What one line costs the patient (same rule as `lineAmount` in shared/src/payments/bills.ts). */
export const lineAmount = (item: BillItem): number => item.quantity * item.unitPrice - item.insuranceCovered;

export const BILL_STATUS_LABELS: Record<BillStatus, Record<Lang, string>> = {
  unpaid: { vi: 'Chưa thanh toán', en: 'Not paid' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  partially_refunded: { vi: 'Đã thanh toán, hoàn tiền một phần', en: 'Paid, partly refunded' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, Record<Lang, string>> = {
  pending: { vi: 'Đang chờ xác nhận', en: 'Waiting for confirmation' },
  paid: { vi: 'Thành công', en: 'Successful' },
  failed: { vi: 'Không thành công', en: 'Not successful' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
  partially_refunded: { vi: 'Đã hoàn tiền một phần', en: 'Partly refunded' },
  held: { vi: 'Ngân hàng đang xem xét', en: 'Under review by the bank' },
};

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-05-04T02:05:00Z" → "04/05/2026 09:05": Vietnam time (UTC+7), whatever the device's zone. */
export function vietnamDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const t = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

/** "… 15 phút" from a Retry-After in seconds (at least one minute; 15 when the API sent none). */
export function lockoutMessage(retryAfterSeconds: number | undefined, lang: Lang): string {
  const minutes = retryAfterSeconds === undefined ? 15 : Math.max(1, Math.ceil(retryAfterSeconds / 60));
  if (lang === 'vi') return `Bạn đã nhập sai thông tin xác minh quá nhiều lần. Để bảo vệ thông tin của bệnh nhân, việc tra cứu hóa đơn này tạm khóa. Vui lòng thử lại sau ${minutes} phút.`;
  return `The verification details were wrong too many times. To protect the patient’s information, looking up this bill is locked for now. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * The shareable pay link. The token goes in the fragment (#…), which browsers never send to a
 * server, so it stays out of access logs, CDN logs and Referer headers.
 */
export function payLinkUrl(origin: string, token: string, lang: Lang): string {
  return `${origin}${pagePath('bill', lang)}#${encodeURIComponent(token)}`;
}

/** The token from `location.hash` ("#abc.def" → "abc.def"); null when it cannot be one. */
export function payLinkTokenFromHash(hash: string): string | null {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return null;
  }
  raw = raw.trim();
  return /^[A-Za-z0-9._~-]{8,80}$/.test(raw) ? raw : null;
}

/** Payment ids are ULIDs (shared/src/payments/payments.ts `paymentIdParams`). */
export const isPaymentId = (value: string | null): value is string => value !== null && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);

/* ------------------------------------------------------------------------------------------------
 * The lookup form. Checked in the browser first (GOV.UK style: every problem at once, next to its
 * field); the API checks again with the zod schema and its field errors map onto the same fields.
 * --------------------------------------------------------------------------------------------- */

export type LookupField = 'hospitalId' | 'patientCode' | 'billCode' | 'factor' | 'phoneLast4' | 'dateOfBirth';
export type SecondFactor = 'phone' | 'dob';

/** The form as typed, before any checks. */
export interface LookupInput {
  hospitalId: string;
  patientCode: string;
  billCode: string;
  factor: SecondFactor | '';
  phoneLast4: string;
  dateOfBirth: string;
}

export interface FieldProblem {
  field: LookupField;
  message: string;
}

type Problem = 'missing' | 'invalid' | 'future';

const MESSAGES: Record<LookupField, Partial<Record<Problem, Record<Lang, string>>>> = {
  hospitalId: {
    missing: { vi: 'Chọn bệnh viện đã lập hóa đơn', en: 'Select the hospital that issued the bill' },
    invalid: { vi: 'Chọn một bệnh viện trong danh sách', en: 'Select a hospital from the list' },
  },
  patientCode: {
    missing: { vi: 'Nhập mã bệnh nhân', en: 'Enter the patient code' },
    invalid: { vi: 'Mã bệnh nhân chỉ gồm chữ cái không dấu, chữ số và dấu - . _ (tối đa 40 ký tự)', en: 'The patient code can only contain letters without accents, digits and - . _ (up to 40 characters)' },
  },
  billCode: {
    missing: { vi: 'Nhập mã hóa đơn hoặc số phiếu thu', en: 'Enter the bill code or receipt number' },
    invalid: { vi: 'Mã hóa đơn chỉ gồm chữ cái không dấu, chữ số và dấu - . _ (tối đa 40 ký tự)', en: 'The bill code can only contain letters without accents, digits and - . _ (up to 40 characters)' },
  },
  factor: {
    missing: { vi: 'Chọn cách xác minh: 4 số cuối điện thoại hoặc ngày sinh', en: 'Choose how to confirm: last 4 digits of the phone number or date of birth' },
  },
  phoneLast4: {
    missing: { vi: 'Nhập 4 số cuối số điện thoại của bệnh nhân', en: 'Enter the last 4 digits of the patient’s phone number' },
    invalid: { vi: '4 số cuối điện thoại phải gồm đúng 4 chữ số, ví dụ 5678', en: 'Enter exactly 4 digits, for example 5678' },
  },
  dateOfBirth: {
    missing: { vi: 'Nhập ngày sinh của bệnh nhân', en: 'Enter the patient’s date of birth' },
    invalid: { vi: 'Ngày sinh phải là một ngày có thật, ví dụ 12/04/1985', en: 'The date of birth must be a real date, for example 12/04/1985' },
    future: { vi: 'Ngày sinh phải là một ngày trong quá khứ', en: 'The date of birth must be in the past' },
  },
};

export function fieldMessage(field: LookupField, problem: Problem, lang: Lang): string {
  const text = MESSAGES[field][problem] ?? MESSAGES[field].invalid ?? MESSAGES[field].missing;
  return text ? text[lang] : '';
}

const CODE = /^[A-Za-z0-9._-]{1,40}$/;

/**
 * A date of birth as `YYYY-MM-DD`: what a date input gives, or typed as dd/mm/yyyy where the
 * browser has no date picker. Undefined when it is not a real calendar date.
 */
export function normaliseDate(text: string): string | undefined {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Checks the form and builds the request body with exactly one second factor. `today` is the
 * Vietnam date (YYYY-MM-DD) that a date of birth may not be after.
 */
export function checkLookup(input: LookupInput, hospitalIds: readonly string[], today: string, lang: Lang): { lookup: BillLookup } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: LookupField, kind: Problem) => problems.push({ field, message: fieldMessage(field, kind, lang) });
  const patientCode = input.patientCode.trim();
  const billCode = input.billCode.trim();
  const phoneLast4 = input.phoneLast4.replace(/\s+/g, '');

  if (!input.hospitalId) problem('hospitalId', 'missing');
  else if (!hospitalIds.includes(input.hospitalId)) problem('hospitalId', 'invalid');
  if (!patientCode) problem('patientCode', 'missing');
  else if (!CODE.test(patientCode)) problem('patientCode', 'invalid');
  if (!billCode) problem('billCode', 'missing');
  else if (!CODE.test(billCode)) problem('billCode', 'invalid');

  let dateOfBirth: string | undefined;
  if (input.factor === '') problem('factor', 'missing');
  else if (input.factor === 'phone') {
    if (!phoneLast4) problem('phoneLast4', 'missing');
    else if (!/^\d{4}$/.test(phoneLast4)) problem('phoneLast4', 'invalid');
  } else if (!input.dateOfBirth.trim()) problem('dateOfBirth', 'missing');
  else {
    dateOfBirth = normaliseDate(input.dateOfBirth);
    if (!dateOfBirth) problem('dateOfBirth', 'invalid');
    else if (dateOfBirth > today) problem('dateOfBirth', 'future');
  }

  if (problems.length > 0) return { problems };
  const base = { hospitalId: input.hospitalId, patientCode, billCode };
  return { lookup: input.factor === 'phone' ? { ...base, phoneLast4 } : { ...base, dateOfBirth: dateOfBirth! } };
}

/**
 * The form field an API field error belongs to (`body.patientCode` → patientCode). The API's
 * "one of the two" rule reports `body.phoneLast4`; it belongs to whichever factor was chosen.
 */
export function fieldOfApiError(apiField: string, factor: SecondFactor | ''): LookupField | undefined {
  const name = apiField.replace(/^body\.?/, '');
  if (name === 'hospitalId' || name === 'patientCode' || name === 'billCode') return name;
  if (name === 'phoneLast4' || name === 'dateOfBirth' || name === '') {
    if (factor === 'phone') return 'phoneLast4';
    if (factor === 'dob') return 'dateOfBirth';
    return 'factor';
  }
  return undefined;
}
