import { generateCatalog } from './src/domain/seed/catalog-seed.generator.ts';
const c = generateCatalog({ seed: 1, productCount: 600 });
const plural = c.products.filter(p => /[^s]s$/.test(p.name)).slice(0, 12);
for (const p of plural) console.log(p.name, '|', p.description, '\n');
for (const p of c.products.filter(p=>p.categorySlug==='books').slice(0,4)) console.log(p.name, '|', p.description, JSON.stringify(p.attributes), p.priceMinor, '\n');
