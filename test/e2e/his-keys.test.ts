/**
 * Browser e2e of the administrator's HIS key page (/nhan-vien/khoa-his/, /en/staff/his-keys/;
 * ADR 0012, 0023): the built site, the real API on a fresh DynamoDB Local, Chromium at a desk.
 *
 *   1. admin-quang opens the page: Chợ Rẫy's keys are listed (the demo key among them), never a key.
 *   2. She issues a labelled key: it is shown once in a read-only field, the list gains its row
 *      (label, …last 4, active), and the hospital's system can push a bill with it at once.
 *   3. She revokes it: a dialog asks first (Esc closes it back to its button), then the row reads
 *      "Đã thu hồi" and the very next HIS request with that key is refused (401).
 *   4. The English page reads the same; an officer is turned away by the gate.
 *
 * Every page is checked with axe (WCAG 2.1 A/AA), for console errors and CSP violations. Needs
 * web/dist (`npm run build`), Java 17+ and Chromium.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { BrowserChecks, ROOT, WEB_DIST, assertBrowserPrerequisites, launchChromium, skipBrowserSuite } from '../helpers/browser';
import { pickDemoAccount } from '../helpers/browser-suite';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const SUITE = 'browser HIS key test';
const SITE = process.env.E2E_WEB_DIST || WEB_DIST;
const SCREENSHOTS = resolve(ROOT, 'test/e2e/screenshots/his-keys');
const DESKTOP = { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const STEP_TIMEOUT_MS = 10_000;
const LABEL = 'HIS FPT – máy chủ chính';

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skipBrowserSuite(SUITE))('browser HIS key test (Chromium, desktop viewport)', () => {
  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  let checks: BrowserChecks | undefined;
  let issuedKey = '';

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
    portal = await startTestPortal({ webDist: SITE, endpoint: dynamo.endpoint });
    checks = new BrowserChecks(browser, portal.url);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await dynamo?.stop();
    checks?.printSummary('HIS key pages checked');
  });

  async function signedIn(user: string, returnPath: string): Promise<Page> {
    const { page } = await c().newPage(DESKTOP);
    await page.goto(`/dang-nhap/?return=${encodeURIComponent(returnPath)}`);
    await pickDemoAccount(page, user, STEP_TIMEOUT_MS);
    await page.waitForURL((url) => url.pathname === returnPath, { timeout: STEP_TIMEOUT_MS });
    c().nextPage(page);
    return page;
  }

  const pushBill = (apiKey: string, billCode: string) =>
    p().request('/api/his/bills', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({
        hospitalId: 'hosp-cho-ray', billCode, patientCode: 'BN-E2E-K', patientName: 'Lê Văn Khóa', patientPhone: '0900111333', patientDob: '1980-02-02',
        items: [{ code: 'KB', name: 'Khám bệnh', quantity: 1, unitPrice: 100_000, insuranceCovered: 0 }], amountDue: 100_000,
      }),
    });
  const rowOf = (page: Page, label: string) => page.locator('[data-keys-rows] tr', { has: page.locator('th', { hasText: label }) });
  const loaded = (page: Page) => expect.poll(async () => plain(await page.locator('[data-keys-status]').textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^\d+ khóa, \d+ khóa đang dùng\.$|^\d+ keys, \d+ in use\.$/);
  const screenshot = (page: Page, name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('admin-quang sees Chợ Rẫy’s keys, issues one (shown once) and it works at once', async () => {
    const page = await signedIn('admin-quang', '/nhan-vien/khoa-his/');
    await loaded(page);
    expect(plain(await page.locator('[data-keys-heading]').textContent())).toBe('Khóa API của Bệnh viện Chợ Rẫy');
    const demo = page.locator('[data-keys-rows] tr', { has: page.getByText('demo-hosp-cho-ray', { exact: true }) });
    expect(plain(await demo.locator('td[data-label="Trạng thái"]').textContent())).toBe('Đang dùng');
    expect(await page.content()).not.toContain('his_hosp-cho-ray_demo');
    await c().checkPage(page, 'HIS keys of a hospital');

    await page.getByLabel('Nhãn (không bắt buộc)').fill(LABEL);
    await page.getByRole('button', { name: 'Cấp khóa mới' }).click();
    const field = page.getByLabel('Khóa API', { exact: true });
    await field.waitFor({ timeout: STEP_TIMEOUT_MS });
    issuedKey = await field.inputValue();
    expect(issuedKey).toMatch(/^his_hosp-cho-ray_[\w-]{43}$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    await expect.poll(async () => rowOf(page, LABEL).count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
    const row = rowOf(page, LABEL);
    expect(plain(await row.locator('td[data-label="4 ký tự cuối"]').textContent())).toBe(`…${issuedKey.slice(-4)}`);
    expect(plain(await row.locator('td[data-label="Cấp lúc, người cấp"]').textContent())).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · admin-quang$/);
    expect(plain(await page.locator('[data-keys-result]').textContent())).toBe(`Đã cấp khóa mới “${LABEL}”. Khóa hiện bên dưới, chỉ một lần.`);
    await c().checkPage(page, 'a new HIS key shown once');
    await screenshot(page, 'issued');

    expect((await pushBill(issuedKey, 'HD-E2E-K-1')).status).toBe(201);

    await page.getByRole('button', { name: 'Đã sao chép, ẩn khóa' }).click();
    expect(await page.locator('[data-issued]').isHidden()).toBe(true);
    expect(await page.content()).not.toContain(issuedKey);
    await page.context().close();
  });

  it('she revokes it after confirming; the very next HIS request with it is refused', async () => {
    const page = await signedIn('admin-quang', '/nhan-vien/khoa-his/');
    await loaded(page);
    const revoke = page.getByRole('button', { name: `Thu hồi khóa “${LABEL}” (…${issuedKey.slice(-4)})` });
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi khóa API?' });
    await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await dialog.locator('[data-revoke-explain]').textContent())).toBe(`Khóa “${LABEL}” (…${issuedKey.slice(-4)}) của Bệnh viện Chợ Rẫy sẽ bị từ chối ngay từ yêu cầu tiếp theo. Không thể hoàn tác: muốn dùng lại thì cấp khóa mới.`);
    await c().checkPage(page, 'revocation dialog');
    await screenshot(page, 'confirm');
    // Esc closes the dialog back to its button; nothing was revoked.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label')), { timeout: STEP_TIMEOUT_MS }).toBe(`Thu hồi khóa “${LABEL}” (…${issuedKey.slice(-4)})`);
    expect((await pushBill(issuedKey, 'HD-E2E-K-2')).status).toBe(201);

    await revoke.click();
    await dialog.getByRole('button', { name: 'Thu hồi khóa' }).click();
    await expect.poll(async () => plain(await page.locator('[data-keys-result]').textContent()), { timeout: STEP_TIMEOUT_MS })
      .toBe(`Đã thu hồi khóa “${LABEL}” (…${issuedKey.slice(-4)}). Hệ thống HIS dùng khóa này bị từ chối từ bây giờ.`);
    await expect.poll(async () => plain(await rowOf(page, LABEL).locator('td[data-label="Trạng thái"]').textContent()), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Đã thu hồi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(admin-quang\)$/);
    expect(await rowOf(page, LABEL).getByRole('button').count()).toBe(0);
    await c().checkPage(page, 'HIS key revoked');
    await screenshot(page, 'revoked');

    const refused = await pushBill(issuedKey, 'HD-E2E-K-3');
    expect(refused.status).toBe(401);
    await page.context().close();
  });

  it('reads the same in English, and turns an officer away', async () => {
    const page = await signedIn('admin-quang', '/en/staff/his-keys/');
    await loaded(page);
    expect(plain(await page.locator('[data-keys-heading]').textContent())).toBe('API keys of Bệnh viện Chợ Rẫy');
    expect(plain(await rowOf(page, LABEL).locator('td[data-label="Status"]').textContent())).toMatch(/^Revoked on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(admin-quang\)$/);
    await page.locator('[data-field="hospital"]').selectOption('hosp-nhi-dong-1');
    await page.getByRole('button', { name: 'Show keys' }).click();
    await expect.poll(async () => plain(await page.locator('[data-keys-heading]').textContent()), { timeout: STEP_TIMEOUT_MS }).toBe('API keys of Bệnh viện Nhi Đồng 1');
    await loaded(page);
    expect(await rowOf(page, LABEL).count()).toBe(0);
    await c().checkPage(page, 'HIS keys (English)');
    await page.context().close();

    const officer = await signedIn('officer-lan', '/nhan-vien/khoa-his/');
    await officer.locator('[data-gate-denied]').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(plain(await officer.locator('[data-gate-message]').textContent())).toBe('Tài khoản “Võ Thị Lan” không có quyền quản trị. Hãy đăng nhập bằng tài khoản quản trị hệ thống.');
    expect(await officer.locator('[data-his-keys]').isHidden()).toBe(true);
    await c().checkPage(officer, 'HIS keys refused to an officer');
    await officer.context().close();
  });
});
