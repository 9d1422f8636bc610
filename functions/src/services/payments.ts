/**
 * Paying a payable through VNPay (ADR 0008): open one attempt at a time, settle it from the IPN
 * (the only writer of a result) or from QueryDR when an expired attempt was never reported, and
 * show status from our own records.
 */
import { hospitalName } from '@portal/shared/hospitals';
import { canAccess } from '@portal/shared/policy';
import type { CreatePayment, OpenedPayment, PayableKind, PayableRef, PaymentView } from '@portal/shared/payments/payments';
import type { Principal } from '@portal/shared/roles';
import {
  IPN_ANSWERS, buildPayUrl, decideIpn, describeResponseCode, ipnErrorAnswer, toVnpayOrderInfo, verifyVnpayQuery, type IpnAnswer, type IpnRecordView,
} from '@portal/shared/vnpay/index';
import { keys } from '@portal/shared/table';
import { vnpayVerificationSecrets } from '@portal/shared/portal-secret';
import { AppError, toAppError } from '../platform/errors';
import type { Lang } from '../platform/http';
import { newId } from '../platform/ids';
import { logger } from '../platform/logger';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PortalSecrets } from '../platform/secrets';
import { getBill, type Deps } from '../repositories/bills';
import { getAttempt, insertAttempt, settleAttempt, type Settlement, type StoredAttempt } from '../repositories/payments';
import { getReceiptGuard } from '../repositories/receipts';
import { billIdFromPayLink } from './pay-links';
import type { Payable } from './payable';
import { queryTransaction } from './vnpay-client';

export interface PaymentDeps extends Deps {
  now: () => Date;
  secrets: () => Promise<PortalSecrets>;
  settings: { payUrl: string; apiUrl: string; publicBaseUrl: string };
}

/**
 * One loader per payable kind: the only per-kind code of the payment flow. The appointment and
 * dossier-fee loaders are loaded on first use: they bring the booking rules and the procedure
 * catalogue, which a bill's payment, a status read or VNPay's return never need at cold start.
 */
const payableLoaders: Record<PayableKind, (deps: PaymentDeps, ref: PayableRef) => Promise<Payable | undefined>> = {
  bill: loadBill,
  appointment: async (deps, ref) => (await import('./booking-payable')).loadAppointmentFee(deps, ref),
  fee: async (deps, ref) => (await import('./dossier-payable')).loadDossierFee(deps, ref),
};

const loadPayable = (deps: PaymentDeps, ref: PayableRef): Promise<Payable | undefined> => payableLoaders[ref.kind](deps, ref);

async function loadBill(deps: PaymentDeps, ref: PayableRef): Promise<Payable | undefined> {
  const bill = await getBill(deps, ref.id);
  if (!bill) return undefined;
  return {
    ref,
    hospitalId: bill.hospitalId,
    description: `Thanh toan vien phi ${bill.billCode} ${hospitalName(bill.hospitalId)}`,
    reference: bill.billCode,
    state: { key: keys.bill(bill.billId), amountDue: bill.amountDue, status: bill.status, openAttemptId: bill.openAttemptId, openAttemptExpiresAt: bill.openAttemptExpiresAt, hospitalId: bill.hospitalId },
  };
}

/** Which payable the caller may pay: a pay link grants its bill to anyone; a payable id needs the hospital's staff. */
async function resolvePayable(deps: PaymentDeps, input: CreatePayment, principal: Principal | undefined): Promise<PayableRef> {
  if ('payLinkToken' in input) {
    const billId = billIdFromPayLink((await deps.secrets()).payLinkKey, input.payLinkToken);
    if (!billId) throw new AppError('not_found');
    return { kind: 'bill', id: billId };
  }
  if (!principal) throw new AppError('unauthenticated');
  const payable = await loadPayable(deps, input.payable);
  if (!payable || !canAccess(principal, { hospitalId: payable.hospitalId, ownerId: payable.ownerId })) throw new AppError('not_found');
  return input.payable;
}

export interface Caller {
  principal: Principal | undefined;
  ip: string;
  lang: Lang;
}

/**
 * One open attempt per payable: a second call while it is open returns it; an attempt that expired
 * unreported is settled with QueryDR first (it may have been paid at the last second).
 */
export async function openPayment(deps: PaymentDeps, input: CreatePayment, caller: Caller): Promise<{ created: boolean; payment: OpenedPayment }> {
  const ref = await resolvePayable(deps, input, caller.principal);
  for (let round = 0; round < 5; round++) {
    const payable = await loadPayable(deps, ref);
    if (!payable) throw new AppError('not_found');
    const now = deps.now();
    if (payable.state.status !== 'unpaid') throw new AppError('already_paid');
    if (payable.state.amountDue <= 0) throw new AppError('nothing_to_pay');
    if (payable.state.openAttemptId) {
      const open = await getAttempt(deps, payable.state.openAttemptId);
      if (open?.status === 'pending' && open.expiresAt > now.toISOString()) return { created: false, payment: opened(open) };
      if (open?.status === 'held') throw new AppError('already_paid', { detail: 'A payment is being reviewed by the bank' });
      if (open?.status === 'pending') await settleExpiredAttempt(deps, open);
      continue;
    }
    const attempt = await newAttempt(deps, payable, caller, now);
    try {
      await insertAttempt(deps, attempt, payable.state);
      return { created: true, payment: opened(attempt) };
    } catch (error) {
      // Someone opened or paid it at the same moment (a failed condition, or a transaction that
      // collided with theirs): look again.
      if (!['conflict', 'service_unavailable'].includes(toAppError(error).code)) throw error;
    }
  }
  throw new AppError('conflict');
}

async function newAttempt(deps: PaymentDeps, payable: Payable, caller: Caller, now: Date): Promise<StoredAttempt> {
  const secrets = await deps.secrets();
  const paymentId = newId(now.getTime());
  const orderInfo = toVnpayOrderInfo(payable.description);
  const url = buildPayUrl({
    tmnCode: secrets.vnpayTmnCode,
    hashSecret: secrets.vnpayHashSecret,
    payBaseUrl: deps.settings.payUrl,
    amountVnd: payable.state.amountDue,
    txnRef: paymentId,
    orderInfo,
    returnUrl: `${deps.settings.publicBaseUrl}/api/payments/vnpay/return`,
    ipAddr: caller.ip,
    createdAt: now,
    locale: caller.lang === 'en' ? 'en' : 'vn',
    orderType: 'billpayment',
  });
  return {
    paymentId,
    txnRef: paymentId,
    payable: payable.ref,
    hospitalId: payable.hospitalId,
    amountVnd: payable.state.amountDue,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: url.expiresAt.toISOString(),
    vnpCreateDate: url.createDate,
    orderInfo,
    reference: payable.reference,
    paymentUrl: url.url,
  };
}

const opened = (a: StoredAttempt): OpenedPayment => ({ paymentId: a.paymentId, txnRef: a.txnRef, paymentUrl: a.paymentUrl, expiresAt: a.expiresAt });

/**
 * An attempt past its expiry with no IPN: ask VNPay. Paid → settle as paid; VNPay never saw it or
 * it did not complete → expired (the payable is free again); VNPay unreachable or unclear → 503,
 * and the attempt stays pending for the next try. Returns what the attempt became.
 */
export async function settleExpiredAttempt(deps: PaymentDeps, attempt: StoredAttempt): Promise<'paid' | 'expired'> {
  const payable = await loadPayable(deps, attempt.payable);
  if (!payable) throw new AppError('not_found');
  const secrets = await deps.secrets();
  const outcome = await queryTransaction(
    { tmnCode: secrets.vnpayTmnCode, hashSecret: secrets.vnpayHashSecret, apiUrl: deps.settings.apiUrl, serverIp: '127.0.0.1' },
    attempt,
    deps.now(),
  );
  if (!outcome.known) throw new AppError('service_unavailable', { detail: 'VNPay did not confirm the state of the previous attempt' });
  const r = outcome.result;
  const at = deps.now().toISOString();
  let settlement: Settlement;
  if (r.responseCode === '00' && r.transactionStatus === '00' && r.amountVnd === attempt.amountVnd) {
    settlement = { status: 'paid', at, by: 'querydr', responseCode: '00', transactionStatus: '00', transactionNo: r.transactionNo, bankCode: r.bankCode, paidAt: r.payDate ?? at };
  } else if (r.responseCode === '91' || (r.responseCode === '00' && (r.transactionStatus === '01' || r.transactionStatus === '02'))) {
    settlement = { status: 'expired', at, by: 'querydr', responseCode: r.responseCode, transactionStatus: r.transactionStatus };
  } else {
    throw new AppError('service_unavailable', { detail: 'VNPay reported a state that needs review' });
  }
  try {
    await settleAttempt(deps, attempt, payable.state, settlement, payable.settleItems?.(attempt, settlement));
  } catch (error) {
    // Settled by an IPN meanwhile: report what it became.
    if (toAppError(error).code !== 'conflict') throw error;
    const now = await getAttempt(deps, attempt.paymentId);
    return now?.status === 'paid' ? 'paid' : 'expired';
  }
  return settlement.status === 'paid' ? 'paid' : 'expired';
}

/**
 * A query VNPay signed (IPN, return URL): by the current hash secret, or by the previous one while
 * the rotation window is open (ADR 0023). Which one matched is logged, so an operator can see when
 * the old secret stops being used before closing the window.
 */
async function verifyFromVnpay(deps: PaymentDeps, rawQuery: string) {
  const secrets = await deps.secrets();
  const { current, previous } = vnpayVerificationSecrets(secrets, deps.now());
  const verification = verifyVnpayQuery(rawQuery, { hashSecret: current, ...(previous ? { previousHashSecret: previous } : {}), tmnCode: secrets.vnpayTmnCode });
  if (verification.valid && verification.secret === 'previous') logger.info('VNPay query signed with the previous hash secret', { until: secrets.vnpayHashSecretPreviousUntil });
  return verification;
}

/**
 * VNPay's server-to-server notification. Always an answer, never an exception: VNPay retries on
 * 01/04/97/99 and stops on 00/02. Any number of duplicates make exactly one transition.
 */
export async function handleIpn(deps: PaymentDeps, rawQuery: string): Promise<IpnAnswer> {
  try {
    const verification = await verifyFromVnpay(deps, rawQuery);
    const attempt = verification.valid ? await getAttempt(deps, verification.params.txnRef) : undefined;
    const record: IpnRecordView = attempt ? { found: true, amountVnd: attempt.amountVnd, status: attempt.status === 'pending' ? 'pending' : 'final' } : { found: false };
    const decision = decideIpn(verification, record);
    if (!decision.record || !attempt || !verification.valid) {
      if (!verification.valid) logger.warn('IPN refused', { reason: verification.reason });
      return decision.answer;
    }
    const payable = await loadPayable(deps, attempt.payable);
    if (!payable) return IPN_ANSWERS.orderNotFound;
    const p = verification.params;
    const status = decision.record.outcome === 'paid' ? 'paid' : p.responseCode === '07' ? 'held' : 'failed';
    const at = deps.now().toISOString();
    // Duplicates arriving together collide on the same items. The loser re-reads: settled by the
    // winner → 02; still pending (the winner's transaction had not committed) → try again.
    const settlement: Settlement = {
      status, at, by: 'ipn', responseCode: p.responseCode, transactionStatus: p.transactionStatus, transactionNo: p.transactionNo, bankCode: p.bankCode,
      ...(status === 'paid' ? { paidAt: p.payDate ?? at } : {}),
    };
    let current = payable;
    for (let round = 0; ; round++) {
      try {
        await settleAttempt(deps, attempt, current.state, settlement, current.settleItems?.(attempt, settlement));
        break;
      } catch (error) {
        if (toAppError(error).code !== 'conflict') throw error;
        const now = await getAttempt(deps, attempt.paymentId);
        if (now && now.status !== 'pending') return IPN_ANSWERS.alreadyConfirmed;
        if (round >= 5) return ipnErrorAnswer();
        await sleep(10 + Math.floor(Math.random() * 40));
        // Only after a lost race may the payable have changed (e.g. paid by another attempt).
        current = (await loadPayable(deps, attempt.payable)) ?? current;
      }
    }
    logger.info('IPN settled', { paymentId: attempt.paymentId, status });
    return decision.answer;
  } catch (error) {
    logger.error('IPN failed', { error: error as Error });
    return ipnErrorAnswer();
  }
}

/** Where the browser goes after VNPay: our result page, which reads our records (never the redirect's claims). */
export async function returnLocation(deps: PaymentDeps, rawQuery: string): Promise<string> {
  const verification = await verifyFromVnpay(deps, rawQuery);
  if (!verification.valid) return '/thanh-toan/ket-qua/?loi=chu-ky';
  return `/thanh-toan/ket-qua/?ma=${encodeURIComponent(verification.params.txnRef)}`;
}

/** Status from our records. The id is a capability (unguessable): the payer needs nothing else. */
export async function paymentStatus(deps: PaymentDeps, paymentId: string): Promise<PaymentView> {
  const attempt = await getAttempt(deps, paymentId);
  if (!attempt) throw new AppError('not_found');
  const failed = attempt.status === 'failed' || attempt.status === 'held';
  // One more read only for a paid payment: the result page learns here when its receipt is ready.
  const receipt = attempt.paidAt ? await getReceiptGuard(deps, paymentId) : undefined;
  return {
    paymentId: attempt.paymentId,
    status: attempt.status,
    amountVnd: attempt.amountVnd,
    payable: attempt.payable,
    ...(attempt.hospitalId ? { hospitalName: hospitalName(attempt.hospitalId) } : {}),
    createdAt: attempt.createdAt,
    expiresAt: attempt.expiresAt,
    ...(attempt.paidAt ? { paidAt: attempt.paidAt } : {}),
    ...(failed && attempt.responseCode ? { reason: describeResponseCode(attempt.responseCode) } : {}),
    ...(receipt?.status === 'issued' ? { receiptNumber: receipt.number } : {}),
  };
}
