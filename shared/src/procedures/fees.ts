/**
 * The fee a dossier owes: the procedure's base amount, or the first variant whose condition the form
 * data meets (facility type, device class, reason…), times the reduction in force on the Vietnam date
 * of `at` (e.g. device fees halved 1 Jul 2025 – 31 Dec 2026 by Circular 64/2025/TT-BTC). Integer VND;
 * a halved odd amount rounds to the nearest đồng.
 */
import { vietnamDate } from '../vietnamese';
import type { FeeReduction, Procedure } from './catalogue';

export interface FeeQuote {
  /** What is due now. */
  amountVnd: number;
  /** Before any reduction. */
  baseVnd: number;
  variantId?: string;
  reduction?: FeeReduction;
}

type FeeSource = Pick<Procedure, 'fee'>;

/** The reduction in force on a Vietnam date, if any. */
export function reductionOn(procedure: FeeSource, date: string): FeeReduction | undefined {
  return procedure.fee.reductions?.find((r) => (r.from === undefined || r.from <= date) && date <= r.until);
}

export function feeFor(procedure: FeeSource, data: Record<string, unknown>, at: Date): FeeQuote {
  const { fee } = procedure;
  const variant = fee.variants?.find((v) => Object.hasOwn(data, v.when.field) && data[v.when.field] === v.when.equals);
  const baseVnd = variant?.amountVnd ?? fee.amountVnd;
  const reduction = baseVnd > 0 ? reductionOn(procedure, vietnamDate(at)) : undefined;
  const amountVnd = reduction ? Math.round(baseVnd * reduction.factor) : baseVnd;
  return { amountVnd, baseVnd, ...(variant ? { variantId: variant.id } : {}), ...(reduction ? { reduction } : {}) };
}

/** Lowest and highest amount a procedure may cost on a date (for "từ 500.000 ₫" in listings). */
export function feeRange(procedure: FeeSource, at: Date): { min: number; max: number } {
  const reduction = reductionOn(procedure, vietnamDate(at));
  const amounts = [procedure.fee.amountVnd, ...(procedure.fee.variants ?? []).map((v) => v.amountVnd)]
    .map((a) => (reduction && a > 0 ? Math.round(a * reduction.factor) : a));
  return { min: Math.min(...amounts), max: Math.max(...amounts) };
}
