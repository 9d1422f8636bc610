/**
 * Scheduled: settle payment attempts still pending after expiry (ADR 0008). `asOf` lets the local
 * stack's tests look past an expiry without waiting 15 minutes; the schedule never sends it.
 */
import { platformDeps } from '../platform/deps';
import { sweepPayments, type SweepReport } from '../services/payments-sweep';

export async function handler(event: { asOf?: string } = {}): Promise<SweepReport> {
  const asOf = event.asOf && !Number.isNaN(Date.parse(event.asOf)) ? new Date(event.asOf) : platformDeps.now();
  return sweepPayments(platformDeps, asOf);
}
