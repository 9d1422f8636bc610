/**
 * What the portal tells a hospital's information system (HIS) when one of its bills is paid or
 * refunded, and how it signs it. Stripe-style signature over timestamp and body, so the HIS can
 * refuse replays; the key per hospital derives from one portal key (given to each hospital once).
 */
import { createHmac } from 'node:crypto';

export interface HisCallback {
  /** Stable per event: the HIS uses it to ignore a redelivery it already acted on. */
  eventId: string;
  event: 'bill.paid' | 'bill.refunded';
  hospitalId: string;
  billId: string;
  billCode: string;
  paymentId: string;
  amountVnd: number;
  /** For bill.refunded: the total refunded so far. */
  amountRefundedVnd?: number;
  occurredAt: string;
}

export const SIGNATURE_HEADER = 'x-portal-signature';
export const EVENT_ID_HEADER = 'x-portal-event-id';

export const hospitalSigningKey = (masterKey: string, hospitalId: string): string =>
  createHmac('sha256', masterKey).update(`his-callback:${hospitalId}`).digest('hex');

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` */
export function signCallback(key: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
}

/** Delays between delivery attempts: quick at first, then up to a day apart, for three days. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000, 24 * 3_600_000, 24 * 3_600_000];
