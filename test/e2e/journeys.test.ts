/**
 * The main journeys of the three services on a phone (360×740) and a desk screen (1280×800), in
 * Vietnamese and English (issue 6 §3): one journey function, four runs, on one browser with a new
 * context per run. Every page of ours is checked with axe (WCAG 2.1 A/AA), for console errors and
 * CSP violations, and each step is saved to
 * test/e2e/screenshots/<journey>/<viewport>-<lang>/<nn>-<step>.png (git-ignored).
 *
 * E2E_VARIANTS=phone-vi,desktop-en narrows the matrix (e.g. while developing). Needs web/dist
 * (`npm run build -w web`, or E2E_WEB_DIST), Java 17+ and Chromium.
 */
import { describe, it } from 'vitest';
import { skipBrowserSuite } from '../helpers/browser';
import { JourneyRun, browserSuite, variantName, type Variant } from '../helpers/browser-suite';
import type { TestPortal } from '../helpers/portal';
import { bookingJourney } from './journeys/booking';
import { paymentsJourney } from './journeys/payments';
import { proceduresJourney } from './journeys/procedures';

const SUITE = 'browser journeys (viewport × language)';
const ALL: Variant[] = [
  { viewport: 'phone', lang: 'vi' },
  { viewport: 'desktop', lang: 'en' },
  { viewport: 'phone', lang: 'en' },
  { viewport: 'desktop', lang: 'vi' },
];
const wanted = (process.env.E2E_VARIANTS ?? '').split(',').filter(Boolean);
const VARIANTS = wanted.length ? ALL.filter((v) => wanted.includes(variantName(v))) : ALL;

const JOURNEYS: Array<[string, (run: JourneyRun, portal: TestPortal) => Promise<void>]> = [
  ['procedures', proceduresJourney],
  ['booking', bookingJourney],
  ['payments', paymentsJourney],
];

describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  const { checks: c, portal: p } = browserSuite(SUITE, { summary: 'journey pages checked' });

  for (const [journey, walk] of JOURNEYS) {
    for (const variant of VARIANTS) {
      it(`${journey} on ${variantName(variant)}`, async () => {
        const run = new JourneyRun(c(), journey, variant);
        try {
          await walk(run, p());
        } finally {
          await run.close();
        }
      }, 180_000);
    }
  }
});
