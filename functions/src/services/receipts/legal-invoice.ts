/**
 * The legal e-invoice / e-receipt (Decree 254/2026/NĐ-CP, research/eservices.md §2.7) is issued
 * by the collecting unit through a licensed provider, signed with the unit's digital signature and
 * sent to the tax authority. The portal's own PDF is the payer's proof of payment, not that
 * document. A provider adapter implements this interface; until one is contracted the portal uses
 * `noLegalInvoiceIssuer`, which records that no legal invoice was issued through the portal.
 */
import type { ReceiptContent } from '@portal/shared/receipts/receipt';

export interface LegalInvoiceResult {
  /** Provider name, `none` for the local no-op. */
  provider: string;
  status: 'issued' | 'not_issued';
  /** The provider's invoice number / lookup code, when issued. */
  reference?: string;
}

export interface LegalInvoiceIssuer {
  /** Must be idempotent per `receipt.number` (the stream may deliver a payment twice). */
  issue(receipt: ReceiptContent): Promise<LegalInvoiceResult>;
}

export const noLegalInvoiceIssuer: LegalInvoiceIssuer = {
  issue: async () => ({ provider: 'none', status: 'not_issued' }),
};
