import { describe, expect, it } from 'vitest';
import { procedureListResponse } from '../../../shared/src/procedures/api';
import { catalogue, procedureSchema } from '../../../shared/src/procedures/catalogue';
import { isPrincipal, isProcedure, isProcedureList } from '../../../web/src/lib/guards';

/** The browser's cheap guards must accept what the zod contract accepts and reject what the site cannot render. */
describe('browser response guards agree with the zod schemas', () => {
  it('accept every catalogue entry and the list shape', () => {
    for (const p of catalogue) {
      expect(procedureSchema.safeParse(p).success).toBe(true);
      expect(isProcedure(p)).toBe(true);
    }
    const list = { items: catalogue };
    expect(procedureListResponse.safeParse(list).success).toBe(true);
    expect(isProcedureList(JSON.parse(JSON.stringify(list)))).toBe(true);
  });

  const base = catalogue[0]!;
  const broken: [string, unknown][] = [
    ['unknown field', { ...base, field: 'dentistry' }],
    ['negative fee', { ...base, feeVnd: -1 }],
    ['fractional fee', { ...base, feeVnd: 1.5 }],
    ['fee as text', { ...base, feeVnd: '430000' }],
    ['unknown time unit', { ...base, timeLimit: { value: 3, unit: 'weeks' } }],
    ['missing name', { ...base, nameVi: undefined }],
    ['bad code', { ...base, code: '../etc' }],
    ['legal basis not a list', { ...base, legalBasis: 'Luật 15/2023/QH15' }],
    ['available missing', { ...base, available: undefined }],
    ['null', null],
  ];
  it.each(broken)('reject a procedure with %s (as zod does)', (_name, value) => {
    expect(procedureSchema.safeParse(value).success).toBe(false);
    expect(isProcedure(value)).toBe(false);
  });

  it('reject a list with a broken item', () => {
    expect(isProcedureList({ items: [base, { ...base, serviceLevel: 'some' }] })).toBe(false);
    expect(isProcedureList([base])).toBe(false);
  });

  it('check /api/me principals', () => {
    expect(isPrincipal({ userId: 'u1', role: 'hospital_staff', name: 'A', hospitalId: 'bv-1', duties: ['cashier'] })).toBe(true);
    expect(isPrincipal({ userId: 'u1', role: 'citizen', name: 'A', duties: [] })).toBe(true);
    expect(isPrincipal({ userId: 'u1', role: 'root', name: 'A', duties: [] })).toBe(false);
    expect(isPrincipal({ userId: 'u1', role: 'citizen', name: 'A' })).toBe(false);
  });
});
