import { defineConfig } from 'vitest/config';
import { TEST_ENV } from './test/helpers/events.ts';

/**
 * One Vitest run, four projects. `npm test` runs unit + integration + infra; the browser (e2e)
 * and bench suites run as their own scripts. DynamoDB Local starts once per run (global setup).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { ...TEST_ENV, POWERTOOLS_DEV: 'true' } } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
