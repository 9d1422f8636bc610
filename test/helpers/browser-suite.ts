/**
 * The lifecycle the portal's browser suites share (test/e2e/*): Chromium starts while DynamoDB Local
 * (a JVM) does, then the test portal with its jobs and the suite's BrowserChecks; afterwards all of
 * it stops and the summary of the pages checked is printed. Plus signing in through the real
 * callback page. Call `browserSuite` inside the suite's `describe`: it registers the hooks.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/src/local/dynamodb-local';
import { BrowserChecks, WEB_DIST, assertBrowserPrerequisites, launchChromium } from './browser';
import { startTestPortal, type TestPortal } from './portal';

export interface BrowserSuite {
  /** The suite's BrowserChecks (throws before beforeAll ran). */
  checks: () => BrowserChecks;
  /** The running test portal (throws before beforeAll ran). */
  portal: () => TestPortal;
}

export function browserSuite(suite: string, opts: { summary: string }): BrowserSuite {
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
    portal = await startTestPortal({ webDist: WEB_DIST, endpoint: dynamo.endpoint, jobs: true });
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

/** Signs `user` in through the real callback page (/dang-nhap/xong/#id_token=…&return=…) and waits to be at `returnPath`. */
export async function signInByCallback(page: Page, portal: TestPortal, user: string, returnPath: string, timeout: number): Promise<void> {
  const token = await portal.tokenFor(user);
  await page.goto(`/dang-nhap/xong/#id_token=${token}&return=${encodeURIComponent(returnPath)}`);
  await page.waitForURL(`**${returnPath}`, { timeout });
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
