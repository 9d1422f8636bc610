/**
 * Which audit entries reach a person's "who read my data" list (ADR 0025): staff entries about their
 * dossier or booking are indexed under them; their own actions, and entries with no subject, are not.
 */
import { describe, expect, it } from 'vitest';
import { appointmentTarget, auditEntry, dossierTarget } from '../../functions/src/repositories/audit';
import type { Principal } from '../../shared/src/roles';

const officer: Principal = { userId: 'officer-lan', role: 'officer', name: 'Võ Thị Lan', unitId: 'unit-nghiep-vu-y', duties: [] };
const reception: Principal = { userId: 'reception-cho-ray', role: 'hospital_staff', name: 'Phan Thị Hạnh', hospitalId: 'hosp-cho-ray', duties: ['reception'] };
const now = new Date('2026-12-08T02:00:00.000Z');
const itemOf = (principal: Principal, ...args: Parameters<typeof auditEntry> extends [string, unknown, ...infer R] ? R : never) =>
  auditEntry('portal', { principal, requestId: 'r-1', now }, ...args).Put.Item as Record<string, unknown>;

describe('audit entries and their data subject', () => {
  it("indexes an officer's read of a dossier under its applicant, with the officer's unit", () => {
    const item = itemOf(officer, 'dossier.read', dossierTarget({ dossierId: 'D1', ownerId: 'citizen-an', code: '000.00.31.H29-261208-0001' }));
    expect(item).toMatchObject({
      pk: 'AUDIT#dossier#D1', ownerPk: 'USER#citizen-an', subjectId: 'citizen-an', targetCode: '000.00.31.H29-261208-0001',
      actorId: 'officer-lan', actorRole: 'officer', actorUnitId: 'unit-nghiep-vu-y', action: 'dossier.read',
    });
    expect(String(item.ownerSk)).toMatch(/^AUDIT#2026-12-08T02:00:00\.000Z#[0-9a-f-]{36}$/);
    expect(String(item.ownerSk).slice('AUDIT#'.length)).toBe(item.sk);
  });

  it('indexes a check-in under the booking citizen, with the hospital', () => {
    const item = itemOf(reception, 'appointment.checkIn', appointmentTarget({ appointmentId: 'A1', userId: 'citizen-binh', code: 'AB12-CD34' }));
    expect(item).toMatchObject({ ownerPk: 'USER#citizen-binh', actorHospitalId: 'hosp-cho-ray', targetCode: 'AB12-CD34' });
  });

  it("does not index a person's own action, nor an entry about no one person", () => {
    const own = itemOf({ ...officer, userId: 'citizen-an' }, 'dossier.read', dossierTarget({ dossierId: 'D1', ownerId: 'citizen-an' }));
    expect(own.subjectId).toBe('citizen-an');
    expect(own.ownerPk).toBeUndefined();
    expect(itemOf(officer, 'inbox.list', { type: 'unit', id: 'unit-nghiep-vu-y' }).ownerPk).toBeUndefined();
  });
});
