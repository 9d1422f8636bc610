/**
 * Licences and certificates the department issues on approval (ADR 0015): their numbers, what the
 * document states (holder, scope, validity), the register's status rules and the renewal
 * reminders. Pure: the licences job, the public verification and the site share these rules.
 */
import type { LicenceStatus } from '../dossiers/api';
import { formFields, type FormField } from '../procedures/forms';
import type { Procedure } from '../procedures/catalogue';
import { vietnamDate } from '../vietnamese';

/**
 * Number prefixes by what the document is: practice licence (GPHN), operating licence (GPHD),
 * pharmacy practising certificate (CCHND), pharmaceutical business certificate (GCNDKKD), and the
 * acknowledgements of medical-device declarations (CBTTB).
 */
export const LICENCE_PREFIXES = ['GPHN', 'GPHD', 'CCHND', 'GCNDKKD', 'CBTTB'] as const;
export type LicencePrefix = (typeof LICENCE_PREFIXES)[number];

export function licencePrefixFor(procedure: Pick<Procedure, 'field' | 'applicantType'>): LicencePrefix {
  switch (procedure.field) {
    case 'medical_practice':
      return 'GPHN';
    case 'clinic_operation':
      return 'GPHD';
    case 'pharmacy':
      return procedure.applicantType === 'individual' ? 'CCHND' : 'GCNDKKD';
    case 'medical_devices':
      return 'CBTTB';
  }
}

/** `GPHD-2026-000001`: prefix, Vietnam year of issue, a yearly sequence per prefix (api.ts checks the same shape). */
export const LICENCE_NUMBER = /^[A-Z]{2,8}-\d{4}-\d{6}$/;
export const MAX_LICENCE_SEQUENCE = 999_999;

export function formatLicenceNumber(prefix: LicencePrefix, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_LICENCE_SEQUENCE) throw new RangeError(`Licence sequence out of range: ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const licenceYearOf = (number: string): number => Number(number.split('-')[1]);

/** The verification page the licence's QR code opens. */
export const licenceVerifyUrl = (publicBaseUrl: string, number: string): string => `${publicBaseUrl.replace(/\/+$/, '')}/tra-cuu/giay-phep/${number}`;

/** Where the signed PDF is kept (the licences job writes, the holder's download and the public check read). */
export const licenceDocumentKey = (number: string): string => `licences/${licenceYearOf(number)}/${number}.pdf`;

/** The register's status of a licence now: a valid licence past its last day reads as expired. */
export function currentLicenceStatus(stored: Exclude<LicenceStatus, 'expired'>, validUntil: string | undefined, now: Date): LicenceStatus {
  if (stored === 'valid' && validUntil !== undefined && vietnamDate(now) > validUntil) return 'expired';
  return stored;
}

/** What an administrator may change: suspend or revoke a valid licence, reinstate or revoke a suspended one. Revocation is final. */
export function statusChangeAllowed(from: Exclude<LicenceStatus, 'expired'>, to: Exclude<LicenceStatus, 'expired'>): boolean {
  if (from === to || from === 'revoked') return false;
  return true;
}

/** `2026-03-05` + 5 years → `2031-03-04`: valid through the day before the anniversary (29 Feb → 28 Feb). */
export function validUntilFor(validFrom: string, years: number): string {
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb of a leap year + N years lands on 1 Mar when N is not a multiple of 4: use 28 Feb then.
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}

/** Renewal reminders go out this many days before the last valid day, once each. */
export const REMINDER_DAYS = [60, 30] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/**
 * The reminders due today for a licence valid through `validUntil`: the 60-day one from 60 days
 * before (until the 30-day one takes over), the 30-day one from 30 days before until the last
 * day. A day the job did not run is caught up the next day; a reminder already sent is skipped by
 * its guard item.
 */
export function remindersDue(validUntil: string, today: string): ReminderDays[] {
  const days = Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return [];
  if (days <= 30) return [30];
  if (days <= 60) return [60];
  return [];
}

/** A Vietnam date `days` after `today`. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Fields whose value names the holder: the organisation or facility, else the person. */
const HOLDER_FIELDS = ['clinicName', 'businessName', 'orgName', 'fullName'] as const;
/** Fields that state the scope, in the order the document prints them. */
const SCOPE_FIELDS = ['requestedScope', 'profession', 'specialty', 'position', 'facilityType', 'businessType', 'deviceClass', 'tradesClassB', 'tradesClassC', 'tradesClassD'] as const;

function valueText(field: FormField | undefined, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '' || value === false) return undefined;
  if (field?.kind === 'select') return field.options.find((o) => o.value === value)?.labelVi ?? String(value);
  if (field?.kind === 'checkbox') return value === true ? field.labelVi : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

/** What the licence states about its holder and scope, from the approved form data. */
export function licenceFacts(procedure: Procedure, data: Record<string, unknown>, applicantName: string): { holderName: string; scopeVi: string } {
  const fields = new Map(formFields(procedure.form).map((f) => [f.id, f]));
  const holder = HOLDER_FIELDS.map((id) => valueText(fields.get(id), data[id])).find((v) => v !== undefined);
  const scope = SCOPE_FIELDS.map((id) => valueText(fields.get(id), data[id])).filter((v): v is string => v !== undefined);
  return { holderName: holder ?? applicantName, scopeVi: scope.length > 0 ? scope.join('; ') : procedure.nameVi };
}

/** Everything the PDF prints (no personal data beyond what a licence publicly states). */
export interface LicenceContent {
  number: string;
  kind: 'licence' | 'certificate';
  titleVi: string;
  titleEn: string;
  holderName: string;
  scopeVi: string;
  procedureNameVi: string;
  issuingUnit: string;
  signedBy: string;
  issuedAt: string;
  validFrom: string;
  validUntil?: string;
  dossierCode?: string;
  legalBasis: string[];
  verifyUrl: string;
}
