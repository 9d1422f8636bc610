/**
 * Refunds, maker–checker: a cashier of the hospital requests one (amount, reason); another cashier
 * of the same hospital approves or rejects it. Approval reserves the amount on the payment and asks
 * VNPay; VNPay's verified answer completes or fails it. Never more than was paid, whatever the race.
 */
import { canAccess } from '@portal/shared/policy';
import type { DecideRefund, RefundStatus, RefundView, RequestRefund } from '@portal/shared/payments/refunds';
import { describeApiResponseCode } from '@portal/shared/vnpay/index';
import { keys } from '@portal/shared/table';
import { AppError, toAppError } from '../platform/errors';
import { newId } from '../platform/ids';
import { logger } from '../platform/logger';
import { withRetries } from '../platform/retry';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditContext } from '../repositories/audit';
import { getAttempt } from '../repositories/payments';
import { approveRefund, completeRefund, failRefund, getRefund, insertRefund, listRefunds, rejectRefund, type StoredRefund } from '../repositories/refunds';
import type { PaymentDeps } from './payments';
import { requestVnpayRefund } from './vnpay-client';

const view = ({ version: _version, responseCode, ...refund }: StoredRefund): RefundView => ({
  ...refund,
  ...(refund.status === 'failed' && responseCode ? { failure: describeApiResponseCode(responseCode) } : {}),
});

export async function requestRefund(deps: PaymentDeps, paymentId: string, body: RequestRefund, ctx: AuditContext): Promise<RefundView> {
  const payment = await getAttempt(deps, paymentId);
  if (!payment || !canAccess(ctx.principal, { hospitalId: payment.hospitalId })) throw new AppError('not_found');
  if (payment.status !== 'paid' && payment.status !== 'partially_refunded') throw new AppError('not_refundable');
  if (body.amountVnd > (payment.amountAvailable ?? 0)) throw new AppError('refund_exceeds_available');
  const refund: StoredRefund = {
    refundId: newId(ctx.now.getTime()),
    paymentId,
    hospitalId: payment.hospitalId ?? '',
    amountVnd: body.amountVnd,
    reason: body.reason,
    status: 'requested',
    requestedBy: ctx.principal.userId,
    requestedAt: ctx.now.toISOString(),
    version: 1,
  };
  await insertRefund(deps, refund, ctx);
  return view(refund);
}

export async function decideRefund(deps: PaymentDeps, refundId: string, body: DecideRefund, ctx: AuditContext): Promise<RefundView> {
  const refund = await getRefund(deps, refundId);
  if (!refund || !canAccess(ctx.principal, { hospitalId: refund.hospitalId })) throw new AppError('not_found');
  if (refund.requestedBy === ctx.principal.userId) throw new AppError('same_person');
  if (refund.status !== 'requested') throw new AppError('conflict', { extra: { current: view(refund) } });
  if (body.decision === 'reject') {
    await guarded(() => rejectRefund(deps, refund, ctx, body.note), deps, refundId);
    return view({ ...refund, status: 'rejected', decidedBy: ctx.principal.userId, decidedAt: ctx.now.toISOString(), note: body.note });
  }
  // Twenty approvals of one payment at once collide on its item. After a lost race, look again:
  // decided by someone else → 409; not enough left → refund_exceeds_available; else try again.
  for (let round = 0; ; round++) {
    try {
      await approveRefund(deps, refund, ctx, body.note);
      break;
    } catch (error) {
      if (toAppError(error).code !== 'conflict') throw error;
      const fresh = await getRefund(deps, refundId);
      if (fresh?.status !== 'requested') throw new AppError('conflict', { extra: { current: fresh && view(fresh) }, cause: error });
      const payment = await getAttempt(deps, refund.paymentId);
      if ((payment?.amountAvailable ?? 0) < refund.amountVnd) throw new AppError('refund_exceeds_available', { cause: error });
      if (round >= 10) throw new AppError('service_unavailable', { headers: { 'retry-after': '1' }, cause: error });
      await sleep(10 + Math.floor(Math.random() * 40));
    }
  }
  return view(await settleWithVnpay(deps, { ...refund, status: 'approved', decidedBy: ctx.principal.userId, decidedAt: ctx.now.toISOString() }));
}

async function guarded(write: () => Promise<void>, deps: PaymentDeps, refundId: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (toAppError(error).code !== 'conflict') throw error;
    const fresh = await getRefund(deps, refundId);
    throw new AppError('conflict', { extra: { current: fresh && view(fresh) }, cause: error });
  }
}

/** Approved → VNPay. An unverifiable answer leaves the refund approved (reserved) for a person to check. */
async function settleWithVnpay(deps: PaymentDeps, refund: StoredRefund): Promise<StoredRefund> {
  const payment = await getAttempt(deps, refund.paymentId);
  if (!payment) throw new AppError('not_found');
  const secrets = await deps.secrets();
  const full = refund.amountVnd === payment.amountVnd;
  const outcome = await requestVnpayRefund(
    { tmnCode: secrets.vnpayTmnCode, hashSecret: secrets.vnpayHashSecret, apiUrl: deps.settings.apiUrl, serverIp: '127.0.0.1' },
    payment,
    { refundId: refund.refundId, amountVnd: refund.amountVnd, kind: full ? 'full' : 'partial', createdBy: refund.decidedBy ?? 'portal' },
    deps.now(),
  );
  const at = deps.now().toISOString();
  if (!outcome.known) {
    logger.warn('Refund sent, VNPay answer not verified; left approved for review', { refundId: refund.refundId, reason: outcome.reason });
    return refund;
  }
  if (!outcome.accepted) {
    await failRefund(deps, refund, outcome.responseCode, at);
    return { ...refund, status: 'failed', responseCode: outcome.responseCode };
  }
  // VNPay has refunded: recording it must not be given up on a race. Another refund completing at
  // the same moment makes the total read stale (conflict) or collides (transient): read and retry.
  // The read before VNPay's call serves the first try (one read fewer per approval); a total made
  // stale meanwhile fails completeRefund's condition, and every retry reads again.
  let known: typeof payment | undefined = payment;
  await withRetries(async () => {
    const current = known ?? (await getAttempt(deps, refund.paymentId));
    known = undefined;
    await completeRefund(deps, refund, { amountVnd: payment.amountVnd, amountRefunded: current?.amountRefunded ?? 0 }, keys.bill(payment.payable.id), at);
  }, ['conflict', 'service_unavailable'], 20);
  return { ...refund, status: 'completed' };
}

export async function hospitalRefunds(deps: PaymentDeps, hospitalId: string, status: RefundStatus | undefined, ctx: AuditContext): Promise<RefundView[]> {
  if (!canAccess(ctx.principal, { hospitalId })) throw new AppError('forbidden');
  return (await listRefunds(deps, hospitalId, status)).map(view);
}
