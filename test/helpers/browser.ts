/**
 * Browser plumbing shared by the e2e suites (test/e2e/*): Debian's Chromium through playwright-core
 * at a mid-range phone's viewport, and per-page checks of WCAG 2.1 A/AA (axe), console errors and
 * Content-Security-Policy violations, with a readable summary of every page checked.
 *
 * Without Chromium (CHROME_PATH, default /usr/bin/chromium) a suite is skipped locally and fails
 * under CI=true: see `skipBrowserSuite` and `assertBrowserPrerequisites`.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { javaProblem } from '../../functions/src/local/dynamodb-local';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site; E2E_WEB_DIST lets a run use its own build while others rebuild web/dist. */
export const WEB_DIST = process.env.E2E_WEB_DIST || resolve(ROOT, 'web/dist');
/** Screenshots and other artefacts (git-ignored). */
export const RESULTS = resolve(ROOT, 'test-results');
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A mid-range Android phone (Galaxy A-series class): 412×915 CSS pixels. */
export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
/** The journeys' matrix (test/e2e/journeys.test.ts): a small phone (360×740, the narrowest common Android) and a desk screen. */
export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
/** Pages that only hand over to another (the sign-in callback): visited for an instant, never checked. */
/** Pages a journey passes through on its way somewhere (sign-in); the sign-in suite checks them itself. */
const PASS_THROUGH = [/^\/dang-nhap\/(xong\/)?$/, /^\/en\/sign-in\/(done\/)?$/];

function chromeInstalled(): boolean {
  try {
    accessSync(CHROME_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const haveChrome = chromeInstalled();
export const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** True when the suite must be skipped (no Chromium, not in CI); says so once, with how to fix it. */
export function skipBrowserSuite(suite: string): boolean {
  const skip = !haveChrome && !inCi;
  if (skip) {
    console.warn(`\n[e2e] Skipping the ${suite}: no Chromium at ${CHROME_PATH}. Install it with \`sudo apt-get install -y chromium\` or set CHROME_PATH.\n`);
  }
  return skip;
}

/** For a suite's beforeAll: Chromium (required under CI), the built site and Java for DynamoDB Local. */
export function assertBrowserPrerequisites(suite: string, webDist = WEB_DIST): void {
  if (!haveChrome) throw new Error(`CI: Chromium is required for the ${suite} but ${CHROME_PATH} does not exist (apt-get install -y chromium).`);
  if (!existsSync(resolve(webDist, 'index.html'))) throw new Error(`No built site at ${webDist}: run \`npm run build -w web\` first.`);
  const java = javaProblem();
  if (java) throw new Error(java);
  mkdirSync(RESULTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
}

/** What went wrong in the browser while a page was open, collected per page. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
}

export function watch(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // "Failed to load resource: … 404" names no address; the message's location does.
    const at = message.location().url;
    (/Content[ -]Security[ -]Policy/i.test(text) ? problems.cspViolations : problems.consoleErrors).push(at && !text.includes(at) ? `${text} (${at})` : text);
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.consoleErrors.push(`request failed: ${request.url()} (${reason})`);
  });
  return problems;
}

/** Reports `securitypolicyviolation` events (which need not reach the console) into the page's problems. */
export async function reportCspViolations(context: BrowserContext, problems: (page: Page) => PageProblems): Promise<void> {
  await context.exposeBinding('__e2eCspViolation', ({ page }: { page: Page }, text: string) => problems(page).cspViolations.push(text));
  // A string, not a function: the root tsconfig has no DOM types, and this runs in the page.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__e2eCspViolation?.(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
}

type AxeViolations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

export function formatViolations(violations: AxeViolations): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `      - ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ').trim() ?? ''}`);
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`  • ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`, `    ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/**
 * One suite's browser: phone-sized contexts that watch every page for console errors and CSP
 * violations, `checkPage` for axe + those, and the summary of every page checked.
 */
export class BrowserChecks {
  readonly summary: string[] = [];
  private readonly problems = new Map<Page, PageProblems>();
  /** Per page: every address of ours its main frame showed (incl. client-side changes) and those checked. */
  private readonly visited = new Map<Page, Set<string>>();
  private readonly checked = new Map<Page, Set<string>>();

  constructor(
    readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  /** A fresh context (no shared storage) at the phone viewport, Vietnamese, Vietnam time, and one watched page. */
  async newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ ...PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: this.baseURL, ...options });
    await reportCspViolations(context, (page) => this.problemsOf(page));
    const page = await context.newPage();
    this.problems.set(page, watch(page));
    this.trackNavigations(page);
    return { context, page };
  }

  /** Records every address of ours the page's main frame shows: pushState and hash changes count too. */
  private trackNavigations(page: Page): void {
    const visited = new Set<string>();
    this.visited.set(page, visited);
    this.checked.set(page, new Set());
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.origin !== new URL(this.baseURL).origin || url.pathname.startsWith('/sandbox/') || url.pathname.startsWith('/api/')) return;
      if (PASS_THROUGH.some((pattern) => pattern.test(url.pathname))) return;
      visited.add(url.pathname);
    });
  }

  /** The addresses `pages` showed that `checkPage` never looked at (by path; query and hash ignored). */
  uncheckedPaths(pages: Page[], handOvers: string[] = []): string[] {
    return pages.flatMap((page) => [...(this.visited.get(page) ?? [])].filter((path) => !this.checked.get(page)?.has(path) && !handOvers.includes(path)));
  }

  /** Starts a fresh problem list for the next page (navigations within one tab). */
  nextPage(page: Page): void {
    page.removeAllListeners('console');
    page.removeAllListeners('pageerror');
    page.removeAllListeners('requestfailed');
    this.problems.set(page, watch(page));
  }

  problemsOf(page: Page): PageProblems {
    let problems = this.problems.get(page);
    if (!problems) {
      problems = watch(page);
      this.problems.set(page, problems);
    }
    return problems;
  }

  /**
   * axe (WCAG 2.1 A + AA), console errors and CSP violations of the page now open (soft assertions).
   * `knownConsoleErrors`: console errors a suite has decided to tolerate for now, each one named in
   * that suite with the reason; they are left out of the assertion but counted in the summary.
   */
  async checkPage(page: Page, name: string, options: { knownConsoleErrors?: RegExp[] } = {}): Promise<void> {
    await page.waitForLoadState('networkidle');
    const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const current = this.problemsOf(page);
    const known = options.knownConsoleErrors ?? [];
    const isKnown = (text: string) => known.some((pattern) => pattern.test(text));
    const consoleErrors = current.consoleErrors.filter((text) => !isKnown(text));
    const tolerated = current.consoleErrors.length - consoleErrors.length;
    const { pathname } = new URL(page.url());
    this.checked.get(page)?.add(pathname);
    const where = `${name} (${pathname})`;
    this.summary.push(
      `  ${where}: ${violations.length} axe violations, ${passes.length} rules passed, ${consoleErrors.length} console errors, ${current.cspViolations.length} CSP violations` +
        (tolerated ? ` (+${tolerated} known console error${tolerated === 1 ? '' : 's'} tolerated)` : ''),
    );
    if (tolerated) console.warn(`\n[e2e] ${where}: tolerated ${tolerated} known console error(s):\n${current.consoleErrors.filter(isKnown).map((t) => `  - ${t}`).join('\n')}\n`);
    if (violations.length) console.error(`\n[e2e] axe: ${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${formatViolations(violations)}\n`);
    expect.soft(violations.map((v) => `${v.id}: ${v.help}`), `axe violations on ${where}`).toEqual([]);
    expect.soft(consoleErrors, `console errors on ${where}`).toEqual([]);
    expect.soft(current.cspViolations, `CSP violations on ${where}`).toEqual([]);
  }

  printSummary(title = 'pages checked'): void {
    if (this.summary.length) console.log(`\n[e2e] ${title}:\n${this.summary.join('\n')}\n`);
  }
}
