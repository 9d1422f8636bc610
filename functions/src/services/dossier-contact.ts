/**
 * The applicant's contact and second factors, read from the form data by field kind (every form
 * has one phone and one e-mail field for notices, and a personal ID number), so any procedure's
 * form works without naming its field ids. Nothing here reads configuration: the seed uses it too.
 */
import type { Procedure } from '@portal/shared/procedures/catalogue';
import { formFields } from '@portal/shared/procedures/forms';
import { createHash } from 'node:crypto';

/** The first top-level form field of a kind (the applicant's phone, e-mail, personal ID number). */
export function fieldOfKind(procedure: Procedure, data: Record<string, unknown>, kind: 'phone' | 'email' | 'cccd'): string | undefined {
  const field = formFields(procedure.form).find((f) => f.kind === kind && typeof data[f.id] === 'string');
  return field ? String(data[field.id]) : undefined;
}

/** The tracking's second factors, as hashes bound to the code (the digits themselves are never stored there). */
export function trackingChecks(code: string, procedure: Procedure, data: Record<string, unknown>): string[] {
  const digits = [fieldOfKind(procedure, data, 'phone'), fieldOfKind(procedure, data, 'cccd')]
    .map((v) => v?.replace(/\D/g, '').slice(-4))
    .filter((v): v is string => v !== undefined && v.length === 4);
  return [...new Set(digits)].map((last4) => checkHash(code, last4));
}

export const checkHash = (code: string, last4: string): string => createHash('sha256').update(`${code}:${last4}`).digest('hex');

