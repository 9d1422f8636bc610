/**
 * The hospital-bill journey for the viewport × language matrix (journeys.test.ts): bill lookup →
 * pay on the VNPay double → result from our records → e-receipt and its verification page → the
 * cashier's desk finds the bill paid. Language-neutral selectors (data-*), the run's addresses;
 * the deep checks of each step stay in payments.test.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pagePath } from '../../../web/src/lib/i18n';
import { enterSandboxCard, signInThroughIdp, type JourneyRun } from '../../helpers/browser-suite';
import { pushBill } from '../../helpers/payments';
import type { TestPortal } from '../../helpers/portal';

const STEP_TIMEOUT_MS = 15_000;
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** pushBill's patient (test/helpers/payments.ts). */
const PATIENT_CODE = 'BN-T-1';
const PHONE = '0911222333';

export async function paymentsJourney(run: JourneyRun, portal: TestPortal): Promise<void> {
  const bill = await pushBill(portal, { amount: 180_000, patientPhone: PHONE });
  const { page } = await run.newPage();

  // 1. Lookup: hospital, patient code, bill code, last 4 phone digits.
  expect((await page.goto(run.path('payments')))?.status()).toBe(200);
  const form = page.locator('[data-lookup-form]');
  await form.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'lookup-form');
  await form.locator('[data-field="hospitalId"]').selectOption('hosp-cho-ray');
  await form.locator('[data-field="patientCode"]').fill(PATIENT_CODE);
  await form.locator('[data-field="billCode"]').fill(bill.billCode);
  await form.locator('[data-field="factor"][value="phone"]').check();
  await form.locator('[data-field="phoneLast4"]').fill(PHONE.slice(-4));
  await form.locator('[data-submit]').click();
  const panel = page.locator('[data-bill]');
  await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
  expect(plain(await panel.locator('[data-slot="billCodeFact"]').textContent())).toBe(bill.billCode);
  await run.step(page, 'bill');

  // 2. Pay on the double (its pages are a test double: screenshots, no checks).
  await panel.locator('[data-pay]').click();
  await page.waitForURL('**/sandbox/vnpay/paymentv2/vpcpay.html?**', { timeout: STEP_TIMEOUT_MS });
  await page.locator('main[data-step="choose"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await enterSandboxCard(page, STEP_TIMEOUT_MS);
  await run.shot(page, 'vnpay-otp');
  run.checks.nextPage(page);
  await page.locator('form[action$="/otp"] button[type="submit"]').click();
  // VNPay returns to the Vietnamese result address, which replaces itself with the language the
  // payment was started in (payment-result-page.ts): in English that address is only a hand-over.
  if (run.lang !== 'vi') run.handOver(pagePath('paymentResult', 'vi'));

  // 3. The result page, from our records, then the receipt and its verification page.
  await page.waitForURL(`**${run.path('paymentResult')}?ma=*`, { timeout: STEP_TIMEOUT_MS });
  await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(run.t('Thanh toán thành công', 'Payment successful'));
  await page.locator('[data-receipt-verify]').waitFor({ timeout: 2 * STEP_TIMEOUT_MS });
  await run.step(page, 'paid-with-receipt');
  await openReceiptVerification(run, page);

  // 4. The cashier's desk finds the bill, paid.
  await cashierFindsBill(run, portal, bill.billCode);
  run.expectEveryPageChecked();
}

/** The receipt PDF downloads; its verification page says valid. */
async function openReceiptVerification(run: JourneyRun, page: Page): Promise<void> {
  const href = (await page.locator('[data-receipt-link]').getAttribute('href')) ?? '';
  const pdf = await page.request.get(new URL(href, page.url()).toString());
  expect(pdf.headers()['content-type'] ?? '').toMatch(/^application\/pdf/);
  run.checks.nextPage(page);
  await page.locator('[data-receipt-verify]').click();
  await page.waitForURL(`**${run.path('receiptVerify')}*`, { timeout: STEP_TIMEOUT_MS });
  await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(run.t('Biên lai hợp lệ', 'Valid receipt'));
  await run.step(page, 'receipt-verification');
}

async function cashierFindsBill(run: JourneyRun, portal: TestPortal, billCode: string): Promise<void> {
  const { page } = await run.newPage();
  await signInThroughIdp(page, 'cashier-cho-ray', run.path('cashierDesk'), STEP_TIMEOUT_MS);
  run.checks.nextPage(page);
  await page.locator('[data-staff-content]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('[data-bills-table]:not([hidden]), [data-bills-status]:not(:empty)').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'cashier-desk');
  const search = page.locator('[data-search-form]');
  await search.locator('[data-field="q"]').fill(billCode);
  await search.locator('button[type="submit"]').click();
  const row = page.locator('[data-bills-body] tr', { hasText: billCode });
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'cashier-desk-bill-found');
}
