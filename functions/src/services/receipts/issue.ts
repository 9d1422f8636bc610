/**
 * Issuing the e-receipt of a payment (the receipts job, from the outbox event `payment.paid`).
 * Exactly once per payment: the number comes from the guard (allocated once), the PDF is rendered
 * deterministically from stored facts and stored under a key derived from the number, and the
 * receipt item is written on condition; so a redelivered event re-creates the same bytes at the
 * same key at most, and a finished receipt is not touched again.
 */
import { hospitalName } from '@portal/shared/hospitals';
import { initials, lineAmount } from '@portal/shared/payments/bills';
import { receiptKindFor, receiptVerifyUrl, vietnamYear, type ReceiptContent } from '@portal/shared/receipts/receipt';
import { logger } from '../../platform/logger';
import type { DocumentStore } from '../../platform/storage';
import { getBill } from '../../repositories/bills';
import { getAttempt } from '../../repositories/payments';
import { allocateReceiptNumber, getReceiptGuard, recordReceipt, type Deps } from '../../repositories/receipts';
import type { LegalInvoiceIssuer } from './legal-invoice';
import { renderReceiptPdf } from './pdf';

export interface IssueDeps extends Deps {
  now: () => Date;
  publicBaseUrl: string;
  documents: DocumentStore;
  legalInvoices: LegalInvoiceIssuer;
}

export type IssueOutcome = { outcome: 'issued' | 'already_issued'; number: string } | { outcome: 'skipped'; reason: string };

export const receiptDocumentKey = (number: string): string => `receipts/${number.split('-')[1]}/${number}.pdf`;

export async function issueReceipt(deps: IssueDeps, paymentId: string): Promise<IssueOutcome> {
  const guard = await getReceiptGuard(deps, paymentId);
  if (guard?.status === 'issued') return { outcome: 'already_issued', number: guard.number };

  const attempt = await getAttempt(deps, paymentId);
  if (!attempt || !['paid', 'refunded', 'partially_refunded'].includes(attempt.status)) return { outcome: 'skipped', reason: `payment is ${attempt?.status ?? 'missing'}` };
  if (attempt.payable.kind !== 'bill') return { outcome: 'skipped', reason: `no receipt layout for ${attempt.payable.kind}` };
  const bill = await getBill(deps, attempt.payable.id);
  if (!bill) return { outcome: 'skipped', reason: 'bill missing' };

  const paidAt = attempt.paidAt ?? deps.now().toISOString();
  const kind = receiptKindFor(attempt.payable.kind);
  const { number } = await allocateReceiptNumber(deps, paymentId, kind, vietnamYear(paidAt), deps.now().toISOString());
  const method = { provider: 'VNPay' as const, ...(attempt.bankCode ? { bankCode: attempt.bankCode } : {}), ...(attempt.transactionNo ? { transactionNo: attempt.transactionNo } : {}) };
  const content: ReceiptContent = {
    number,
    kind,
    issuerName: hospitalName(bill.hospitalId),
    paymentId,
    paidAt,
    payerInitials: initials(bill.patientName),
    billCode: bill.billCode,
    lines: bill.items.map((item) => ({ name: item.name, quantity: item.quantity, unitPrice: item.unitPrice, insuranceCovered: item.insuranceCovered, amount: lineAmount(item) })),
    totalVnd: attempt.amountVnd,
    method,
    verifyUrl: receiptVerifyUrl(deps.publicBaseUrl, number),
  };
  const documentKey = receiptDocumentKey(number);
  await deps.documents.putObject(documentKey, await renderReceiptPdf(content), 'application/pdf');
  const legalInvoice = await deps.legalInvoices.issue(content);
  await recordReceipt(deps, {
    number,
    kind,
    paymentId,
    hospitalId: bill.hospitalId,
    issuerName: content.issuerName,
    amountVnd: content.totalVnd,
    paidAt,
    paymentMethod: method,
    billCode: bill.billCode,
    documentKey,
    issuedAt: deps.now().toISOString(),
    legalInvoice,
  });
  logger.info('Receipt issued', { paymentId, number });
  return { outcome: 'issued', number };
}
