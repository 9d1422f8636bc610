/**
 * Browser e2e of the department's pages (issue 4): the built site, the real API on a fresh
 * DynamoDB Local, Debian's Chromium at a desk screen's viewport (officers work at a desk).
 *
 *   1. Two re-issue dossiers are created, completed and submitted through the API by a citizen and
 *      their fee is settled (the IPN's system action), so they wait for intake in Phòng Nghiệp vụ Y.
 *   2. officer-lan filters her inbox (chip "Mới nộp, chờ tiếp nhận" and the form), receives both at
 *      once (one outcome per dossier), takes one ("Nhận xử lý"), opens it (form data by step,
 *      attachments, history) and asks for a supplement (checklist + free text; an empty checklist
 *      is refused on the page first).
 *   3. officer-thao has the other dossier open; officer-lan moves it meanwhile; thao's action gets
 *      "Hồ sơ vừa được người khác cập nhật" with the fresh state, and the page shows it.
 *   4. officer-tuan (Phòng Nghiệp vụ Dược) does not see the dossiers and cannot open one.
 *   5. admin-quang edits the 2027 working-day calendar (a weekend "holiday" is refused next to its
 *      row; a weekday holiday is saved and the API returns it) and looks an unknown licence up.
 *   6. officer-lan approves the other dossier in its page; the licences job issues the licence;
 *      admin-quang suspends it (a reason first) and reinstates it, and the public view follows.
 *   7. On a dossier that needs an on-site visit: Esc closes a dialog back to its button; the visit
 *      is scheduled, its outcome recorded (remediation needs its deadline), the due date moved once.
 *
 * Every page is checked with axe (WCAG 2.1 A/AA), for console errors and CSP violations.
 * Screenshots go to test/e2e/screenshots/. Needs web/dist (`npm run build -w web`), Java 17+ and
 * Chromium.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, InboxResponse } from '../../shared/src/dossiers/api';
import type { YearCalendar } from '../../shared/src/calendar/holidays';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { applySystemAction } from '../../functions/src/services/dossier-transitions';
import { BrowserChecks, ROOT, WEB_DIST, assertBrowserPrerequisites, launchChromium, skipBrowserSuite } from '../helpers/browser';
import { api, readyDraft, seedInState, submit } from '../helpers/dossiers';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { pickDemoAccount } from '../helpers/browser-suite';

const SUITE = 'browser officer test';
/** The built site; E2E_WEB_DIST lets a run use its own build while others rebuild web/dist. */
const SITE = process.env.E2E_WEB_DIST || WEB_DIST;
const SCREENSHOTS = resolve(ROOT, 'test/e2e/screenshots');
/** A desk screen: officers handle ~40 dossiers a day at one. */
const DESKTOP = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const STEP_TIMEOUT_MS = 10_000;

/** A tiny PDF the applicant uploads (its first bytes are what the officer's download must return). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_NAME = 'don-de-nghi-co-chu-ky.pdf';

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skipBrowserSuite(SUITE))('browser officer test (Chromium, desktop viewport)', () => {
  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  let checks: BrowserChecks | undefined;
  /** The two dossiers waiting for intake: [A, B]. */
  const dossiers: DossierView[] = [];

  const p = (): TestPortal => {
    if (!portal) throw new Error('portal not started');
    return portal;
  };
  const c = (): BrowserChecks => {
    if (!checks) throw new Error('browser not started');
    return checks;
  };

  beforeAll(async () => {
    assertBrowserPrerequisites(SUITE, SITE);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const launching = launchChromium();
    launching.catch(() => undefined);
    dynamo = await startDynamoDbLocal().catch(async (error: unknown) => {
      await (await launching).close();
      throw error;
    });
    browser = await launching;
    // Jobs on demand: the licences job issues the signed licence of an approved dossier.
    portal = await startTestPortal({ webDist: SITE, endpoint: dynamo.endpoint, jobs: true });
    checks = new BrowserChecks(browser, portal.url);

    // A citizen completes and submits two dossiers; the fee (due at submission) is settled as the IPN would.
    for (let i = 0; i < 2; i++) {
      const draft = await readyDraft(portal, 'citizen-an');
      if (i === 0) {
        // One real file through the presigned upload, so the officer's "Mở" opens an object that is in storage.
        const slot = await api<{ upload: { method: string; url: string; headers?: Record<string, string> } }>(portal, `/api/dossiers/${draft.dossierId}/attachments`, 'citizen-an', 'POST', {
          documentId: 'don-de-nghi', fileName: PDF_NAME, contentType: 'application/pdf', sizeBytes: PDF.length,
        });
        expect(slot.status, JSON.stringify(slot.body)).toBe(201);
        const put = await fetch(new URL(slot.body.upload.url, portal.url), { method: slot.body.upload.method, headers: slot.body.upload.headers ?? {}, body: PDF });
        expect(put.ok, `upload ${put.status}`).toBe(true);
      }
      const submitted = await submit(portal, draft, 'citizen-an');
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      await applySystemAction({ db: portal.db, tableName: portal.tableName }, draft.dossierId, 'fee_paid', { paymentId: `E2EFEE${i}` }, new Date());
      const fresh = await api(portal, `/api/dossiers/${draft.dossierId}`, 'citizen-an');
      expect(fresh.body.state).toBe('submitted');
      dossiers.push(fresh.body);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await dynamo?.stop();
    checks?.printSummary('department pages checked');
  });

  /** Signs in as a person does (sign-in page, the local IdP, the callback) and comes back to `returnPath`, its hash included. */
  async function signedIn(user: string, returnPath: string): Promise<Page> {
    const { page } = await c().newPage(DESKTOP);
    await page.goto(`/dang-nhap/?return=${encodeURIComponent(returnPath)}`);
    await pickDemoAccount(page, user, STEP_TIMEOUT_MS);
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === returnPath, { timeout: STEP_TIMEOUT_MS });
    c().nextPage(page);
    return page;
  }

  async function inboxRows(page: Page): Promise<string[]> {
    // The count sentence replaces "Đang tải hồ sơ…" once the list is in.
    await expect
      .poll(async () => plain(await page.locator('[data-list-status]').textContent()), { timeout: STEP_TIMEOUT_MS })
      .toMatch(/^(Có \d+ hồ sơ\.|Không có hồ sơ nào phù hợp\.|\d+ dossiers?\.|No dossiers match\.)$/);
    const table = page.locator('[data-inbox-table]');
    if (await table.isHidden()) return [];
    return (await table.locator('tbody tr th a').allTextContents()).map(plain);
  }

  const code = (i: number) => dossiers[i]!.code!;
  const screenshot = (page: Page, name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('officer-lan filters the inbox, receives both dossiers at once, takes one and asks for a supplement', async () => {
    // The unit also holds the demo dossiers of the seed: the page must agree with the API's counts.
    const before = (await api<InboxResponse>(p(), '/api/inbox', 'officer-lan')).body;
    const waiting = before.counts.byState.submitted ?? 0;
    expect(waiting).toBeGreaterThanOrEqual(2);
    const page = await signedIn('officer-lan', '/nhan-vien/ho-so/');
    await expect.poll(() => inboxRows(page), { timeout: STEP_TIMEOUT_MS }).toEqual(expect.arrayContaining([code(0), code(1)]));
    expect(await page.locator('[data-inbox-body] tr').count()).toBe(before.counts.total);
    expect(plain(await page.locator('[data-gate-who]').textContent())).toBe('Võ Thị Lan · Cán bộ · Phòng Nghiệp vụ Y');
    await c().checkPage(page, 'inbox');

    // The chip filters by state and puts it in the address fragment (no personal data there).
    const submittedChip = page.locator('.chip', { hasText: 'Mới nộp, chờ tiếp nhận' });
    expect(plain(await submittedChip.textContent())).toBe(`Mới nộp, chờ tiếp nhận ${waiting}`);
    expect(plain(await page.locator('.chip').first().textContent())).toBe(`Tất cả ${before.counts.total}`);
    expect(plain(await page.locator('.chip', { hasText: 'Quá hạn' }).textContent())).toBe(`Quá hạn ${before.counts.overdue}`);
    await submittedChip.click();
    await page.waitForURL('**/nhan-vien/ho-so/#state=submitted', { timeout: STEP_TIMEOUT_MS });
    await expect.poll(() => page.locator('.chip[aria-current="true"]').textContent()).toContain('Mới nộp, chờ tiếp nhận');
    const submittedRows = await inboxRows(page);
    expect(submittedRows).toHaveLength(waiting);
    expect(submittedRows).toEqual(expect.arrayContaining([code(0), code(1)]));
    // Due dates are said in words (not by colour only) and the rows are sorted by them.
    const dueCells = await page.locator('[data-inbox-body] td[data-label="Hạn giải quyết"]').allTextContents();
    for (const text of dueCells) expect(plain(text)).toMatch(/^\d{2}\/\d{2}\/\d{4} [✓◷!] (Còn hạn|Sắp đến hạn|Quá hạn)$/);
    // The filter form adds "not assigned"; Back restores the previous filters.
    await page.locator('[data-filter-form] [data-field="assignee"]').selectOption('none');
    await page.locator('[data-filter-form] button[type="submit"]').click();
    await page.waitForURL('**/nhan-vien/ho-so/#state=submitted&assignee=none', { timeout: STEP_TIMEOUT_MS });
    expect(await inboxRows(page)).toEqual(expect.arrayContaining([code(0), code(1)]));
    await page.goBack();
    await page.waitForURL('**/nhan-vien/ho-so/#state=submitted', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator('[data-filter-form] [data-field="assignee"]').inputValue()).toBe('');

    // Bulk intake: nothing selected is explained; both selected are received, one line each.
    await page.getByRole('button', { name: 'Tiếp nhận các hồ sơ đã chọn' }).click();
    await expect.poll(() => page.locator('[data-result]').textContent()).toContain('Chọn ít nhất một hồ sơ mới nộp');
    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${code(0)}` }).check();
    await page.getByRole('checkbox', { name: `Chọn hồ sơ ${code(1)}` }).check();
    expect(plain(await page.locator('[data-bulk-count]').textContent())).toBe('Đã chọn 2 hồ sơ để tiếp nhận.');
    await screenshot(page, 'officer-inbox-selected');
    const received = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/inbox/receive' && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Tiếp nhận các hồ sơ đã chọn' }).click();
    expect((await received).status()).toBe(200);
    const result = page.locator('[data-result]');
    await expect.poll(() => result.locator('li').allTextContents(), { timeout: STEP_TIMEOUT_MS }).toEqual(
      expect.arrayContaining([`${code(0)}: đã tiếp nhận`, `${code(1)}: đã tiếp nhận`]),
    );
    expect(plain(await result.locator('p').first().textContent())).toBe('Đã tiếp nhận 2 hồ sơ.');
    await expect.poll(() => result.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    // The list (still filtered on "submitted") no longer holds them.
    await expect.poll(async () => (await inboxRows(page)).length, { timeout: STEP_TIMEOUT_MS }).toBe(waiting - 2);
    expect(await inboxRows(page)).not.toContain(code(0));
    await c().checkPage(page, 'inbox after bulk intake');

    // All open dossiers; take dossier A.
    await page.getByRole('link', { name: 'Xóa bộ lọc' }).click();
    await expect.poll(() => inboxRows(page), { timeout: STEP_TIMEOUT_MS }).toEqual(expect.arrayContaining([code(0), code(1)]));
    await page.getByRole('button', { name: `Nhận xử lý hồ sơ ${code(0)}` }).click();
    await expect.poll(() => result.textContent(), { timeout: STEP_TIMEOUT_MS }).toContain(`Đã giao hồ sơ ${code(0)} cho bạn.`);
    const rowA = page.locator('[data-inbox-body] tr', { has: page.getByRole('link', { name: code(0), exact: true }) });
    await expect.poll(async () => plain(await rowA.locator('td[data-label="Người xử lý"]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Võ Thị Lan (bạn)');
    expect(plain(await rowA.locator('td[data-label="Trạng thái"]').textContent())).toBe('Đang xử lý');
    await page.locator('[data-filter-form] [data-field="assignee"]').selectOption('me');
    await page.locator('[data-filter-form] button[type="submit"]').click();
    await page.waitForURL('**/nhan-vien/ho-so/#assignee=me', { timeout: STEP_TIMEOUT_MS });
    await expect.poll(() => inboxRows(page), { timeout: STEP_TIMEOUT_MS }).toContain(code(0));
    for (const text of await page.locator('[data-inbox-body] td[data-label="Người xử lý"]').allTextContents()) expect(plain(text)).toBe('Võ Thị Lan (bạn)');
    await screenshot(page, 'officer-inbox-mine');

    // The dossier page: summary, form data by step, attachments, history; then the supplement.
    await page.getByRole('link', { name: code(0), exact: true }).click();
    await page.waitForURL(`**/nhan-vien/ho-so/chi-tiet/#${dossiers[0]!.dossierId}`, { timeout: STEP_TIMEOUT_MS });
    c().nextPage(page);
    const body = page.locator('[data-dossier-body]');
    await body.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await page.locator('h1').textContent())).toBe(`Hồ sơ ${code(0)}`);
    expect(plain(await page.locator('[data-slot="state"]').textContent())).toContain('Đang xử lý');
    expect(plain(await page.locator('[data-slot="due"]').textContent())).toMatch(/^\d{2}\/\d{2}\/\d{4} — (Còn hạn|Sắp đến hạn|Quá hạn)$/);
    expect(plain(await page.locator('[data-slot="fee"]').textContent())).toBe('150.000 ₫ — Đã nộp phí (nộp khi nộp hồ sơ)');
    const formData = page.locator('[data-form-data]');
    expect(await formData.locator('h3').first().textContent()).toBe('Thông tin người đề nghị');
    expect(plain(await formData.locator('.summary-row', { hasText: 'Họ và tên' }).first().locator('dd').textContent())).toBe('Nguyễn Văn Thử');
    expect(plain(await formData.locator('.summary-row', { hasText: 'Lý do đề nghị' }).locator('dd').textContent())).toMatch(/mất/i);
    expect(await page.locator('[data-attachments-body] tr').count()).toBeGreaterThan(0);
    // An attachment opens in a new tab from a short-lived link (the tab is opened on the click, then sent there).
    const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: `Mở tệp ${PDF_NAME} (tab mới)` }).click()]);
    await expect.poll(() => tab.url(), { timeout: STEP_TIMEOUT_MS }).not.toBe('about:blank');
    expect(plain(await page.locator('[data-attachment-status]').textContent())).toBe(`Đã mở tệp ${PDF_NAME} trong tab mới.`);
    const file = await page.request.get(tab.url());
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await tab.close();
    expect(await page.locator('[data-history-body] tr').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Tiếp nhận → Đã tiếp nhận')]));
    const buttons = (await page.locator('[data-action-buttons] button').allTextContents()).map(plain);
    expect(buttons).toEqual(expect.arrayContaining(['Giao xử lý', 'Yêu cầu bổ sung', 'Dừng xử lý']));
    expect(buttons).not.toContain('Tiếp nhận');
    await c().checkPage(page, 'dossier page');
    await screenshot(page, 'officer-dossier');

    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const dialog = page.locator('[data-action-dialog]');
    await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await dialog.locator('[data-panel="supplement"] .notice').textContent())).toContain('Chỉ được yêu cầu bổ sung một lần');
    await dialog.locator('[data-action-submit]').click();
    expect(plain(await dialog.locator('[data-action-error-list]').textContent())).toBe('Chọn ít nhất một giấy tờ cần bổ sung hoặc ghi nội dung cần bổ sung');
    await c().checkPage(page, 'supplement dialog with an error');
    const firstDoc = dialog.locator('[data-supplement-docs] label').first();
    const firstDocName = plain(await firstDoc.textContent());
    await firstDoc.locator('input').check();
    await dialog.getByLabel('Nội dung khác cần bổ sung').fill('Bản sao giấy phép cũ có chứng thực');
    await dialog.getByLabel('Ghi chú gửi người nộp (không bắt buộc)').fill('Vui lòng bổ sung trong 30 ngày.');
    await screenshot(page, 'officer-supplement-dialog');
    await dialog.locator('[data-action-submit]').click();
    await expect.poll(() => page.locator('[data-result]').textContent(), { timeout: STEP_TIMEOUT_MS }).toContain('Trạng thái hồ sơ: Yêu cầu bổ sung hồ sơ');
    expect(await dialog.isVisible()).toBe(false);
    expect((await page.locator('[data-supplement-list] li').allTextContents()).map(plain)).toEqual([firstDocName, 'Bản sao giấy phép cũ có chứng thực']);
    expect((await page.locator('[data-action-buttons] button').allTextContents()).map(plain)).not.toContain('Yêu cầu bổ sung');
    const stored = await api(p(), `/api/dossiers/${dossiers[0]!.dossierId}`, 'citizen-an');
    expect(stored.body.state).toBe('supplement_requested');
    expect(stored.body.supplement?.missing).toHaveLength(2);
    // The applicant is told through the outbox (the local mailbox), in the same words the checklist has.
    await expect
      .poll(async () => {
        const { messages } = (await (await p().request('/sandbox/mailbox.json')).json()) as { messages: { text: string }[] };
        return messages.map((m) => m.text).find((text) => text.startsWith(`Hồ sơ ${code(0)} cần bổ sung`)) ?? '';
      }, { timeout: 20_000, interval: 500 })
      .toContain('Bản sao giấy phép cũ có chứng thực');
    await c().checkPage(page, 'dossier page after the supplement request');
    await screenshot(page, 'officer-dossier-supplement');

    // Back to the list keeps the filters she was working with ("assigned to me").
    await page.locator('[data-inbox-link]').click();
    await page.waitForURL('**/nhan-vien/ho-so/#assignee=me', { timeout: STEP_TIMEOUT_MS });
    c().nextPage(page);
    await expect.poll(() => inboxRows(page), { timeout: STEP_TIMEOUT_MS }).toContain(code(0));
    expect(await page.locator('[data-filter-form] [data-field="assignee"]').inputValue()).toBe('me');

    // The account page links officers to their inbox.
    await page.goto('/tai-khoan/');
    c().nextPage(page);
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await page.getByRole('link', { name: 'Lịch làm việc và giấy phép' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Khóa API của HIS' }).isVisible()).toBe(false);
    await c().checkPage(page, 'account page of an officer');
    await page.context().close();
  });

  it('officer-thao acting on a stale page gets the conflict message and the fresh state', async () => {
    const b = dossiers[1]!;
    const page = await signedIn('officer-thao', `/nhan-vien/ho-so/chi-tiet/#${b.dossierId}`);
    await page.locator('[data-dossier-body]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await page.locator('[data-slot="state"]').textContent())).toContain('Đã tiếp nhận');

    // Meanwhile officer-lan takes the dossier (its version moves on).
    const current = await api(p(), `/api/dossiers/${b.dossierId}`, 'officer-lan');
    const taken = await api(p(), `/api/dossiers/${b.dossierId}/actions`, 'officer-lan', 'POST', { action: 'assign', version: current.body.version, assignee: 'officer-lan' });
    expect(taken.status).toBe(200);

    await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const dialog = page.locator('[data-action-dialog]');
    await dialog.locator('[data-supplement-docs] input').first().check();
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/dossiers/${b.dossierId}/actions`);
    await dialog.locator('[data-action-submit]').click();
    expect((await answer).status()).toBe(409);
    const result = page.locator('[data-result]');
    await expect.poll(async () => plain(await result.textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(
      'Hồ sơ vừa được người khác cập nhật. Trạng thái hiện tại: Đang xử lý; người xử lý: Võ Thị Lan. Trang đã hiển thị lại thông tin mới nhất, hãy xem lại trước khi thao tác tiếp.',
    );
    expect(await dialog.isVisible()).toBe(false);
    // The page re-rendered the fresh dossier from the problem's `current`.
    expect(plain(await page.locator('[data-slot="state"]').textContent())).toContain('Đang xử lý');
    expect(plain(await page.locator('[data-slot="assignee"]').textContent())).toBe('Võ Thị Lan');
    expect((await api(p(), `/api/dossiers/${b.dossierId}`, 'citizen-an')).body.state).toBe('in_review');
    // The API's 409 is the answer the page is built for, not a page fault.
    await c().checkPage(page, 'dossier page after a conflict', { knownConsoleErrors: [/status of 409/] });
    await screenshot(page, 'officer-conflict');
    await page.context().close();
  });

  it('officer-tuan of another unit neither sees nor opens the dossiers', async () => {
    const page = await signedIn('officer-tuan', '/nhan-vien/ho-so/');
    const rows = await inboxRows(page);
    expect(rows).not.toContain(code(0));
    expect(rows).not.toContain(code(1));
    const inbox = await api<InboxResponse>(p(), '/api/inbox', 'officer-tuan');
    expect(inbox.body.items.map((i) => i.dossierId)).not.toContain(dossiers[0]!.dossierId);
    // The procedure filter offers his unit's procedures only.
    const options = await page.locator('[data-filter-form] [data-field="procedure"] option').allTextContents();
    expect(options.join('|')).toContain('Chứng chỉ hành nghề dược');
    expect(options.join('|')).not.toContain('phòng khám');
    await c().checkPage(page, 'inbox of another unit');

    await page.goto(`/nhan-vien/ho-so/chi-tiet/#${dossiers[0]!.dossierId}`);
    c().nextPage(page);
    await expect.poll(async () => plain(await page.locator('[data-load-error]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(
      'Hồ sơ này thuộc phòng nghiệp vụ khác; bạn không xem được.',
    );
    expect(await page.locator('[data-dossier-body]').isVisible()).toBe(false);
    // The API's 403 is the expected answer here, not a page fault.
    await c().checkPage(page, 'dossier of another unit', { knownConsoleErrors: [/status of 403/] });
    await page.context().close();
  });

  it('admin-quang edits the 2027 working-day calendar', async () => {
    const page = await signedIn('admin-quang', '/nhan-vien/quan-tri/');
    expect(plain(await page.locator('[data-gate-who]').textContent())).toBe('Hoàng Văn Quang · Quản trị hệ thống');
    // Administrators are offered their pages, not the officers' inbox.
    expect((await page.locator('.staff-nav li:visible').allTextContents()).map(plain)).toEqual(['Lịch làm việc và giấy phép', 'Khóa API của HIS']);
    await page.locator('[data-calendar-form]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByLabel('Năm', { exact: true }).selectOption('2027');
    await page.getByRole('button', { name: 'Xem lịch' }).click();
    await expect.poll(async () => plain(await page.locator('[data-calendar-status]').textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Lịch năm 2027: \d+ ngày nghỉ, 0 ngày làm bù\. Đây là lịch mặc định/);
    const before = await page.locator('[data-rows="holidays"] tr').count();
    await c().checkPage(page, 'admin page');

    // A "holiday" on a Saturday is refused next to its row before anything is sent.
    await page.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
    const n = before + 1;
    await page.getByLabel(`Ngày nghỉ ${n}: ngày`).fill('2027-03-06');
    expect(plain(await page.locator('[data-rows="holidays"] tr').nth(before).locator('.calendar-weekday').textContent())).toBe('Thứ Bảy');
    await page.getByLabel(`Ngày nghỉ ${n}: tên tiếng Việt`).fill('Nghỉ thử nghiệm');
    await page.getByLabel(`Ngày nghỉ ${n}: tên tiếng Anh`).fill('Test day off');
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/calendar/2027') puts++;
    });
    await page.getByRole('button', { name: 'Lưu lịch năm 2027' }).click();
    const errors = page.locator('[data-calendar-error-list]');
    await expect.poll(async () => plain(await errors.textContent())).toContain(`Ngày nghỉ ${n}: Ngày nghỉ rơi vào thứ Bảy hoặc Chủ nhật`);
    expect(puts).toBe(0);
    await c().checkPage(page, 'admin calendar with an error');
    await screenshot(page, 'admin-calendar-error');

    // Moved to the Monday: saved, and the API returns it.
    await page.getByLabel(`Ngày nghỉ ${n}: ngày`).fill('2027-03-08');
    await page.getByRole('button', { name: 'Lưu lịch năm 2027' }).click();
    await expect.poll(async () => plain(await page.locator('[data-calendar-result]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(
      `Đã lưu lịch năm 2027: ${n} ngày nghỉ, 0 ngày làm bù. Hạn giải quyết của hồ sơ mới tính theo lịch này.`,
    );
    expect(puts).toBe(1);
    const saved = await api<YearCalendar & { source: string }>(p(), '/api/calendar/2027', undefined);
    expect(saved.body.source).toBe('edited');
    expect(saved.body.holidays).toEqual(expect.arrayContaining([{ date: '2027-03-08', nameVi: 'Nghỉ thử nghiệm', nameEn: 'Test day off' }]));
    await c().checkPage(page, 'admin calendar saved');
    await screenshot(page, 'admin-calendar-saved');

    // Licence status: an unknown number is said so.
    await page.getByLabel('Số giấy phép').fill('gphd-2026-999999');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(async () => plain(await page.locator('[data-licence-result]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Không tìm thấy giấy phép có số này.');
    await c().checkPage(page, 'admin licence not found', { knownConsoleErrors: [/status of 404/] });
    await page.context().close();
  });

  it('officer-lan approves in the dossier page; admin-quang suspends and reinstates the licence', async () => {
    const b = dossiers[1]!;
    const page = await signedIn('officer-lan', `/nhan-vien/ho-so/chi-tiet/#${b.dossierId}`);
    await page.locator('[data-dossier-body]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const dialog = page.locator('[data-action-dialog]');
    expect(plain(await dialog.locator('[data-action-explain]').textContent())).toContain('không hoàn tác được');
    await c().checkPage(page, 'approve dialog');
    await dialog.getByRole('button', { name: 'Phê duyệt hồ sơ' }).click();
    await expect.poll(async () => plain(await page.locator('[data-result]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(
      'Đã thực hiện: phê duyệt. Trạng thái hồ sơ: Đã phê duyệt, đang cấp kết quả.',
    );
    expect(await page.locator('[data-action-buttons] button').count()).toBe(0);
    expect(plain(await page.locator('[data-no-actions]').textContent())).toMatch(/^Không có thao tác nào/);
    await page.context().close();

    // The licences job issues the signed licence (every minute in AWS; now, here).
    const run = await p().request('/sandbox/jobs/licences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dossierIds: [b.dossierId] }) });
    expect(run.status).toBe(200);
    const issued = await api(p(), `/api/dossiers/${b.dossierId}`, 'citizen-an');
    expect(issued.body.state).toBe('result_issued');
    const number = issued.body.licenceNumber!;
    expect(number).toMatch(/^[A-Z]{2,8}-\d{4}-\d{6}$/);

    const admin = await signedIn('admin-quang', '/nhan-vien/quan-tri/');
    await admin.getByLabel('Số giấy phép').fill(number.toLowerCase());
    await admin.getByRole('button', { name: 'Tra cứu' }).click();
    const panel = admin.locator('[data-licence-panel]');
    await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await panel.locator('[data-licence-heading]').textContent())).toBe(number);
    expect(plain(await panel.locator('[data-slot="status"]').textContent())).toBe('Còn hiệu lực');
    expect(plain(await panel.locator('[data-slot="signature"]').textContent())).toMatch(/^Hợp lệ/);
    expect(plain(await panel.locator('[data-slot="holder"]').textContent())).toBe('Nguyễn Văn Thử');

    // Suspend: a reason is required first.
    await panel.getByLabel('Đình chỉ', { exact: true }).check();
    await panel.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    expect(plain(await panel.locator('[data-error-for="reason"]').textContent())).toBe('Nhập lý do');
    await c().checkPage(admin, 'licence status form with an error');
    await panel.getByLabel('Lý do', { exact: true }).fill('Cơ sở không duy trì điều kiện hoạt động theo biên bản kiểm tra');
    await panel.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    await expect.poll(async () => plain(await admin.locator('[data-licence-result]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe(`Giấy phép ${number} nay ở trạng thái: Bị đình chỉ.`);
    expect(plain(await panel.locator('[data-slot="status"]').textContent())).toBe('Bị đình chỉ');
    expect(plain(await panel.locator('[data-slot="statusReason"]').textContent())).toContain('Cơ sở không duy trì điều kiện hoạt động');
    // The public verification answers with the new status at once.
    const publicView = await api<{ status: string }>(p(), `/api/public/licences/${number}`, undefined);
    expect(publicView.body.status).toBe('suspended');
    await c().checkPage(admin, 'licence suspended');
    await screenshot(admin, 'admin-licence-suspended');

    // Reinstate: a suspended licence offers "Cho hoạt động trở lại" and "Thu hồi", not "Đình chỉ".
    expect(await panel.getByLabel('Đình chỉ', { exact: true }).isVisible()).toBe(false);
    await panel.getByLabel('Cho hoạt động trở lại (hết đình chỉ)').check();
    await panel.getByLabel('Lý do', { exact: true }).fill('Cơ sở đã khắc phục theo biên bản ngày 20/5');
    await panel.getByRole('button', { name: 'Cập nhật trạng thái' }).click();
    await expect.poll(async () => plain(await panel.locator('[data-slot="status"]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('Còn hiệu lực');
    expect((await api<{ status: string }>(p(), `/api/public/licences/${number}`, undefined)).body.status).toBe('valid');
    await admin.context().close();
  });

  it('officer-lan schedules and records an appraisal, and moves the due date once (keyboard)', async () => {
    // A dossier in review whose procedure needs an on-site visit, none scheduled yet (written straight into that state).
    const seeded = await seedInState(p(), 'in_review', { appraisal: undefined, assignee: { userId: 'officer-lan', name: 'Võ Thị Lan' } });
    const page = await signedIn('officer-lan', `/nhan-vien/ho-so/chi-tiet/#${seeded.dossierId}`);
    await page.locator('[data-dossier-body]').waitFor({ timeout: STEP_TIMEOUT_MS });
    const dialog = page.locator('[data-action-dialog]');
    const result = page.locator('[data-result]');
    const buttons = async () => (await page.locator('[data-action-buttons] button').allTextContents()).map(plain);
    expect(await buttons()).toContain('Lên lịch thẩm định');
    expect(await buttons()).not.toContain('Ghi kết quả thẩm định');

    // Esc closes a dialog and gives focus back to the button that opened it.
    expect(await buttons()).toContain('Điều chỉnh hạn giải quyết');
    const reschedule = page.getByRole('button', { name: 'Điều chỉnh hạn giải quyết' });
    await reschedule.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await reschedule.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);

    // Schedule the visit: a date and a team, one person per line.
    await page.getByRole('button', { name: 'Lên lịch thẩm định' }).click();
    await dialog.getByLabel('Ngày thẩm định').fill('2030-01-05');
    await dialog.getByLabel('Thành viên đoàn thẩm định').fill('Võ Thị Lan, chuyên viên\nHuỳnh Phương Thảo, chuyên viên');
    await dialog.getByRole('button', { name: 'Lên lịch thẩm định' }).click();
    await expect.poll(async () => plain(await result.textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Đã thực hiện: lên lịch thẩm định\./);
    expect(plain(await page.locator('[data-slot="visitDate"]').textContent())).toBe('05/01/2030');
    expect(plain(await page.locator('[data-slot="team"]').textContent())).toBe('Võ Thị Lan, chuyên viên; Huỳnh Phương Thảo, chuyên viên');

    // Record it: remediation needs its own deadline; the keyboard picks the outcome.
    await page.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
    await dialog.getByLabel('Phải khắc phục').check();
    await dialog.getByLabel('Tóm tắt biên bản thẩm định').fill('Thiếu bồn rửa tay tại phòng thủ thuật.');
    await dialog.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
    expect(plain(await dialog.locator('[data-action-error-list]').textContent())).toBe('Nhập hạn khắc phục');
    await c().checkPage(page, 'appraisal dialog with an error');
    await dialog.getByLabel('Hạn khắc phục').fill('2030-02-01');
    await dialog.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
    await expect.poll(async () => plain(await result.textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Đã thực hiện: ghi kết quả thẩm định\./);
    expect(plain(await page.locator('[data-slot="outcome"]').textContent())).toBe('Phải khắc phục');
    expect(plain(await page.locator('[data-slot="remediation"]').textContent())).toBe('01/02/2030');

    // Move the due date once, with an apology; the button then goes away.
    await page.getByRole('button', { name: 'Điều chỉnh hạn giải quyết' }).click();
    expect(plain(await dialog.locator('[data-slot="currentDue"]').textContent())).toMatch(/^15\/01\/2030/);
    await dialog.getByLabel('Hạn giải quyết mới').fill('2030-01-10');
    await dialog.getByLabel('Lý do điều chỉnh hạn và lời xin lỗi gửi người nộp').fill('Xin lỗi ông/bà: cần thêm thời gian chờ cơ sở khắc phục.');
    await dialog.getByRole('button', { name: 'Điều chỉnh hạn' }).click();
    expect(plain(await dialog.locator('[data-action-error-list]').textContent())).toBe('Hạn mới phải sau hạn hiện tại');
    await dialog.getByLabel('Hạn giải quyết mới').fill('2030-02-15');
    await dialog.getByRole('button', { name: 'Điều chỉnh hạn' }).click();
    await expect.poll(async () => plain(await page.locator('[data-slot="due"]').textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^15\/02\/2030/);
    expect(plain(await page.locator('[data-slot="originalDue"]').textContent())).toBe('15/01/2030');
    expect(await buttons()).not.toContain('Điều chỉnh hạn giải quyết');
    expect(await page.locator('[data-history-body] tr').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Hạn mới: 15/02/2030')]));
    await c().checkPage(page, 'dossier page after appraisal and reschedule');
    await screenshot(page, 'officer-appraisal');
    await page.context().close();
  });

  it('the English pages read the same (inbox and admin)', async () => {
    const page = await signedIn('officer-lan', '/en/staff/dossiers/');
    // Dossier A waits for its supplement; B has its result and has left the inbox.
    await expect.poll(() => inboxRows(page), { timeout: STEP_TIMEOUT_MS }).toContain(code(0));
    expect(await inboxRows(page)).not.toContain(code(1));
    // The language switch keeps the filters (they are in the fragment).
    await page.locator('[data-filter-form] [data-field="due"]').selectOption('overdue');
    await page.locator('[data-filter-form] button[type="submit"]').click();
    await page.waitForURL('**/en/staff/dossiers/#due=overdue', { timeout: STEP_TIMEOUT_MS });
    expect(await page.locator('a.lang-switch').getAttribute('href')).toBe('/nhan-vien/ho-so/#due=overdue');
    await page.goBack();
    const rowA = page.locator('[data-inbox-body] tr', { has: page.getByRole('link', { name: code(0), exact: true }) });
    expect(plain(await rowA.locator('td[data-label="Status"]').textContent())).toBe('Supplement requested');
    expect(await page.locator('.chip').first().textContent()).toMatch(/^All/);
    await c().checkPage(page, 'inbox (English)');
    await page.goto('/en/staff/admin/');
    c().nextPage(page);
    await page.locator('[data-gate-denied]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await page.locator('[data-gate-message]').textContent())).toBe('“Võ Thị Lan” is not an administrator. Please sign in with an administrator account.');
    await c().checkPage(page, 'admin page refused to an officer (English)');
    await page.context().close();
  });
});
