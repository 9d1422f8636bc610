/** Reading receipts: the PDF for whoever holds the payment id, and the public verification view. */
import { receiptStatusFor, type ReceiptVerification } from '@portal/shared/receipts/receipt';
import { AppError } from '../../platform/errors';
import type { DocumentStore } from '../../platform/storage';
import { getAttempt } from '../../repositories/payments';
import { getReceipt, getReceiptGuard, type Deps } from '../../repositories/receipts';

export interface ReadDeps extends Deps {
  documents: DocumentStore;
}

/** 404 until the receipts job has issued it (the result page retries). */
export async function receiptPdf(deps: ReadDeps, paymentId: string): Promise<{ number: string; pdf: Uint8Array }> {
  const guard = await getReceiptGuard(deps, paymentId);
  if (guard?.status !== 'issued' || !guard.documentKey) throw new AppError('not_found');
  const pdf = await deps.documents.getObject(guard.documentKey);
  if (!pdf) throw new AppError('not_found');
  return { number: guard.number, pdf };
}

/** What anyone scanning the QR may see: no name, phone or date of birth; the status is the payment's today. */
export async function verifyReceipt(deps: Deps, number: string): Promise<ReceiptVerification> {
  const receipt = await getReceipt(deps, number);
  if (!receipt) throw new AppError('not_found');
  const attempt = await getAttempt(deps, receipt.paymentId);
  return {
    number: receipt.number,
    kind: receipt.kind,
    issuerName: receipt.issuerName,
    amountVnd: receipt.amountVnd,
    paidAt: receipt.paidAt,
    // The bank's transaction number stays on the payer's PDF.
    paymentMethod: { provider: receipt.paymentMethod.provider, ...(receipt.paymentMethod.bankCode ? { bankCode: receipt.paymentMethod.bankCode } : {}) },
    billCode: receipt.billCode,
    status: receiptStatusFor(attempt?.status ?? 'paid'),
  };
}
