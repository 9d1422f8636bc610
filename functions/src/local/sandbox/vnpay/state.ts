/**
 * What the double remembers, in memory, per TxnRef: enough to answer QueryDR and Refund the way
 * VNPay would (amount, vnp_CreateDate, result, transaction number, refunds so far). A restart of
 * the local stack forgets everything, as a fresh sandbox terminal would.
 */
import { randomBytes } from 'node:crypto';

export interface Outcome {
  responseCode: string;
  bankCode: string;
  cardType: string;
}

export interface TxnResult extends Outcome {
  transactionStatus: string;
  /** VNPay's number; "0" when nothing was charged (a cancel, an expired window). */
  transactionNo: string;
  bankTranNo: string | undefined;
  payDate: string;
  /** The signed query sent to the return URL and the IPN. */
  query: string;
}

/** A card accepted on the form and waiting for its one-time password. */
export interface OtpStep {
  method: 'domestic' | 'international';
  cardNumber: string;
  expectedOtp: string;
  /** What the payment becomes once the OTP is right. */
  onSuccess: Outcome;
}

export interface Refund {
  requestId: string;
  transactionType: string;
  amountVnd: number;
  transactionNo: string;
  at: string;
}

export interface Txn {
  txnRef: string;
  /** The pay request's signed fields, kept verbatim (vnp_Amount, vnp_CreateDate, vnp_OrderInfo…). */
  request: Readonly<Record<string, string>>;
  amountVnd: number;
  expiresAt: Date;
  /** The random id the payment page's forms carry; the TxnRef alone would be guessable. */
  session: string;
  /** Wrong card details so far; VNPay ends the payment with 10 after more than 3. */
  cardFailures: number;
  otp: OtpStep | undefined;
  result: TxnResult | undefined;
  refunds: Refund[];
}

export class TxnStore {
  private readonly byRef = new Map<string, Txn>();
  private readonly bySession = new Map<string, Txn>();
  private readonly requestIds = new Set<string>();
  // Starts where VNPay's sandbox numbers roughly are (8 digits) and only grows, so numbers never repeat.
  private nextNumber = 14_000_000 + Math.floor(Math.random() * 1_000_000);

  get(txnRef: string): Txn | undefined {
    return this.byRef.get(txnRef);
  }

  bySessionId(session: string): Txn | undefined {
    return this.bySession.get(session);
  }

  open(txnRef: string, request: Record<string, string>, amountVnd: number, expiresAt: Date): Txn {
    const txn: Txn = {
      txnRef, request: { ...request }, amountVnd, expiresAt, session: randomBytes(16).toString('hex'),
      cardFailures: 0, otp: undefined, result: undefined, refunds: [],
    };
    this.byRef.set(txnRef, txn);
    this.bySession.set(txn.session, txn);
    return txn;
  }

  transactionNo(): string {
    return String(this.nextNumber++);
  }

  /** False when the merchant already used this vnp_RequestId (VNPay answers 94). */
  claimRequestId(requestId: string): boolean {
    if (this.requestIds.has(requestId)) return false;
    this.requestIds.add(requestId);
    return true;
  }

  all(): Txn[] {
    return [...this.byRef.values()];
  }
}

export const refundedVnd = (txn: Txn) => txn.refunds.reduce((sum, r) => sum + r.amountVnd, 0);
