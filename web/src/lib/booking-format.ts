/** Words and formats of the booking pages (Vietnamese first), shared by the citizen and staff pages. */
import type { AppointmentStatus, AppointmentView } from '@portal/shared/booking/api';
import { INSURANCE_LABELS, type InsuranceCategory } from '@portal/shared/booking/insurance';
import { PERIOD_LABELS, type Period } from '@portal/shared/booking/sessions';
import type { Lang } from './i18n';

export const STATUS_LABELS: Record<AppointmentStatus, Record<Lang, string>> = {
  held: { vi: 'Đang giữ chỗ – chờ thanh toán', en: 'Held – awaiting payment' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  checked_in: { vi: 'Đã tiếp đón', en: 'Checked in' },
  no_show: { vi: 'Không đến khám', en: 'Did not attend' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  released: { vi: 'Hết thời gian giữ chỗ', en: 'Hold expired' },
};

const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
export const weekdayName = (weekday: number, lang: Lang): string => WEEKDAYS[lang][weekday - 1] ?? '';

/** `2026-03-02` → "Thứ Hai, 02/03/2026" (the date string is a Vietnam date; no time zone involved). */
export function dayLabel(date: string, lang: Lang): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const dmy = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  return `${weekdayName(day === 0 ? 7 : day, lang)}, ${dmy}`;
}

export const periodLabel = (period: Period, lang: Lang): string => PERIOD_LABELS[period][lang];
export const insuranceLabel = (category: InsuranceCategory, lang: Lang): string => INSURANCE_LABELS[category][lang];

/** An instant shown in Vietnam time: "16:59 01/03/2026". */
export function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

export const placesText = (n: number, lang: Lang): string =>
  n <= 0 ? (lang === 'vi' ? 'Hết chỗ' : 'Full') : lang === 'vi' ? `Còn ${n} chỗ` : `${n} ${n === 1 ? 'place' : 'places'} left`;

/** May the patient still cancel or move it? A booking that holds a place, before the cut-off. */
export function canChangeNow(a: Pick<AppointmentView, 'status' | 'changeableUntil'>, nowMs: number): boolean {
  return (a.status === 'confirmed' || a.status === 'held') && nowMs < Date.parse(a.changeableUntil);
}

/** A fresh Idempotency-Key for one booking attempt. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
