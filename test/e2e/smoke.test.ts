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
import { AxeBuilder } from '@axe-core/playwright';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaProblem, startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { startTestPortal, type TestPortal } from '../helpers/portal';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIST = resolve(ROOT, 'web/dist');
const RESULTS = resolve(ROOT, 'test-results');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A mid-range Android phone (Galaxy A-series class): 412×915 CSS pixels. */
const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
const SEEDED_PROCEDURES = 10;

function chromeInstalled(): boolean {
  try {
    accessSync(CHROME_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const haveChrome = chromeInstalled();
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
if (!haveChrome && !inCi) {
  console.warn(`\n[e2e] Skipping the browser smoke test: no Chromium at ${CHROME_PATH}. Install it with \`sudo apt-get install -y chromium\` or set CHROME_PATH.\n`);
}

/** What went wrong in the browser while a page was open, collected per page. */
interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
}

function watch(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    (/Content[ -]Security[ -]Policy/i.test(text) ? problems.cspViolations : problems.consoleErrors).push(text);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.consoleErrors.push(`request failed: ${request.url()} (${reason})`);
  });
  return problems;
}

async function reportCspViolations(context: BrowserContext, problems: () => PageProblems): Promise<void> {
  await context.exposeFunction('__e2eCspViolation', (text: string) => problems().cspViolations.push(text));
  // A string, not a function: the root tsconfig has no DOM types, and this runs in the page.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eCspViolation?.(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
}

function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `      - ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ').trim() ?? ''}`);
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`  • ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`, `    ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

describe.skipIf(!haveChrome && !inCi)('browser smoke test (Chromium, phone viewport)', () => {
  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  /** The problems of the page currently open; reset by `visit`. */
  let current: PageProblems = { consoleErrors: [], cspViolations: [] };
  const summary: string[] = [];

  beforeAll(async () => {
    if (!haveChrome) throw new Error(`CI: Chromium is required for the browser smoke test but ${CHROME_PATH} does not exist (apt-get install -y chromium).`);
    if (!existsSync(resolve(WEB_DIST, 'index.html'))) throw new Error(`No built site at ${WEB_DIST}: run \`npm run build -w web\` first.`);
    const java = javaProblem();
    if (java) throw new Error(java);
    mkdirSync(RESULTS, { recursive: true });
    dynamo = await startDynamoDbLocal();
    portal = await startTestPortal({ webDist: WEB_DIST, endpoint: dynamo.endpoint });
    browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await dynamo?.stop();
    if (summary.length) console.log(`\n[e2e] pages checked:\n${summary.join('\n')}\n`);
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: portal?.url });
    await reportCspViolations(context, () => current);
    const page = await context.newPage();
    const problems = watch(page);
    current = problems;
    return { context, page };
  }

  /** Starts a fresh problem list for the next page (navigations within one tab). */
  function nextPage(page: Page): void {
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    page.removeAllListeners('requestfailed');
    current = watch(page);
  }

  /** axe (WCAG 2.1 A + AA), console errors and CSP violations of the page now open. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const where = `${name} (${new URL(page.url()).pathname})`;
    summary.push(`  ${where}: ${violations.length} axe violations, ${passes.length} rules passed, ${current.consoleErrors.length} console errors, ${current.cspViolations.length} CSP violations`);
    if (violations.length) console.error(`\n[e2e] axe: ${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${formatViolations(violations)}\n`);
    expect.soft(violations.map((v) => `${v.id}: ${v.help}`), `axe violations on ${where}`).toEqual([]);
    expect.soft(current.consoleErrors, `console errors on ${where}`).toEqual([]);
    expect.soft(current.cspViolations, `CSP violations on ${where}`).toEqual([]);
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
