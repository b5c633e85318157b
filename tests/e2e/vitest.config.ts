import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's chromium against a freshly started embedded placement. They are not part of
// `npm test` (CI machines need `apt-get install chromium` first): run them with `npm run test:e2e`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    pool: 'forks',
    // One placement and one browser: the scenarios share them and run in order.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', '../../scripts/summary-reporter.ts'],
  },
});
