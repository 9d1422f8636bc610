/**
 * The insurance category a patient declares at booking (research/booking.md §3.1–3.2): a service
 * patient pays the full price; a BHYT patient is registered for primary care at this hospital, comes
 * for a follow-up this hospital scheduled, or brings a referral that must still be valid on the
 * appointment date. The hospital confirms entitlement before the visit; the portal checks what it can.
 */
import * as z from 'zod/mini';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days';
import { defaultWorkCalendar } from './dates';

export const INSURANCE_CATEGORIES = ['service', 'bhyt_registered', 'follow_up', 'referral'] as const;
export type InsuranceCategory = (typeof INSURANCE_CATEGORIES)[number];

/** A referral is valid for first use within 10 working days of signing, or to 31 December for chronic diseases. */
export const REFERRAL_VALIDITY = ['ten_working_days', 'calendar_year'] as const;
export type ReferralValidity = (typeof REFERRAL_VALIDITY)[number];
export const REFERRAL_WORKING_DAYS = 10;

export const INSURANCE_LABELS: Record<InsuranceCategory, { vi: string; en: string }> = {
  service: { vi: 'Khám dịch vụ (không dùng BHYT)', en: 'Service patient (no health insurance)' },
  bhyt_registered: { vi: 'BHYT đăng ký khám chữa bệnh ban đầu tại bệnh viện này', en: 'Health insurance registered at this hospital' },
  follow_up: { vi: 'BHYT tái khám theo hẹn của bệnh viện', en: 'Health insurance follow-up scheduled by this hospital' },
  referral: { vi: 'BHYT có giấy chuyển tuyến', en: 'Health insurance with a referral' },
};

export const insuranceSchema = z.strictObject({
  category: z.enum(INSURANCE_CATEGORIES),
  referralDate: z.optional(z.iso.date()),
  referralValidity: z.optional(z.enum(REFERRAL_VALIDITY)),
}).check(
  z.refine((i) => i.category !== 'referral' || i.referralDate !== undefined, { message: 'Nhập ngày ký giấy chuyển tuyến', path: ['referralDate'] }),
  z.refine((i) => i.category === 'referral' || (i.referralDate === undefined && i.referralValidity === undefined), { message: 'Chỉ nhập ngày chuyển tuyến khi có giấy chuyển tuyến', path: ['referralDate'] }),
);
export type Insurance = z.infer<typeof insuranceSchema>;

/** The last day a referral signed on `signed` can first be used. */
export function referralLastDay(signed: string, validity: ReferralValidity = 'ten_working_days', calendar: WorkCalendar = defaultWorkCalendar): string {
  return validity === 'calendar_year' ? `${signed.slice(0, 4)}-12-31` : addWorkingDays(signed, REFERRAL_WORKING_DAYS, calendar);
}

export type InsuranceProblem = 'referral_not_yet_signed' | 'referral_expired';

/** Is the declared insurance usable on the appointment date? */
export function insuranceProblem(insurance: Insurance, appointmentDate: string, calendar: WorkCalendar = defaultWorkCalendar): InsuranceProblem | undefined {
  if (insurance.category !== 'referral' || !insurance.referralDate) return undefined;
  if (insurance.referralDate > appointmentDate) return 'referral_not_yet_signed';
  if (appointmentDate > referralLastDay(insurance.referralDate, insurance.referralValidity, calendar)) return 'referral_expired';
  return undefined;
}

/** Does this category pay the exam fee at booking where the hospital asks for it? BHYT patients are not made to prepay. */
export const paysAtBooking = (category: InsuranceCategory): boolean => category === 'service';
