/**
 * Who may do what: the one place ownership and binding rules live. Pure functions, so the
 * authorization matrix test, the services and the site all ask the same questions.
 */
import type { AuthRule } from './routes';
import type { Principal } from './roles';

/** The route table's rule: is this caller (or an anonymous one) let in at all? */
export function allowsRoute(rule: AuthRule, principal: Principal | undefined): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (rule === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  if (!rule.roles.includes(principal.role)) return 'forbidden';
  if (rule.duties && !rule.duties.some((duty) => principal.duties.includes(duty))) return 'forbidden';
  return 'allowed';
}

/** What a resource says about who it belongs to. */
export interface Ownership {
  ownerId?: string;
  organisationId?: string;
  unitId?: string;
  hospitalId?: string;
}

/**
 * Can this principal see or act on a resource? Owners see their own; a clinic owner sees their
 * organisation's; officers see their unit's; hospital staff see their hospital's; admins see all.
 */
export function canAccess(principal: Principal, resource: Ownership): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'citizen':
      return resource.ownerId !== undefined && resource.ownerId === principal.userId;
    case 'clinic_owner':
      return (
        (resource.ownerId !== undefined && resource.ownerId === principal.userId) ||
        (resource.organisationId !== undefined && resource.organisationId === principal.organisationId)
      );
    case 'officer':
      return resource.unitId !== undefined && resource.unitId === principal.unitId;
    case 'hospital_staff':
      return resource.hospitalId !== undefined && resource.hospitalId === principal.hospitalId;
  }
}
