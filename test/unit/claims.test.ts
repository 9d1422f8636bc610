import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../functions/src/platform/auth';

const base = { sub: 'user-1', token_use: 'id', name: 'Nguyễn Văn An' };

describe('reading a principal from ID-token claims', () => {
  it('reads the role from the group and the bindings from custom attributes', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['hospital_staff'], 'custom:hospital': 'hosp-cho-ray', 'custom:duties': 'cashier,scheduler,baker' })).toEqual({
      userId: 'user-1', role: 'hospital_staff', name: 'Nguyễn Văn An', hospitalId: 'hosp-cho-ray', organisationId: undefined, unitId: undefined, duties: ['cashier', 'scheduler'],
    });
  });

  it('treats an account in no portal group (Cognito self sign-up) as a citizen', () => {
    expect(principalFromClaims({ ...base }).role).toBe('citizen');
    expect(principalFromClaims({ ...base, 'cognito:groups': ['some-other-app'] }).role).toBe('citizen');
  });

  it('lets a staff group win over citizen but refuses two staff roles', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['citizen', 'officer'] }).role).toBe('officer');
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['officer', 'admin'] })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it("refuses a role the token's issuer may not grant (ADR 0022)", () => {
    const staffPool = ['officer', 'hospital_staff', 'admin'] as const;
    const citizensPool = ['citizen', 'clinic_owner'] as const;
    expect(principalFromClaims({ ...base, 'cognito:groups': ['admin'] }, staffPool).role).toBe('admin');
    // A staff-pool account nobody put in a group is not a citizen of the portal.
    expect(() => principalFromClaims({ ...base }, staffPool)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // A group named like a staff role in the self-sign-up pool gives nobody that role.
    expect(() => principalFromClaims({ ...base, 'cognito:groups': ['admin'] }, citizensPool)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(principalFromClaims({ ...base, 'cognito:groups': ['clinic_owner'], 'custom:organisation': 'org-1' }, citizensPool)).toMatchObject({ role: 'clinic_owner', organisationId: 'org-1' });
    expect(principalFromClaims({ ...base }, citizensPool).role).toBe('citizen');
  });

  it('requires a subject', () => {
    expect(() => principalFromClaims({ token_use: 'id' })).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });
});
