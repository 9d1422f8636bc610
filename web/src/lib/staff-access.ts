/**
 * Who may use the staff pages: hospital staff of one hospital with the cashier duty. Its own tiny
 * module so the account page can ask without loading the staff pages' helpers.
 */
import type { Principal } from '@portal/shared/roles';

export type StaffAccess = { ok: true; hospitalId: string } | { ok: false; reason: 'not_hospital_staff' | 'not_cashier' | 'no_hospital' };

export function cashierAccess(me: Principal): StaffAccess {
  if (me.role !== 'hospital_staff') return { ok: false, reason: 'not_hospital_staff' };
  if (!me.duties.includes('cashier')) return { ok: false, reason: 'not_cashier' };
  if (!me.hospitalId) return { ok: false, reason: 'no_hospital' };
  return { ok: true, hospitalId: me.hospitalId };
}

/** The department's pages: officers of a unit (inbox, dossiers) and administrators (calendar, licences). */
export type DepartmentNeed = 'officer' | 'officer_or_admin' | 'admin';
export type DepartmentAccess = { ok: true; role: 'officer' | 'admin'; unitId?: string } | { ok: false; reason: 'not_officer' | 'not_admin' | 'no_unit' };

export function departmentAccess(me: Principal, need: DepartmentNeed): DepartmentAccess {
  if (me.role === 'admin' && need !== 'officer') return { ok: true, role: 'admin' };
  if (need === 'admin') return { ok: false, reason: 'not_admin' };
  if (me.role !== 'officer') return { ok: false, reason: 'not_officer' };
  if (!me.unitId) return { ok: false, reason: 'no_unit' };
  return { ok: true, role: 'officer', unitId: me.unitId };
}
