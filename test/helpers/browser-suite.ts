/**
 * The lifecycle the portal's browser suites share (test/e2e/*): Chromium starts while DynamoDB Local
 * (a JVM) does, then the test portal with its jobs and the suite's BrowserChecks; afterwards all of
 * it stops and the summary of the pages checked is printed. Plus signing in as a person does. Call `browserSuite` inside the suite's `describe`: it registers the hooks.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { pagePath, type Lang, type PageId } from '../../web/src/lib/i18n';
import { BrowserChecks, ROOT, VIEWPORTS, WEB_DIST, assertBrowserPrerequisites, launchChromium, type ViewportName } from './browser';
import { startTestPortal, type TestPortal } from './portal';

export interface BrowserSuite {
  /** The suite's BrowserChecks (throws before beforeAll ran). */
  checks: () => BrowserChecks;
  /** The running test portal (throws before beforeAll ran). */
  portal: () => TestPortal;
}

export function browserSuite(suite: string, opts: { summary: string; idTokenSeconds?: number }): BrowserSuite {
  let dynamo: RunningDynamoDb | undefined;
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  let checks: BrowserChecks | undefined;

  beforeAll(async () => {
    assertBrowserPrerequisites(suite);
    const launching = launchChromium();
    launching.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    dynamo = await startDynamoDbLocal().catch(async (error: unknown) => {
      await (await launching).close();
      throw error;
    });
    browser = await launching;
    portal = await startTestPortal({ webDist: WEB_DIST, endpoint: dynamo.endpoint, jobs: true, ...(opts.idTokenSeconds ? { idTokenSeconds: opts.idTokenSeconds } : {}) });
    checks = new BrowserChecks(browser, portal.url);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await dynamo?.stop();
    checks?.printSummary(opts.summary);
  });

  return {
    checks: () => {
      if (!checks) throw new Error('browser not started');
      return checks;
    },
    portal: () => {
      if (!portal) throw new Error('portal not started');
      return portal;
    },
  };
}

/**
 * Signs `user` in the way a person does (ADR 0021): the portal's sign-in page, the demo-account
 * button, the local IdP's consent page, the callback's code exchange — and waits to be back at `returnPath`.
 */
export async function signInThroughIdp(page: Page, user: string, returnPath: string, timeout: number): Promise<void> {
  const lang: Lang = returnPath.startsWith('/en/') ? 'en' : 'vi';
  await page.goto(`${pagePath('signIn', lang)}?return=${encodeURIComponent(returnPath)}`);
  await pickDemoAccount(page, user, timeout);
  await page.waitForURL(`**${returnPath}`, { timeout });
}

/** From the portal's sign-in page: the demo-account button, then the account on the IdP's consent page. */
export async function pickDemoAccount(page: Page, user: string, timeout: number): Promise<void> {
  await page.locator('button[data-issuer="portal"]').click({ timeout });
  await page.waitForURL('**/sandbox/idp/authorize**', { timeout });
  await page.locator('#account').selectOption(user);
  await page.locator('button[value="sign-in"]').click();
}

/** VNPay's published sandbox card (functions/src/local/sandbox/vnpay/cards.ts). */
export const NCB_CARD = { bank: 'NCB', number: '9704198526191432198', holder: 'NGUYEN VAN A', issueDate: '07/15', otp: '123456' };

/** On the VNPay double's payment page: enters the NCB card, submits it and types the OTP (not yet submitted). */
export async function enterSandboxCard(page: Page, timeout: number): Promise<void> {
  await page.locator('#bank').selectOption(NCB_CARD.bank);
  await page.locator('#card-number').fill(NCB_CARD.number);
  await page.locator('#card-holder').fill(NCB_CARD.holder);
  await page.locator('#issue-date').fill(NCB_CARD.issueDate);
  await page.locator('form[action$="/domestic"] button[type="submit"]').click();
  await page.locator('main[data-step="otp"]').waitFor({ timeout });
  await page.locator('#otp').fill(NCB_CARD.otp);
}

/** Where the journeys' screenshots go (git-ignored): <journey>/<viewport>-<lang>/<nn>-<step>.png. */
export const SCREENSHOTS = resolve(ROOT, 'test/e2e/screenshots');

export interface Variant {
  viewport: ViewportName;
  lang: Lang;
}
export const variantName = (v: Variant): string => `${v.viewport}-${v.lang}`;

/** Which run a page belongs to, for `shot`: its folder and the run's step counter. */
const shotTargets = new WeakMap<Page, { dir: string; counter: { n: number } }>();

/**
 * A full-page screenshot of the step now on screen, numbered in the order of the run:
 * test/e2e/screenshots/<journey>/<viewport>-<lang>/<nn>-<step>.png. Pages not opened by a
 * JourneyRun go to test/e2e/screenshots/other/.
 */
export async function shot(page: Page, step: string): Promise<void> {
  let target = shotTargets.get(page);
  if (!target) {
    target = { dir: resolve(SCREENSHOTS, 'other'), counter: { n: 0 } };
    shotTargets.set(page, target);
  }
  mkdirSync(target.dir, { recursive: true });
  const name = `${String(++target.counter.n).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path: resolve(target.dir, name), fullPage: true, scale: 'css' });
}

/**
 * One journey in one {viewport, lang}: fresh contexts at that viewport and locale on the suite's
 * browser, the page addresses in that language, `step` = axe + console + CSP checks and a
 * screenshot, and at the end the proof that every page of ours the run showed was checked.
 */
export class JourneyRun {
  private readonly contexts: BrowserContext[] = [];
  private readonly pages: Page[] = [];
  private readonly counter = { n: 0 };
  private readonly handOvers: string[] = [];
  readonly dir: string;

  constructor(
    readonly checks: BrowserChecks,
    readonly journey: string,
    readonly variant: Variant,
  ) {
    this.dir = resolve(SCREENSHOTS, journey, variantName(variant));
    rmSync(this.dir, { recursive: true, force: true }); // no stale steps from an earlier run
  }

  get lang(): Lang {
    return this.variant.lang;
  }

  /** The address of a page in the run's language (web/src/lib/i18n.ts). */
  path(id: PageId, code?: string): string {
    return pagePath(id, this.lang, code);
  }

  /** Picks the run's text: `t('Tiếng Việt', 'English')`. */
  t<T>(vi: T, en: T): T {
    return this.lang === 'vi' ? vi : en;
  }

  async newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const locale = this.lang === 'vi' ? 'vi-VN' : 'en-GB';
    const opened = await this.checks.newPage({ ...VIEWPORTS[this.variant.viewport], locale, ...options });
    this.contexts.push(opened.context);
    this.pages.push(opened.page);
    shotTargets.set(opened.page, { dir: this.dir, counter: this.counter });
    return opened;
  }

  /** The page on screen: axe (WCAG 2.1 AA), console errors and CSP (soft), then its screenshot. */
  async step(page: Page, name: string, options: { knownConsoleErrors?: RegExp[] } = {}): Promise<void> {
    await this.checks.checkPage(page, `${this.journey} ${variantName(this.variant)}: ${name}`, options);
    await shot(page, name);
  }

  /** A screenshot only (pages that are not ours, e.g. the VNPay double). */
  shot(page: Page, step: string): Promise<void> {
    return shot(page, step);
  }

  /** A page the run passes through by design without looking at it (named with the reason at the call). */
  handOver(path: string): void {
    this.handOvers.push(path);
  }

  /** Every page of ours the run's tabs showed was checked (client-side address changes included). */
  expectEveryPageChecked(): void {
    expect(this.checks.uncheckedPaths(this.pages, this.handOvers), `pages shown but never checked in ${this.journey} ${variantName(this.variant)}`).toEqual([]);
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close()));
  }
}

/** What to type into an application form's step: controls by field id (`df-<id>`), the address parts apart. */
export interface StepValues {
  text: Record<string, string>;
  select: Record<string, string>;
  checked: string[];
  /** The street line of every address (province: Hồ Chí Minh City, ward: the first listed). */
  street: string;
}

/** Fills every visible, enabled control of the wizard's step on screen from `values`. */
export async function fillFormStep(page: Page, values: StepValues): Promise<void> {
  const form = page.locator('[data-step-form]');
  for (const control of await form.locator('input, select, textarea').all()) {
    if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
    const id = ((await control.getAttribute('id')) ?? '').replace(/^df-/, '');
    const part = await control.getAttribute('data-part');
    if (part === 'province') await control.selectOption('79');
    else if (part === 'ward') await control.selectOption((await control.locator('option:not([value=""])').first().getAttribute('value')) ?? '');
    else if (part === 'street') await control.fill(values.street);
    else if (id in values.select) await control.selectOption(values.select[id]!);
    else if (values.checked.includes(id)) await control.check();
    else if (id in values.text) await control.fill(values.text[id]!);
  }
}
