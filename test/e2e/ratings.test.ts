/**
 * Issue 13 part 4 in Chromium on a 360×740 phone, in Vietnamese and English (ADR 0026): the
 * procedure page shows the satisfaction counts; citizen-an opens a finished dossier, rates it with
 * the radio group and a comment, sees "Bạn đã đánh giá … — sửa được đến …", changes it, and the
 * procedure page's counts have moved. axe (WCAG 2.1 AA) on every page shown.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDossierId } from '../../functions/src/local/demo-dossiers';
import { pagePath, type Lang } from '../../web/src/lib/i18n';
import { skipBrowserSuite, VIEWPORTS } from '../helpers/browser';
import { browserSuite, pickDemoAccount } from '../helpers/browser-suite';
import { seedInState } from '../helpers/dossiers';
import { checkedInAppointment } from '../helpers/ratings';

const SUITE = 'satisfaction ratings';
const STEP_TIMEOUT_MS = 20_000;
const PROCEDURE = 'cap-moi-giay-phep-hanh-nghe';

const WORDS = {
  vi: { mean: (n: number) => new RegExp(`từ ${n} lượt đánh giá`), done: /^Bạn đã đánh giá 4\/5 — Hài lòng — sửa được đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/, edited: /^Bạn đã đánh giá 5\/5 — Rất hài lòng/, lowest: 'Rất không hài lòng', choose: 'Hãy chọn một mức hài lòng' },
  en: { mean: (n: number) => new RegExp(`from ${n} ratings`), done: /^You rated 4\/5 — Satisfied — you can change it until \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/, edited: /^You rated 5\/5 — Very satisfied/, lowest: 'Very dissatisfied', choose: 'Choose how satisfied you are' },
} as const;

describe.skipIf(skipBrowserSuite(SUITE))('satisfaction ratings (Chromium, 360×740 phone)', () => {
  const suite = browserSuite(SUITE, { summary: 'rating pages checked' });
  const checks = () => suite.checks();

  async function procedureCount(page: Page, lang: Lang): Promise<string> {
    await page.goto(pagePath('procedure', lang, PROCEDURE));
    const mean = page.locator('[data-rating-summary] [data-summary-mean]');
    await mean.waitFor({ timeout: STEP_TIMEOUT_MS });
    return (await mean.textContent()) ?? '';
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: citizen-an rates a finished dossier, changes the rating, and the procedure page counts it`, async () => {
      const w = WORDS[lang];
      // Vietnamese: the demo dossier left unrated for people to try; English: another finished one.
      const dossierId = lang === 'vi' ? demoDossierId(13) : (await seedInState(suite.portal(), 'result_issued', { procedureId: PROCEDURE })).dossierId;
      const before = (await (await fetch(`${suite.portal().url}/api/ratings/summary?procedure=${PROCEDURE}`)).json()) as { count: number };
      const { context, page } = await checks().newPage({ ...VIEWPORTS.phone, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
      try {
        expect(await procedureCount(page, lang)).toMatch(w.mean(before.count));
        expect(await page.locator('[data-rating-summary] table tbody tr').count()).toBe(5);
        await checks().checkPage(page, `procedure page with ratings (${lang})`);

        const detail = `${pagePath('dossierDetail', lang)}#${dossierId}`;
        checks().nextPage(page);
        await page.goto(`${pagePath('signIn', lang)}?return=${encodeURIComponent(detail)}`);
        await pickDemoAccount(page, 'citizen-an', STEP_TIMEOUT_MS);
        await page.waitForURL((url) => `${url.pathname}${url.hash}` === detail, { timeout: STEP_TIMEOUT_MS });
        checks().nextPage(page);
        const panel = page.locator('[data-rating-panel]');
        await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
        // One radio group with a legend; every score has its words.
        await expect.poll(() => page.getByRole('group').filter({ has: page.getByRole('radio') }).count()).toBe(1);
        expect(await page.getByRole('radio', { name: new RegExp(`1 — ${w.lowest}`) }).count()).toBe(1);
        await checks().checkPage(page, `dossier page with the rating form (${lang})`);

        // Sending without a score says what is missing.
        await panel.locator('[data-rating-submit]').click();
        await expect.poll(() => panel.getByText(w.choose).isVisible()).toBe(true);
        await page.getByRole('radio', { name: /^4 — / }).check();
        await panel.locator('textarea').fill(lang === 'vi' ? 'Cán bộ hướng dẫn tận tình.' : 'Helpful staff.');
        await panel.locator('[data-rating-submit]').click();
        await expect.poll(() => panel.locator('[data-rating-done]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(w.done);
        await checks().checkPage(page, `dossier page after rating (${lang})`);

        await page.getByRole('radio', { name: /^5 — / }).check();
        await panel.locator('[data-rating-submit]').click();
        await expect.poll(() => panel.locator('[data-rating-done]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(w.edited);

        // The summary is cacheable for 5 minutes; the browser's cache is bypassed by a fresh context.
        const { context: fresh, page: again } = await checks().newPage({ ...VIEWPORTS.phone, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
        try {
          expect(await procedureCount(again, lang)).toMatch(w.mean(before.count + 1));
          await expect.poll(() => again.locator('[data-rating-summary] tr[data-score="5"] td').textContent()).toMatch(/^\d+/);
          await checks().checkPage(again, `procedure page after rating (${lang})`);
        } finally {
          await fresh.close();
        }
        const after = (await (await fetch(`${suite.portal().url}/api/ratings/summary?procedure=${PROCEDURE}`)).json()) as { count: number };
        expect(after.count).toBe(before.count + 1);
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: citizen-an rates a visit on "my appointments", and the booking page shows the hospital's rating`, async () => {
      const visit = await checkedInAppointment(suite.portal(), 'citizen-an');
      const { context, page } = await checks().newPage({ ...VIEWPORTS.phone, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
      try {
        const mine = pagePath('myAppointments', lang);
        await page.goto(`${pagePath('signIn', lang)}?return=${encodeURIComponent(mine)}`);
        await pickDemoAccount(page, 'citizen-an', STEP_TIMEOUT_MS);
        await page.waitForURL((url) => url.pathname === mine, { timeout: STEP_TIMEOUT_MS });
        checks().nextPage(page);
        const panel = page.locator(`[data-rating-panel]:has(#rating-appointment-${visit.appointmentId}-title)`);
        await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
        await checks().checkPage(page, `my appointments with a rating form (${lang})`);
        await panel.getByRole('radio', { name: /^5 — / }).check();
        await panel.locator('[data-rating-submit]').click();
        await expect.poll(() => panel.locator('[data-rating-done]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(lang === 'vi' ? /^Bạn đã đánh giá 5\/5 — Rất hài lòng — sửa được đến / : /^You rated 5\/5 — Very satisfied — you can change it until /);
        await checks().checkPage(page, `my appointments after rating (${lang})`);

        checks().nextPage(page);
        await page.goto(pagePath('appointments', lang));
        const hospital = page.locator('[data-hospital]');
        await expect.poll(() => hospital.isEnabled(), { timeout: STEP_TIMEOUT_MS }).toBe(true);
        await hospital.selectOption('hosp-cho-ray');
        await expect.poll(() => page.locator('[data-hospital-rating]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(lang === 'vi' ? /^Người bệnh đánh giá mức độ hài lòng: [\d,]+\/5 \(\d+ lượt\)$/ : /^Patients' satisfaction rating: [\d.]+ out of 5 \(\d+ ratings\)$/);
        await checks().checkPage(page, `booking page with the hospital's rating (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});
