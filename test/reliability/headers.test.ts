/**
 * Security headers (issue 6, section 2): every page and API response carries the security headers
 * and the CSP the stack sends, with no inline or eval'd script allowed.
 *
 * "The stack's set" is read from the synthesised CDK template — the CloudFront response-headers
 * policy turned into the headers a browser receives — and must equal shared/src/security-headers.ts.
 * Then the local server (the same handlers and static serving as `npm start`) answers every route of
 * the route table (anonymous and signed in as a role the route admits, so 2xx and 4xx alike), paths
 * outside every route, every built page of web/dist, the 404 page, a dynamic page and the static
 * assets: each answer must carry every header of that set with the same value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../functions/src/local/demo-users';
import { SECURITY_HEADERS } from '../../shared/src/security-headers';
import { DYNAMIC_PAGES } from '../../shared/src/dynamic-pages';
import { matchRoute, routes, type Route } from '../../shared/src/routes';
import { SAMPLE_BODIES, SAMPLE_PARAMS, SAMPLE_QUERY } from '../helpers/route-samples';
import { startTestPortal, type TestPortal } from '../helpers/portal';
import { ofType, synthPortal } from '../infra/synth';

const ROOT = resolve(import.meta.dirname, '../..');
/** E2E_WEB_DIST, as the browser suites honour it: a run may use its own build while others rebuild web/dist. */
const WEB_DIST = process.env.E2E_WEB_DIST || resolve(ROOT, 'web/dist');

// ---- the stack's set: CloudFront's response-headers policy as a browser sees it ---------------------

interface PolicyConfig {
  SecurityHeadersConfig?: {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string };
    StrictTransportSecurity?: { AccessControlMaxAgeSec: number; IncludeSubdomains?: boolean; Preload?: boolean };
    ContentTypeOptions?: object;
    FrameOptions?: { FrameOption: string };
    ReferrerPolicy?: { ReferrerPolicy: string };
    XSSProtection?: { Protection: boolean; ModeBlock?: boolean; ReportUri?: string };
  };
  CustomHeadersConfig?: { Items: { Header: string; Value: string }[] };
}

/** The header lines CloudFront adds for a policy (its documented rendering of each setting). */
function headersOfPolicy(config: PolicyConfig): Record<string, string> {
  const s = config.SecurityHeadersConfig ?? {};
  const headers: Record<string, string> = {};
  if (s.ContentSecurityPolicy) headers['content-security-policy'] = s.ContentSecurityPolicy.ContentSecurityPolicy;
  if (s.StrictTransportSecurity) {
    const hsts = s.StrictTransportSecurity;
    headers['strict-transport-security'] = [`max-age=${hsts.AccessControlMaxAgeSec}`, ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []), ...(hsts.Preload ? ['preload'] : [])].join('; ');
  }
  if (s.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (s.FrameOptions) headers['x-frame-options'] = s.FrameOptions.FrameOption;
  if (s.ReferrerPolicy) headers['referrer-policy'] = s.ReferrerPolicy.ReferrerPolicy;
  if (s.XSSProtection) headers['x-xss-protection'] = s.XSSProtection.Protection ? `1${s.XSSProtection.ModeBlock ? '; mode=block' : ''}` : '0';
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header.toLowerCase()] = item.Value;
  return headers;
}

// ---- requests ----------------------------------------------------------------------------------------

interface Probe {
  kind: 'api' | 'page' | 'asset';
  label: string;
  path: string;
  init?: RequestInit & { as?: string };
}

/** A demo user the route's auth admits (its role, and a duty it asks for). */
function userFor(route: Route): string | undefined {
  if (route.auth === 'public') return undefined;
  const { roles, duties = [] } = route.auth as { roles: readonly string[]; duties?: readonly string[] };
  return demoUsers.find((u) => roles.includes(u.role) && (duties.length === 0 || duties.some((d) => u.duties?.includes(d as never))))?.id;
}

const fill = (path: string) => path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => encodeURIComponent(SAMPLE_PARAMS[name] ?? 'x'));

/** Each route twice: anonymous (401s, public answers) and as a demo user of a role it admits (2xx, 404, 409…). */
function apiProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const route of routes) {
    const method = route.method === 'ANY' ? 'GET' : route.method;
    const path = fill(route.path) + (SAMPLE_QUERY[route.id] ?? '');
    const body = SAMPLE_BODIES[route.id];
    const init: RequestInit = { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) };
    probes.push({ kind: 'api', label: `${route.id} anonymous`, path, init });
    const as = userFor(route);
    if (as) probes.push({ kind: 'api', label: `${route.id} as ${as}`, path, init: { ...init, as } });
  }
  // Outside every route (API Gateway's own 404), and the fallback route's 405 for a known path.
  for (const path of ['/api', '/api/', '/api//procedures', '/api/khong-co/dia-chi/nay?x=%ZZ']) probes.push({ kind: 'api', label: `outside: GET ${path}`, path });
  probes.push({ kind: 'api', label: 'DELETE /api/procedures', path: '/api/procedures', init: { method: 'DELETE' } });
  probes.push({ kind: 'api', label: 'HEAD /api/health', path: '/api/health', init: { method: 'HEAD' } });
  return probes;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => resolve(e.parentPath, e.name));
}

/** Every built page at the address a visitor uses, the 404 page, a dynamic page, and the static assets. */
function siteProbes(): Probe[] {
  const files = filesUnder(WEB_DIST).map((f) => `/${relative(WEB_DIST, f).split('\\').join('/')}`);
  const pages: Probe[] = files.filter((f) => f.endsWith('.html')).map((f) => ({ kind: 'page', label: f, path: f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f }));
  pages.push({ kind: 'page', label: 'missing page (404)', path: '/khong-co-trang-nay/' });
  pages.push({ kind: 'page', label: 'dynamic page', path: `${DYNAMIC_PAGES[0]}HD-2026-000001` });
  const assets = files.filter((f) => /\.(css|js|svg|ico|webmanifest|png)$/.test(f));
  const pick = (ext: string) => assets.filter((f) => f.endsWith(ext)).slice(0, 3);
  const chosen = [...pick('.css'), ...pick('.js'), ...pick('.svg'), ...pick('.ico')];
  return [...pages, ...chosen.map((path): Probe => ({ kind: 'asset', label: path, path, init: { headers: { 'accept-encoding': 'gzip' } } }))];
}

// ---- the suite ---------------------------------------------------------------------------------------

let portal: TestPortal;
let stackHeaders: Record<string, string>;
const tally = { api: 0, pages: 0, assets: 0, missing: 0 };
/** HTTP statuses seen, to show the check covered successes and errors alike. */
const statuses = new Map<number, number>();

beforeAll(async () => {
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: the header test checks every built page. Build the site first: npm run build -w web`);
  }
  const { portalTemplate } = synthPortal({ skipBundling: true });
  const policies = ofType(portalTemplate, 'AWS::CloudFront::ResponseHeadersPolicy');
  expect(policies, 'one response-headers policy in the stack').toHaveLength(1);
  stackHeaders = headersOfPolicy(policies[0]![1].ResponseHeadersPolicyConfig as PolicyConfig);
  portal = await startTestPortal({ webDist: WEB_DIST });
}, 180_000);

afterAll(async () => {
  console.info(`headers: ${tally.api} API responses over ${routes.length} routes, ${tally.pages} pages, ${tally.assets} assets, ${tally.missing} missing`);
  console.info(`headers: statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status} ×${n}`).join(', ')}`);
  await portal?.close();
});

describe("the stack's response-headers policy", () => {
  it('sends exactly the shared security headers', () => {
    expect(stackHeaders).toEqual({ ...SECURITY_HEADERS });
  });

  it('allows no inline or eval\'d script (script-src without unsafe-inline/unsafe-eval), and frames nowhere', () => {
    const directives = new Map(stackHeaders['content-security-policy']!.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the local server sends them on every answer', () => {
  /** Names of the stack's headers this response lacks or sends with another value. */
  async function check(probe: Probe): Promise<string[]> {
    const response = await portal.request(probe.path, { redirect: 'manual', ...probe.init });
    await response.arrayBuffer();
    tally[probe.kind === 'api' ? 'api' : probe.kind === 'page' ? 'pages' : 'assets']++;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const wrong = Object.entries(stackHeaders).filter(([name, value]) => response.headers.get(name) !== value).map(([name]) => `${probe.label} (HTTP ${response.status}): ${name} = ${response.headers.get(name)}`);
    tally.missing += wrong.length;
    return wrong;
  }

  it('every route of the route table, and paths outside every route', async () => {
    const probes = apiProbes();
    // The sample paths reach their routes (the outside ones none), so every route really was answered.
    const reached = new Set(probes.map((p) => matchRoute(p.init?.method ?? 'GET', new URL(p.path, 'http://x').pathname)?.route.id));
    expect(routes.filter((r) => !reached.has(r.id)).map((r) => r.id)).toEqual([]);
    const wrong: string[] = [];
    for (const probe of probes) wrong.push(...(await check(probe)));
    expect(wrong).toEqual([]);
  });

  it('every built page, the 404 page and the static assets', async () => {
    const wrong: string[] = [];
    for (const probe of siteProbes()) wrong.push(...(await check(probe)));
    expect(wrong).toEqual([]);
    expect(tally.pages).toBeGreaterThan(10);
    expect(tally.assets).toBeGreaterThanOrEqual(2);
  });

  it('no built page needs what the CSP forbids: no inline <script>, <style> or style attribute, no javascript: links', () => {
    const offending = filesUnder(WEB_DIST).filter((f) => f.endsWith('.html')).filter((f) => {
      const html = readFileSync(f, 'utf8');
      // JSON-LD is data, not script: the CSP does not apply to it.
      const inlineScript = /<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>\s*\S/i.test(html);
      return inlineScript || /<style[\s>]/i.test(html) || /\sstyle="/i.test(html) || /\bhref="javascript:/i.test(html);
    });
    expect(offending.map((f) => relative(WEB_DIST, f))).toEqual([]);
  });
});
