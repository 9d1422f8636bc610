/**
 * The reconciliation sweep: attempts still pending after their expiry (VNPay's IPN never came, or
 * never got through) are settled from VNPay's own record with QueryDR — paid, or expired so the
 * payable can be paid again. Anything VNPay cannot confirm stays for the next run.
 */
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { deleteSweepMarker, expiredPendingMarkers, getAttempt } from '../repositories/payments';
import { settleExpiredAttempt, type PaymentDeps } from './payments';

export interface SweepReport {
  examined: number;
  paid: number;
  expired: number;
  unresolved: number;
}

export async function sweepPayments(deps: PaymentDeps, asOf: Date, batch = 200): Promise<SweepReport> {
  const report: SweepReport = { examined: 0, paid: 0, expired: 0, unresolved: 0 };
  const markers = await expiredPendingMarkers(deps, asOf.toISOString(), batch);
  for (const marker of markers) {
    report.examined++;
    const attempt = await getAttempt(deps, marker.paymentId);
    if (!attempt || attempt.status !== 'pending') {
      // Settled meanwhile (the IPN won the race): only the marker is left.
      await deleteSweepMarker(deps, marker);
      continue;
    }
    try {
      const status = await settleExpiredAttempt(deps, attempt);
      if (status === 'paid') report.paid++;
      else report.expired++;
    } catch (error) {
      report.unresolved++;
      if (!(error instanceof AppError)) logger.error('Sweep could not settle an attempt', { paymentId: attempt.paymentId, error: error as Error });
    }
  }
  logger.info('Payments sweep', { ...report });
  return report;
}
