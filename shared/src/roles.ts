/**
 * Who can use the portal. A signed-in principal has exactly one role and, depending on it,
 * a binding: a clinic owner to an organisation, an officer to a department unit, hospital staff
 * to a hospital (with duties). The same shape comes out of a Cognito ID token in AWS and out of
 * the local dev identity provider.
 */
import type { NationalIdentity } from './auth/national-claims';

export const ROLES = ['citizen', 'clinic_owner', 'officer', 'hospital_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const DUTIES = ['scheduler', 'cashier', 'reception'] as const;
export type Duty = (typeof DUTIES)[number];

export const STAFF_ROLES: readonly Role[] = ['officer', 'hospital_staff', 'admin'];

export interface Principal {
  /** Stable user id (the token's `sub`). */
  userId: string;
  role: Role;
  name: string;
  organisationId?: string;
  unitId?: string;
  hospitalId?: string;
  duties: Duty[];
  /**
   * Signed in through a national identity provider (VNeID): what its token says about the person,
   * to prefill forms (ADR 0021). Personal data: only ever shown back to the person.
   */
  identity?: NationalIdentity;
}

/**
 * Token claim names. Roles travel as Cognito groups; bindings as custom attributes, so a Cognito
 * ID token and a local token carry them the same way.
 */
export const CLAIMS = {
  groups: 'cognito:groups',
  organisation: 'custom:organisation',
  unit: 'custom:unit',
  hospital: 'custom:hospital',
  duties: 'custom:duties',
  name: 'name',
} as const;

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Công dân', en: 'Citizen' },
  clinic_owner: { vi: 'Chủ cơ sở khám chữa bệnh', en: 'Clinic owner' },
  officer: { vi: 'Cán bộ Sở Y tế', en: 'Department officer' },
  hospital_staff: { vi: 'Nhân viên bệnh viện', en: 'Hospital staff' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);
