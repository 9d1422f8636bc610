/**
 * Browser e2e of online procedures (issue 4, "Browser e2e"): the built site, the real API and the
 * job runner on a fresh DynamoDB Local, the VNPay sandbox double, in Debian's Chromium at a
 * mid-range phone's viewport.
 *
 *   1. The clinic owner (clinic-owner-minh) signs in through the site's sign-in flow from the apply
 *      wizard, fills the clinic-licence form step by step (a draft saved on every "Tiếp tục"),
 *      uploads every required document (presigned PUT with progress), reviews, submits → the
 *      acknowledgement shows the dossier code; "Nộp phí trực tuyến" → NCB card + OTP on the double →
 *      the result page links back to the dossier, whose fee reads paid.
 *   2. Anyone tracks it at /tra-cuu/ho-so/ with the code and the last 4 phone digits (wrong digits:
 *      not found, in words).
 *   3. officer-lan (API) receives it and asks for a supplement (one document + a note); the owner
 *      sees the checklist and the note on the dossier page, adds the file and presses "Nộp bổ sung":
 *      same dossier, same code.
 *   4. The officer receives the supplemented dossier, schedules and records the appraisal and
 *      approves; the licences job issues the licence; the owner downloads it from the dossier page;
 *      /tra-cuu/giay-phep/<number> says valid, and its file check says "Tệp hợp lệ" for the download
 *      and "Tệp đã bị thay đổi…" for a copy with one byte changed; once an administrator suspends
 *      it, the same page says "Giấy phép đang bị đình chỉ" with the reason (vi and en).
 *   5. In English, another owner (clinic-owner-hoa) applies; the draft resumes on another device
 *      from "My applications" at its first unfilled step; the back button returns to the previous
 *      step; a file removed meanwhile makes the submission a 422 whose item leads to that document;
 *      withdrawal asks first; guessing the tracking digits locks the code after five misses; the
 *      first owner gets "not found" for this dossier.
 *
 * Every page of ours is checked with axe (WCAG 2.1 A/AA), for console errors and CSP violations;
 * the sandbox's pages (/sandbox/...) are test doubles and are not. Screenshots go to
 * test/e2e/screenshots/ (git-ignored). Needs web/dist (`npm run build -w web`), Java 17+ and Chromium.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, skipBrowserSuite } from '../helpers/browser';
import { browserSuite, enterSandboxCard, fillFormStep, pickDemoAccount } from '../helpers/browser-suite';

const SUITE = 'browser procedures test';
const SHOTS = resolve(ROOT, 'test/e2e/screenshots');
const PROCEDURE = 'cap-moi-giay-phep-hoat-dong-phong-kham';
const OWNER = 'clinic-owner-minh';
const OFFICER = 'officer-lan';
const STEP_TIMEOUT_MS = 15_000;
/** The licences job runs from the table's stream a second or two after approval. */
const LICENCE_TIMEOUT_MS = 45_000;

/** What the owner types, by control id (`df-<path>`); addresses and ticks are handled apart. */
const TEXT_VALUES: Record<string, string> = {
  orgName: 'Công ty TNHH Phòng khám An Khang',
  taxCode: '0312345678',
  representativeName: 'Lê Quang Minh',
  representativeTitle: 'Giám đốc',
  representativeCccd: '079085001234',
  phone: '0912345678',
  email: 'minh.le@example.vn',
  clinicName: 'Phòng khám đa khoa An Khang',
  floorArea: '120',
  openingHours: '7:00 – 20:00 các ngày trong tuần',
  headName: 'Trần Văn Bình',
  headLicenceNumber: '000123/HCM-GPHN',
  headCccd: '079080004321',
  'staff-0-fullName': 'Nguyễn Thị Cúc',
  'staff-0-licenceNumber': '004567/HCM-GPHN',
  'staff-0-cccd': '079090005678',
  'staff-0-position': 'Bác sỹ khám bệnh',
  'equipment-0-name': 'Máy đo huyết áp',
  'equipment-0-quantity': '2',
  'equipment-0-origin': 'Nhật Bản',
  wasteContractor: 'Công ty Môi trường Đô thị TP.HCM',
};
const SELECT_VALUES: Record<string, string> = { facilityType: 'phong_kham_da_khoa', 'staff-0-profession': 'bac_sy', 'staff-0-workingTime': 'toan_thoi_gian' };
const CHECKED = ['declarationTrue'];
const PHONE_LAST4 = '5678';

/** A small valid-looking PDF (the portal checks type and size, not content). */
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

interface DossierJson {
  dossierId: string;
  code?: string;
  state: string;
  version: number;
  licenceNumber?: string;
  fee: { status: string; amountVnd: number };
  attachments: { attachmentId: string; documentId: string }[];
}

describe.skipIf(skipBrowserSuite(SUITE))('browser procedures test (Chromium, phone viewport, VNPay double)', () => {
  const { checks: c, portal: p } = browserSuite(SUITE, { summary: 'procedure pages checked' });
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true, scale: 'css' });
  const text = async (locator: Locator) => plain(await locator.textContent({ timeout: STEP_TIMEOUT_MS }));

  async function api<T>(path: string, as: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await p().request(path, {
      as,
      method: init.method ?? 'GET',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
  }

  /** An officer action with the version read just before. */
  async function act(dossierId: string, body: Record<string, unknown>): Promise<DossierJson> {
    const current = await api<DossierJson>(`/api/dossiers/${dossierId}`, OFFICER);
    expect(current.status, `GET as ${OFFICER}`).toBe(200);
    const done = await api<DossierJson>(`/api/dossiers/${dossierId}/actions`, OFFICER, { method: 'POST', body: { ...body, version: current.body.version } });
    expect(done.status, `${String(body.action)}: ${JSON.stringify(done.body)}`).toBe(200);
    return done.body;
  }

  /** Fills the step on screen from the tables above, then presses "Tiếp tục" and waits for the save. */
  async function fillStepAndContinue(page: Page, stepName: string): Promise<void> {
    await fillFormStep(page, { text: TEXT_VALUES, select: SELECT_VALUES, checked: CHECKED, street: '12 Nguyễn Trãi' });
    await c().checkPage(page, `apply wizard, ${stepName}`);
    await shot(page, `apply-${stepName}`);
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/dossiers') && ['POST', 'PATCH'].includes(r.request().method()), { timeout: STEP_TIMEOUT_MS });
    await page.locator('[data-next]').click();
    const response = await saved;
    expect(response.status(), `saving ${stepName}: ${await response.text()}`).toBeLessThan(300);
  }

  /** Signs in on the dev identity provider from a page offering sign-in, and waits to be back at `back`. */
  async function signIn(page: Page, user: string, back: string): Promise<void> {
    await page.locator('[data-sign-in]').click();
    c().nextPage(page);
    await pickDemoAccount(page, user, STEP_TIMEOUT_MS);
    await page.waitForURL(back, { timeout: STEP_TIMEOUT_MS });
  }

  /** Uploads a small file for every required document shown; returns their ids. */
  async function uploadRequired(page: Page): Promise<string[]> {
    const documents = page.locator('[data-documents-step]');
    await documents.waitFor({ timeout: STEP_TIMEOUT_MS });
    const ids = await documents.locator('[data-document][data-required="true"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-document') ?? ''));
    for (const id of ids) {
      const item = documents.locator(`[data-document="${id}"]`);
      await item.locator('input[type="file"]').setInputFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: pdf(id) });
      await item.locator('[data-attachment]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    }
    return ids;
  }

  it('a clinic owner applies, pays, supplements; the officer approves; the licence downloads and verifies, and a tampered copy does not', async () => {
    const { context, page } = await c().newPage({ acceptDownloads: true });
    try {
      // 1. The wizard asks for sign-in and comes back with the procedure.
      expect((await page.goto(`/ho-so/nop/?thu-tuc=${PROCEDURE}`))?.status()).toBe(200);
      await page.locator('[data-signed-out]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await c().checkPage(page, 'apply wizard, signed out');
      await signIn(page, OWNER, `**/ho-so/nop/?thu-tuc=${PROCEDURE}`);
      await page.locator('[data-step-form]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(page.locator('[data-procedure-name]'))).toMatch(/giấy phép hoạt động/i);

      // The form steps: the first "Tiếp tục" creates the draft, the address then resumes it.
      const stepCount = await page.locator('[data-step-list] li').count();
      expect(stepCount).toBe(7); // 5 form steps + documents + review
      // Continuing with an empty step shows the problems at once, and nothing is saved.
      await page.locator('[data-next]').click();
      await page.locator('[data-form-errors]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await page.locator('[data-form-errors] li').count()).toBeGreaterThan(3);
      await c().checkPage(page, 'apply wizard, step with errors');
      await shot(page, 'apply-errors');
      for (let step = 1; step <= 5; step++) {
        c().nextPage(page);
        await fillStepAndContinue(page, `step-${step}`);
        if (step === 1) await page.waitForURL('**/ho-so/nop/?ho-so=*', { timeout: STEP_TIMEOUT_MS });
      }
      const dossierId = new URL(page.url()).searchParams.get('ho-so') ?? '';
      expect(dossierId).toMatch(/^[0-9A-Z]{26}$/);

      // Documents: every required one, straight to storage with a PUT.
      const documents = page.locator('[data-documents-step]');
      await documents.waitFor({ timeout: STEP_TIMEOUT_MS });
      const required = documents.locator('[data-document][data-required="true"]');
      const requiredIds = await required.evaluateAll((items) => items.map((i) => i.getAttribute('data-document') ?? ''));
      expect(requiredIds.length).toBeGreaterThanOrEqual(7);
      // "Tiếp tục" with nothing uploaded: each missing document is named.
      await documents.locator('[data-documents-next]').click();
      await documents.locator('[data-documents-errors]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await documents.locator('[data-documents-errors] li').count()).toBe(requiredIds.length);
      // A wrong type is refused in the browser before anything is sent.
      const first = documents.locator(`[data-document="${requiredIds[0]}"]`);
      await first.locator('input[type="file"]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
      expect(await text(first.locator('.error-message'))).toMatch(/không đúng định dạng/);
      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT') puts++;
      });
      for (const id of requiredIds) {
        const item = documents.locator(`[data-document="${id}"]`);
        const accept = (await item.locator('input[type="file"]').getAttribute('accept')) ?? '';
        const file = accept.includes('application/pdf') ? { name: `${id}.pdf`, mimeType: 'application/pdf', buffer: pdf(id) } : { name: `${id}.png`, mimeType: 'image/png', buffer: pdf(id) };
        await item.locator('input[type="file"]').setInputFiles(file);
        await item.locator('[data-attachment]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      }
      expect(puts, 'presigned PUT uploads').toBe(requiredIds.length);
      // Remove one and add it again.
      const again = documents.locator(`[data-document="${requiredIds[0]}"]`);
      await again.locator('[data-remove]').click();
      await expect.poll(() => again.locator('[data-attachment]').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);
      await again.locator('input[type="file"]').setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: pdf('don') });
      await again.locator('[data-attachment]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      c().nextPage(page);
      await c().checkPage(page, 'apply wizard, documents');
      await shot(page, 'apply-documents');
      await documents.locator('[data-documents-next]').click();

      // Review and submit.
      const review = page.locator('[data-review-step]');
      await review.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(plain(await review.innerText())).toContain('Phòng khám đa khoa An Khang');
      expect(await text(review.locator('[data-review-fee]'))).toMatch(/5\.700\.000/);
      await c().checkPage(page, 'apply wizard, review');
      await shot(page, 'apply-review');
      const submitted = page.waitForResponse((r) => r.url().endsWith('/submit'), { timeout: STEP_TIMEOUT_MS });
      await review.locator('[data-submit]').click();
      expect((await submitted).status()).toBe(200);
      const done = page.locator('[data-done]');
      await done.waitFor({ timeout: STEP_TIMEOUT_MS });
      const code = await text(done.locator('[data-slot="code"]'));
      expect(code).toMatch(/^000\.00\.31\.H29-\d{6}-\d{4,8}$/);
      expect(await text(done.locator('[data-slot="state"]'))).toBe('Chờ nộp phí');
      await c().checkPage(page, 'acknowledgement of receipt');
      await shot(page, 'apply-receipt');

      // 2. Pay the fee on the VNPay double (its pages are not ours: not checked).
      await done.locator('[data-pay]').click();
      await page.waitForURL('**/sandbox/vnpay/paymentv2/vpcpay.html?**', { timeout: STEP_TIMEOUT_MS });
      expect(await page.locator('.order [data-amount]').getAttribute('data-amount')).toBe('5700000');
      await enterSandboxCard(page, STEP_TIMEOUT_MS);
      c().nextPage(page);
      await page.locator('form[action$="/otp"] button[type="submit"]').click();
      await page.waitForURL('**/thanh-toan/ket-qua/?ma=*', { timeout: STEP_TIMEOUT_MS });
      await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Thanh toán thành công');
      const back = page.locator('[data-dossier-link]');
      await back.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await back.getAttribute('href')).toBe(`/ho-so/chi-tiet/#${dossierId}`);
      await c().checkPage(page, 'payment result, fee paid');
      await shot(page, 'fee-paid');
      c().nextPage(page);
      await back.click();
      const detail = page.locator('[data-content]');
      await detail.waitFor({ timeout: STEP_TIMEOUT_MS });
      await expect.poll(async () => text(detail.locator('[data-slot="fee"]')), { timeout: STEP_TIMEOUT_MS }).toMatch(/đã nộp/);
      expect(await text(detail.locator('[data-slot="code"]'))).toBe(code);
      // The owner's own files open from a short-lived link in a new tab.
      const opened = context.waitForEvent('page', { timeout: STEP_TIMEOUT_MS });
      await detail.locator('[data-open]').first().click();
      const tab = await opened;
      await expect.poll(() => tab.url(), { timeout: STEP_TIMEOUT_MS }).not.toMatch(/^about:/);
      // The tab shows it in Chromium's PDF viewer; what the link serves is the file itself.
      const file = await page.request.get(tab.url());
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('application/pdf');
      expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await tab.close();
      await c().checkPage(page, 'dossier page, submitted');
      await shot(page, 'dossier-submitted');

      // "Hồ sơ của tôi" lists it.
      c().nextPage(page);
      await page.goto('/ho-so/');
      const listed = page.locator(`[data-dossier="${dossierId}"]`);
      await listed.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(plain(await listed.innerText())).toContain(code);
      await c().checkPage(page, 'my dossiers');
      await shot(page, 'my-dossiers');

      // 3. Public tracking, in a fresh context (no sign-in): wrong digits, then right ones.
      const visitor = await c().newPage();
      try {
        await visitor.page.goto('/tra-cuu/ho-so/');
        const form = visitor.page.locator('[data-track-form]');
        await form.locator('[data-field="code"]').fill(code);
        await form.locator('[data-field="check"]').fill('0000');
        await form.locator('[data-submit]').click();
        await visitor.page.locator('[data-error-summary]').waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await text(visitor.page.locator('[data-error-summary]'))).toMatch(/Không tìm thấy hồ sơ/);
        // The browser logs the API's designed 404 for a mismatch as a failed resource load.
        await c().checkPage(visitor.page, 'public tracking, wrong digits', { knownConsoleErrors: [/status of 404 .*\/api\/public\/dossiers\//] });
        c().nextPage(visitor.page);
        await form.locator('[data-field="check"]').fill(PHONE_LAST4);
        await form.locator('[data-submit]').click();
        const result = visitor.page.locator('[data-result]');
        await result.waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await text(result.locator('[data-slot="code"]'))).toBe(code);
        expect(await text(result.locator('[data-slot="state"]'))).toBe('Mới nộp, chờ tiếp nhận');
        const shown = plain(await visitor.page.locator('main').innerText());
        for (const secret of ['Lê Quang Minh', '0912345678', '079085001234', 'minh.le@example.vn']) expect(shown, `tracking shows ${secret}`).not.toContain(secret);
        await c().checkPage(visitor.page, 'public tracking');
        await shot(visitor.page, 'track');
      } finally {
        await visitor.context.close();
      }

      // 4. The officer receives and asks for one document again, with a note.
      await act(dossierId, { action: 'receive' });
      const supplementDoc = requiredIds.includes('so-do-mat-bang') ? 'so-do-mat-bang' : requiredIds[1]!;
      await act(dossierId, { action: 'request_supplement', missing: [supplementDoc, 'Bản sao hợp đồng thuê mặt bằng'], reason: 'Sơ đồ mặt bằng chưa thể hiện lối thoát hiểm.' });
      const note = 'Sơ đồ mặt bằng chưa thể hiện lối thoát hiểm.';

      c().nextPage(page);
      await page.goto(`/ho-so/chi-tiet/#${dossierId}`);
      const supplement = page.locator('[data-supplement]');
      await supplement.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await supplement.locator('[data-checklist] li').count()).toBe(2);
      expect(await supplement.locator('[data-note-block]').isVisible()).toBe(true);
      expect(await text(supplement.locator('[data-slot="note"]'))).toBe(note);
      await c().checkPage(page, 'dossier page, supplement requested');
      await shot(page, 'dossier-supplement');
      const needed = page.locator(`[data-documents] [data-document="${supplementDoc}"]`);
      await needed.locator('input[type="file"]').setInputFiles({ name: 'so-do-mat-bang-moi.pdf', mimeType: 'application/pdf', buffer: pdf('so do moi') });
      await expect.poll(async () => text(supplement.locator('[data-checklist] li').first()), { timeout: STEP_TIMEOUT_MS }).toMatch(/đã thêm tệp/);
      const resubmitted = page.waitForResponse((r) => r.url().endsWith('/submit'), { timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-resubmit]').click();
      expect((await resubmitted).status()).toBe(200);
      await expect.poll(async () => text(page.locator('[data-slot="state"]')), { timeout: STEP_TIMEOUT_MS }).toBe('Đã bổ sung, chờ xử lý');
      expect(await text(page.locator('[data-slot="code"]'))).toBe(code);
      await c().checkPage(page, 'dossier page, resubmitted');
      await shot(page, 'dossier-resubmitted');

      // 5. Receive again, appraisal visit, outcome, approval → the licences job issues the licence.
      await act(dossierId, { action: 'receive' });
      const visitDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      await act(dossierId, { action: 'schedule_appraisal', visit: { date: visitDate, team: ['Võ Thị Lan', 'Huỳnh Phương Thảo'] } });
      await act(dossierId, { action: 'record_appraisal', appraisal: { outcome: 'passed', minutes: 'Cơ sở đáp ứng đủ điều kiện theo biên bản thẩm định.' } });
      await act(dossierId, { action: 'approve' });
      // The licences job runs on a schedule (every 5 s locally); run it now rather than wait.
      const run = await p().request('/sandbox/jobs/licences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dossierIds: [dossierId] }) });
      expect(run.status, `licences job: ${await run.clone().text()}`).toBe(200);
      let issued: DossierJson | undefined;
      await expect
        .poll(
          async () => {
            issued = (await api<DossierJson>(`/api/dossiers/${dossierId}`, OWNER)).body;
            return issued.state;
          },
          { timeout: LICENCE_TIMEOUT_MS, interval: 500 },
        )
        .toBe('result_issued');
      const licenceNumber = issued?.licenceNumber ?? '';
      expect(licenceNumber).toMatch(/^[A-Z]{2,8}-\d{4}-\d{6}$/);

      // 6. The owner finds it in "Hồ sơ của tôi" and downloads the licence from the dossier page.
      c().nextPage(page);
      await page.goto('/ho-so/');
      const row = page.locator(`[data-dossier="${dossierId}"]`);
      await row.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(row.locator('[data-slot="state"]'))).toBe('Đã trả kết quả');
      c().nextPage(page);
      await row.locator('[data-view]').click();
      const licence = page.locator('[data-licence]');
      await licence.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(licence.locator('[data-slot="licenceNumber"]'))).toBe(licenceNumber);
      await c().checkPage(page, 'dossier page, result issued');
      await shot(page, 'dossier-result');
      const downloading = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS });
      await licence.locator('[data-download]').click();
      const download = await downloading;
      const saved = resolve(SHOTS, `${licenceNumber}.pdf`);
      await download.saveAs(saved);
      const bytes = readFileSync(saved);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // 7. The verification page: valid, the signature verifies, the downloaded file is the original…
      c().nextPage(page);
      await licence.locator('[data-verify]').click();
      await page.waitForURL(`**/tra-cuu/giay-phep/${licenceNumber}`, { timeout: STEP_TIMEOUT_MS });
      await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Giấy phép còn hiệu lực');
      expect(await text(page.locator('[data-facts] [data-slot="status"]'))).toBe('Còn hiệu lực');
      expect(await text(page.locator('[data-facts] [data-slot="signature"]'))).toMatch(/^Chữ ký số hợp lệ/);
      const fileForm = page.locator('[data-file-form]');
      await fileForm.locator('input[type="file"]').setInputFiles(saved);
      await fileForm.locator('[data-file-submit]').click();
      const outcome = page.locator('[data-file-result]');
      await expect.poll(async () => ((await outcome.isVisible()) ? await outcome.getAttribute('data-outcome') : ''), { timeout: STEP_TIMEOUT_MS }).toBe('valid');
      expect(await text(outcome.locator('h3'))).toBe('Tệp hợp lệ');
      await c().checkPage(page, 'licence verification, original file');
      await shot(page, 'licence-valid');

      // …and a copy with one byte changed is not.
      const tampered = Buffer.from(bytes);
      const at = Math.floor(tampered.length / 2);
      tampered[at] = tampered[at]! ^ 0x01;
      await fileForm.locator('input[type="file"]').setInputFiles({ name: `${licenceNumber}.pdf`, mimeType: 'application/pdf', buffer: tampered });
      await fileForm.locator('[data-file-submit]').click();
      await expect.poll(async () => ((await outcome.isVisible()) ? await outcome.getAttribute('data-outcome') : ''), { timeout: STEP_TIMEOUT_MS }).toBe('invalid');
      expect(await text(outcome.locator('h3'))).toBe('Tệp đã bị thay đổi hoặc không phải bản gốc');
      await c().checkPage(page, 'licence verification, tampered file');
      await shot(page, 'licence-tampered');

      // The page shows the CURRENT status: an administrator suspends the licence, the page says so at once.
      const reason = 'Cơ sở tạm ngừng hoạt động để sửa chữa, chưa bảo đảm điều kiện.';
      const suspended = await api(`/api/licences/${licenceNumber}/status`, 'admin-quang', { method: 'POST', body: { status: 'suspended', reason } });
      expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
      c().nextPage(page);
      await page.reload();
      await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Giấy phép đang bị đình chỉ');
      expect(await text(page.locator('[data-facts] [data-slot="status"]'))).toBe('Đang bị đình chỉ');
      expect(await text(page.locator('[data-facts] [data-slot="statusDetail"]'))).toContain(reason);
      await c().checkPage(page, 'licence verification, suspended');
      await shot(page, 'licence-suspended');

      // The English page reads the same register.
      c().nextPage(page);
      await page.goto(`/en/verify/licence/${licenceNumber}`);
      await expect.poll(async () => plain(await page.locator('[data-panel-title]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('The licence is suspended');
      expect(await text(page.locator('[data-facts] [data-slot="status"]'))).toBe('Suspended');
      await c().checkPage(page, 'licence verification (en), suspended');
    } finally {
      await context.close();
    }
  });

  it('in English, another clinic owner applies (a 422 names a document removed meanwhile) and withdraws after a confirmation; guessing its tracking digits locks the code; the first owner cannot open that dossier', async () => {
    const { context, page } = await c().newPage({ locale: 'en-GB' });
    try {
      await page.goto(`/en/dossiers/apply/?procedure=${PROCEDURE}`);
      await page.locator('[data-signed-out]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await signIn(page, 'clinic-owner-hoa', `**/en/dossiers/apply/?procedure=${PROCEDURE}`);
      await page.locator('[data-step-form]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(page.locator('[data-step-count]'))).toMatch(/^Step 1 of 7: /);
      for (let step = 1; step <= 2; step++) {
        c().nextPage(page);
        await fillStepAndContinue(page, `en-step-${step}`);
      }
      const dossierId = new URL(page.url()).searchParams.get('dossier') ?? '';
      expect(dossierId).toMatch(/^[0-9A-Z]{26}$/);
      await expect.poll(async () => text(page.locator('[data-step-count]')), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Step 3 of 7: /);

      // Another device: the draft is in "My applications" and resumes at the first step still to fill.
      const device = await c().newPage({ locale: 'en-GB' });
      try {
        await device.page.goto('/en/dossiers/');
        await device.page.locator('[data-signed-out]').waitFor({ timeout: STEP_TIMEOUT_MS });
        await signIn(device.page, 'clinic-owner-hoa', '**/en/dossiers/');
        const draft = device.page.locator(`[data-dossier="${dossierId}"]`);
        await draft.waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await text(draft.locator('[data-slot="state"]'))).toBe('Draft');
        await c().checkPage(device.page, 'my dossiers (en), a draft');
        await draft.locator('[data-resume]').click();
        await device.page.waitForURL(`**/en/dossiers/apply/?dossier=${dossierId}`, { timeout: STEP_TIMEOUT_MS });
        await expect.poll(async () => text(device.page.locator('[data-step-count]')), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Step 3 of 7: /);
      } finally {
        await device.context.close();
      }

      // The phone's back button goes to the previous step, with what was typed.
      await page.goBack();
      await expect.poll(async () => text(page.locator('[data-step-count]')), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Step 2 of 7: /);
      expect(await page.locator('#df-clinicName').inputValue()).toBe(TEXT_VALUES.clinicName);
      for (let step = 2; step <= 5; step++) {
        c().nextPage(page);
        await fillStepAndContinue(page, `en-step-${step}`);
      }
      await uploadRequired(page);
      await page.locator('[data-documents-next]').click();
      await page.locator('[data-review-step]').waitFor({ timeout: STEP_TIMEOUT_MS });

      // A file removed elsewhere meanwhile: the 422 names the document and its link leads to it.
      const draft = await api<DossierJson>(`/api/dossiers/${dossierId}`, 'clinic-owner-hoa');
      const removed = draft.body.attachments[0]!;
      expect((await api(`/api/dossiers/${dossierId}/attachments/${removed.attachmentId}`, 'clinic-owner-hoa', { method: 'DELETE' })).status).toBeLessThan(300);
      const refused = page.waitForResponse((r) => r.url().endsWith('/submit'), { timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-submit]').click();
      expect((await refused).status()).toBe(422);
      const problems = page.locator('[data-submit-errors]');
      await problems.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await problems.locator('li').count()).toBe(1);
      expect(await text(problems.locator('li'))).toMatch(/^Missing document: /);
      await c().checkPage(page, 'apply wizard (en), submission refused', { knownConsoleErrors: [/status of 422 .*\/submit/] });
      await shot(page, 'apply-422');
      await problems.locator('li a').click();
      await page.locator('[data-documents-step]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await page.locator(`#doc-${removed.documentId}`).evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
      c().nextPage(page);
      const lost = page.locator(`[data-document="${removed.documentId}"]`);
      expect(await lost.locator('[data-attachment]').count(), 'the removed file is no longer listed').toBe(0);
      await lost.locator('input[type="file"]').setInputFiles({ name: 'again.pdf', mimeType: 'application/pdf', buffer: pdf('again') });
      await lost.locator('[data-attachment]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-documents-next]').click();
      await page.locator('[data-review-step]').waitFor({ timeout: STEP_TIMEOUT_MS });
      c().nextPage(page);
      await c().checkPage(page, 'apply wizard (en), review');
      await page.locator('[data-submit]').click();
      await page.locator('[data-done]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(page.locator('[data-done-title]'))).toBe('Application submitted');
      const code = await text(page.locator('[data-done] [data-slot="code"]'));
      await c().checkPage(page, 'acknowledgement (en)');

      // The dossier page: withdraw asks first; "Do not withdraw" changes nothing.
      c().nextPage(page);
      await page.locator('[data-detail-link]').click();
      await page.waitForURL(`**/en/dossiers/detail/#${dossierId}`, { timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-content]').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await text(page.locator('[data-slot="state"]'))).toBe('Awaiting fee payment');
      await page.locator('[data-withdraw]').click();
      const box = page.locator('[data-withdraw-box]');
      await box.waitFor({ timeout: STEP_TIMEOUT_MS });
      await c().checkPage(page, 'dossier page (en), withdraw confirmation');
      await shot(page, 'withdraw-confirm');
      await box.locator('[data-withdraw-cancel]').click();
      expect(await box.isVisible()).toBe(false);
      expect(await text(page.locator('[data-slot="state"]'))).toBe('Awaiting fee payment');
      await page.locator('[data-withdraw]').click();
      await box.locator('[data-field="reason"]').fill('abc');
      await box.locator('[data-withdraw-confirm]').click();
      expect(await text(box.locator('[data-error-for="reason"]'))).toMatch(/at least 5 characters/);
      await box.locator('[data-field="reason"]').fill('The clinic will open at another address.');
      const withdrawn = page.waitForResponse((r) => r.url().endsWith('/withdraw'), { timeout: STEP_TIMEOUT_MS });
      await box.locator('[data-withdraw-confirm]').click();
      expect((await withdrawn).status()).toBe(200);
      await expect.poll(async () => text(page.locator('[data-slot="state"]')), { timeout: STEP_TIMEOUT_MS }).toBe('Withdrawn');
      expect(await page.locator('[data-withdraw]').isVisible()).toBe(false);
      expect(await page.locator('[data-pay]').isVisible()).toBe(false);
      await c().checkPage(page, 'dossier page (en), withdrawn');
      await shot(page, 'withdrawn');

      // Guessing the digits: five misses read as "not found", then the code's tracking is locked.
      const guesser = await c().newPage({ locale: 'en-GB' });
      try {
        await guesser.page.goto('/en/track/dossier/');
        const form = guesser.page.locator('[data-track-form]');
        await form.locator('[data-field="code"]').fill(code);
        const summary = guesser.page.locator('[data-error-summary]');
        for (let attempt = 1; attempt <= 6; attempt++) {
          await form.locator('[data-field="check"]').fill(String(1000 + attempt));
          const answered = guesser.page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/public/dossiers/'), { timeout: STEP_TIMEOUT_MS });
          await form.locator('[data-submit]').click();
          expect((await answered).status(), `attempt ${attempt}`).toBe(attempt <= 5 ? 404 : 429);
          await expect.poll(async () => text(summary), { timeout: STEP_TIMEOUT_MS }).toMatch(attempt <= 5 ? /No application matches/ : /Too many wrong attempts.*try again in 1[45] minutes/);
        }
        await c().checkPage(guesser.page, 'public tracking (en), locked', { knownConsoleErrors: [/status of (404|429) .*\/api\/public\/dossiers\//] });
        await shot(guesser.page, 'track-locked');
      } finally {
        await guesser.context.close();
      }

      // Another applicant's dossier reads as not found.
      const other = await c().newPage();
      try {
        await other.page.goto(`/ho-so/chi-tiet/#${dossierId}`);
        await signIn(other.page, OWNER, '**/ho-so/chi-tiet/**');
        await other.page.locator('[data-error]').waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await text(other.page.locator('[data-error-message]'))).toMatch(/Không tìm thấy hồ sơ/);
        expect(plain(await other.page.locator('main').innerText())).not.toContain('An Khang');
        await c().checkPage(other.page, "dossier page, another applicant's", { knownConsoleErrors: [/status of 404 .*\/api\/dossiers\//] });
      } finally {
        await other.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
