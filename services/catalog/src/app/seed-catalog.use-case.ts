import { newId } from '@bazaar/platform/ids';
import { generateCatalog } from '../domain/seed/catalog-seed.generator.ts';
import type { CatalogDeps } from './catalog.deps.ts';

/**
 * Fills an empty catalog with the demo catalog. It does nothing once any product exists, and replicas
 * starting together seed once: the check and the inserts run under one advisory lock.
 */
export async function seedCatalog(deps: CatalogDeps, options: { readonly seed: number; readonly productCount: number }): Promise<{ created: number }> {
  const created = await deps.store.transaction(async (tx) => {
    await tx.lockSeeding();
    if (await tx.products.any()) return 0;
    const catalog = generateCatalog(options);
    const ids = await tx.categories.ensure(catalog.categories.map((c) => ({ id: newId('cat'), ...c })));
    await tx.products.insertMany(
      catalog.products.map((p) => ({
        id: newId('prd'),
        sku: p.sku,
        name: p.name,
        description: p.description,
        categoryId: ids.get(p.categorySlug)!,
        priceMinor: p.priceMinor,
        currency: p.currency,
        attributes: p.attributes,
      })),
    );
    return catalog.products.length;
  });
  if (created > 0) await deps.cache.catalogChanged();
  return { created };
}
