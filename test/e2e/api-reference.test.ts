/**
 * Browser e2e of the API reference (ADR 0024): /tai-lieu-api/ and /en/api-reference/, reached from
 * the site footer, rendered at build time from the generated OpenAPI document. Checks that every
 * operation of the route table is on the page with who may call it, that its schema links land, that
 * the published openapi.json is the document the API serves, and WCAG 2.1 A/AA with axe (0
 * violations), console errors and CSP violations, at a phone's and a desktop's viewport.
 * Needs web/dist (`npm run build`), Java 17+ and Chromium.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/src/routes';
import { VIEWPORTS, skipBrowserSuite } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';

const SUITE = 'browser API reference test';
const OPERATIONS = routes.filter((r) => r.method !== 'ANY');

describe.skipIf(skipBrowserSuite(SUITE))('the API reference pages (Chromium)', () => {
  const suite = browserSuite(SUITE, { summary: 'API reference pages checked' });

  it('in Vietnamese: linked from the footer, every operation with method, path and who may call it, 0 axe violations on a phone', async () => {
    const { context, page } = await suite.checks().newPage();
    try {
      await page.goto('/');
      await page.locator('footer a', { hasText: 'Tài liệu API cho nhà phát triển' }).click();
      await page.waitForURL('**/tai-lieu-api/');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Tài liệu API');
      await suite.checks().checkPage(page, 'API reference (vi, phone)');

      const operations = page.locator('article.api-op');
      expect(await operations.count()).toBe(OPERATIONS.length);
      const appointments = page.locator('#op-appointments-create');
      expect((await appointments.textContent())?.replace(/\s+/g, ' ')).toBe('POST /api/appointments');
      const article = page.locator('article', { has: appointments });
      expect(await article.locator('.api-meta').textContent()).toContain('Đăng nhập: Công dân');
      expect(await article.textContent()).toContain('session_full: Buổi khám đã hết chỗ');
      expect(await page.locator('article', { has: page.locator('#op-health-get') }).locator('.api-meta').textContent()).toContain('Công khai, không cần đăng nhập');
      expect(await page.locator('article', { has: page.locator('#op-desk-bills') }).locator('.api-meta').textContent()).toContain('có nhiệm vụ thu ngân');

      // The answer's schema link lands on its table of fields.
      await article.locator('a[href="#schema-Appointment"]').first().click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#schema-Appointment');
      expect(await page.locator('section.api-schema', { has: page.locator('#schema-Appointment') }).locator('tbody th').allTextContents()).toContain('queueNumber');
    } finally {
      await context.close();
    }
  });

  it('publishes openapi.json with the site: the same document GET /api/openapi.json serves', async () => {
    const portal = suite.portal();
    const published = await fetch(`${portal.url}/tai-lieu-api/openapi.json`);
    expect(published.status).toBe(200);
    expect(published.headers.get('content-type')).toMatch(/^application\/json/);
    const served = await portal.request('/api/openapi.json');
    expect(await published.json()).toEqual(await served.json());
  });

  it('in English at a desktop viewport: every operation, the language switch back, 0 axe violations', async () => {
    const { context, page } = await suite.checks().newPage({ ...VIEWPORTS.desktop, locale: 'en-GB' });
    try {
      await page.goto('/en/api-reference/');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      await expect.poll(() => page.locator('h1').textContent()).toBe('API reference');
      await suite.checks().checkPage(page, 'API reference (en, desktop)');
      const ids = await page.locator('.api-meta code').allTextContents();
      expect([...ids].sort()).toEqual(OPERATIONS.map((r) => r.id).sort());
      expect(await page.locator('article', { has: page.locator('#op-his-bills-push') }).locator('.api-meta').textContent()).toContain("or a hospital information system's API key (x-api-key)");
      expect(await page.locator('a.lang-switch').getAttribute('href')).toBe('/tai-lieu-api/');
    } finally {
      await context.close();
    }
  });
});
