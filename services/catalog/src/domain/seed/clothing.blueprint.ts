import { agreeing, type Blueprint, describe, type LineItem, listOf, retailPrice } from './blueprint.ts';

const BRANDS = ['Northwind', 'Alderline', 'Threadwell', 'Wildermark', 'Coastline', 'Harbourne'] as const;
const COLORS = ['Navy', 'Charcoal', 'Oatmeal', 'Olive', 'Rust', 'Black', 'Heather Grey', 'Forest Green'] as const;
const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;

interface Garment extends LineItem {
  readonly materials: readonly string[];
  readonly fits: readonly string[];
  readonly sizes: readonly string[];
}

const ITEMS: readonly Garment[] = [
  {
    noun: 'Sweater', adjectives: ['Merino', 'Cable-Knit', 'Crew-Neck', 'Lambswool'], price: [49, 149],
    materials: ['100% merino wool', 'lambswool', 'wool and cashmere blend'], fits: ['Regular', 'Relaxed'], sizes: LETTER_SIZES,
    features: [
      'Fine merino regulates temperature, so it is warm without being stuffy.',
      'Ribbed cuffs and hem hold their shape wash after wash.',
      'It layers neatly over a shirt or under a coat.',
    ],
  },
  {
    noun: 'Denim Jacket', adjectives: ['Classic', 'Sherpa-Lined', 'Washed', 'Cropped'], price: [59, 159],
    materials: ['100% cotton denim', 'organic cotton denim'], fits: ['Regular', 'Oversized'], sizes: LETTER_SIZES,
    features: [
      'Heavyweight denim softens and fades beautifully with wear.',
      'Two chest pockets and two hand pockets carry the essentials.',
      'Metal shank buttons are built to last.',
    ],
  },
  {
    noun: 'Rain Jacket', adjectives: ['Packable', 'Waterproof', 'Hooded', 'Lightweight'], price: [69, 249],
    materials: ['recycled nylon with a waterproof membrane', 'three-layer polyester shell'], fits: ['Regular', 'Athletic'], sizes: LETTER_SIZES,
    features: [
      'Taped seams and a storm flap keep out heavy rain.',
      'Pit zips let heat escape on uphill walks.',
      'It packs into its own pocket when the sun comes out.',
    ],
  },
  {
    noun: 'Oxford Shirt', adjectives: ['Button-Down', 'Slim', 'Classic', 'Brushed'], price: [35, 99],
    materials: ['100% cotton oxford', 'organic cotton'], fits: ['Slim', 'Regular'], sizes: ['S', 'M', 'L', 'XL'],
    features: [
      'Soft, sturdy oxford cloth works with jeans and a blazer alike.',
      'A button-down collar keeps its shape without a tie.',
      'Mother-of-pearl buttons add a quiet touch of quality.',
    ],
  },
  {
    noun: 'Chinos', adjectives: ['Stretch', 'Tapered', 'Relaxed', 'Garment-Dyed'], price: [45, 119],
    materials: ['cotton twill with 2% elastane', 'organic cotton twill'], fits: ['Slim', 'Regular', 'Tapered'], sizes: ['28', '30', '32', '34', '36', '38'],
    features: [
      'A touch of stretch makes them comfortable from desk to dinner.',
      'Garment dyeing gives a soft, lived-in colour.',
      'Deep pockets hold a phone securely.',
    ],
  },
  {
    noun: 'Hoodie', adjectives: ['Heavyweight', 'Zip-Up', 'Organic', 'Fleece-Lined'], price: [39, 99],
    materials: ['organic cotton fleece', 'brushed cotton and recycled polyester'], fits: ['Regular', 'Relaxed', 'Oversized'], sizes: LETTER_SIZES,
    features: [
      'A brushed inside feels soft and warm from the first wear.',
      'A lined hood and kangaroo pocket keep the chill off.',
      'It holds its shape and colour through countless washes.',
    ],
  },
  {
    noun: 'Wool Socks', adjectives: ['Hiking', 'Cushioned', 'Everyday', 'Ribbed'], price: [12, 35],
    materials: ['merino wool blend', 'alpaca wool blend'], fits: ['Crew', 'Quarter'], sizes: ['S', 'M', 'L'],
    features: [
      'Cushioned soles soften long days on your feet.',
      'Merino keeps feet dry and fresh on multi-day trips.',
      'Reinforced heels and toes make them last.',
    ],
  },
  {
    noun: 'Linen Shirt', adjectives: ['Breezy', 'Camp-Collar', 'Relaxed', 'Washed'], price: [45, 119],
    materials: ['100% European linen', 'linen and cotton blend'], fits: ['Relaxed', 'Regular'], sizes: LETTER_SIZES,
    features: [
      'Breathable linen keeps you cool through the hottest days.',
      'Pre-washing gives it a soft handle and a relaxed look.',
      'It looks as good untucked on the beach as it does at a summer wedding.',
    ],
  },
  {
    noun: 'Puffer Vest', adjectives: ['Down', 'Quilted', 'Packable', 'Recycled'], price: [59, 179],
    materials: ['recycled nylon with down fill', 'recycled polyester insulation'], fits: ['Regular', 'Athletic'], sizes: LETTER_SIZES,
    features: [
      'It keeps your core warm without restricting your arms.',
      'A water-repellent finish deals with light showers.',
      'It packs into its own pocket for travel.',
    ],
  },
  {
    noun: 'T-Shirt', adjectives: ['Organic', 'Heavyweight', 'Pocket', 'Essential'], price: [15, 45],
    materials: ['100% organic cotton', 'cotton and modal blend'], fits: ['Slim', 'Regular', 'Boxy'], sizes: LETTER_SIZES,
    features: [
      'Dense, smooth jersey drapes well and does not twist in the wash.',
      'A taped neckline keeps its shape for years.',
      'It is the tee you will reach for first.',
    ],
  },
  {
    noun: 'Fleece Pullover', adjectives: ['Half-Zip', 'Sherpa', 'Grid', 'Recycled'], price: [39, 119],
    materials: ['recycled polyester fleece', 'sherpa fleece'], fits: ['Regular', 'Relaxed'], sizes: LETTER_SIZES,
    features: [
      'It traps warmth on cold mornings and breathes on the move.',
      'A half-zip collar opens for air on steep climbs.',
      'It is made from recycled plastic bottles.',
    ],
  },
  {
    noun: 'Beanie', adjectives: ['Ribbed', 'Cashmere', 'Fisherman', 'Chunky'], price: [15, 69],
    materials: ['merino wool', 'cashmere', 'recycled wool blend'], fits: ['One size'], sizes: ['One size'],
    features: [
      'A deep turn-up keeps your ears warm in the wind.',
      'It is soft, never itchy, even on sensitive skin.',
      'It stretches to fit comfortably without losing its shape.',
    ],
  },
];

/** Clothing: knitwear, shirts, outerwear and basics. */
export const clothing: Blueprint = {
  category: {
    slug: 'clothing',
    name: 'Clothing',
    description: 'Knitwear, shirts, outerwear and everyday basics made from natural and recycled fibres.',
  },
  skuCode: 'clo',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const color = random.pick(COLORS);
    const material = random.pick(item.materials);
    const fit = random.pick(item.fits);
    const say = agreeing(item.noun);
    const from = random.int(0, Math.max(0, item.sizes.length - 3));
    const sizes = item.sizes.slice(from, from + random.int(3, item.sizes.length));
    const description = describe(random, {
      opener: say(`The ${name} is a wardrobe staple`, `The ${name} are wardrobe staples`) + ' you will wear season after season.',
      features: item.features,
      facts: [
        say('It is', 'They are') + ` made from ${material}.`,
        fit === 'One size' ? 'One size fits most.' : say('It has', 'They have') + ` a ${fit.toLowerCase()} fit and come${say('s', '')} in ${listOf(sizes)}.`,
        `This colour is ${color.toLowerCase()}.`,
      ],
      closers: [`${brand} makes its clothes in audited factories.`, 'Machine wash cold and dry flat.', 'Free returns make it easy to find the right size.'],
    });
    const attributes = { brand, color, material, fit, sizes, care: 'Machine wash cold' };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
