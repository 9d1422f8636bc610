import { describe, expect, it } from 'vitest';
import { allowsRoute, canAccess } from '../../shared/src/policy';
import type { Principal } from '../../shared/src/roles';

const person = (overrides: Partial<Principal>): Principal => ({ userId: 'u1', role: 'citizen', name: 'A', duties: [], ...overrides });

describe('route rules', () => {
  it('lets anyone through a public route', () => {
    expect(allowsRoute('public', undefined)).toBe('allowed');
  });

  it('asks an anonymous caller to sign in and refuses a signed-in caller without the role', () => {
    expect(allowsRoute({ roles: ['admin'] }, undefined)).toBe('unauthenticated');
    expect(allowsRoute({ roles: ['admin'] }, person({ role: 'officer' }))).toBe('forbidden');
    expect(allowsRoute({ roles: ['admin'] }, person({ role: 'admin' }))).toBe('allowed');
  });

  it('requires one of the duties when a route names them', () => {
    const rule = { roles: ['hospital_staff'] as const, duties: ['cashier'] as const };
    expect(allowsRoute(rule, person({ role: 'hospital_staff', duties: ['scheduler'] }))).toBe('forbidden');
    expect(allowsRoute(rule, person({ role: 'hospital_staff', duties: ['scheduler', 'cashier'] }))).toBe('allowed');
  });
});

describe('ownership', () => {
  it('shows a citizen only their own items', () => {
    expect(canAccess(person({ userId: 'an' }), { ownerId: 'an' })).toBe(true);
    expect(canAccess(person({ userId: 'an' }), { ownerId: 'binh' })).toBe(false);
    expect(canAccess(person({ userId: 'an' }), {})).toBe(false);
  });

  it("shows a clinic owner their organisation's items and nobody else's", () => {
    const owner = person({ role: 'clinic_owner', userId: 'minh', organisationId: 'org-a' });
    expect(canAccess(owner, { organisationId: 'org-a', ownerId: 'someone' })).toBe(true);
    expect(canAccess(owner, { organisationId: 'org-b' })).toBe(false);
  });

  it("binds officers to their unit and hospital staff to their hospital", () => {
    expect(canAccess(person({ role: 'officer', unitId: 'y' }), { unitId: 'y' })).toBe(true);
    expect(canAccess(person({ role: 'officer', unitId: 'y' }), { unitId: 'duoc' })).toBe(false);
    expect(canAccess(person({ role: 'officer', unitId: 'y' }), { ownerId: 'u1' })).toBe(false);
    expect(canAccess(person({ role: 'hospital_staff', hospitalId: 'cho-ray' }), { hospitalId: 'cho-ray' })).toBe(true);
    expect(canAccess(person({ role: 'hospital_staff', hospitalId: 'cho-ray' }), { hospitalId: 'nhi-dong-1' })).toBe(false);
  });

  it('lets an administrator see everything', () => {
    expect(canAccess(person({ role: 'admin' }), { ownerId: 'x', hospitalId: 'y' })).toBe(true);
  });
});
