import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every service folder, so that a new service is under the boundary rules from its first file. */
const SERVICES = readdirSync(new globalThis.URL('./services/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Import boundaries (DESIGN §7): the platform never imports a service; a service reaches another service
 * only through its `contract/`; apps and topology may compose services but still only through their doors.
 */
const serviceBoundaries = SERVICES.map((self) => ({
  files: [`services/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^@bazaar/(?!platform/|${self}/)[a-z-]+/(?!contract$).+`,
            message: "Import another service only through its '@bazaar/<service>/contract'.",
          },
          { regex: '^(\\.\\./)+(services/)?(?!\\.)[a-z-]+/src/', message: "Import another service only through its '@bazaar/<service>/contract'." },
          { regex: '^(\\.\\./){3,}', message: 'Relative imports must not leave the service.' },
          { regex: '^@bazaar/topology', message: 'Services do not know their placement.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**', 'coverage/**', 'apps/storefront/.dist-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@bazaar/(?!platform/)', message: 'The platform never imports a service or a placement.' },
            { regex: '^(\\.\\./)+(services|topology|apps)/', message: 'The platform never imports a service or a placement.' },
          ],
        },
      ],
    },
  },
  ...serviceBoundaries,
  {
    // A service's tests may start another service for real (e.g. payments against the provider), through its main.
    files: ['services/*/test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@bazaar/(?!platform/)[a-z-]+/(?!contract$|main$).+', message: 'Reach another service through its contract or its main.' },
            { regex: '^(\\.\\./)+(services/)?(?!\\.)[a-z-]+/src/', message: 'Reach another service through its contract or its main.' },
            { regex: '^(\\.\\./){3,}', message: 'Relative imports must not leave the service.' },
            { regex: '^@bazaar/topology', message: 'Services do not know their placement.' },
          ],
        },
      ],
    },
  },
  {
    // The storefront runs in the browser; it may know services only by the types their contracts publish.
    files: ['apps/storefront/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-globals': ['error', 'process', 'Buffer', 'global', 'require'],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@bazaar/[a-z-]+/contract$', allowTypeImports: true, message: 'Import a service contract with `import type` only: no server code may reach the bundle.' },
            { regex: '^@bazaar/(?![a-z-]+/contract$)', message: 'The storefront reaches services over HTTP; only their contracts (types) may be imported.' },
            { regex: '^node:', message: 'The storefront runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    // Its build configuration runs in Node.
    files: ['apps/storefront/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['topology/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@bazaar/(?!platform/)[a-z-]+/(?!contract$|main$).+', message: 'Reach a service through its contract or its main.' }] },
      ],
    },
  },
);
