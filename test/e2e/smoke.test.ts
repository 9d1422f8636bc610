/**
 * Browser smoke test: the built site and the real API on the local stack, in Debian's Chromium
 * at a mid-range phone's viewport. Walks home → catalogue (read from DynamoDB Local through
 * GET /api/procedures) → search → a procedure page, and on every page checks WCAG 2.1 A/AA with
 * axe, console errors and Content-Security-Policy violations. Also checks the English switch.
 *
 * Needs `npm run build -w web` first (web/dist), Java 17+ (DynamoDB Local) and Chromium
 * (CHROME_PATH, default /usr/bin/chromium). Without Chromium the suite is skipped locally and
 * fails under CI=true.
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { BrowserChecks, RESULTS, WEB_DIST, assertBrowserPrerequisites, launchChromium, skipBrowserSuite } from '../helpers/browser';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const SUITE = 'browser smoke test';
const SEEDED_PROCEDURES = 10;

describe.skipIf(skipBrowserSuite(SUITE))('browser smoke test (Chromium, phone viewport)', () => {
  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  let checks: BrowserChecks | undefined;

  beforeAll(async () => {
    assertBrowserPrerequisites(SUITE);
    dynamo = await startDynamoDbLocal();
    portal = await startTestPortal({ webDist: WEB_DIST, endpoint: dynamo.endpoint });
    browser = await launchChromium();
    checks = new BrowserChecks(browser, portal.url);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await dynamo?.stop();
    checks?.printSummary();
  });

  function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    if (!checks) throw new Error('browser not started');
    return checks.newPage();
  }

  /** Starts a fresh problem list for the next page (navigations within one tab). */
  function nextPage(page: Page): void {
    checks?.nextPage(page);
  }

  /** axe (WCAG 2.1 A + AA), console errors and CSP violations of the page now open. */
  async function checkPage(page: Page, name: string): Promise<void> {
    if (!checks) throw new Error('browser not started');
    await checks.checkPage(page, name);
  }

  it('walks home → catalogue (from the API) → search → procedure page with no accessibility, console or CSP problems', async () => {
    const { context, page } = await newPage();
    try {
      // Home
      const home = await page.goto('/');
      expect(home?.status()).toBe(200);
      expect(home?.headers()['content-security-policy']).toContain("script-src 'self'");
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
      await checkPage(page, 'home');
      await page.screenshot({ path: resolve(RESULTS, 'home.png'), fullPage: true });

      // Catalogue: the list must be the one the API returned, not only the build-time copy.
      nextPage(page);
      const apiList = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/procedures' && r.request().method() === 'GET');
      await page.locator('header nav a[href="/thu-tuc/"]').first().click();
      await page.waitForURL('**/thu-tuc/');
      const apiResponse = await apiList;
      expect(apiResponse.status()).toBe(200);
      const apiBody = (await apiResponse.json()) as { items: Array<{ code: string }> };
      expect(apiBody.items).toHaveLength(SEEDED_PROCEDURES);
      await page.locator('[data-procedure-list][data-source="api"]').waitFor();
      await page.locator('[data-testid="procedure-item"]').first().waitFor();
      const items = page.locator('[data-testid="procedure-item"]');
      expect(await items.count()).toBe(SEEDED_PROCEDURES);
      expect(new Set(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))))).toEqual(new Set(apiBody.items.map((i) => i.code)));
      await checkPage(page, 'catalogue');

      // Search without diacritics narrows the list.
      const search = page.locator('[data-filters] input[type="search"]');
      if ((await search.count()) > 0) {
        await search.fill('giay phep hanh nghe');
        await expect.poll(() => items.count(), { timeout: 5_000 }).toBeLessThan(SEEDED_PROCEDURES);
        const found = await items.count();
        expect(found).toBeGreaterThan(0);
        const names = await items.locator('h2').allInnerTexts();
        const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
        for (const name of names) expect(plain(name)).toContain('giay phep hanh nghe');
        expect(page.url()).toContain('q=giay');
        await checkPage(page, 'catalogue, searched');
      } else {
        console.warn('[e2e] The catalogue has no search box; skipping the search step.');
      }

      // A procedure page.
      nextPage(page);
      const first = items.first().locator('a[data-slot="link"]');
      const title = (await first.innerText()).trim();
      const href = await first.getAttribute('href');
      await first.click();
      await page.waitForURL(`**${href ?? '/thu-tuc/'}`);
      expect(new URL(page.url()).pathname).toMatch(/^\/thu-tuc\/[a-z0-9-]+\/$/);
      await expect.poll(async () => (await page.locator('h1').innerText()).trim()).toBe(title);
      await checkPage(page, 'procedure page');
    } finally {
      await context.close();
    }
  });

  it('switches from the Vietnamese home to the English home', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto('/');
      await checkPage(page, 'home (vi)');
      nextPage(page);
      await page.locator('a.lang-switch[hreflang="en"], a[hreflang="en"][lang="en"]').first().click();
      await page.waitForURL('**/en/');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').innerText()).toMatch(/[A-Za-z]/);
      await expect.poll(() => page.locator('a[hreflang="vi"]').count()).toBeGreaterThan(0);
      await checkPage(page, 'home (en)');
    } finally {
      await context.close();
    }
  });
});
