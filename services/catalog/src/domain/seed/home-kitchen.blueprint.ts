import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Hearthwell', 'Copperleaf', 'Kitchora', 'Mavenware', 'Oakhollow', 'Linnea'] as const;
const COLORS = ['Charcoal', 'Cream', 'Sage', 'Terracotta', 'Navy', 'Stone Grey'] as const;

interface Homeware extends LineItem {
  readonly materials: readonly string[];
  readonly dishwasherSafe: boolean;
  readonly grams: readonly [number, number];
}

const ITEMS: readonly Homeware[] = [
  {
    noun: 'Skillet', adjectives: ['Cast Iron', 'Nonstick', 'Stainless', 'Carbon Steel'], price: [24, 119],
    materials: ['cast iron', 'stainless steel', 'carbon steel'], dishwasherSafe: false, grams: [900, 2800],
    features: [
      'It heats evenly from edge to centre, so pancakes brown without pale patches.',
      'The long handle stays cool on the hob and fits comfortably in the hand.',
      'It goes from stovetop to oven to table without a second thought.',
    ],
  },
  {
    noun: 'Dutch Oven', adjectives: ['Enameled', 'Cast Iron', 'Classic', 'Oval'], price: [59, 249],
    materials: ['enameled cast iron', 'cast iron'], dishwasherSafe: false, grams: [3500, 6200],
    features: [
      'The tight-fitting lid keeps moisture in for tender braises and crusty bread.',
      'A smooth enamel interior resists stains and needs no seasoning.',
      'Wide loop handles make it easy to lift, even with oven gloves on.',
    ],
  },
  {
    noun: 'French Press', adjectives: ['Glass', 'Insulated', 'Classic', 'Stainless'], price: [19, 69],
    materials: ['borosilicate glass', 'stainless steel'], dishwasherSafe: true, grams: [400, 900],
    features: [
      'A four-layer filter keeps grounds out of the cup and flavour in.',
      'It brews enough for four mugs in about four minutes.',
      'Double walls keep coffee hot for well over an hour.',
    ],
  },
  {
    noun: 'Stand Mixer', adjectives: ['Tilt-Head', 'Compact', 'Professional', 'Classic'], price: [149, 499],
    materials: ['die-cast metal', 'stainless steel'], dishwasherSafe: false, grams: [5000, 11000],
    features: [
      'Ten speeds take it from gently folding flour to whipping meringue.',
      'The bowl locks in place and holds enough dough for two loaves.',
      'A dough hook, flat beater and wire whisk come in the box.',
    ],
  },
  {
    noun: 'Cutting Board', adjectives: ['Walnut', 'Bamboo', 'Reversible', 'End-Grain'], price: [18, 89],
    materials: ['walnut', 'bamboo', 'maple'], dishwasherSafe: false, grams: [800, 2400],
    features: [
      'A deep juice groove catches drips before they reach the counter.',
      'The wood is kind to knife edges and hides everyday marks.',
      'Rubber feet keep it from sliding while you chop.',
    ],
  },
  {
    noun: 'Electric Kettle', adjectives: ['Gooseneck', 'Glass', 'Cordless', 'Variable-Temperature'], price: [29, 129],
    materials: ['stainless steel', 'borosilicate glass'], dishwasherSafe: false, grams: [800, 1400],
    features: [
      'Temperature presets suit green tea, black tea and pour-over coffee.',
      'It boils a full litre in under four minutes and switches itself off.',
      'A keep-warm setting holds the water ready for a second cup.',
    ],
  },
  {
    noun: 'Towel Set', adjectives: ['Cotton', 'Waffle', 'Plush', 'Quick-Dry'], price: [25, 99],
    materials: ['organic cotton', 'Turkish cotton', 'linen blend'], dishwasherSafe: false, grams: [900, 2600],
    features: [
      'Long-staple fibres make them soft on day one and softer after every wash.',
      'They dry quickly, so the bathroom never smells damp.',
      'The set includes two bath towels, two hand towels and two face cloths.',
    ],
  },
  {
    noun: 'Throw Blanket', adjectives: ['Knitted', 'Wool', 'Fleece', 'Herringbone'], price: [29, 149],
    materials: ['merino wool', 'recycled fleece', 'cotton'], dishwasherSafe: false, grams: [700, 1800],
    features: [
      'It is generous enough to cover two people on the sofa.',
      'Tasselled edges and a tight weave make it look good folded over a chair.',
      'It keeps its shape and softness after machine washing.',
    ],
  },
  {
    noun: 'Table Lamp', adjectives: ['Ceramic', 'Brass', 'Dimmable', 'Modern'], price: [35, 189],
    materials: ['ceramic', 'brushed brass', 'linen'], dishwasherSafe: false, grams: [900, 3200],
    features: [
      'A linen shade spreads a warm, even light across the room.',
      'The touch dimmer has three brightness levels.',
      'Its weighted base keeps it steady on a bedside table.',
    ],
  },
  {
    noun: 'Storage Jars', adjectives: ['Glass', 'Airtight', 'Stackable', 'Ceramic'], price: [19, 59],
    materials: ['glass', 'ceramic', 'bamboo'], dishwasherSafe: true, grams: [1200, 3000],
    features: [
      'Silicone seals keep flour, coffee and pasta fresh for months.',
      'They stack neatly, so a cluttered cupboard becomes a tidy one.',
      'Chalkboard labels wipe clean when the contents change.',
    ],
  },
  {
    noun: 'Knife Block', adjectives: ['Magnetic', 'Oak', 'Universal', 'Slim'], price: [29, 179],
    materials: ['oak', 'stainless steel', 'acacia'], dishwasherSafe: false, grams: [900, 3500],
    features: [
      'It holds up to eight knives without dulling their edges.',
      'Full-tang blades are forged from high-carbon steel.',
      'The compact footprint frees up space on a busy counter.',
    ],
  },
  {
    noun: 'Dinnerware Set', adjectives: ['Stoneware', 'Porcelain', 'Speckled', 'Rustic'], price: [49, 199],
    materials: ['stoneware', 'porcelain'], dishwasherSafe: true, grams: [4000, 9000],
    features: [
      'It serves four with dinner plates, side plates and bowls.',
      'Each piece is glazed by hand, so no two are quite alike.',
      'It is safe in the microwave, the dishwasher and a warm oven.',
    ],
  },
];

/** Home & Kitchen: cookware, small appliances and soft furnishings. */
export const homeKitchen: Blueprint = {
  category: {
    slug: 'home-kitchen',
    name: 'Home & Kitchen',
    description: 'Cookware, small appliances, tableware and soft furnishings for every room of the house.',
  },
  skuCode: 'hkt',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const material = random.pick(item.materials);
    const color = random.pick(COLORS);
    const weightGrams = random.int(item.grams[0], item.grams[1]);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `The ${name} brings ${brand}'s eye for simple, durable design to your home.`,
      features: item.features,
      facts: [
        say('It is', 'They are') + ` made from ${material} and finished in ${color.toLowerCase()}.`,
        item.dishwasherSafe ? 'Every piece is dishwasher safe.' : 'Wipe it clean by hand to keep it looking its best.',
        say('It weighs', 'Together they weigh') + ` ${(weightGrams / 1000).toFixed(1)} kg.`,
      ],
      closers: [say('It is built', 'They are built') + ' to be used every day for years.', say('It makes', 'They make') + ' a welcome housewarming gift.', `${brand} offers a two-year guarantee.`],
    });
    const attributes = { brand, material, color, dishwasherSafe: item.dishwasherSafe, weightGrams };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
