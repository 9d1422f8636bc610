/**
 * An appointment's exam fee as a payable (ADR 0008, 0016): paying it confirms the held booking in
 * the same transaction that settles the payment — only while the place is still held. A payment
 * that arrives after the hold was released or cancelled is recorded and flagged for a refund.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PayableRef } from '@portal/shared/payments/payments';
import { keys } from '@portal/shared/table';
import { confirmHeldItems, getAppointment, paidAfterReleaseItems, type Deps } from '../repositories/appointments';
import type { PayableState } from '../repositories/payments';
import { hospitalOf } from './booking';
import type { Payable } from './payable';

export async function loadAppointmentFee(deps: Deps, ref: PayableRef): Promise<Payable | undefined> {
  const [feeItem, a] = await Promise.all([
    deps.db.send(new GetCommand({ TableName: deps.tableName, Key: keys.appointmentFee(ref.id), ConsistentRead: true })),
    getAppointment(deps, ref.id, true),
  ]);
  const fee = feeItem.Item as (PayableState & { amountDue: number }) | undefined;
  if (!fee || !a) return undefined;
  const hospital = await hospitalOf(deps, a.hospitalId);
  const held = a.status === 'held';
  return {
    ref,
    hospitalId: a.hospitalId,
    ownerId: a.userId,
    description: `Phi kham benh ${a.code} ${hospital?.name ?? ''}`.trim(),
    reference: a.code,
    // A place no longer held has nothing left to pay for: no new attempt can open.
    state: { key: keys.appointmentFee(ref.id), amountDue: held || fee.status !== 'unpaid' ? fee.amountDue : 0, status: fee.status, openAttemptId: fee.openAttemptId, openAttemptExpiresAt: fee.openAttemptExpiresAt, hospitalId: a.hospitalId },
    settleItems: (attempt, settlement) => {
      if (settlement.status !== 'paid' || fee.status !== 'unpaid') return [];
      return held ? confirmHeldItems(deps, a, settlement.at) : paidAfterReleaseItems(deps, a, attempt.paymentId, settlement.at);
    },
  };
}
