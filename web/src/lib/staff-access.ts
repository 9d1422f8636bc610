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
