import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['platform/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'topology/test/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['platform/src/testing/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention with PostgreSQL.
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
