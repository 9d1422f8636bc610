/**
 * What the payment flow needs of anything payable (a hospital bill, an appointment's exam fee, a
 * dossier's fee; ADR 0008). Each kind's loader returns one; payments.ts only ever sees this shape,
 * so the kinds depend on it and the payment flow depends on them, never the other way round.
 */
import type { PayableRef } from '@portal/shared/payments/payments';
import type { PayableState, Settlement, StoredAttempt, TransactItem } from '../repositories/payments';

export interface Payable {
  ref: PayableRef;
  state: PayableState;
  hospitalId: string;
  /** The citizen it belongs to, who may pay it (an appointment's fee). */
  ownerId?: string;
  /** What settling a payment of this payable also writes, in the same transaction (per kind). */
  settleItems?: (attempt: StoredAttempt, settlement: Settlement) => TransactItem[];
  /** What the payer reads on VNPay's page (folded to ASCII there). */
  description: string;
  reference: string;
}
