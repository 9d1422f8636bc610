/**
 * VNPay's published sandbox cards (research/payments.md §1.9) and what each one does in the double.
 * The outcome codes come from the vnp_ResponseCode table (§1.8). Where the research names a card
 * case but no code, the nearest code of that table is used and the choice is said below, because
 * a double that invents codes would teach the portal answers VNPay never gives.
 */

/** Banks offered on the domestic-card form; `VNBANK` stands for "another NAPAS bank" (§1.4). */
export const DOMESTIC_BANKS = [
  { code: 'NCB', name: 'Ngân hàng Quốc Dân (NCB)' },
  { code: 'EXIMBANK', name: 'Ngân hàng Xuất Nhập khẩu (Eximbank)' },
  { code: 'VNBANK', name: 'Ngân hàng khác trong hệ thống NAPAS' },
] as const;

export interface DomesticCard {
  number: string;
  bankCode: string;
  holder: string;
  /** As printed on the card, MM/YY (issue date; Eximbank's sample gives an expiry date instead). */
  date: string;
  otp: string;
  /**
   * `before-otp`: the bank refuses the card itself, so the payer never gets an OTP.
   * `after-otp`: the refusal comes from the debit (insufficient balance) after authentication.
   */
  result: { code: string; when: 'before-otp' | 'after-otp' };
}

const NGUYEN_VAN_A = 'NGUYEN VAN A';

export const DOMESTIC_CARDS: readonly DomesticCard[] = [
  { number: '9704198526191432198', bankCode: 'NCB', holder: NGUYEN_VAN_A, date: '07/15', otp: '123456', result: { code: '00', when: 'after-otp' } },
  { number: '9704195798459170488', bankCode: 'NCB', holder: NGUYEN_VAN_A, date: '07/15', otp: '123456', result: { code: '51', when: 'after-otp' } },
  // "Card not activated": the table's nearest code is 09, not registered for internet banking.
  { number: '9704192181368742', bankCode: 'NCB', holder: NGUYEN_VAN_A, date: '07/15', otp: '123456', result: { code: '09', when: 'before-otp' } },
  { number: '9704193370791314', bankCode: 'NCB', holder: NGUYEN_VAN_A, date: '07/15', otp: '123456', result: { code: '12', when: 'before-otp' } },
  // "Card expired": the table has no such code (11 means the *payment window* ran out, which the
  // double reserves for that), so it is 99 "other errors".
  { number: '9704194841945513', bankCode: 'NCB', holder: NGUYEN_VAN_A, date: '07/15', otp: '123456', result: { code: '99', when: 'before-otp' } },
  // NAPAS group: issue date 03/07 and the literal OTP "otp", as the research lists them.
  { number: '9704000000000018', bankCode: 'VNBANK', holder: NGUYEN_VAN_A, date: '03/07', otp: 'otp', result: { code: '00', when: 'after-otp' } },
  { number: '9704020000000016', bankCode: 'VNBANK', holder: NGUYEN_VAN_A, date: '03/07', otp: 'otp', result: { code: '00', when: 'after-otp' } },
  // Eximbank: the research gives only the number and "expiry 10/26"; holder and OTP as for NCB.
  { number: '9704310005819191', bankCode: 'EXIMBANK', holder: NGUYEN_VAN_A, date: '10/26', otp: '123456', result: { code: '00', when: 'after-otp' } },
];

export interface InternationalCard {
  number: string;
  brand: 'VISA' | 'MASTERCARD' | 'JCB';
  /** 3-D Secure cards go through a one-time-password challenge, the others pay at once. */
  threeDs: boolean;
}

export const INTERNATIONAL_CARDS: readonly InternationalCard[] = [
  { number: '4456530000001005', brand: 'VISA', threeDs: false },
  { number: '4456530000001096', brand: 'VISA', threeDs: true },
  { number: '5200000000001005', brand: 'MASTERCARD', threeDs: false },
  { number: '5200000000001096', brand: 'MASTERCARD', threeDs: true },
  { number: '3337000000000008', brand: 'JCB', threeDs: false },
  { number: '3337000000200004', brand: 'JCB', threeDs: true },
];
export const INTERNATIONAL_CVC = '123';
/** The 3-D Secure challenge accepts the domestic sandbox OTP; the research names none for it. */
export const THREE_DS_OTP = '123456';

const digits = (text: string) => text.replace(/[\s-]/g, '');
const upper = (text: string) => text.trim().replace(/\s+/g, ' ').toUpperCase();

export type CardCheck<T> = { ok: true; card: T } | { ok: false; message: string };

export function checkDomesticCard(form: { bank: string; cardNumber: string; cardHolder: string; issueDate: string }): CardCheck<DomesticCard> {
  const card = DOMESTIC_CARDS.find((c) => c.number === digits(form.cardNumber));
  if (!card) return { ok: false, message: 'Số thẻ không hợp lệ. Quý khách vui lòng kiểm tra lại.' };
  if (card.bankCode !== form.bank) return { ok: false, message: 'Thẻ không thuộc ngân hàng đã chọn.' };
  if (card.holder !== upper(form.cardHolder) || card.date !== form.issueDate.trim()) {
    return { ok: false, message: 'Thông tin thẻ không chính xác (tên chủ thẻ hoặc ngày in trên thẻ).' };
  }
  return { ok: true, card };
}

export function checkInternationalCard(form: { cardNumber: string; cardHolder: string; expiry: string; cvc: string }): CardCheck<InternationalCard> {
  const card = INTERNATIONAL_CARDS.find((c) => c.number === digits(form.cardNumber));
  if (!card) return { ok: false, message: 'Số thẻ không hợp lệ. Quý khách vui lòng kiểm tra lại.' };
  // Any well-formed MM/YY: the research warns the published 12/23 may have been refreshed since.
  const expiryOk = /^(0[1-9]|1[0-2])\/\d{2}$/.test(form.expiry.trim());
  if (upper(form.cardHolder) !== NGUYEN_VAN_A || !expiryOk || form.cvc.trim() !== INTERNATIONAL_CVC) {
    return { ok: false, message: 'Thông tin thẻ không chính xác (tên, ngày hết hạn hoặc mã CVC).' };
  }
  return { ok: true, card };
}

/** The last four digits, for pages that mention which card is being authenticated. */
export const maskCard = (number: string) => `•••• ${number.slice(-4)}`;
