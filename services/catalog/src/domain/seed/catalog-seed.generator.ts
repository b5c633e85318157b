import { automotive } from './automotive.blueprint.ts';
import { beauty } from './beauty.blueprint.ts';
import type { Blueprint, ProductDraft, SeedCategory } from './blueprint.ts';
import { books } from './books.blueprint.ts';
import { clothing } from './clothing.blueprint.ts';
import { electronics } from './electronics.blueprint.ts';
import { garden } from './garden.blueprint.ts';
import { grocery } from './grocery.blueprint.ts';
import { homeKitchen } from './home-kitchen.blueprint.ts';
import { office } from './office.blueprint.ts';
import { petSupplies } from './pet-supplies.blueprint.ts';
import { seededRandom } from './seeded-random.ts';
import { sportsOutdoors } from './sports-outdoors.blueprint.ts';
import { toysGames } from './toys-games.blueprint.ts';

/** Every demo category, in the order the seed creates them. */
export const BLUEPRINTS: readonly Blueprint[] = [
  electronics,
  books,
  homeKitchen,
  garden,
  sportsOutdoors,
  toysGames,
  clothing,
  beauty,
  grocery,
  office,
  petSupplies,
  automotive,
];

/** One demo product, ready to store. */
export interface SeedProduct extends ProductDraft {
  readonly sku: string;
  readonly categorySlug: string;
  readonly currency: string;
}

/** The demo catalog: categories and products, in the order they are created. */
export interface SeedCatalog {
  readonly categories: readonly SeedCategory[];
  readonly products: readonly SeedProduct[];
}

const REDRAWS = 50;

/** FNV-1a: folds a category's slug into its seed, so each category draws from a stream of its own. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function categoryProducts(blueprint: Blueprint, seed: number, count: number, taken: Set<string>): SeedProduct[] {
  const random = seededRandom((seed ^ hash(blueprint.category.slug)) >>> 0);
  const products: SeedProduct[] = [];
  for (let index = 0; index < count; index++) {
    let draft = blueprint.draft(random);
    for (let attempt = 0; attempt < REDRAWS && taken.has(draft.name); attempt++) draft = blueprint.draft(random);
    // A catalog larger than the vocabulary still gets distinct names, the way shops number a series.
    let name = draft.name;
    for (let n = 2; taken.has(name); n++) name = `${draft.name} (${n})`;
    taken.add(name);
    const sku = `sku_${blueprint.skuCode}-${String(index + 1).padStart(4, '0')}`;
    products.push({ ...draft, name, sku, categorySlug: blueprint.category.slug, currency: 'USD' });
  }
  return products;
}

/**
 * The demo catalog for `seed`: the same seed always gives the same categories, names, SKUs, prices and
 * attributes. Products are spread evenly over the categories and then shuffled, so that the newest
 * products on a fresh system are not all from one department.
 */
export function generateCatalog(options: { readonly seed: number; readonly productCount: number }): SeedCatalog {
  const taken = new Set<string>();
  const perCategory = Math.floor(options.productCount / BLUEPRINTS.length);
  const extra = options.productCount % BLUEPRINTS.length;
  const products = BLUEPRINTS.flatMap((blueprint, index) =>
    categoryProducts(blueprint, options.seed, perCategory + (index < extra ? 1 : 0), taken),
  );
  return {
    categories: BLUEPRINTS.map((b) => b.category),
    products: seededRandom(options.seed).shuffle(products),
  };
}
