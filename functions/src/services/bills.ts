/**
 * Bills: the HIS pushes them (idempotently, checked to add up), a patient looks one up with a
 * second factor, and anyone holding the pay link sees it without personal data.
 */
import { hospitalName } from '@portal/shared/hospitals';
import { canAccess } from '@portal/shared/policy';
import { billAmountProblems, initials, type BillLookup, type BillView, type HisBill } from '@portal/shared/payments/bills';
import type { Principal } from '@portal/shared/roles';
import { AppError, toAppError } from '../platform/errors';
import type { Lang } from '../platform/http';
import { newId } from '../platform/ids';
import type { PortalSecrets } from '../platform/secrets';
import type { AuditContext } from '../repositories/audit';
import { billIdByCode, clearLookupFailures, getBill, insertBill, recordLookupFailure, type Deps, type StoredBill } from '../repositories/bills';
import { billIdFromPayLink, payLinkToken } from './pay-links';

export interface BillDeps extends Deps {
  secrets: () => Promise<Pick<PortalSecrets, 'payLinkKey'>>;
  now: () => Date;
}

const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60_000;

export async function pushBill(deps: BillDeps, bill: HisBill, ctx: AuditContext, lang: Lang): Promise<{ created: boolean; billId: string; payLinkToken: string }> {
  if (!canAccess(ctx.principal, { hospitalId: bill.hospitalId })) throw new AppError('forbidden');
  const problems = billAmountProblems(bill);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      errors: problems.map((p) => ({
        field: p.field,
        code: 'amount_mismatch',
        message: p.expected === undefined
          ? lang === 'en' ? 'Insurance cannot cover more than the line costs' : 'Phần bảo hiểm chi trả không được lớn hơn thành tiền'
          : lang === 'en' ? `The items add up to ${p.expected}` : `Tổng các dòng là ${p.expected}`,
      })),
    });
  }
  const key = (await deps.secrets()).payLinkKey;
  const existing = await billIdByCode(deps, bill.hospitalId, bill.billCode);
  if (existing) return { created: false, billId: existing, payLinkToken: payLinkToken(key, existing) };

  const stored: StoredBill = {
    ...bill,
    billId: newId(deps.now().getTime()),
    status: 'unpaid',
    amountPaid: 0,
    amountRefunded: 0,
    lookupFailures: 0,
    version: 1,
    createdAt: deps.now().toISOString(),
  };
  try {
    await insertBill(deps, stored, ctx);
  } catch (error) {
    // Two pushes of one bill at once (a failed condition or colliding transactions): the other one
    // won; answer as a repeat.
    if (!['conflict', 'service_unavailable'].includes(toAppError(error).code)) throw error;
    const winner = await billIdByCode(deps, bill.hospitalId, bill.billCode);
    if (!winner) throw error;
    return { created: false, billId: winner, payLinkToken: payLinkToken(key, winner) };
  }
  return { created: true, billId: stored.billId, payLinkToken: payLinkToken(key, stored.billId) };
}

function view(bill: StoredBill, key: string): BillView {
  return {
    billId: bill.billId,
    hospitalId: bill.hospitalId,
    hospitalName: hospitalName(bill.hospitalId),
    billCode: bill.billCode,
    patientInitials: initials(bill.patientName),
    items: bill.items,
    amountDue: bill.amountDue,
    status: bill.status,
    payLinkToken: payLinkToken(key, bill.billId),
    createdAt: bill.createdAt,
  };
}

/**
 * A patient's lookup. Every miss answers the same 404 (nothing says which field was wrong); five
 * wrong second factors in a row lock the bill's lookup for 15 minutes.
 */
export async function lookUpBill(deps: BillDeps, query: BillLookup): Promise<BillView> {
  const billId = await billIdByCode(deps, query.hospitalId, query.billCode);
  const bill = billId ? await getBill(deps, billId) : undefined;
  if (!bill || bill.patientCode !== query.patientCode) throw new AppError('not_found');
  const now = deps.now();
  if (bill.lookupLockedUntil && bill.lookupLockedUntil > now.toISOString()) throw new AppError('lookup_locked', { headers: { 'retry-after': String(Math.ceil((Date.parse(bill.lookupLockedUntil) - now.getTime()) / 1000)) } });
  const factorMatches = query.phoneLast4 !== undefined ? bill.patientPhone.endsWith(query.phoneLast4) : bill.patientDob === query.dateOfBirth;
  if (!factorMatches) {
    await recordLookupFailure(deps, bill.billId, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS).toISOString());
    throw new AppError('not_found');
  }
  if (bill.lookupFailures > 0) await clearLookupFailures(deps, bill.billId);
  return view(bill, (await deps.secrets()).payLinkKey);
}

export async function billByPayLink(deps: BillDeps, token: string): Promise<BillView> {
  const key = (await deps.secrets()).payLinkKey;
  const billId = billIdFromPayLink(key, token);
  const bill = billId ? await getBill(deps, billId) : undefined;
  if (!bill) throw new AppError('not_found');
  return view(bill, key);
}

/** Hospital staff (cashier) see a bill of their own hospital; others get 404, not a hint it exists. */
export async function billForStaff(deps: BillDeps, principal: Principal, billId: string): Promise<BillView & { patientCode: string; patientName: string }> {
  const bill = await getBill(deps, billId);
  if (!bill || !canAccess(principal, { hospitalId: bill.hospitalId })) throw new AppError('not_found');
  return { ...view(bill, (await deps.secrets()).payLinkKey), patientCode: bill.patientCode, patientName: bill.patientName };
}
