/**
 * Checks an incoming pay URL as VNPay's payment page does before showing anything: signature first
 * (through the protocol module, never a second implementation), then the fields a 2.1.0 pay request
 * must carry, then the payment window (vnp_ExpireDate, read as Vietnam time by the protocol's parser).
 */
import {
  TXN_REF_PATTERN, VNPAY_VERSION, parseVnpayDateTime, verifyQuerySignature,
} from '@portal/shared/vnpay/index';

export interface PaySettings {
  tmnCode: string;
  hashSecret: string;
}

/**
 * Page error codes: 97 bad signature, 02 not our terminal, 03 malformed request, 11 payment window
 * over (VNPay's page is reported to say 15 here, research §1.8, but that code is in no published
 * table; 11 is the table's "waiting time expired").
 */
export type PageErrorCode = '97' | '02' | '03' | '11' | '01' | '99';

export type PayRequestCheck =
  | { ok: true; fields: Record<string, string>; txnRef: string; amountVnd: number; expiresAt: Date }
  | { ok: false; code: PageErrorCode; detail: string };

const REQUIRED = [
  'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CreateDate', 'vnp_CurrCode', 'vnp_IpAddr', 'vnp_Locale',
  'vnp_OrderInfo', 'vnp_OrderType', 'vnp_ReturnUrl', 'vnp_ExpireDate', 'vnp_TxnRef',
] as const;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `rawQuery` is everything after `?` exactly as it arrived: re-encoding it first could change the signed bytes. */
export function checkPayRequest(rawQuery: string, settings: PaySettings, now: Date): PayRequestCheck {
  const sig = verifyQuerySignature(rawQuery, settings.hashSecret);
  if (!sig.ok) return { ok: false, code: '97', detail: sig.reason };
  const f = sig.fields;
  const missing = REQUIRED.filter((key) => !f[key]);
  if (missing.length > 0) return { ok: false, code: '03', detail: `missing ${missing.join(', ')}` };
  if (f.vnp_TmnCode !== settings.tmnCode) return { ok: false, code: '02', detail: 'unknown vnp_TmnCode' };
  if (f.vnp_Version !== VNPAY_VERSION || f.vnp_Command !== 'pay' || f.vnp_CurrCode !== 'VND') {
    return { ok: false, code: '03', detail: 'vnp_Version, vnp_Command or vnp_CurrCode' };
  }
  const amount = f.vnp_Amount as string;
  // × 100 of a whole number of VND, at most 12 digits (§1.4).
  if (!/^[1-9]\d{0,11}$/.test(amount) || Number(amount) % 100 !== 0) return { ok: false, code: '03', detail: 'vnp_Amount' };
  const txnRef = f.vnp_TxnRef as string;
  if (!TXN_REF_PATTERN.test(txnRef)) return { ok: false, code: '03', detail: 'vnp_TxnRef' };
  if (!isHttpUrl(f.vnp_ReturnUrl as string)) return { ok: false, code: '03', detail: 'vnp_ReturnUrl' };
  const createdAt = parseVnpayDateTime(f.vnp_CreateDate as string);
  const expiresAt = parseVnpayDateTime(f.vnp_ExpireDate as string);
  if (!createdAt || !expiresAt || expiresAt <= createdAt) return { ok: false, code: '03', detail: 'vnp_CreateDate or vnp_ExpireDate' };
  if (expiresAt <= now) return { ok: false, code: '11', detail: 'vnp_ExpireDate has passed' };
  return { ok: true, fields: f, txnRef, amountVnd: Number(amount) / 100, expiresAt };
}
