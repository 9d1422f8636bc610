/**
 * What this tab remembers about a payment it started: the pay link (so the result page can offer
 * "Thử lại" straight back to the bill) and the page language (VNPay always returns to the
 * Vietnamese result page). sessionStorage: this tab only, gone when it closes; no personal data.
 */
import type { OpenedPayment } from '@portal/shared/payments/payments';
import type { Lang } from './i18n';

export interface RememberedPayment {
  /** A bill's pay link; absent for a dossier fee or an appointment (their pages offer the retry). */
  payLinkToken?: string;
  lang: Lang;
}

const key = (paymentId: string) => `portal.payment.${paymentId}`;

export function rememberPayment(paymentId: string, memory: RememberedPayment): void {
  try {
    sessionStorage.setItem(key(paymentId), JSON.stringify(memory));
  } catch {
    // Storage disabled: the result page falls back to the lookup page for "Thử lại".
  }
}

export function recallPayment(paymentId: string): RememberedPayment | undefined {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key(paymentId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { payLinkToken, lang } = value as Partial<RememberedPayment>;
    if (lang !== 'vi' && lang !== 'en') return undefined;
    return typeof payLinkToken === 'string' ? { payLinkToken, lang } : { lang };
  } catch {
    return undefined;
  }
}

/**
 * Leaves for VNPay's page, remembering the payment first: VNPay always returns to the Vietnamese
 * result page, which reads the language (and a bill's pay link) back from here.
 */
export function leaveForPayment(opened: OpenedPayment, memory: RememberedPayment): void {
  rememberPayment(opened.paymentId, memory);
  location.assign(opened.paymentUrl);
}
