/**
 * The cashier desk and the finance office of one hospital: today's bills (or a search by bill or
 * patient code), the day's payments, and the reconciliation CSV. Staff of that hospital only;
 * every read is audited, because it shows patients' names.
 */
import { canAccess } from '@portal/shared/policy';
import { reconciliationCsv, type DeskBill, type DeskPayment } from '@portal/shared/payments/desk';
import type { PaymentStatus } from '@portal/shared/payments/payments';
import { vietnamDate } from '@portal/shared/vietnamese';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../platform/errors';
import type { AuditAction } from '@portal/shared/audit/actions';
import { auditEntry, type AuditContext } from '../repositories/audit';
import { billIdByCode, getBill, type StoredBill } from '../repositories/bills';
import { billIdsOfPatient, billsOfDay, paymentsOfDay } from '../repositories/desk';
import type { StoredAttempt } from '../repositories/payments';
import { payLinkToken } from './pay-links';
import type { PaymentDeps } from './payments';

async function audited(deps: PaymentDeps, ctx: AuditContext, action: AuditAction, hospitalId: string, details: Record<string, unknown>): Promise<void> {
  if (!canAccess(ctx.principal, { hospitalId })) throw new AppError('forbidden');
  await deps.db.send(new TransactWriteCommand({ TransactItems: [auditEntry(deps.tableName, ctx, action, { type: 'hospital', id: hospitalId }, details)] }));
}

export async function deskBills(deps: PaymentDeps, hospitalId: string, query: { day?: string; q?: string }, ctx: AuditContext): Promise<DeskBill[]> {
  await audited(deps, ctx, query.q ? 'desk.bills.search' : 'desk.bills.list', hospitalId, { day: query.day, q: query.q });
  let bills: StoredBill[];
  if (query.q) {
    const byCode = await billIdByCode(deps, hospitalId, query.q);
    const ids = byCode ? [byCode] : await billIdsOfPatient(deps, hospitalId, query.q);
    bills = (await Promise.all(ids.map((id) => getBill(deps, id)))).filter((b): b is StoredBill => b !== undefined);
  } else {
    bills = await billsOfDay(deps, hospitalId, query.day ?? vietnamDate(deps.now()));
  }
  const { payLinkKey } = await deps.secrets();
  return bills
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((b) => ({ billId: b.billId, billCode: b.billCode, patientCode: b.patientCode, patientName: b.patientName, amountDue: b.amountDue, status: b.status, createdAt: b.createdAt, payLinkToken: payLinkToken(payLinkKey, b.billId) }));
}

const deskPayment = (p: StoredAttempt): DeskPayment => ({
  paymentId: p.paymentId, reference: p.reference, amountVnd: p.amountVnd, status: p.status, createdAt: p.createdAt,
  paidAt: p.paidAt, bankCode: p.bankCode, transactionNo: p.transactionNo, amountRefunded: p.amountRefunded,
});

export async function deskPayments(deps: PaymentDeps, hospitalId: string, query: { day?: string; status?: PaymentStatus }, ctx: AuditContext): Promise<DeskPayment[]> {
  await audited(deps, ctx, 'desk.payments.list', hospitalId, { day: query.day, status: query.status });
  const payments = await paymentsOfDay(deps, hospitalId, query.day ?? vietnamDate(deps.now()));
  return payments.filter((p) => !query.status || p.status === query.status).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(deskPayment);
}

export async function reconciliationReport(deps: PaymentDeps, hospitalId: string, day: string, ctx: AuditContext): Promise<string> {
  await audited(deps, ctx, 'desk.reconciliation', hospitalId, { day });
  const payments = await paymentsOfDay(deps, hospitalId, day);
  return reconciliationCsv(payments.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(deskPayment));
}
