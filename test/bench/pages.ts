/**
 * Bench part: page quality in a real browser. Lighthouse 13 (default config = the mobile preset,
 * simulated slow 4G and 4× CPU) on six pages of the portal and on a GOV.UK Frontend form page
 * (test/bench/govuk-page/, built from the govuk-frontend package) served on loopback in the same
 * run by the same static-site code (CloudFront's rules, gzip, the portal's CSP), plus the
 * JavaScript each page loads (gzip bytes of every script request Lighthouse saw).
 *
 * Chromium is Debian's (CHROME_PATH, default /usr/bin/chromium), started here with a fresh profile
 * and a loopback DevTools port; puppeteer-core drives the tab Lighthouse audits, so the officer can
 * sign in on that tab first (the session lives in the tab's sessionStorage).
 * Knobs: BENCH_LIGHTHOUSE_RUNS (default 1; with more, the run with the median performance score),
 * BENCH_LIGHTHOUSE_REPORTS (a folder: each page's full Lighthouse report as HTML, pay-link token included).
 */
import { catalogue } from '@portal/shared/procedures/catalogue';
import { generateReport, navigation } from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { staticSite } from '../../functions/src/local/static-site';
import { pushBill } from '../helpers/payments';
import type { TestPortal } from '../helpers/portal';
import type { BenchContext, BenchRow, BenchSection } from './section';

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A folder for each page's full Lighthouse report (HTML), when set. */
const REPORTS_DIR = process.env.BENCH_LIGHTHOUSE_REPORTS;
const RUNS = Math.max(1, Math.floor(Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 1));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const TARGET = { performance: 95, accessibility: 100, 'best-practices': 95 };
const JS_HEAVIEST_TARGET_BYTES = 100 * 1024;
const OFFICER = 'officer-lan';

type Scores = Record<(typeof CATEGORIES)[number], number>;

interface Target {
  id: string;
  name: string;
  path: string;
  /** False for a page with nothing interactive: its target is 0 bytes of JavaScript. */
  interactive: boolean;
  /** Demo user signed in on the audited tab first. */
  signedInAs?: string;
}

interface PageFigure {
  id: string;
  name: string;
  path: string;
  interactive: boolean;
  signedIn: boolean;
  scores: Scores;
  /** Every run's performance score (the figure is the median run). */
  performanceRuns: number[];
  metrics: Record<string, string>;
  /** Audits in the three categories that did not pass, `id (score)`. */
  failing: string[];
  scripts: { path: string; gzipBytes: number }[];
  jsGzipBytes: number;
  finalUrl: string;
  lighthouseVersion: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const scoreText = (s: Scores) => `perf ${s.performance} · a11y ${s.accessibility} · BP ${s['best-practices']}`;
const scoresMet = (s: Scores) => s.performance >= TARGET.performance && s.accessibility >= TARGET.accessibility && s['best-practices'] >= TARGET['best-practices'];
const jsMet = (p: PageFigure) => (p.interactive ? p.jsGzipBytes <= JS_HEAVIEST_TARGET_BYTES : p.jsGzipBytes === 0);

/** Newest modification time under `path` (a file or a folder, walked). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => (name === 'node_modules' ? newest : Math.max(newest, newestMtime(join(path, name)))), info.mtimeMs);
}

/** The built site: E2E_WEB_DIST or web/dist when newer than its sources, else a build of our own in the scratch folder (web/dist may be in use by others). */
export function builtSite(ctx: Pick<BenchContext, 'root' | 'work' | 'log'>): string {
  const sources = Math.max(...['web/src', 'web/public', 'web/astro.config.mjs', 'shared/src'].map((p) => newestMtime(join(ctx.root, p))));
  for (const dist of [process.env.E2E_WEB_DIST, join(ctx.root, 'web/dist')]) {
    if (dist && existsSync(join(dist, 'index.html')) && statSync(join(dist, 'index.html')).mtimeMs >= sources) return dist;
  }
  const out = join(ctx.work, 'web-dist');
  ctx.log(`building the site into ${out}`);
  const build = spawnSync('npm', ['run', 'build', '-w', 'web', '--', '--outDir', out], { cwd: ctx.root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`npm run build -w web failed: ${(build.stderr || build.stdout).trim().slice(-800)}`);
  return out;
}

/** The GOV.UK page, its two small scripts and govuk-frontend's own dist files, in one folder. */
function assembleBaseline(ctx: BenchContext): string {
  const dir = join(ctx.work, 'govuk-site');
  const dist = join(ctx.root, 'node_modules/govuk-frontend/dist/govuk');
  mkdirSync(dir, { recursive: true });
  cpSync(join(ctx.root, 'test/bench/govuk-page'), dir, { recursive: true });
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) cpSync(join(dist, file), join(dir, file));
  cpSync(join(dist, 'assets'), join(dir, 'assets'), { recursive: true });
  return dir;
}

/** Serves `dir` on loopback with the portal's own static-site rules. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const site = staticSite(dir);
  const server = createServer((req, res) => {
    site(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Debian's Chromium with a fresh profile; the DevTools port is read from the profile once Chromium writes it. */
async function startChromium(ctx: BenchContext): Promise<{ browser: Browser; stop: () => Promise<void> }> {
  accessSync(CHROME_PATH, constants.X_OK);
  const profile = join(ctx.work, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const child: ChildProcess = spawn(CHROME_PATH, [...CHROME_FLAGS, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Chromium at ${CHROME_PATH} did not open its DevTools port`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  // Wait for Chromium to exit, so its profile is no longer written when the scratch folder goes.
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  const stop = async () => {
    await browser.close().catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { browser, stop };
}

/**
 * Signs `user` in as the callback page leaves a tab (web/src/lib/session.ts: the ID token in
 * sessionStorage; the code + PKCE flow itself is the sign-in e2e's), then empties the HTTP cache so
 * the audit still loads cold.
 */
async function signIn(page: Page, portal: TestPortal, user: string, returnPath: string): Promise<void> {
  const token = await portal.tokenFor(user);
  await page.goto(`${portal.url}/dang-nhap/`);
  const session = { idToken: token, expiresAt: Date.now() + 15 * 60_000, storedAt: Date.now() };
  // Evaluated in the page (strings, since this file is type-checked without the DOM library).
  await page.evaluate(`sessionStorage.setItem('portal.session', ${JSON.stringify(JSON.stringify(session))})`);
  await page.goto(`${portal.url}${returnPath}`);
  await page.waitForFunction(`location.pathname === ${JSON.stringify(returnPath)}`, { timeout: 15_000 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/** Gzip bytes of every script the page requested, re-fetched and compressed as the server does. */
async function scriptSizes(lhr: LighthouseResult): Promise<PageFigure['scripts']> {
  const items = ((lhr.audits['network-requests']?.details as { items?: Array<{ url: string; resourceType?: string }> } | undefined)?.items ?? []).filter((i) => i.resourceType === 'Script');
  const urls = [...new Set(items.map((i) => i.url))];
  return Promise.all(
    urls.map(async (url) => {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      return { path: new URL(url).pathname, gzipBytes: gzipSync(body).length };
    }),
  );
}

/**
 * Why a page lost points: the weighted audits (every metric, accessibility and best-practice check)
 * below a pass, and when performance misses its target the diagnostics and insights that failed too.
 */
function readAudits(lhr: LighthouseResult): { failing: string[]; metrics: Record<string, string> } {
  const failing: string[] = [];
  const perfMissed = (lhr.categories.performance?.score ?? 0) * 100 < TARGET.performance;
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
      const weighted = ref.weight > 0;
      const below = category === 'performance' ? (weighted ? audit.score < 0.9 : perfMissed && audit.score < 0.5) : weighted && audit.score < 1;
      if (below) failing.push(`${ref.id} (${audit.displayValue ?? audit.score})`);
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const audit = lhr.audits[id];
    if (audit?.displayValue) metrics[id] = audit.displayValue;
  }
  return { failing, metrics };
}

async function auditOnce(browser: Browser, portal: TestPortal, url: string, target: Target): Promise<LighthouseResult> {
  const page = await browser.newPage();
  try {
    if (target.signedInAs) await signIn(page, portal, target.signedInAs, target.path);
    const result = await navigation(page, url, {
      flags: { logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: Boolean(target.signedInAs) },
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function auditPage(ctx: BenchContext, browser: Browser, portal: TestPortal, origin: string, target: Target): Promise<PageFigure> {
  const url = `${origin}${target.path}`;
  const runs: LighthouseResult[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await auditOnce(browser, portal, url, target));
  const score = (lhr: LighthouseResult, c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const lhr = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'))[Math.floor(runs.length / 2)]!;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Scores;
  const scripts = await scriptSizes(lhr);
  if (REPORTS_DIR) {
    mkdirSync(REPORTS_DIR, { recursive: true });
    writeFileSync(join(REPORTS_DIR, `${target.id}.html`), generateReport(lhr, 'html'));
  }
  const figure: PageFigure = {
    id: target.id,
    name: target.name,
    // A pay link's token is a capability: never in the report.
    path: target.path.replace(/#.*/, '#…'),
    interactive: target.interactive,
    signedIn: Boolean(target.signedInAs),
    scores,
    performanceRuns: runs.map((r) => score(r, 'performance')),
    ...readAudits(lhr),
    scripts,
    jsGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
    finalUrl: new URL(lhr.finalDisplayedUrl).pathname,
    lighthouseVersion: lhr.lighthouseVersion,
  };
  ctx.log(`  ${target.name}: ${scoreText(scores)}, JS ${kb(figure.jsGzipBytes)} gzip in ${scripts.length} files`);
  return figure;
}

/** The six pages of the issue, with a real bill's pay link for the bill page. */
async function portalTargets(portal: TestPortal): Promise<Target[]> {
  const procedure = catalogue[0]!;
  const bill = await pushBill(portal);
  return [
    { id: 'home', name: 'Home', path: '/', interactive: false },
    { id: 'catalogue', name: 'Procedure catalogue', path: '/thu-tuc/', interactive: true },
    { id: 'procedure', name: `Procedure page (${procedure.code})`, path: `/thu-tuc/${procedure.code}/`, interactive: true },
    { id: 'booking', name: 'Booking flow, first step', path: '/dat-lich/', interactive: true },
    { id: 'bill', name: 'Bill page (pay link of a fresh bill)', path: `/thanh-toan/hoa-don/#${bill.payLinkToken}`, interactive: true },
    { id: 'officer-inbox', name: `Officer inbox (signed in as ${OFFICER})`, path: '/nhan-vien/ho-so/', interactive: true, signedInAs: OFFICER },
  ];
}

function rows(pages: PageFigure[], baseline: PageFigure): BenchRow[] {
  const baselineText = `${scoreText(baseline.scores)} · JS ${kb(baseline.jsGzipBytes)}`;
  const pageRows = pages.map((p) => ({
    figure: `Lighthouse mobile: ${p.name} (\`${p.path}\`)`,
    measured: `${scoreText(p.scores)} · JS ${kb(p.jsGzipBytes)}`,
    baseline: baselineText,
    target: `perf ≥ ${TARGET.performance}, a11y ${TARGET.accessibility}, BP ≥ ${TARGET['best-practices']}; JS ${p.interactive ? '≤ 100 KB' : '0 KB (nothing interactive)'}`,
    met: scoresMet(p.scores) && jsMet(p),
  }));
  const heaviest = pages.reduce((a, b) => (b.jsGzipBytes > a.jsGzipBytes ? b : a));
  return [
    ...pageRows,
    {
      figure: `JavaScript shipped (gzip), heaviest page: ${heaviest.name}`,
      measured: kb(heaviest.jsGzipBytes),
      baseline: `${kb(baseline.jsGzipBytes)} (GOV.UK Frontend page)`,
      ratio: baseline.jsGzipBytes ? heaviest.jsGzipBytes / baseline.jsGzipBytes : undefined,
      target: '≤ 100 KB; 0 KB on pages with nothing interactive',
      met: pages.every(jsMet),
    },
  ];
}

function notes(pages: PageFigure[], baseline: PageFigure): string[] {
  const all = [...pages, baseline];
  return [
    `Lighthouse ${baseline.lighthouseVersion} default config (mobile preset: simulated slow 4G, 4× CPU slowdown, 412 px wide), Debian's Chromium headless, ${RUNS === 1 ? 'one run per page' : `median of ${RUNS} runs by performance score`}; every page served by the same static-site code with gzip and the portal's CSP. The baseline is a GOV.UK Frontend 6.6.0 form page (header, service navigation, back link, a form with text, date and radio inputs and a button, footer; \`initAll()\`) from test/bench/govuk-page/.`,
    'JavaScript = gzip bytes (zlib default level, as the local server compresses) of every script request Lighthouse recorded, module imports included. "Nothing interactive" = the home page only; the other five fetch or act on data.',
    [
      '| Page | Perf | A11y | BP | JS gzip (files) | FCP · LCP · TBT · CLS | Not passing |',
      '|---|---|---|---|---|---|---|',
      ...all.map((p) => {
        const m = p.metrics;
        const metrics = [m['first-contentful-paint'], m['largest-contentful-paint'], m['total-blocking-time'], m['cumulative-layout-shift']].map((v) => v ?? '—').join(' · ');
        const runs = p.performanceRuns.length > 1 ? ` (${p.performanceRuns.join(', ')})` : '';
        return `| ${p.name} | ${p.scores.performance}${runs} | ${p.scores.accessibility} | ${p.scores['best-practices']} | ${kb(p.jsGzipBytes)} (${p.scripts.length}) | ${metrics} | ${p.failing.join(', ') || '—'} |`;
      }),
    ].join('\n'),
  ];
}

export async function pagesPart(ctx: BenchContext): Promise<BenchSection> {
  const portal = await ctx.startPortal();
  const govuk = await serve(assembleBaseline(ctx));
  const chromium = await startChromium(ctx);
  try {
    const targets = await portalTargets(portal);
    ctx.log(`Lighthouse (mobile) on the GOV.UK Frontend page and ${targets.length} portal pages, ${RUNS} run(s) each`);
    const baselineTarget: Target = { id: 'govuk-frontend', name: 'GOV.UK Frontend page (baseline)', path: '/', interactive: true };
    const baseline = await auditPage(ctx, chromium.browser, portal, govuk.url, baselineTarget);
    const pages: PageFigure[] = [];
    for (const target of targets) pages.push(await auditPage(ctx, chromium.browser, portal, portal.url, target));
    return {
      id: 'pages',
      title: 'Page quality: Lighthouse (mobile) and JavaScript per page vs a GOV.UK Frontend page',
      rows: rows(pages, baseline),
      notes: notes(pages, baseline),
      json: { lighthouse: baseline.lighthouseVersion, runs: RUNS, chromium: CHROME_PATH, targets: TARGET, jsHeaviestTargetBytes: JS_HEAVIEST_TARGET_BYTES, baseline, pages },
    };
  } finally {
    await chromium.stop();
    await govuk.close();
    await portal.close();
  }
}
