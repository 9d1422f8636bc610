/**
 * "Ai đã xem dữ liệu của tôi" (ADR 0025) in Chromium on a 360×740 phone, Vietnamese and English: an
 * officer opens demo citizen Nguyễn Văn An's dossier on the officer's dossier page; An, signed in from
 * the account page, follows its link and sees that read at the top — "Xem hồ sơ", the unit and role,
 * not the officer's name — then "Xem thêm" loads older entries and moves focus to them. A person no
 * staff member has read sees the empty state. Every page checked with axe (WCAG 2.1 AA).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDossierId } from '../../functions/src/local/demo-dossiers';
import { skipBrowserSuite, VIEWPORTS } from '../helpers/browser';
import { browserSuite, shot, signInThroughIdp } from '../helpers/browser-suite';

const SUITE = 'who read my data';
const STEP_TIMEOUT_MS = 20_000;
const AN_DOSSIER = demoDossierId(2);
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skipBrowserSuite(SUITE))('who read my data (Chromium, 360×740 phone)', () => {
  const suite = browserSuite(SUITE, { summary: 'data-access pages checked' });
  const c = () => suite.checks();
  const phone = (lang: 'vi' | 'en') => c().newPage({ ...VIEWPORTS.phone, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });

  /** The officer opens An's dossier in the browser, as at work (the page's GET is the audited read). */
  async function officerOpens(officer: string): Promise<void> {
    const { context, page } = await phone('vi');
    try {
      const read = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/dossiers/${AN_DOSSIER}` && r.request().method() === 'GET', { timeout: STEP_TIMEOUT_MS });
      await signInThroughIdp(page, officer, `/nhan-vien/ho-so/chi-tiet/#${AN_DOSSIER}`, STEP_TIMEOUT_MS);
      expect((await read).status()).toBe(200);
      await page.locator('[data-dossier-body]').waitFor({ timeout: STEP_TIMEOUT_MS });
    } finally {
      await context.close();
    }
  }

  const entries = (page: Page) => page.locator('[data-list] > li');

  it('vi: An sees the officer read at the top, by unit and role, and pages with "Xem thêm"', async () => {
    await officerOpens('officer-thao');
    // More staff reads than one page holds, so "Xem thêm" has something to load.
    for (let i = 0; i < 20; i++) expect((await suite.portal().request(`/api/dossiers/${AN_DOSSIER}`, { as: 'officer-lan' })).status).toBe(200);
    await officerOpens('officer-thao');

    const { context, page } = await phone('vi');
    try {
      await signInThroughIdp(page, 'citizen-an', '/tai-khoan/', STEP_TIMEOUT_MS);
      const link = page.getByRole('link', { name: 'Ai đã xem dữ liệu của tôi' });
      await link.waitFor({ timeout: STEP_TIMEOUT_MS });
      await c().checkPage(page, 'account page with the data-access link');
      c().nextPage(page);
      await link.click();
      await page.waitForURL('**/tai-khoan/ai-da-xem/', { timeout: STEP_TIMEOUT_MS });
      await expect.poll(() => entries(page).count(), { timeout: STEP_TIMEOUT_MS }).toBe(20);
      const first = entries(page).first();
      expect(plain(await first.locator('h2').textContent())).toBe('Xem hồ sơ');
      const facts = plain(await first.locator('dl').textContent());
      expect(facts).toContain('Cán bộ Sở Y tế — Phòng Nghiệp vụ Y');
      expect(facts).not.toContain('Huỳnh Phương Thảo');
      expect(await first.locator('a[data-target="dossier"]').getAttribute('href')).toBe(`/ho-so/chi-tiet/#${AN_DOSSIER}`);
      expect(plain(await first.locator('a[data-target="dossier"]').textContent())).toMatch(/^000\.00\.31\.H29-\d{6}-\d{4}$/);
      expect(plain(await page.locator('[data-status]').textContent())).toContain('Đang hiện 20 lần truy cập');
      await c().checkPage(page, 'who read my data (vi, first page)');
      await shot(page, 'data-access-phone-vi');

      await page.getByRole('button', { name: 'Xem thêm' }).click();
      await expect.poll(() => entries(page).count(), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(20);
      // The keyboard continues at the first new entry; older entries include the seeded intake.
      await expect.poll(() => entries(page).nth(20).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect((await entries(page).locator('h2').allTextContents()).map(plain)).toEqual(expect.arrayContaining(['Tiếp nhận hồ sơ', 'Giao xử lý hồ sơ']));
      expect(await page.locator('[data-more-row]').isHidden()).toBe(true);
      await c().checkPage(page, 'who read my data (vi, after "Xem thêm")');
    } finally {
      await context.close();
    }
  });

  it('en: the same list in English; someone nobody has read sees the empty state', async () => {
    const { context, page } = await phone('en');
    try {
      await signInThroughIdp(page, 'citizen-an', '/en/account/data-access/', STEP_TIMEOUT_MS);
      await expect.poll(() => entries(page).count(), { timeout: STEP_TIMEOUT_MS }).toBe(20);
      const first = entries(page).first();
      expect(plain(await first.locator('h2').textContent())).toBe('Opened the dossier');
      expect(plain(await first.locator('dl').textContent())).toContain('Department officer — Medical Affairs Division');
      expect(await first.locator('a[data-target="dossier"]').getAttribute('href')).toBe(`/en/dossiers/detail/#${AN_DOSSIER}`);
      await c().checkPage(page, 'who read my data (en)');
    } finally {
      await context.close();
    }

    const empty = await phone('en');
    try {
      await signInThroughIdp(empty.page, 'clinic-owner-hoa', '/en/account/data-access/', STEP_TIMEOUT_MS);
      await empty.page.locator('[data-empty]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(plain(await empty.page.locator('[data-empty]').textContent())).toBe('No officer or staff member has seen or acted on your data yet.');
      expect(await entries(empty.page).count()).toBe(0);
      await c().checkPage(empty.page, 'who read my data (en, empty)');
      await shot(empty.page, 'data-access-phone-en-empty');
    } finally {
      await empty.context.close();
    }
  });
});
