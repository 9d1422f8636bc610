/**
 * Browser e2e of appointment booking (issue 5): the built site, the real API and the job runner on a
 * fresh DynamoDB Local, in Debian's Chromium at a phone's viewport.
 *
 *   1. A citizen (Trần Thị Bình) books for her child at Nhi Đồng 1 on /dat-lich/: hospital →
 *      specialty → a session with places → saved profile → BHYT category → confirm; the answer shows
 *      the booking code, queue number and the check-in QR.
 *   2. Reception types the code of her booking for today on /nhan-vien/tiep-don/ and checks her in;
 *      the queue shows her as next. (Booking for today is closed by the cut-off, so that booking is
 *      made the day before through the service layer, as the patient would have.)
 *   3. On "Lịch hẹn của tôi" she cancels the booking from step 1; the session's place returns.
 *
 * Every page is checked with axe (WCAG 2.1 A/AA), for console errors and CSP violations. Needs
 * web/dist (`npm run build -w web`), Java 17+ and Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bookAppointment } from '../../functions/src/services/booking';
import { addDays, vietnamToday } from '../../shared/src/booking/dates';
import { depsOf, makeSession } from '../helpers/booking';
import { RESULTS, skipBrowserSuite } from '../helpers/browser';
import { browserSuite, signInThroughIdp } from '../helpers/browser-suite';

const SUITE = 'browser booking test';
const STEP_TIMEOUT_MS = 10_000;
const CHILD_PROFILE = '01JDEMP0000000000000000004'; // Trần Gia Huy, citizen-binh's child (demo seed)

describe.skipIf(skipBrowserSuite(SUITE))('browser booking test (Chromium, phone viewport)', () => {
  const { checks: c, portal: p } = browserSuite(SUITE, { summary: 'booking pages checked' });
  const signIn = (page: Page, user: string, returnPath: string) => signInThroughIdp(page, user, returnPath, STEP_TIMEOUT_MS);

  it('a citizen books, sees the QR; reception checks a booking in by code; the citizen cancels and the place returns', async () => {
    const { page } = await c().newPage();
    page.on('dialog', (dialog) => void dialog.accept());

    // 1. Book on /dat-lich/.
    await signIn(page, 'citizen-binh', '/dat-lich/');
    c().nextPage(page);
    await page.locator('[data-hospital]:not([disabled])').waitFor({ timeout: STEP_TIMEOUT_MS });
    await c().checkPage(page, 'booking form');
    await page.locator('[data-hospital]').selectOption({ label: 'Bệnh viện Nhi Đồng 1' });
    await page.locator('[data-specialty]:not([disabled])').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator('[data-specialty]').selectOption({ label: 'Nhi tổng quát' });
    const firstSession = page.locator('[data-sessions] input[name="session"]:not([disabled])').first();
    await firstSession.waitFor({ timeout: STEP_TIMEOUT_MS });
    const sessionId = await firstSession.getAttribute('value');
    await firstSession.check();
    await page.locator(`input[name="profile"][value="${CHILD_PROFILE}"]`).check();
    await page.getByLabel('BHYT đăng ký khám ban đầu tại bệnh viện này').check();
    const placesBefore = await placesLeft(sessionId!);
    const booked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/appointments' && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
    await page.locator('[data-submit]').click();
    expect((await booked).status()).toBe(201);
    const result = page.locator('[data-result]');
    await result.waitFor({ timeout: STEP_TIMEOUT_MS });
    const resultText = (await result.textContent()) ?? '';
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(resultText)?.[0];
    expect(code).toBeDefined();
    expect(resultText).toContain('Trần Gia Huy');
    expect(resultText).toContain('001'); // first queue number of the session
    await expect.poll(() => result.locator('[data-qr] svg[role="img"]').count()).toBe(1);
    expect(await result.locator('[data-qr] svg').getAttribute('aria-label')).toContain(code!);
    expect(await placesLeft(sessionId!)).toBe(placesBefore - 1);
    await c().checkPage(page, 'booking result with QR');
    await page.screenshot({ path: `${RESULTS}/booking-result.png`, fullPage: true });

    // 2. Reception checks in a booking for today (made yesterday, before the cut-off).
    const today = vietnamToday(new Date());
    const session = await makeSession(p(), 10, { hospitalId: 'hosp-nhi-dong-1', specialtyId: 'nhi-tong-quat', date: today });
    const yesterday = { ...depsOf(p()), now: () => new Date(`${addDays(today, -1)}T03:00:00Z`) };
    const todays = await bookAppointment(yesterday, { sessionId: session.sessionId, patientProfileId: CHILD_PROFILE, insurance: { category: 'follow_up' } }, { principal: { userId: 'citizen-binh', role: 'citizen', name: 'Trần Thị Bình', duties: [] }, idempotencyKey: `e2e-today-${today}` });
    const { page: desk } = await c().newPage();
    await signIn(desk, 'reception-nhi-dong-1', '/nhan-vien/tiep-don/');
    c().nextPage(desk);
    await desk.locator('[data-staff-content]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });
    await c().checkPage(desk, 'reception');
    await desk.locator('[data-code]').fill(todays.code.toLowerCase().replace('-', ' '));
    await desk.getByRole('button', { name: 'Tiếp đón', exact: true }).click();
    const outcome = desk.locator('[data-result]');
    await expect.poll(async () => (await outcome.textContent()) ?? '', { timeout: STEP_TIMEOUT_MS }).toContain('Đã tiếp đón Trần Gia Huy');
    await expect.poll(async () => (await desk.locator('[data-queue] .queue-next').textContent()) ?? '', { timeout: STEP_TIMEOUT_MS }).toContain('Trần Gia Huy');
    await c().checkPage(desk, 'reception after check-in');

    // 3. Cancel the first booking on "Lịch hẹn của tôi": the place returns.
    c().nextPage(page);
    await page.goto('/dat-lich/cua-toi/');
    const card = page.locator('article.appointment-card', { hasText: code! });
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    await c().checkPage(page, 'my appointments');
    await card.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
    await expect.poll(async () => (await page.locator('[data-status]').textContent()) ?? '', { timeout: STEP_TIMEOUT_MS }).toContain('Đã hủy lịch hẹn');
    expect(await placesLeft(sessionId!)).toBe(placesBefore);

    // The scheduler's page opens for the hospital's scheduler.
    const { page: scheduler } = await c().newPage();
    await signIn(scheduler, 'staff-nhi-dong-1', '/nhan-vien/lich-kham/');
    c().nextPage(scheduler);
    await scheduler.locator('[data-session-rows] tr').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await c().checkPage(scheduler, 'scheduler');
  }, 120_000);

  async function placesLeft(sessionId: string): Promise<number> {
    const [hospitalId, specialty, date] = sessionId.split('.');
    const list = (await (await p().request(`/api/hospitals/${hospitalId}/sessions?specialty=${specialty}&from=${date}&to=${date}`)).json()) as { sessionId: string; placesLeft: number }[];
    return list.find((s) => s.sessionId === sessionId)?.placesLeft ?? -1;
  }
});
