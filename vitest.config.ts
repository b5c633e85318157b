import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention with PostgreSQL.
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['platform/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'topology/test/**/*.test.ts', 'tests/**/*.test.ts'],
          // Browser tests need chromium and run on their own: `npm run test:e2e`.
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          // Only the node project talks to PostgreSQL; the storefront's jsdom tests must not wait for a server.
          globalSetup: ['platform/src/testing/global-setup.ts'],
        },
      },
      // The storefront's Vite config declares its own jsdom project (React plugin, setup file).
      'apps/storefront/vite.config.ts',
    ],
  },
});
