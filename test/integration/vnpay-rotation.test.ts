/**
 * Rotating the VNPay hash secret with a window (ADR 0023), against the real VNPay double: payments
 * VNPay finished before the switch (their notifications signed with the old secret, as VNPay's
 * retries of them are) are settled while the window is open and refused with 97 after it; what
 * VNPay signs with the new secret is always accepted, and new pay URLs are signed with the new one
 * (the double, holding only the new secret, accepts them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentStatus, pushBill, openPayment } from '../helpers/payments';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const OLD = 'OLDSECRETOFTHETERMINAL0000000001';
const NEW = 'NEWSECRETOFTHETERMINAL0000000002';
const WINDOW_MS = 10_000;
const json = { 'content-type': 'application/json' };

let portal: TestPortal;
const saved = { ...process.env };
beforeAll(async () => {
  process.env.VNPAY_HASH_SECRET = OLD;
  delete process.env.VNPAY_HASH_SECRET_PREVIOUS;
  delete process.env.VNPAY_HASH_SECRET_PREVIOUS_UNTIL;
  portal = await startTestPortal();
  // Every IPN in this file is delivered by the test, at the moment it chooses.
  await control({ dropIpns: true });
});
afterAll(async () => {
  await portal.close();
  for (const name of ['VNPAY_HASH_SECRET', 'VNPAY_HASH_SECRET_PREVIOUS', 'VNPAY_HASH_SECRET_PREVIOUS_UNTIL']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function control(body: unknown): Promise<void> {
  const response = await portal.request('/sandbox/vnpay/control', { method: 'POST', headers: json, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

/** A bill paid by QR on the double: the signed result VNPay sent back (the IPN's query too). */
async function paidOnDouble(amount: number): Promise<{ paymentId: string; signedQuery: string }> {
  const bill = await pushBill(portal, { amount });
  const { paymentId, paymentUrl } = await openPayment(portal, bill.payLinkToken);
  const page = await fetch(paymentUrl);
  const html = await page.text();
  expect(html, 'the double accepted the pay URL').toContain('data-step="choose"');
  const session = /name="session" value="([0-9a-f]{32})"/.exec(html)?.[1] ?? '';
  const paid = await portal.request('/sandbox/vnpay/paymentv2/qr', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `session=${session}` });
  expect(paid.status).toBe(302);
  const location = new URL(paid.headers.get('location') ?? '', portal.url);
  return { paymentId, signedQuery: location.search.slice(1) };
}

const ipn = async (query: string) => ((await (await portal.request(`/api/payments/vnpay/ipn?${query}`)).json()) as { RspCode: string }).RspCode;
const returnTo = async (query: string) => (await portal.request(`/api/payments/vnpay/return?${query}`, { redirect: 'manual' })).headers.get('location');

describe('a VNPay hash-secret rotation', () => {
  let beforeSwitch: { paymentId: string; signedQuery: string }[] = [];
  let until = 0;

  it('signs with the old secret before the switch (the double accepts the pay URLs)', async () => {
    beforeSwitch = [await paidOnDouble(120_000), await paidOnDouble(130_000)];
    for (const p of beforeSwitch) expect(await paymentStatus(portal, p.paymentId)).toBe('pending');
  });

  it('settles an IPN signed with the old secret inside the window, and accepts the new one', async () => {
    // VNPay switches (the merchant portal), then the operator runs setup:secrets --rotate-vnpay.
    await control({ hashSecret: NEW });
    until = Date.now() + WINDOW_MS;
    Object.assign(process.env, { VNPAY_HASH_SECRET: NEW, VNPAY_HASH_SECRET_PREVIOUS: OLD, VNPAY_HASH_SECRET_PREVIOUS_UNTIL: new Date(until).toISOString() });
    // Stands for the functions' 15-minute re-read (imported now: it reads the configuration the portal set at load).
    (await import('../../functions/src/platform/secrets')).getSecrets.clear();

    const [first] = beforeSwitch;
    expect(await returnTo(first!.signedQuery)).toBe(`/thanh-toan/ket-qua/?ma=${first!.paymentId}`);
    expect(await ipn(first!.signedQuery)).toBe('00');
    expect(await paymentStatus(portal, first!.paymentId)).toBe('paid');

    // A new attempt's URL is signed with the new secret: the double, which holds only that one, takes it.
    const fresh = await paidOnDouble(140_000);
    expect(await ipn(fresh.signedQuery)).toBe('00');
    expect(await paymentStatus(portal, fresh.paymentId)).toBe('paid');
    expect(Date.now(), 'the steps above ran inside the window').toBeLessThan(until);
  });

  it('refuses the old secret once the window has closed (97, nothing settled); the new one still passes', async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now() + 50)));
    const [, second] = beforeSwitch;
    expect(await ipn(second!.signedQuery)).toBe('97');
    expect(await returnTo(second!.signedQuery)).toBe('/thanh-toan/ket-qua/?loi=chu-ky');
    expect(await paymentStatus(portal, second!.paymentId)).toBe('pending');

    const fresh = await paidOnDouble(150_000);
    expect(await ipn(fresh.signedQuery)).toBe('00');
    expect(await paymentStatus(portal, fresh.paymentId)).toBe('paid');
  });
});
