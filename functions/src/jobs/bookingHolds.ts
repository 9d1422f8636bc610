/**
 * Scheduled: releases booking places held for payment past their hold (ADR 0016). `asOf` lets the
 * local stack's tests look past a hold without waiting 15 minutes; the schedule never sends it.
 */
import { platformDeps } from '../platform/deps';
import { sweepHolds, type HoldSweepReport } from '../services/booking-jobs';

export async function handler(event: { asOf?: string } = {}): Promise<HoldSweepReport> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return sweepHolds(platformDeps, asOf);
}
