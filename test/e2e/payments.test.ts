/**
 * Browser e2e of hospital-bill payment (issue 3, "Browser e2e"): the built site, the real API and
 * the job runner on a fresh DynamoDB Local, the VNPay sandbox double, in Debian's Chromium at a
 * mid-range phone's viewport.
 *
 *   1. A patient looks up the demo bill on /thanh-toan/ (Chợ Rẫy, BN-0012345, HD-2026-000123, last
 *      4 phone digits 5678), sees the itemised bill (398.000 ₫), takes the share link; a relative
 *      opens that link in a separate browser context and sees the bill with initials only; the
 *      patient pays on the double with the NCB card + OTP, lands on /thanh-toan/ket-qua/?ma=…, which
 *      says paid from OUR records (GET /api/payments/{id}); the e-receipt PDF downloads and its
 *      verification page says valid (`followReceiptIfPresent`); the lookup then shows the bill
 *      paid with no pay button.
 *   2. Another patient cancels on the double (the "Hủy giao dịch" button must be tappable at
 *      412 px) and the result page shows the failure with VNPay's code-24 reason.
 *
 * Every page of ours is checked with axe (WCAG 2.1 A/AA), for console errors and for CSP
 * violations; the double's pages (/sandbox/...) are a test double and are not. Screenshots go to
 * test-results/ (git-ignored). Needs web/dist (`npm run build -w web`), Java 17+ and Chromium.
 */
import { resolve } from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS, skipBrowserSuite } from '../helpers/browser';
import { browserSuite, enterSandboxCard } from '../helpers/browser-suite';

const SUITE = 'browser payments test';

/** functions/src/local/demo-bills.ts */
const PATIENT = {
  hospital: 'Bệnh viện Chợ Rẫy',
  patientCode: 'BN-0012345',
  billCode: 'HD-2026-000123',
  phoneLast4: '5678',
  items: 3,
  total: '398.000 ₫',
  initials: 'N. T. H.',
  /** What a relative holding the pay link must never see. */
  secrets: ['Nguyễn Thị Hoa', '0912345678', '0912 345 678', '091 234 5678', '1985-04-12', '12/04/1985', '12/4/1985'],
};
const OTHER_PATIENT = { hospital: 'Bệnh viện Chợ Rẫy', patientCode: 'BN-0067890', billCode: 'HD-2026-000124', phoneLast4: '4321', total: '325.000 ₫' };

/** Bounded waits: the IPN reaches the portal within ~1 s locally; the result page polls every 2 s. */
const OUTCOME_TIMEOUT_MS = 15_000;
const STEP_TIMEOUT_MS = 10_000;
/** Once the receipts slice shows its block, how long the PDF may take (generated from the outbox). */
const RECEIPT_TIMEOUT_MS = 20_000;
/** Receipt numbers: BL-2026-000001 (biên lai) or HD-2026-000001 (hóa đơn). */
const RECEIPT_NUMBER = /\b(BL|HD)-\d{4}-\d{6,8}\b/;

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Text as people read it: NBSP and narrow NBSP (formatVnd) as plain spaces, runs collapsed. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skipBrowserSuite(SUITE))('browser payments test (Chromium, phone viewport, VNPay double)', () => {
  const { checks: c, portal: p } = browserSuite(SUITE, { summary: 'payment pages checked' });

  async function text(locator: Locator): Promise<string> {
    return plain(await locator.textContent({ timeout: STEP_TIMEOUT_MS }));
  }

  /** /thanh-toan/: fill the lookup form as a patient would and wait for the bill panel. */
  async function lookUpBill(page: Page, bill: { hospital: string; patientCode: string; billCode: string; phoneLast4: string }): Promise<Locator> {
    c().nextPage(page);
    const response = await page.goto('/thanh-toan/');
    expect(response?.status()).toBe(200);
    const form = page.locator('[data-lookup-form]');
    await form.waitFor({ timeout: STEP_TIMEOUT_MS }); // shown by the page's script
    await form.locator('[data-field="hospitalId"]').selectOption({ label: bill.hospital });
    await form.locator('[data-field="patientCode"]').fill(bill.patientCode);
    await form.locator('[data-field="billCode"]').fill(bill.billCode);
    await form.getByLabel('4 số cuối điện thoại', { exact: true }).check();
    const phone = form.locator('[data-field="phoneLast4"]');
    await phone.waitFor({ timeout: STEP_TIMEOUT_MS }); // the conditional reveal
    await phone.fill(bill.phoneLast4);
    const lookup = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/bills/lookup' && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
    await form.locator('[data-submit]').click();
    expect((await lookup).status()).toBe(200);
    const panel = page.locator('[data-bill]');
    await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await text(panel.locator('[data-slot="billCodeFact"]'))).toBe(bill.billCode);
    expect(await text(panel.locator('[data-slot="hospitalName"]'))).toBe(bill.hospital);
    return panel;
  }

  /** From the bill panel to the double's payment page. */
  async function startPaying(page: Page, panel: Locator, amountVnd: number): Promise<void> {
    await panel.locator('[data-pay]').click();
    await page.waitForURL('**/sandbox/vnpay/paymentv2/vpcpay.html?**', { timeout: STEP_TIMEOUT_MS });
    await page.locator('main[data-step="choose"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    // The amount came from the bill, not the browser.
    expect(await page.locator('.order [data-amount]').getAttribute('data-amount')).toBe(String(amountVnd));
  }

  /** Where a tap at the centre of `locator` lands (elementFromPoint), after scrolling it into view. */
  async function tapLandsOn(locator: Locator): Promise<boolean> {
    await locator.scrollIntoViewIfNeeded({ timeout: STEP_TIMEOUT_MS });
    return locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = element.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
  }

  /** The result page's outcome, from our records: waits until it is no longer pending. */
  async function awaitOutcome(page: Page, payments: Array<{ status: string }>): Promise<{ paymentId: string; title: string }> {
    await page.waitForURL('**/thanh-toan/ket-qua/?ma=*', { timeout: STEP_TIMEOUT_MS });
    const paymentId = new URL(page.url()).searchParams.get('ma') ?? '';
    expect(paymentId).toMatch(/^[0-9A-Z]{20,}$/);
    const title = page.locator('[data-panel] [data-panel-title]');
    await expect
      .poll(async () => ((await page.locator('[data-panel]').isVisible()) ? plain(await title.textContent()) : ''), { timeout: OUTCOME_TIMEOUT_MS, interval: 250 })
      .not.toMatch(/^$|Đang chờ xác nhận/);
    // The page asked GET /api/payments/{id} and shows what it answered.
    expect(payments.length, 'GET /api/payments/{id} calls from the result page').toBeGreaterThan(0);
    expect(await text(page.locator('[data-slot="paymentId"]'))).toBe(paymentId);
    return { paymentId, title: plain(await title.textContent()) };
  }

  /** Collects the result page's GET /api/payments/{id} answers. */
  function recordPaymentReads(page: Page): Array<{ status: string }> {
    const reads: Array<{ status: string }> = [];
    page.on('response', (response: Response) => {
      const path = new URL(response.url()).pathname;
      if (response.request().method() !== 'GET' || !/^\/api\/payments\/[0-9A-Za-z]+$/.test(path) || path.endsWith('/vnpay')) return;
      void response
        .json()
        .then((body: { status?: string }) => reads.push({ status: body.status ?? `http_${response.status()}` }))
        .catch(() => reads.push({ status: `http_${response.status()}` }));
    });
    return reads;
  }

  /**
   * RECEIPT STEP (issue 3, "receipt downloads and its verification page says valid"). Runs only
   * when the result page shows a receipt link (`[data-receipt] a`); until the receipts slice lands
   * it logs that it did not run and returns false. To make it mandatory, assert the return value.
   *
   * Contract it expects from the receipts slice: `[data-receipt]` unhidden for a paid payment with
   * an `<a>` to the PDF (200, application/pdf), and the receipt number either in a
   * `data-receipt-number` inside `[data-receipt]`, a link to /tra-cuu/bien-lai/<number>, or the PDF's
   * Content-Disposition file name (bien-lai-<number>.pdf).
   */
  async function followReceiptIfPresent(page: Page): Promise<boolean> {
    const block = page.locator('[data-receipt]');
    const link = block.locator('a').first();
    if (!(await block.isVisible())) {
      console.warn('\n[e2e] RECEIPT STEP NOT RUN: the result page shows no receipt block ([data-receipt], link [data-receipt] a) for the paid payment — the receipts slice has not landed in this build of web/. Make followReceiptIfPresent mandatory when it has.\n');
      return false;
    }
    await link.waitFor({ timeout: RECEIPT_TIMEOUT_MS }).catch(async () => {
      throw new Error(`The receipt block is shown but no receipt link appeared within ${RECEIPT_TIMEOUT_MS / 1000} s; it says: "${plain(await block.innerText())}"`);
    });
    const href = await link.getAttribute('href');
    expect(href, 'receipt link href').toBeTruthy();
    const pdf = await page.request.get(new URL(href ?? '', page.url()).toString(), { timeout: RECEIPT_TIMEOUT_MS });
    expect(pdf.status(), `GET ${href}`).toBe(200);
    expect(pdf.headers()['content-type'] ?? '').toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The receipt number: shown on the page, or linked to its verification page, or the PDF's file name.
    const numbered = block.locator('[data-receipt-number]').first();
    const hrefs = await page.locator('a[href*="/tra-cuu/bien-lai/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const candidates = [
      (await numbered.count()) ? ((await numbered.getAttribute('data-receipt-number')) || (await numbered.textContent())) : '',
      ...hrefs.map((h) => /\/tra-cuu\/bien-lai\/([^/?#]+)/.exec(h)?.[1] ?? ''),
      pdf.headers()['content-disposition'] ?? '',
    ];
    const receiptNumber = candidates.map((c) => RECEIPT_NUMBER.exec(safeDecode(c ?? ''))?.[0] ?? '').find(Boolean) ?? '';
    expect(receiptNumber, `receipt number (from [data-receipt-number], a /tra-cuu/bien-lai/ link or the PDF's file name) in ${JSON.stringify(candidates)}`).toBeTruthy();
    await page.screenshot({ path: resolve(RESULTS, 'payments-result-receipt.png'), fullPage: true, scale: 'css' });

    c().nextPage(page);
    const verification = await page.goto(`/tra-cuu/bien-lai/${receiptNumber}`);
    expect(verification?.status()).toBe(200);
    // What is on screen (innerText: hidden messages do not count); "không hợp lệ" is the opposite.
    await expect.poll(async () => plain(await page.locator('main').innerText()), { timeout: STEP_TIMEOUT_MS }).toMatch(/(?<!không )hợp lệ/i);
    expect(plain(await page.locator('main').innerText())).not.toMatch(/không hợp lệ/i);
    expect(plain(await page.locator('main').innerText())).toContain(receiptNumber);
    await c().checkPage(page, 'receipt verification');
    await page.screenshot({ path: resolve(RESULTS, 'payments-receipt-verification.png'), fullPage: true, scale: 'css' });
    return true;
  }

  it('a patient looks up the demo bill, a relative opens its share link, the patient pays with the NCB card and the bill shows paid', async () => {
    const { context, page } = await c().newPage();
    try {
      // Lookup → the itemised bill.
      const panel = await lookUpBill(page, PATIENT);
      expect(await panel.locator('[data-items] tr').count()).toBe(PATIENT.items);
      expect(await text(panel.locator('[data-slot="total"]'))).toBe(PATIENT.total);
      expect(await text(panel.locator('[data-slot="amountDue"]'))).toBe(PATIENT.total);
      expect(await panel.locator('[data-slot="status"]').getAttribute('data-status')).toBe('unpaid');
      expect(await text(panel.locator('[data-pay]'))).toBe('Thanh toán qua VNPay');
      await c().checkPage(page, 'bill lookup, bill shown');
      await page.screenshot({ path: resolve(RESULTS, 'payments-bill.png'), fullPage: true, scale: 'css' });

      // The share link, as the patient would copy it.
      await panel.locator('[data-share] > summary').click();
      const shareLink = await panel.locator('[data-pay-link]').inputValue();
      expect(shareLink).toMatch(new RegExp(`^${p().url}/thanh-toan/hoa-don/#[A-Za-z0-9_.~%-]{16,}$`));

      // A relative, in a separate browser context (no shared storage), sees the bill and initials only.
      const relative = await c().newPage();
      try {
        const read = relative.page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/bills/pay-link/'), { timeout: STEP_TIMEOUT_MS });
        await relative.page.goto(shareLink);
        const apiBody = await (await read).text();
        const relativePanel = relative.page.locator('[data-bill]');
        await relativePanel.waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await text(relativePanel.locator('[data-slot="patientInitials"]'))).toBe(PATIENT.initials);
        expect(await text(relativePanel.locator('[data-slot="total"]'))).toBe(PATIENT.total);
        expect(await relativePanel.locator('[data-pay]').isVisible()).toBe(true);
        const pageText = plain(await relative.page.locator('body').innerText());
        const html = await relative.page.content();
        for (const secret of PATIENT.secrets) {
          expect(pageText, `page text of the pay link shows "${secret}"`).not.toContain(secret);
          expect(html, `the pay link page's DOM holds "${secret}"`).not.toContain(secret);
          expect(apiBody, `GET /api/bills/pay-link/… returns "${secret}"`).not.toContain(secret);
        }
        await c().checkPage(relative.page, 'pay link (relative)');
        await relative.page.screenshot({ path: resolve(RESULTS, 'payments-pay-link.png'), fullPage: true, scale: 'css' });
      } finally {
        await relative.context.close();
      }

      // Pay on the double: NCB card, then the OTP. (The double's pages are not checked.)
      await startPaying(page, panel, 398_000);
      await enterSandboxCard(page, STEP_TIMEOUT_MS);
      c().nextPage(page); // our result page starts with a clean problem list
      const reads = recordPaymentReads(page);
      await page.locator('form[action$="/otp"] button[type="submit"]').click();

      // The result page: paid, from our records.
      const { paymentId, title } = await awaitOutcome(page, reads);
      expect(title).toBe('Thanh toán thành công');
      expect(reads.at(-1)?.status).toBe('paid');
      expect(await text(page.locator('[data-slot="amount"]'))).toBe(PATIENT.total);
      expect(await text(page.locator('[data-slot="hospital"]'))).toBe(PATIENT.hospital);
      expect(await page.locator('[data-fact="paidAt"]').isVisible()).toBe(true);
      await c().checkPage(page, 'payment result, paid');
      await page.screenshot({ path: resolve(RESULTS, 'payments-result.png'), fullPage: true, scale: 'css' });
      expect((await p().request(`/api/payments/${paymentId}`)).status, 'GET /api/payments/{id} without a token').not.toBe(500);

      expect(await followReceiptIfPresent(page), 'the paid result page offers the e-receipt').toBe(true);

      // Back on the lookup: the same bill is paid and offers no payment.
      const paidPanel = await lookUpBill(page, PATIENT);
      expect(await paidPanel.locator('[data-slot="status"]').getAttribute('data-status')).toBe('paid');
      expect(await text(paidPanel.locator('[data-settled-title]'))).toBe('Hóa đơn đã được thanh toán');
      expect(await paidPanel.locator('[data-settled]').isVisible()).toBe(true);
      expect(await paidPanel.locator('[data-pay]').isVisible()).toBe(false);
      expect(await paidPanel.locator('[data-share]').isVisible()).toBe(false);
      await c().checkPage(page, 'bill lookup, bill paid');
      await page.screenshot({ path: resolve(RESULTS, 'payments-bill-paid.png'), fullPage: true, scale: 'css' });

      // And the API refuses a second payment of it, even through the relative's link.
      const token = decodeURIComponent(shareLink.slice(shareLink.indexOf('#') + 1));
      const again = await p().request('/api/payments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payLinkToken: token }) });
      expect(again?.status).toBe(409);
    } finally {
      await context.close();
    }
  });

  it('a patient cancels on the VNPay page at 412 px (the cancel and QR buttons take taps) and the result page says why it failed', async () => {
    const { context, page } = await c().newPage();
    try {
      const panel = await lookUpBill(page, OTHER_PATIENT);
      expect(await text(panel.locator('[data-slot="total"]'))).toBe(OTHER_PATIENT.total);
      await startPaying(page, panel, 325_000);

      // The double's layout at 412 px: nothing wider than the screen, and taps reach the buttons.
      const width = await page.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
      expect(width.scroll, 'the VNPay page scrolls sideways at 412 px').toBeLessThanOrEqual(width.client);
      const qrButton = page.locator('form[action$="/qr"] button[type="submit"]');
      const cancelButton = page.locator('form.cancel button[type="submit"]');
      expect(await tapLandsOn(qrButton), 'a tap on the QR button reaches it').toBe(true);
      await qrButton.tap({ trial: true, timeout: STEP_TIMEOUT_MS });
      expect(await tapLandsOn(cancelButton), 'a tap on "Hủy giao dịch" reaches it').toBe(true);
      expect(await text(cancelButton)).toBe('Hủy giao dịch');

      c().nextPage(page);
      const reads = recordPaymentReads(page);
      await cancelButton.tap({ timeout: STEP_TIMEOUT_MS });

      const { title } = await awaitOutcome(page, reads);
      expect(title).toBe('Thanh toán không thành công');
      expect(reads.at(-1)?.status).toBe('failed');
      const reason = page.locator('[data-panel-reason]');
      expect(await reason.isVisible()).toBe(true);
      expect(await text(reason)).toMatch(/^Lý do: .*hủy/i);
      // "Thử lại" goes back to this bill through its pay link (this tab started the payment).
      expect(await page.locator('[data-retry-link]').getAttribute('href')).toMatch(/^\/thanh-toan\/hoa-don\/#.+/);
      await c().checkPage(page, 'payment result, cancelled');
      await page.screenshot({ path: resolve(RESULTS, 'payments-result-cancelled.png'), fullPage: true, scale: 'css' });
    } finally {
      await context.close();
    }
  });
});
