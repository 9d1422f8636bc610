/**
 * The appointment journey for the viewport × language matrix (journeys.test.ts): hospital →
 * specialty → session → saved patient profile → book (QR) → my bookings → reschedule → cancel;
 * reception checks a booking for today in by its code. Language-neutral selectors (data-*, values),
 * the run's addresses; the deep checks (places, queue numbers) stay in booking.test.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { bookAppointment } from '../../../functions/src/services/booking';
import { addDays, vietnamToday } from '../../../shared/src/booking/dates';
import { citizen, depsOf, makeSession, patient } from '../../helpers/booking';
import { signInThroughIdp, type JourneyRun } from '../../helpers/browser-suite';
import type { TestPortal } from '../../helpers/portal';

const STEP_TIMEOUT_MS = 15_000;
const CHILD_PROFILE = '01JDEMP0000000000000000004'; // Trần Gia Huy, citizen-binh's child (demo seed)
let runs = 0;

export async function bookingJourney(run: JourneyRun, portal: TestPortal): Promise<void> {
  const { page } = await run.newPage();
  page.on('dialog', (dialog) => void dialog.accept()); // "cancel this booking?"

  // 1. Book: hospital → specialty → session → profile → insurance → confirm.
  await signInThroughIdp(page, 'citizen-binh', run.path('appointments'), STEP_TIMEOUT_MS);
  run.checks.nextPage(page);
  await page.locator('[data-hospital]:not([disabled])').waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'booking-form');
  await page.locator('[data-hospital]').selectOption('hosp-nhi-dong-1');
  await page.locator('[data-specialty]:not([disabled])').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('[data-specialty]').selectOption('nhi-tong-quat');
  const session = page.locator('[data-sessions] input[name="session"]:not([disabled])').first();
  await session.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'sessions');
  await session.check();
  await page.locator(`input[name="profile"][value="${CHILD_PROFILE}"]`).check();
  await page.locator('#c-bhyt_registered').check();
  await run.step(page, 'details-filled');
  const booked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/appointments' && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  await page.locator('[data-submit]').click();
  expect((await booked).status()).toBe(201);
  const result = page.locator('[data-result]');
  await result.waitFor({ timeout: STEP_TIMEOUT_MS });
  await expect.poll(() => result.locator('[data-qr] svg[role="img"]').count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
  const code = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await result.textContent()) ?? '')?.[0] ?? '';
  expect(code).not.toBe('');
  await run.step(page, 'booked-with-qr');

  // 2. My bookings: the QR again, reschedule to another session, then cancel.
  run.checks.nextPage(page);
  await page.goto(run.path('myAppointments'));
  const card = page.locator('article.appointment-card', { hasText: code });
  await card.waitFor({ timeout: STEP_TIMEOUT_MS });
  await card.locator('details > summary').click();
  await card.locator('svg[role="img"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'my-bookings');
  await card.locator('.actions .button-secondary').click();
  const target = card.locator('select');
  await target.waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'reschedule-choice');
  await changeAppointment(page, () => card.locator('.form-group .button').click());
  await run.step(page, 'rescheduled');
  await changeAppointment(page, () => page.locator('article.appointment-card', { hasText: code }).locator('.actions .button-warning').click());
  await run.step(page, 'cancelled');

  // 3. Reception checks in a booking for today (made yesterday, before the cut-off).
  await receptionChecksIn(run, portal);
  run.expectEveryPageChecked();
}

/** Does `act` and waits for the change (PUT/POST/DELETE on an appointment) and the list's reload. */
async function changeAppointment(page: Page, act: () => Promise<void>): Promise<void> {
  const changed = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/appointments/') && r.request().method() !== 'GET', { timeout: STEP_TIMEOUT_MS });
  await act();
  expect((await changed).status()).toBeLessThan(300);
  await page.waitForLoadState('networkidle');
}

async function receptionChecksIn(run: JourneyRun, portal: TestPortal): Promise<void> {
  const i = 900 + ++runs;
  const today = vietnamToday(new Date());
  const session = await makeSession(portal, 10, { hospitalId: 'hosp-nhi-dong-1', specialtyId: 'nhi-tong-quat', date: today });
  const yesterday = { ...depsOf(portal), now: () => new Date(`${addDays(today, -1)}T03:00:00Z`) };
  const todays = await bookAppointment(yesterday, { sessionId: session.sessionId, patient: patient(i), insurance: { category: 'follow_up' } }, { principal: citizen(i), idempotencyKey: `e2e-journey-${i}-${today}` });

  const { page } = await run.newPage();
  await signInThroughIdp(page, 'reception-nhi-dong-1', run.path('receptionDesk'), STEP_TIMEOUT_MS);
  run.checks.nextPage(page);
  await page.locator('[data-staff-content]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });
  await run.step(page, 'reception');
  await page.locator('[data-code]').fill(todays.code);
  await page.locator('[data-check-in] button[type="submit"]').click();
  const outcome = page.locator('[data-result]');
  await expect.poll(async () => ((await outcome.isVisible()) ? ((await outcome.textContent()) ?? '') : ''), { timeout: STEP_TIMEOUT_MS }).toContain(patient(i).fullName);
  await run.step(page, 'reception-checked-in');
}
