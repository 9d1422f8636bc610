/**
 * The local VNPay double against the real portal: it accepts exactly the pay URLs the portal signs,
 * its results and QueryDR/Refund answers pass the portal's own verification, its IPN settles the
 * payment, and with IPNs switched off the payment stays pending while QueryDR knows it was paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAttempt } from '../../functions/src/repositories/payments';
import { QUERYDR_REQUEST_ORDER, REFUND_REQUEST_ORDER } from '../../functions/src/local/sandbox/vnpay/merchant-api';
import { localVnpaySettings } from '../../functions/src/local/sandbox/vnpay-settings';
import { queryTransaction } from '../../functions/src/services/vnpay-client';
import {
  buildPayUrl, buildQueryDrRequest, buildRefundRequest, describeResponseCode, parseVnpQuery, pipeHashData, QUERYDR_RESPONSE_ORDER, signFields,
  verifyPipeSigned, verifyRefundResponse, verifyVnpayQuery,
} from '../../shared/src/vnpay/index';
import { startTestPortal, type TestPortal } from '../helpers/portal';

let portal: TestPortal;
let vnpay: ReturnType<typeof localVnpaySettings>;
beforeAll(async () => {
  portal = await startTestPortal();
  vnpay = localVnpaySettings(portal.url);
  // VNPay waits 5 minutes between IPN calls; the test needs the retries, not the wait.
  await control({ ipnRetryMs: 10 });
});
afterAll(() => portal.close());

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
let sequence = 0;

interface Opened { paymentId: string; paymentUrl: string }
interface ControlState { transactions: Array<{ txnRef: string; ipn?: { status: string; calls: Array<{ answer: string }> } }> }

async function control(body: unknown): Promise<ControlState> {
  const response = await portal.request('/sandbox/vnpay/control', { method: 'POST', headers: json, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as ControlState;
}

async function openPaymentFor(amount: number): Promise<Opened> {
  const pushed = await portal.request('/api/his/bills', {
    as: 'cashier-cho-ray', method: 'POST', headers: json,
    body: JSON.stringify({
      hospitalId: 'hosp-cho-ray', billCode: `HD-V-${++sequence}-${Date.now()}`, patientCode: 'BN-V-1', patientName: 'Phạm Thị Thu', patientPhone: '0933444555', patientDob: '1980-01-02',
      items: [{ code: 'PT', name: 'Phẫu thuật', quantity: 1, unitPrice: amount, insuranceCovered: 0 }], amountDue: amount,
    }),
  });
  const { payLinkToken } = (await pushed.json()) as { payLinkToken: string };
  const opened = await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) });
  expect(opened.status).toBe(201);
  return (await opened.json()) as Opened;
}

/** Opens the payment page as a browser would and returns the session its forms carry. */
async function openPage(paymentUrl: string): Promise<{ html: string; session: string }> {
  const response = await fetch(paymentUrl);
  expect(response.status).toBe(200);
  const html = await response.text();
  const session = /name="session" value="([0-9a-f]{32})"/.exec(html)?.[1];
  expect(html, 'payment page').toContain('data-step="choose"');
  return { html, session: session ?? '' };
}

/** Submits one of the page's forms exactly as the HTML form would (urlencoded POST, no redirect following). */
const submit = (path: string, fields: Record<string, string>) =>
  fetch(`${portal.url}/sandbox/vnpay/paymentv2/${path}`, { method: 'POST', headers: form, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

const NCB_OK = { bank: 'NCB', cardNumber: '9704198526191432198', cardHolder: 'NGUYEN VAN A', issueDate: '07/15' };

/** Card form, then OTP form; returns the redirect to the merchant. */
async function payWithCard(paymentUrl: string, card: Record<string, string>, otp = '123456'): Promise<Response> {
  const { session } = await openPage(paymentUrl);
  const otpPage = await submit('domestic', { session, ...card });
  expect(otpPage.status).toBe(200);
  expect(await otpPage.text()).toContain('data-step="otp"');
  return submit('otp', { session, otp });
}

/** The signed result on a redirect, verified with the portal's own verifier. */
function resultOf(redirect: Response) {
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get('location') ?? '';
  expect(location.startsWith(`${portal.url}/api/payments/vnpay/return?`)).toBe(true);
  const verified = verifyVnpayQuery(location.slice(location.indexOf('?') + 1), { hashSecret: vnpay.hashSecret, tmnCode: vnpay.tmnCode });
  if (!verified.valid) throw new Error(`unverifiable result: ${verified.reason}`);
  return { location, params: verified.params };
}

async function statusOf(paymentId: string): Promise<{ status: string; reason?: { vi: string; en: string } }> {
  return (await (await portal.request(`/api/payments/${paymentId}`)).json()) as { status: string; reason?: { vi: string; en: string } };
}

/** Polls our records until the IPN has settled the payment (bounded: the IPN is asynchronous). */
async function settled(paymentId: string, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = await statusOf(paymentId);
    if (view.status !== 'pending' || Date.now() > until) return view;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const credentials = () => ({ tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, apiUrl: vnpay.apiUrl, serverIp: '127.0.0.1' });
const attemptOf = (opened: Opened) =>
  ({ txnRef: opened.paymentId, vnpCreateDate: new URL(opened.paymentUrl).searchParams.get('vnp_CreateDate') }) as StoredAttempt;
const api = async (body: unknown) => (await fetch(vnpay.apiUrl, { method: 'POST', headers: json, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;

describe('the pay URL the portal signs', () => {
  it('is accepted by the double, which signs the same fields into the same bytes; the page is Vietnamese and script-free', async () => {
    const lookup = await portal.request('/api/bills/lookup', {
      method: 'POST', headers: json,
      body: JSON.stringify({ hospitalId: 'hosp-cho-ray', patientCode: 'BN-0012345', billCode: 'HD-2026-000123', phoneLast4: '5678' }),
    });
    expect(lookup.status).toBe(200);
    const { payLinkToken } = (await lookup.json()) as { payLinkToken: string };
    const opened = (await (await portal.request('/api/payments', { method: 'POST', headers: json, body: JSON.stringify({ payLinkToken }) })).json()) as Opened;
    const query = opened.paymentUrl.slice(opened.paymentUrl.indexOf('?') + 1);
    const parsed = parseVnpQuery(query);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { vnp_SecureHash: _hash, ...fields } = parsed.fields;
    expect(signFields(fields, vnpay.hashSecret).query).toBe(query);

    const { html } = await openPage(opened.paymentUrl);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('398.000 ₫');
    for (const text of ['Quét mã bằng ứng dụng ngân hàng', 'Mô phỏng quét QR thành công', 'Hủy giao dịch', 'Thẻ thanh toán quốc tế', 'còn khoảng 15 phút']) expect(html).toContain(text);
    expect(html).not.toMatch(/<script|style=/);
    const inputs = [...html.matchAll(/<(?:input|select) id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of inputs) expect(html, id).toContain(`<label for="${id}">`);
    const css = await fetch(`${portal.url}/sandbox/vnpay/assets/vnpay.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('is refused after any single-character change, and when expired or for another terminal', async () => {
    const opened = await openPaymentFor(200_000);
    const [base, query] = opened.paymentUrl.split('?') as [string, string];
    const mutants = [...query].map((c, i) => `${base}?${query.slice(0, i)}${c === 'Z' || c === 'z' ? 'Y' : 'Z'}${query.slice(i + 1)}`);
    const codes = await Promise.all(mutants.map(async (url) => /data-error="(\d+)"/.exec(await (await fetch(url)).text())?.[1]));
    expect(codes.filter((c) => c !== '97')).toEqual([]);
    expect(codes).toHaveLength(query.length);

    const input = { tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, payBaseUrl: vnpay.payUrl, amountVnd: 10_000, txnRef: `T${Date.now()}`, orderInfo: 'Thu', returnUrl: `${portal.url}/x`, ipAddr: '127.0.0.1', locale: 'vn' as const, orderType: 'other' };
    const expired = await (await fetch(buildPayUrl({ ...input, createdAt: new Date(Date.now() - 16 * 60_000) }).url)).text();
    expect(expired).toContain('data-error="11"');
    expect(expired).toContain('Giao dịch đã quá thời gian chờ thanh toán');
    const otherTerminal = await (await fetch(buildPayUrl({ ...input, tmnCode: 'OTHERTMN', createdAt: new Date() }).url)).text();
    expect(otherTerminal).toContain('data-error="02"');
  });
});

let paidCard: { opened: Opened; transactionNo: string };

describe('paying on the double', () => {
  it('NCB success card + OTP: redirects to the portal, whose return sends the payer to our result page; the IPN marks it paid', async () => {
    const opened = await openPaymentFor(1_500_000);
    expect((await openPage(opened.paymentUrl)).html).toContain('1.500.000 ₫');
    const { location, params } = resultOf(await payWithCard(opened.paymentUrl, NCB_OK));
    expect(params).toMatchObject({ txnRef: opened.paymentId, amountVnd: 1_500_000, responseCode: '00', transactionStatus: '00', bankCode: 'NCB', cardType: 'ATM' });
    const back = await fetch(location, { redirect: 'manual' });
    expect(back.headers.get('location')).toBe(`/thanh-toan/ket-qua/?ma=${opened.paymentId}`);
    expect((await settled(opened.paymentId)).status).toBe('paid');
    const state = await control({});
    expect(state.transactions.find((t) => t.txnRef === opened.paymentId)?.ipn).toMatchObject({ status: 'acknowledged', calls: [{ answer: '00' }] });
    paidCard = { opened, transactionNo: params.transactionNo ?? '' };
  });

  it('insufficient funds (51), wrong OTP (13) and cancel (24) are recorded as failed with the reason', async () => {
    const poor = await openPaymentFor(300_000);
    expect(resultOf(await payWithCard(poor.paymentUrl, { ...NCB_OK, cardNumber: '9704195798459170488' })).params.responseCode).toBe('51');
    const wrongOtp = await openPaymentFor(300_000);
    expect(resultOf(await payWithCard(wrongOtp.paymentUrl, NCB_OK, '654321')).params.responseCode).toBe('13');
    const cancelled = await openPaymentFor(300_000);
    const { session } = await openPage(cancelled.paymentUrl);
    const cancel = resultOf(await submit('cancel', { session }));
    expect(cancel.params).toMatchObject({ responseCode: '24', transactionStatus: '02', transactionNo: '0', bankTranNo: undefined });
    for (const [opened, code] of [[poor, '51'], [wrongOtp, '13'], [cancelled, '24']] as const) {
      expect(await settled(opened.paymentId)).toMatchObject({ status: 'failed', reason: describeResponseCode(code) });
    }
  });

  it('the QR button and an international card pay; a locked card is refused with 12', async () => {
    const qr = await openPaymentFor(50_000);
    expect(resultOf(await submit('qr', { session: (await openPage(qr.paymentUrl)).session })).params).toMatchObject({ responseCode: '00', bankCode: 'VNPAYQR' });
    const visa = await openPaymentFor(50_000);
    const card = { session: (await openPage(visa.paymentUrl)).session, cardNumber: '4456530000001005', cardHolder: 'nguyen van a', expiry: '12/30', cvc: '123' };
    expect(resultOf(await submit('international', card)).params).toMatchObject({ responseCode: '00', bankCode: 'INTCARD', cardType: 'VISA' });
    const locked = await openPaymentFor(50_000);
    const lockedCard = { session: (await openPage(locked.paymentUrl)).session, ...NCB_OK, cardNumber: '9704193370791314' };
    expect(resultOf(await submit('domestic', lockedCard)).params.responseCode).toBe('12');
    expect((await settled(qr.paymentId)).status).toBe('paid');
    expect((await settled(visa.paymentId)).status).toBe('paid');
  });

  it('retries an IPN the merchant does not confirm, 10 calls in all', async () => {
    // A TxnRef the portal never issued: the portal answers 01 every time, so VNPay keeps trying.
    const url = buildPayUrl({
      tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, payBaseUrl: vnpay.payUrl, amountVnd: 10_000, txnRef: `UNKNOWN${Date.now()}`, orderInfo: 'Thu',
      returnUrl: `${portal.url}/api/payments/vnpay/return`, ipAddr: '127.0.0.1', locale: 'vn', orderType: 'other', createdAt: new Date(),
    });
    resultOf(await submit('qr', { session: (await openPage(url.url)).session }));
    const txnRef = url.fields.vnp_TxnRef;
    const until = Date.now() + 5_000;
    let ipn: ControlState['transactions'][number]['ipn'];
    do {
      await new Promise((r) => setTimeout(r, 50));
      ipn = (await control({})).transactions.find((t) => t.txnRef === txnRef)?.ipn;
    } while (ipn?.status === 'sending' && Date.now() < until);
    expect(ipn?.status).toBe('gave_up');
    expect(ipn?.calls.map((c) => c.answer)).toEqual(Array(10).fill('01'));
  });
});

describe('the merchant API on the double', () => {
  it('verifies requests in the order the protocol module signs them', () => {
    const common = { tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, txnRef: 'T1', transactionDate: '20250101103000', createdAt: new Date(), ipAddr: '10.0.0.1', orderInfo: 'Hoan tien' };
    const query = buildQueryDrRequest(common);
    expect(pipeHashData(QUERYDR_REQUEST_ORDER.map((k) => query.body[k]))).toBe(query.hashData);
    const refund = buildRefundRequest({ ...common, kind: 'partial', amountVnd: 5_000, transactionNo: '14226112', createBy: 'thu.ngan.01' });
    expect(pipeHashData(REFUND_REQUEST_ORDER.map((k) => refund.body[k]))).toBe(refund.hashData);
  });

  it("answers the portal's QueryDR client with the paid state, signed (and 91 / 97 / 94 when it should)", async () => {
    const outcome = await queryTransaction(credentials(), attemptOf(paidCard.opened), new Date());
    if (!outcome.known) throw new Error(outcome.reason);
    expect(outcome.result).toMatchObject({ responseCode: '00', transactionStatus: '00', transactionType: '01', amountVnd: 1_500_000, transactionNo: paidCard.transactionNo, bankCode: 'NCB' });

    const base = { tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, transactionDate: attemptOf(paidCard.opened).vnpCreateDate, createdAt: new Date(), ipAddr: '127.0.0.1', orderInfo: 'Truy van' };
    const codeOf = async (body: unknown) => {
      const answer = await api(body);
      expect(verifyPipeSigned(answer, QUERYDR_RESPONSE_ORDER, vnpay.hashSecret).ok).toBe(true);
      return answer.vnp_ResponseCode;
    };
    expect(await codeOf(buildQueryDrRequest({ ...base, txnRef: 'NEVERSEEN1' }).body)).toBe('91');
    const request = buildQueryDrRequest({ ...base, txnRef: paidCard.opened.paymentId }).body;
    expect(await codeOf({ ...request, vnp_IpAddr: '127.0.0.2' })).toBe('97');
    expect(await codeOf(request)).toBe('00');
    expect(await codeOf(request)).toBe('94');
  });

  it('refunds up to what was paid, refuses more, and refuses to refund an unpaid transaction', async () => {
    const { opened, transactionNo } = paidCard;
    const refund = (amountVnd: number, kind: 'full' | 'partial' = 'partial', txnRef = opened.paymentId) =>
      api(buildRefundRequest({
        tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, txnRef, transactionDate: attemptOf(opened).vnpCreateDate, createdAt: new Date(), ipAddr: '127.0.0.1',
        orderInfo: 'Hoan tien', kind, amountVnd, transactionNo, createBy: 'thu.ngan.01',
      }).body);
    const first = verifyRefundResponse(await refund(500_000), { hashSecret: vnpay.hashSecret, tmnCode: vnpay.tmnCode, txnRef: opened.paymentId });
    expect(first).toMatchObject({ valid: true, result: { responseCode: '00', amountVnd: 500_000, transactionType: '03' } });
    expect((await refund(1_000_001)).vnp_ResponseCode).toBe('99');
    expect((await refund(1_500_000, 'full')).vnp_ResponseCode).toBe('99');
    expect((await refund(1_000_000)).vnp_ResponseCode).toBe('00');
    expect((await refund(1)).vnp_ResponseCode).toBe('99');
    // Seen by the double (the page was opened) but never paid: 95.
    const unpaid = await openPaymentFor(70_000);
    await openPage(unpaid.paymentUrl);
    const refused = await api(buildRefundRequest({
      tmnCode: vnpay.tmnCode, hashSecret: vnpay.hashSecret, txnRef: unpaid.paymentId, transactionDate: attemptOf(unpaid).vnpCreateDate, createdAt: new Date(),
      ipAddr: '127.0.0.1', orderInfo: 'Hoan tien', kind: 'full', amountVnd: 70_000, transactionNo: '0', createBy: 'thu.ngan.01',
    }).body);
    expect(refused.vnp_ResponseCode).toBe('95');
  });
});

describe('with IPNs dropped', () => {
  it('the payment stays pending at the portal while QueryDR says it was paid', async () => {
    await control({ dropIpns: true });
    try {
      const opened = await openPaymentFor(80_000);
      resultOf(await submit('qr', { session: (await openPage(opened.paymentUrl)).session }));
      await new Promise((r) => setTimeout(r, 200));
      expect((await statusOf(opened.paymentId)).status).toBe('pending');
      expect((await control({})).transactions.find((t) => t.txnRef === opened.paymentId)?.ipn?.status).toBe('dropped');
      const outcome = await queryTransaction(credentials(), attemptOf(opened), new Date());
      expect(outcome).toMatchObject({ known: true, result: { responseCode: '00', transactionStatus: '00', amountVnd: 80_000, bankCode: 'VNPAYQR' } });
    } finally {
      await control({ dropIpns: false });
    }
  });
});
