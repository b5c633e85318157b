import type { ProductAttributes } from '../../contract/product.schemas.ts';
import type { Random } from './seeded-random.ts';

/** A demo category as the seed creates it. */
export interface SeedCategory {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

/** One generated product before it gets its SKU and category. */
export interface ProductDraft {
  readonly name: string;
  readonly description: string;
  readonly priceMinor: number;
  readonly attributes: ProductAttributes;
}

/** How one category's demo products are made: its vocabulary, prices and attributes. */
export interface Blueprint {
  readonly category: SeedCategory;
  /** A short code that makes this category's SKUs readable (`sku_elc-0001`). */
  readonly skuCode: string;
  draft(random: Random): ProductDraft;
}

/** A kind of product a brand makes: its noun, the words that fit before it, a price band and selling points. */
export interface LineItem {
  readonly noun: string;
  readonly adjectives: readonly string[];
  /** Price band in whole units of the currency. */
  readonly price: readonly [min: number, max: number];
  /** Sentences that sell this kind of product; two of them go into each description. */
  readonly features: readonly string[];
}

const ENDINGS = [99, 99, 99, 95, 49, 0] as const;

/** A shelf price in minor units: whole units from the band and the cents a shop would use (.99, .95, .49, .00). */
export function retailPrice(random: Random, [min, max]: readonly [number, number]): number {
  const units = random.int(min, max);
  const cents = random.pick(ENDINGS);
  return cents === 0 ? units * 100 : Math.max(0, units - 1) * 100 + cents;
}

/**
 * A product description: an opening line, two selling points in random order, one or two facts from the
 * attributes, and a closing line.
 */
export function describe(
  random: Random,
  parts: { opener: string; features: readonly string[]; facts: readonly string[]; closers: readonly string[] },
): string {
  const features = random.sample(parts.features, Math.min(2, parts.features.length));
  const factCount = Math.min(parts.facts.length, random.int(1, 2));
  const facts = random.sample(parts.facts.map((fact, index) => ({ fact, index })), factCount)
    .sort((a, b) => a.index - b.index)
    .map((f) => f.fact);
  return [parts.opener, ...features, ...facts, random.pick(parts.closers)].join(' ');
}

/** "a" or "an" for the word that follows. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A list as a person writes it: "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Picks the sentence that agrees with the noun: "It is…" for a kettle, "They are…" for socks. */
export function agreeing(noun: string): (one: string, many: string) => string {
  const plural = /[^s]s$/.test(noun);
  return (one, many) => (plural ? many : one);
}
