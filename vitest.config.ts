import { defineConfig } from 'vitest/config';
import { TEST_ENV } from './test/helpers/events.ts';

/**
 * Six projects. `npm test` runs unit + integration + infra, then the concurrency figures alone; the browser (e2e)
 * reliability and bench suites run as their own scripts. DynamoDB Local starts once per run (global setup).
 */
const CONCURRENCY_FILES = [
  'test/integration/booking-capacity.test.ts',
  'test/integration/booking-idempotency.test.ts',
  'test/integration/booking-moves.test.ts',
  'test/integration/dossier-concurrency.test.ts',
  'test/integration/rating-concurrency.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { ...TEST_ENV, POWERTOOLS_DEV: 'true' } } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: CONCURRENCY_FILES,
          globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The contention figures (1,000 bookings on 10 places, 100 submissions on one day…) measure
        // the database's guarantees, so they run one file at a time on a DynamoDB Local nobody else
        // is loading: `npm test` starts this project in its own run after the others.
        test: {
          name: 'concurrency',
          include: CONCURRENCY_FILES,
          globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run test:reliability`: fuzz, authorization matrix, personal-data canaries, fault injection,
        // crash recovery, headers and audit over every route (issue 6, section 2); its own CI step.
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
