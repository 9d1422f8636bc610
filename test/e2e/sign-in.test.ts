/**
 * Issue 12: sign-in as people meet it, in Chromium on a 360×740 phone, against the local IdPs
 * (ADR 0021). A citizen, an officer and a cashier each start on the page they need, sign in
 * through the code + PKCE flow, come back to that page, keep working after their ID token has
 * expired (the portal renews it from the HttpOnly refresh cookie), and sign out here and at the
 * IdP. A VNeID citizen sees the name the national identity gives. The portal's sign-in pages and
 * the IdP's consent, error and signed-out pages are checked with axe (WCAG 2.1 AA).
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserSuite } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';

const SUITE = 'sign-in (code + PKCE)';
const STEP_TIMEOUT_MS = 20_000;
/** Short ID tokens, so the test sees one expire; the refresh cookie outlives them. */
const ID_TOKEN_SECONDS = 6;

interface Person {
  who: string;
  user: string;
  /** The page they start on, signed out. */
  start: string;
  /** The sign-in link that page offers. */
  signInLink: string;
  /** Waits for what shows they are in: their own data from the API, not the sign-in offer. */
  signedIn: (page: Page) => Promise<void>;
}

const staffGateOpen = (page: Page) => page.locator('[data-gate-who]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });

const PEOPLE: Person[] = [
  {
    who: 'citizen',
    user: 'citizen-an',
    start: '/dat-lich/cua-toi/',
    signInLink: '[data-signed-out] a.button',
    signedIn: (page) => expect.poll(async () => page.locator('[data-status]').textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(/^Bạn (có \d+|chưa có) lịch hẹn/),
  },
  { who: 'officer', user: 'officer-lan', start: '/nhan-vien/ho-so/', signInLink: '[data-gate-sign-in]', signedIn: staffGateOpen },
  { who: 'cashier', user: 'cashier-cho-ray', start: '/nhan-vien/thu-ngan/', signInLink: '[data-gate-sign-in]', signedIn: staffGateOpen },
];

describe.skipIf(skipBrowserSuite(SUITE))('sign-in through code + PKCE (Chromium, phone)', () => {
  const suite = browserSuite(SUITE, { summary: 'sign-in pages checked', idTokenSeconds: ID_TOKEN_SECONDS });
  const checks = () => suite.checks();

  /** What script in the page can see of the session (the test's tsconfig has no DOM library, hence the cast). */
  const sessionOf = (page: Page) =>
    page.evaluate(() => {
      const browser = globalThis as unknown as { sessionStorage: { getItem(k: string): string | null }; document: { cookie: string } };
      return { stored: browser.sessionStorage.getItem('portal.session'), cookie: browser.document.cookie };
    });

  for (const person of PEOPLE) {
    it(`a ${person.who} signs in from ${person.start}, comes back to it, survives a token expiry by refresh, and signs out`, async () => {
      const { context, page } = await checks().newPage();
      try {
        const refreshes: Response[] = [];
        page.on('response', (r) => {
          if (new URL(r.url()).pathname === '/api/auth/refresh') refreshes.push(r);
        });
        await page.goto(person.start);
        await page.locator(person.signInLink).click({ timeout: STEP_TIMEOUT_MS });
        await page.waitForURL('**/dang-nhap/?return=**', { timeout: STEP_TIMEOUT_MS });
        await page.locator('button[data-issuer="portal"]').waitFor({ timeout: STEP_TIMEOUT_MS });
        await checks().checkPage(page, `sign-in page (${person.who})`);
        if (person.who !== 'citizen') expect(await page.locator('[data-intro="staff"]').isVisible()).toBe(true);

        checks().nextPage(page);
        await page.locator('button[data-issuer="portal"]').click();
        await page.waitForURL('**/sandbox/idp/authorize?**', { timeout: STEP_TIMEOUT_MS });
        // The code + PKCE request as the site made it: S256 challenge, state, nonce; never a token.
        const authorize = new URL(page.url());
        expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
        expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
        expect(authorize.searchParams.get('response_type')).toBe('code');
        expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
        expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
        await checks().checkPage(page, `IdP consent page (${person.who})`);

        checks().nextPage(page);
        await page.locator('#account').selectOption(person.user);
        await page.locator('button[value="sign-in"]').click();
        await page.waitForURL(`**${person.start}`, { timeout: STEP_TIMEOUT_MS });
        await person.signedIn(page);
        // Back on the page, with no code or token in the address or the history entry.
        expect(page.url()).toBe(`${suite.portal().url}${person.start}`);
        const signedIn = await sessionOf(page);
        expect(signedIn.stored).toContain('"idToken"');
        // The refresh token is HttpOnly: script sees only the flag cookie, which holds no secret.
        expect(signedIn.cookie).toBe('portal_signed_in=portal');
        await checks().checkPage(page, `${person.start} signed in (${person.who})`);

        // The ID token expires; the next page load renews it from the refresh cookie, unseen.
        await page.waitForTimeout((ID_TOKEN_SECONDS + 1) * 1000);
        checks().nextPage(page);
        await page.reload();
        await person.signedIn(page);
        expect(refreshes.map((r) => r.status())).toContain(200);
        expect((await sessionOf(page)).stored).not.toBe(signedIn.stored);

        // Sign out on the account page: here and at the IdP, back to the home page.
        await page.goto('/tai-khoan/');
        await page.locator('[data-sign-out]').click({ timeout: STEP_TIMEOUT_MS });
        await page.waitForURL(`${suite.portal().url}/`, { timeout: STEP_TIMEOUT_MS });
        const out = await sessionOf(page);
        expect(out).toEqual({ stored: null, cookie: '' });
        const refreshAfter = await page.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST', headers: { 'x-portal-session': '1' } })).status);
        expect(refreshAfter).toBe(401);
        await page.goto(person.start);
        await page.locator(person.signInLink).waitFor({ timeout: STEP_TIMEOUT_MS });
      } finally {
        await context.close();
      }
    });
  }

  it('a citizen signs in with the VNeID double and the portal knows them by the national identity', async () => {
    const { context, page } = await checks().newPage();
    try {
      await page.goto(`/dang-nhap/?return=${encodeURIComponent('/tai-khoan/')}`);
      await page.locator('button[data-issuer="vneid"]').click({ timeout: STEP_TIMEOUT_MS });
      await page.waitForURL('**/sandbox/vneid/authorize?**', { timeout: STEP_TIMEOUT_MS });
      await page.locator('#account').selectOption('vneid-7c1f0a52');
      await page.locator('button[value="sign-in"]').click();
      await page.waitForURL('**/tai-khoan/', { timeout: STEP_TIMEOUT_MS });
      await expect.poll(async () => page.locator('[data-slot="name"]').textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('Lê Thị Cúc');
      expect(await page.locator('[data-slot="role"]').textContent()).toBe('Công dân');
    } finally {
      await context.close();
    }
  });

  it('in English: the sign-in page, the consent page, and a cancelled sign-in explained on the callback page', async () => {
    const { context, page } = await checks().newPage({ locale: 'en-GB' });
    try {
      await page.goto(`/en/sign-in/?return=${encodeURIComponent('/en/appointments/mine/')}`);
      await page.locator('button[data-issuer="portal"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await checks().checkPage(page, 'sign-in page (English)');
      checks().nextPage(page);
      await page.locator('button[data-issuer="portal"]').click();
      await page.waitForURL('**/sandbox/idp/authorize?**', { timeout: STEP_TIMEOUT_MS });
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await checks().checkPage(page, 'IdP consent page (English)');
      checks().nextPage(page);
      await page.locator('button[value="cancel"]').click();
      await page.waitForURL('**/en/sign-in/done/', { timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-error]:not([hidden])').waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await page.locator('[data-error-text]').textContent()).toBe('You cancelled the sign-in.');
      // "Sign in again" goes back to where this sign-in began.
      expect(await page.locator('[data-error] a.button').getAttribute('href')).toBe(`/en/sign-in/?return=${encodeURIComponent('/en/appointments/mine/')}`);
      expect(new URL(page.url()).search).toBe('');
      await checks().checkPage(page, 'callback after a cancelled sign-in (English)');
    } finally {
      await context.close();
    }
  });

  it("the IdP's own pages — a refused request and the signed-out page — have no accessibility problems", async () => {
    const { context, page } = await checks().newPage();
    try {
      await page.goto('/sandbox/idp/authorize?client_id=unknown&redirect_uri=https%3A%2F%2Fevil.example%2F&response_type=code');
      expect(await page.locator('h1').textContent()).toBe('Ứng dụng không được đăng ký');
      // The refusal is a 400 by design (RFC 6749 §4.1.2.1: shown, never redirected); Chromium logs any 4xx document.
      await checks().checkPage(page, 'IdP refusal page', { knownConsoleErrors: [/status of 400 \(Bad Request\).*\/sandbox\/idp\/authorize/] });
      checks().nextPage(page);
      await page.goto('/sandbox/idp/logout');
      expect(await page.locator('h1').textContent()).toBe('Bạn đã đăng xuất');
      await checks().checkPage(page, 'IdP signed-out page');
    } finally {
      await context.close();
    }
  });
});
