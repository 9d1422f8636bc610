/**
 * The online-procedure journey for the viewport × language matrix (journeys.test.ts): catalogue →
 * procedure page (re-issue of a practice licence, fee 150.000 ₫ at submission) → sign in → form →
 * upload → submit → pay the fee on the VNPay double → my dossier → the officer receives, takes
 * and approves it in the dossier page → the licences job → licence download → verification page.
 * Language-neutral selectors (data-*, values), the run's addresses; the deep checks (supplement,
 * tampered files, 422s, tracking lock) stay in procedures.test.ts and officer.test.ts.
 */
import { expect } from 'vitest';
import { pagePath } from '../../../web/src/lib/i18n';
import { REISSUE, reissueData } from '../../helpers/dossiers';
import { enterSandboxCard, fillFormStep, pickDemoAccount, signInThroughIdp, type JourneyRun, type StepValues } from '../../helpers/browser-suite';
import type { TestPortal } from '../../helpers/portal';

const STEP_TIMEOUT_MS = 15_000;
const APPLICANT = 'citizen-an';
const OFFICER = 'officer-lan';
const DATA = reissueData();
const pick = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, String(DATA[field])]));
/** The re-issue fixture (test/helpers/dossiers.ts), control by control. */
const STEP_VALUES: StepValues = {
  text: pick(['fullName', 'dateOfBirth', 'cccd', 'phone', 'email', 'licenceNumber', 'licenceIssueDate', 'licenceIssuer']),
  select: pick(['gender', 'profession', 'reason']),
  checked: ['declarationTrue'],
  street: '1 Hoàng Diệu',
};
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

export async function proceduresJourney(run: JourneyRun, portal: TestPortal): Promise<void> {
  const { page } = await run.newPage({ acceptDownloads: true });

  // 1. Catalogue → the procedure's page → "apply" (asks to sign in first).
  await page.goto(run.path('procedures'));
  await page.locator('[data-procedure-list][data-source="api"] [data-testid="procedure-item"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'catalogue');
  run.checks.nextPage(page);
  await page.locator(`[data-testid="procedure-item"] a[href="${run.path('procedure', REISSUE)}"]`).click();
  await page.waitForURL(`**${run.path('procedure', REISSUE)}`, { timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'procedure-page');
  run.checks.nextPage(page);
  await page.locator('[data-testid="apply-link"]').click();
  await page.locator('[data-signed-out]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'apply-signed-out');
  await page.locator('[data-sign-in]').click();
  run.checks.nextPage(page);
  await pickDemoAccount(page, APPLICANT, STEP_TIMEOUT_MS);
  await page.locator('[data-step-form]').waitFor({ timeout: STEP_TIMEOUT_MS });

  // 2. The form's steps (a draft saved on each), the documents, review and submit.
  const documents = page.locator('[data-documents-step]');
  for (let step = 1; !(await documents.isVisible()); step++) {
    expect(step, 'form steps before the documents').toBeLessThan(6);
    run.checks.nextPage(page);
    await fillFormStep(page, STEP_VALUES);
    await run.step(page, `form-step-${step}`);
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/dossiers') && ['POST', 'PATCH'].includes(r.request().method()), { timeout: STEP_TIMEOUT_MS });
    await page.locator('[data-next]').click();
    expect((await saved).status()).toBeLessThan(300);
    await page.locator('[data-step-form]:visible, [data-documents-step]:visible').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  const dossierId = new URL(page.url()).searchParams.get(run.t('ho-so', 'dossier')) ?? '';
  expect(dossierId).toMatch(/^[0-9A-Z]{26}$/);
  run.checks.nextPage(page);
  for (const id of await documents.locator('[data-document][data-required="true"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-document') ?? ''))) {
    const item = documents.locator(`[data-document="${id}"]`);
    const accept = (await item.locator('input[type="file"]').getAttribute('accept')) ?? '';
    const file = accept.includes('application/pdf') ? { name: `${id}.pdf`, mimeType: 'application/pdf' } : { name: `${id}.png`, mimeType: 'image/png' };
    await item.locator('input[type="file"]').setInputFiles({ ...file, buffer: pdf(id) }); // type and size are checked, not content
    await item.locator('[data-attachment]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  await run.step(page, 'documents-uploaded');
  await documents.locator('[data-documents-next]').click();
  const review = page.locator('[data-review-step]');
  await review.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'review');
  await review.locator('[data-submit]').click();
  const done = page.locator('[data-done]');
  await done.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'acknowledgement');

  // 3. The fee on the VNPay double, back to the dossier page.
  await done.locator('[data-pay]').click();
  await page.waitForURL('**/sandbox/vnpay/paymentv2/vpcpay.html?**', { timeout: STEP_TIMEOUT_MS });
  await enterSandboxCard(page, STEP_TIMEOUT_MS);
  await run.shot(page, 'vnpay-otp');
  run.checks.nextPage(page);
  await page.locator('form[action$="/otp"] button[type="submit"]').click();
  // VNPay returns to the Vietnamese result address, which replaces itself with the language the
  // payment was started in (payment-result-page.ts): in English that address is only a hand-over.
  if (run.lang !== 'vi') run.handOver(pagePath('paymentResult', 'vi'));
  const back = page.locator('[data-dossier-link]');
  await back.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'fee-paid');
  run.checks.nextPage(page);
  await back.click();
  await expect.poll(async () => page.locator('[data-content] [data-slot="fee"]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(run.t(/đã nộp/, /paid/i));
  await run.step(page, 'my-dossier-submitted');

  // 4. The officer receives, takes and approves it in the dossier page; the licences job issues the licence.
  await officerProcesses(run, portal, dossierId);
  const job = await portal.request('/sandbox/jobs/licences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dossierIds: [dossierId] }) });
  expect(job.status).toBe(200);

  // 5. The applicant downloads the licence and opens its verification page.
  run.checks.nextPage(page);
  await page.reload();
  const licence = page.locator('[data-licence]');
  await licence.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'my-dossier-licence');
  const downloading = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
  await licence.locator('[data-download]').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
  run.checks.nextPage(page);
  await licence.locator('[data-verify]').click();
  await page.waitForURL(`**${run.path('licenceVerify')}*`, { timeout: STEP_TIMEOUT_MS });
  await expect.poll(async () => page.locator('[data-facts] [data-slot="status"]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(run.t(/Còn hiệu lực/, /Valid/));
  await run.step(page, 'licence-verification');
  run.expectEveryPageChecked();
}

async function officerProcesses(run: JourneyRun, portal: TestPortal, dossierId: string): Promise<void> {
  const { page } = await run.newPage();
  await signInThroughIdp(page, OFFICER, run.path('officerInbox'), STEP_TIMEOUT_MS);
  run.checks.nextPage(page);
  const link = page.locator(`[data-inbox-table] a[href$="#${dossierId}"]`);
  await link.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'officer-inbox');
  run.checks.nextPage(page);
  await link.click();
  await page.locator('[data-dossier-body]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'officer-dossier');
  // Receive; assign to herself (the dialog proposes her); approve (re-issues need no appraisal).
  for (const action of ['receive', 'assign', 'approve']) {
    await page.locator(`[data-action-buttons] button[data-action="${action}"]`).click();
    const dialog = page.locator('[data-action-dialog]');
    await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
    await run.step(page, `officer-${action}-dialog`);
    const acted = page.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${dossierId}/actions`), { timeout: STEP_TIMEOUT_MS });
    await dialog.locator('[data-action-submit]').click();
    expect((await acted).status()).toBe(200);
    await expect.poll(() => dialog.isVisible(), { timeout: STEP_TIMEOUT_MS }).toBe(false);
    await run.step(page, `officer-${action}-done`);
  }
}
