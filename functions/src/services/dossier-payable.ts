/**
 * A dossier's fee as a payable (ADR 0008, 0014): the applicant pays it with `POST /api/payments`
 * `{payable: {kind: 'fee', id: <dossierId>}}`. The settlement that marks it paid also moves the
 * dossier — awaiting_fee → submitted with the clock started, or just "fee paid" when the dossier
 * is elsewhere — in the same transaction, conditioned on the dossier's version like any transition.
 */
import type { PayableRef } from '@portal/shared/payments/payments';
import { isFinal } from '@portal/shared/dossiers/lifecycle';
import { keys } from '@portal/shared/table';
import { getDossier, getFee, type Deps } from '../repositories/dossiers';
import type { TransactItem } from '../repositories/payments';
import { workCalendar } from './calendar';
import { buildTransition, feePaidItems, procedureOf } from './dossier-transitions';
import type { Payable } from './payable';

export async function loadDossierFee(deps: Deps, ref: PayableRef): Promise<Payable | undefined> {
  const [fee, dossier, cal] = await Promise.all([getFee(deps, ref.id), getDossier(deps, ref.id), workCalendar(deps)]);
  if (!fee || !dossier?.code) return undefined;
  const procedure = procedureOf(dossier.procedureId);
  const open = !isFinal(dossier.state);
  return {
    ref,
    // Not a hospital's: the department's fee (no hospital queue, no hospital staff may open it).
    hospitalId: '',
    ownerId: dossier.ownerId,
    description: `Le phi ho so ${dossier.code} ${procedure?.nameVi ?? ''}`.trim(),
    reference: dossier.code,
    // A withdrawn, refused or stopped dossier has nothing left to pay for: no new attempt can open.
    state: { key: keys.dossierFee(ref.id), amountDue: open || fee.status !== 'unpaid' ? fee.amountDue : 0, status: fee.status, openAttemptId: fee.openAttemptId, openAttemptExpiresAt: fee.openAttemptExpiresAt },
    settleItems: (attempt, settlement): TransactItem[] => {
      if (settlement.status !== 'paid' || fee.status !== 'unpaid') return [];
      const at = new Date(settlement.at);
      if (dossier.state === 'awaiting_fee') {
        return buildTransition(deps.tableName, dossier, { action: 'fee_paid', paymentId: attempt.paymentId }, { actor: 'system', now: at }, cal).items;
      }
      return feePaidItems(deps.tableName, dossier, attempt.paymentId, settlement.at).items;
    },
  };
}
