/**
 * `/sandbox/vnpay/*`: a local stand-in for VNPay's sandbox that speaks the real 2.1.0 protocol with
 * the same TmnCode and secret the portal reads (vnpay-settings.ts), so the local stack pays end to
 * end without the internet and every signature it checks or makes goes through shared/src/vnpay.
 *
 *   GET  /sandbox/vnpay/paymentv2/vpcpay.html?…       the payment page (or VNPay's error page)
 *   POST /sandbox/vnpay/paymentv2/{qr,domestic,international,otp,cancel}   the page's forms
 *   POST /sandbox/vnpay/merchant_webapi/api/transaction                    QueryDR and Refund
 *   GET|POST /sandbox/vnpay/control                    test switches (drop IPNs, retry interval, the terminal's hash secret) and state
 *   GET  /sandbox/vnpay/assets/vnpay.css
 *
 * After an outcome the browser is sent (302) to vnp_ReturnUrl with the signed result and the IPN
 * is delivered in the background (ipn.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signFields, vnpayDateTime } from '@portal/shared/vnpay/index';
import { send, sendJson, type ReadBody } from '../../respond';
import { DOMESTIC_BANKS, THREE_DS_OTP, checkDomesticCard, checkInternationalCard } from './cards';
import { DEFAULT_IPN_RETRY_MS, IpnSender } from './ipn';
import { handleMerchantApi } from './merchant-api';
import { VNPAY_CSS, errorPage, otpPage, paymentPage, type MethodErrors } from './pages';
import { checkPayRequest, type PageErrorCode } from './pay-request';
import { TxnStore, refundedVnd, type Outcome, type Txn } from './state';

export interface VnpayDoubleSettings {
  tmnCode: string;
  hashSecret: string;
  ipnUrl: string;
}

export interface VnpayDoubleOptions {
  now?: () => Date;
  /** Wait between IPN calls; default VNPAY_SANDBOX_IPN_RETRY_MS or a few seconds. */
  ipnRetryMs?: number;
  merchantName?: string;
}

/** VNPay ends a payment after more than 3 wrong card entries with code 10 (§1.8). */
const MAX_CARD_FAILURES = 3;
const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

export function vnpayDouble(settings: VnpayDoubleSettings, options: VnpayDoubleOptions = {}) {
  const now = options.now ?? (() => new Date());
  const merchantName = options.merchantName ?? 'Cổng dịch vụ y tế (thử nghiệm)';
  const envRetry = Number(process.env.VNPAY_SANDBOX_IPN_RETRY_MS);
  const store = new TxnStore();
  const ipn = new IpnSender(settings.ipnUrl, options.ipnRetryMs ?? (Number.isFinite(envRetry) && envRetry >= 0 ? envRetry : DEFAULT_IPN_RETRY_MS), now);
  const control = { dropIpns: false };

  const page = (res: ServerResponse, body: string) => send(res, 200, body, html);
  const fail = (res: ServerResponse, code: PageErrorCode) => page(res, errorPage(code));

  /** Records the result, starts the IPN, and sends the browser back to the merchant. */
  function finish(res: ServerResponse, txn: Txn, outcome: Outcome, charged: boolean): void {
    const at = now();
    const paid = outcome.responseCode === '00';
    // A card refused by the bank still made a VNPay transaction; a cancel or timeout did not.
    const transactionNo = charged ? store.transactionNo() : '0';
    const fields: Record<string, string> = {
      vnp_Amount: txn.request.vnp_Amount ?? '',
      vnp_BankCode: outcome.bankCode,
      vnp_BankTranNo: paid ? `VNP${transactionNo}` : '',
      vnp_CardType: outcome.cardType,
      vnp_OrderInfo: txn.request.vnp_OrderInfo ?? '',
      vnp_PayDate: vnpayDateTime(at),
      vnp_ResponseCode: outcome.responseCode,
      vnp_TmnCode: settings.tmnCode,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionStatus: paid ? '00' : '02',
      vnp_TxnRef: txn.txnRef,
    };
    // signFields drops the empty vnp_BankTranNo, as VNPay leaves it out of unpaid results (§1.6).
    const { query } = signFields(fields, settings.hashSecret);
    txn.otp = undefined;
    txn.result = {
      ...outcome, transactionStatus: fields.vnp_TransactionStatus as string, transactionNo,
      bankTranNo: paid ? fields.vnp_BankTranNo : undefined, payDate: fields.vnp_PayDate as string, query,
    };
    if (control.dropIpns) ipn.drop(txn.txnRef);
    else ipn.send(txn.txnRef, query);
    const returnUrl = txn.request.vnp_ReturnUrl ?? '';
    send(res, 302, '', { location: `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}${query}`, 'cache-control': 'no-store' });
  }

  function openPage(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '';
    const q = raw.indexOf('?');
    const checked = checkPayRequest(q === -1 ? '' : raw.slice(q + 1), settings, now());
    if (!checked.ok) return fail(res, checked.code);
    const known = store.get(checked.txnRef);
    if (known) {
      // Opening the same URL again (a reload) shows the same payment; a TxnRef reused for other
      // fields or for a finished payment is VNPay's "transaction already exists" (01).
      const same = JSON.stringify(known.request) === JSON.stringify(checked.fields);
      if (!same || known.result) return fail(res, '01');
      return page(res, paymentPage(known, merchantName, now()));
    }
    const txn = store.open(checked.txnRef, checked.fields, checked.amountVnd, checked.expiresAt);
    return page(res, paymentPage(txn, merchantName, now()));
  }

  async function submit(req: IncomingMessage, res: ServerResponse, action: string, readBody: ReadBody): Promise<void> {
    const form = new URLSearchParams((await readBody()).toString('utf8'));
    const get = (name: string) => form.get(name) ?? '';
    const txn = store.bySessionId(get('session'));
    if (!txn) return fail(res, '99');
    if (txn.result) return fail(res, '01');
    if (action === 'cancel') return finish(res, txn, { responseCode: '24', bankCode: 'VNPAY', cardType: 'QRCODE' }, false);
    // Past vnp_ExpireDate while the payer was still on the page: VNPay ends it with 11.
    if (txn.expiresAt <= now()) return finish(res, txn, { responseCode: '11', bankCode: 'VNPAY', cardType: 'QRCODE' }, false);
    const cardFailed = (errors: MethodErrors, bankCode: string, cardType: string) => {
      txn.cardFailures += 1;
      if (txn.cardFailures > MAX_CARD_FAILURES) return finish(res, txn, { responseCode: '10', bankCode, cardType }, true);
      return page(res, paymentPage(txn, merchantName, now(), errors));
    };
    switch (action) {
      case 'qr':
        return finish(res, txn, { responseCode: '00', bankCode: 'VNPAYQR', cardType: 'QRCODE' }, true);
      case 'domestic': {
        const bank = get('bank');
        const checked = checkDomesticCard({ bank, cardNumber: get('cardNumber'), cardHolder: get('cardHolder'), issueDate: get('issueDate') });
        // Only a bank of the list goes into the signed result, never what the form claimed.
        const listed = DOMESTIC_BANKS.find((b) => b.code === bank)?.code ?? 'VNBANK';
        if (!checked.ok) return cardFailed({ domestic: checked.message }, listed, 'ATM');
        const { card } = checked;
        const outcome = { responseCode: card.result.code, bankCode: card.bankCode, cardType: 'ATM' };
        if (card.result.when === 'before-otp') return finish(res, txn, outcome, true);
        txn.otp = { method: 'domestic', cardNumber: card.number, expectedOtp: card.otp, onSuccess: outcome };
        return page(res, otpPage(txn, merchantName, now()));
      }
      case 'international': {
        const checked = checkInternationalCard({ cardNumber: get('cardNumber'), cardHolder: get('cardHolder'), expiry: get('expiry'), cvc: get('cvc') });
        if (!checked.ok) return cardFailed({ international: checked.message }, 'INTCARD', 'CREDIT');
        // The research gives no result values for card payments; INTCARD names the method (§1.4) and
        // the card type the brand.
        const outcome = { responseCode: '00', bankCode: 'INTCARD', cardType: checked.card.brand };
        if (!checked.card.threeDs) return finish(res, txn, outcome, true);
        txn.otp = { method: 'international', cardNumber: checked.card.number, expectedOtp: THREE_DS_OTP, onSuccess: outcome };
        return page(res, otpPage(txn, merchantName, now()));
      }
      case 'otp': {
        if (!txn.otp) return page(res, paymentPage(txn, merchantName, now()));
        const step = txn.otp;
        // One wrong OTP ends the payment with 13, as the sandbox does.
        if (get('otp').trim() !== step.expectedOtp) return finish(res, txn, { ...step.onSuccess, responseCode: '13' }, true);
        return finish(res, txn, step.onSuccess, true);
      }
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  }

  function state() {
    return {
      dropIpns: control.dropIpns,
      ipnRetryMs: ipn.retryMs,
      transactions: store.all().map((t) => ({
        txnRef: t.txnRef,
        amountVnd: t.amountVnd,
        createDate: t.request.vnp_CreateDate,
        status: t.result ? 'finished' : t.otp ? 'awaiting_otp' : 'open',
        responseCode: t.result?.responseCode,
        transactionNo: t.result?.transactionNo,
        refundedVnd: refundedVnd(t),
        ipn: ipn.deliveries.get(t.txnRef),
      })),
    };
  }

  async function setControl(res: ServerResponse, readBody: ReadBody): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody()).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, { error: 'invalid_json' });
    }
    const input = (body && typeof body === 'object' ? body : {}) as { dropIpns?: unknown; ipnRetryMs?: unknown; hashSecret?: unknown };
    if (input.dropIpns !== undefined && typeof input.dropIpns !== 'boolean') return sendJson(res, 400, { error: 'dropIpns must be a boolean' });
    if (input.hashSecret !== undefined && (typeof input.hashSecret !== 'string' || input.hashSecret.length < 16)) return sendJson(res, 400, { error: 'hashSecret must be text of at least 16 characters' });
    const retry = input.ipnRetryMs;
    if (retry !== undefined && (typeof retry !== 'number' || !Number.isInteger(retry) || retry < 0 || retry > 600_000)) {
      return sendJson(res, 400, { error: 'ipnRetryMs must be an integer from 0 to 600000' });
    }
    if (typeof input.dropIpns === 'boolean') control.dropIpns = input.dropIpns;
    if (typeof retry === 'number') ipn.retryMs = retry;
    // The merchant changed the terminal's secret in VNPay's merchant portal: from now on VNPay
    // checks pay URLs and signs results and API answers with it (a rotation, ADR 0023).
    if (typeof input.hashSecret === 'string') settings.hashSecret = input.hashSecret;
    return sendJson(res, 200, state());
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<void> => {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /sandbox/vnpay/paymentv2/vpcpay.html':
        return openPage(req, res);
      case 'POST /sandbox/vnpay/paymentv2/qr':
      case 'POST /sandbox/vnpay/paymentv2/domestic':
      case 'POST /sandbox/vnpay/paymentv2/international':
      case 'POST /sandbox/vnpay/paymentv2/otp':
      case 'POST /sandbox/vnpay/paymentv2/cancel':
        return submit(req, res, url.pathname.slice('/sandbox/vnpay/paymentv2/'.length), readBody);
      case 'POST /sandbox/vnpay/merchant_webapi/api/transaction': {
        let body: unknown;
        try {
          body = JSON.parse((await readBody()).toString('utf8'));
        } catch {
          body = undefined; // answered 03 "wrong format", signed like every answer
        }
        return sendJson(res, 200, handleMerchantApi(settings, store, body, now()));
      }
      case 'GET /sandbox/vnpay/control':
        return sendJson(res, 200, state());
      case 'POST /sandbox/vnpay/control':
        return setControl(res, readBody);
      case 'GET /sandbox/vnpay/assets/vnpay.css':
        return send(res, 200, VNPAY_CSS, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  };
}
