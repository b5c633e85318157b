import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** The import-boundary messages ESLint reports for a file at `filePath` that imports `specifier`. */
async function boundaryViolations(filePath: string, specifier: string): Promise<string[]> {
  const code = `import { thing } from '${specifier}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  expect(result?.fatalErrorCount).toBe(0);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import-boundary lint rule', () => {
  it.each([
    ['platform/src/http/x.ts', '@bazaar/catalog/contract'],
    ['platform/src/http/x.ts', '@bazaar/topology/embedded'],
    ['platform/src/http/x.ts', '../../../services/catalog/src/main.ts'],
    ['services/catalog/src/app/x.ts', '@bazaar/identity/main'],
    ['services/catalog/src/app/x.ts', '@bazaar/identity/src/domain/x.ts'],
    ['services/catalog/src/app/x.ts', '@bazaar/identity/contract/internal.ts'],
    ['services/catalog/src/app/x.ts', '../../identity/src/domain/x.ts'],
    ['services/catalog/src/app/x.ts', '../../../identity/src/domain/x.ts'],
    ['services/catalog/src/app/x.ts', '@bazaar/topology'],
    ['services/catalog/test/x.test.ts', '@bazaar/identity/src/domain/x.ts'],
    ['services/catalog/test/x.test.ts', '../../identity/src/domain/x.ts'],
    ['tests/system/x.test.ts', '@bazaar/catalog/src/domain/x.ts'],
  ])('fails %s importing %s', async (filePath, specifier) => {
    expect(await boundaryViolations(filePath, specifier)).not.toEqual([]);
  });

  it.each([
    ['services/catalog/src/app/x.ts', '@bazaar/identity/contract'],
    ['services/catalog/src/app/x.ts', '@bazaar/platform/http'],
    ['services/catalog/src/app/x.ts', '@bazaar/catalog/contract'],
    ['services/catalog/src/app/x.ts', '../domain/x.ts'],
    ['services/catalog/test/api/x.test.ts', '../../src/main.ts'],
    ['services/payments/test/support/x.ts', '@bazaar/payment-provider/main'],
    ['platform/src/http/x.ts', '@bazaar/platform/errors'],
    ['platform/src/http/x.ts', '../errors/index.ts'],
    ['tests/system/x.test.ts', '@bazaar/catalog/main'],
    ['topology/src/x.ts', '@bazaar/identity/contract'],
  ])('passes %s importing %s', async (filePath, specifier) => {
    expect(await boundaryViolations(filePath, specifier)).toEqual([]);
  });
});
