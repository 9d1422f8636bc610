import { describe, expect, it } from 'vitest';
import { catalogue, procedureSchema } from '../../shared/src/procedures/catalogue';

describe('the procedure catalogue data', () => {
  it('holds at least ten procedures, each valid against the schema', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(10);
    for (const procedure of catalogue) expect(() => procedureSchema.parse(procedure), procedure.code).not.toThrow();
  });

  it('uses each code once', () => {
    expect(new Set(catalogue.map((p) => p.code)).size).toBe(catalogue.length);
  });

  it('states every fee in whole VND', () => {
    for (const procedure of catalogue) expect(Number.isInteger(procedure.feeVnd)).toBe(true);
  });
});
