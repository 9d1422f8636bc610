/**
 * Patient profiles for booking (for oneself or a relative). Identity is the 12-digit personal ID
 * (số định danh cá nhân, printed on the CCCD card; since August 2025 also the health-insurance
 * number) or, for older cards, the 10-digit BHXH code. Both are personal data: validated here,
 * never logged, never in a URL, and only hashed into keys.
 */
import * as z from 'zod/mini';
import { vietnamPhone } from '../payments/bills';

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Digits 1–3 are the province of birth registration (001–096); digit 4 encodes century and sex
 * (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s); digits 5–6 are the year of birth.
 */
export function personalIdProblem(id: string, dateOfBirth?: string, sex?: Sex): 'format' | 'province' | 'birth' | undefined {
  if (!/^\d{12}$/.test(id)) return 'format';
  const province = Number(id.slice(0, 3));
  if (province < 1 || province > 96) return 'province';
  if (dateOfBirth && sex) {
    const year = Number(dateOfBirth.slice(0, 4));
    const centuryCode = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
    if (Number(id[3]) !== centuryCode || id.slice(4, 6) !== dateOfBirth.slice(2, 4)) return 'birth';
  }
  return undefined;
}

const name = z.string().check(z.trim(), z.minLength(2), z.maxLength(100), z.regex(/^[\p{L}\p{M}' .-]+$/u));

export const patientSchema = z.strictObject({
  fullName: name,
  dateOfBirth: z.iso.date(),
  sex: z.enum(SEXES),
  phone: vietnamPhone,
  cccd: z.optional(z.string().check(z.regex(/^\d{12}$/))),
  bhxh: z.optional(z.string().check(z.regex(/^\d{10}$/))),
  address: z.optional(z.string().check(z.trim(), z.maxLength(200))),
}).check(
  z.refine((p) => p.cccd !== undefined || p.bhxh !== undefined, { message: 'Nhập số định danh cá nhân (CCCD) hoặc mã số BHXH', path: ['cccd'] }),
  z.refine((p) => p.cccd === undefined || personalIdProblem(p.cccd, p.dateOfBirth, p.sex) === undefined, { message: 'Số định danh không khớp với năm sinh hoặc giới tính', path: ['cccd'] }),
  z.refine((p) => p.dateOfBirth >= '1900-01-01', { message: 'Ngày sinh không hợp lệ', path: ['dateOfBirth'] }),
);
export type Patient = z.infer<typeof patientSchema>;

/** A saved profile (self or family): the same fields plus an id and how the account holder is related. */
export const RELATIONS = ['self', 'parent', 'child', 'spouse', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const saveProfileSchema = z.strictObject({ relation: z.enum(RELATIONS), patient: patientSchema });
export type SaveProfile = z.infer<typeof saveProfileSchema>;

/** A saved profile as the API answers it (no cross-field checks: they ran when it was saved). */
export const patientProfileSchema = z.object({
  ...patientSchema.shape,
  profileId: z.string(),
  relation: z.enum(RELATIONS),
  createdAt: z.string().check(z.describe('ISO-8601 instant (UTC)')),
});
export type PatientProfile = z.infer<typeof patientProfileSchema>;

/** The identifiers that make "the same patient" for the one-booking-per-specialty-per-day rule. */
export const patientIdentifiers = (p: Pick<Patient, 'cccd' | 'bhxh'>): string[] => [
  ...(p.cccd ? [`cccd:${p.cccd}`] : []),
  ...(p.bhxh ? [`bhxh:${p.bhxh}`] : []),
];

/** "Nguyễn Văn An" → "Nguyễn V. A." for lists shown to people who need only to recognise a patient. */
export function maskedName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 1) return parts[0] ?? '';
  return [parts[0], ...parts.slice(1).map((p) => `${p.charAt(0)}.`)].join(' ');
}
