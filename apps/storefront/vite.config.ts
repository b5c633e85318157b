import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server forwards API calls to a running gateway, so the app talks to the same origin as in production.
const apiTarget = process.env['BAZAAR_API_URL'] ?? 'http://localhost:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    name: 'storefront',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
