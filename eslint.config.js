import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SERVICES = ['identity', 'catalog', 'gateway'];

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
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**', 'coverage/**'] },
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
    files: ['topology/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@bazaar/(?!platform/)[a-z-]+/(?!contract$|main$).+', message: 'Reach a service through its contract or its main.' }] },
      ],
    },
  },
);
