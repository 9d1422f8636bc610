import { describe, expect, it } from 'vitest';
import { procedureListResponse } from '../../../shared/src/procedures/api';
import { catalogue, procedureSchema, procedureSummarySchema, toProcedureSummary } from '../../../shared/src/procedures/catalogue';
import { isPrincipal, isProcedure, isProcedureList, isProcedureSummary } from '../../../web/src/lib/guards';

/** The browser's cheap guards must accept what the zod contract accepts and reject what the site cannot render. */
describe('browser response guards agree with the zod schemas', () => {
  it('accept every catalogue entry, its list summary and the list shape', () => {
    for (const p of catalogue) {
      expect(procedureSchema.safeParse(p).success).toBe(true);
      expect(isProcedure(JSON.parse(JSON.stringify(p)))).toBe(true);
      expect(isProcedureSummary(JSON.parse(JSON.stringify(toProcedureSummary(p))))).toBe(true);
    }
    const list = { items: catalogue.map(toProcedureSummary) };
    expect(procedureListResponse.safeParse(list).success).toBe(true);
    expect(isProcedureList(JSON.parse(JSON.stringify(list)))).toBe(true);
  });

  const base = toProcedureSummary(catalogue[0]!);
  const broken: [string, unknown][] = [
    ['unknown field', { ...base, field: 'dentistry' }],
    ['negative fee', { ...base, fee: { ...base.fee, amountVnd: -1 } }],
    ['fractional fee', { ...base, fee: { ...base.fee, amountVnd: 1.5 } }],
    ['fee as text', { ...base, fee: { ...base.fee, amountVnd: '430000' } }],
    ['fee due unknown', { ...base, fee: { ...base.fee, due: 'later' } }],
    ['fee reduction of 150 %', { ...base, fee: { ...base.fee, reductions: [{ factor: 1.5, until: '2026-12-31', basisVi: 'x', basisEn: 'x' }] } }],
    ['old flat fee only', { ...base, fee: undefined, feeVnd: 430_000 }],
    ['unknown time unit', { ...base, timeLimit: { value: 3, unit: 'weeks' } }],
    ['missing name', { ...base, nameVi: undefined }],
    ['bad code', { ...base, code: '../etc' }],
    ['legal basis not a list', { ...base, legalBasis: 'Luật 15/2023/QH15' }],
    ['available missing', { ...base, available: undefined }],
    ['appraisal flag missing', { ...base, requiresAppraisal: undefined }],
    ['null', null],
  ];
  it.each(broken)('reject a list item with %s (as zod does)', (_name, value) => {
    expect(procedureSummarySchema.safeParse(value).success).toBe(false);
    expect(isProcedureSummary(value)).toBe(false);
  });

  it('reject a procedure detail without its documents or form', () => {
    const full = JSON.parse(JSON.stringify(catalogue[0]!));
    expect(isProcedure({ ...full, documents: undefined })).toBe(false);
    expect(isProcedure({ ...full, documents: [{ id: 'x' }] })).toBe(false);
    expect(isProcedure({ ...full, form: { steps: 'none' } })).toBe(false);
    expect(procedureSchema.safeParse({ ...full, form: { steps: 'none' } }).success).toBe(false);
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
