import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Summitline', 'Trailcraft', 'Velocita', 'Ridgeback', 'Aquafin', 'Northpeak'] as const;
const COLORS = ['Black', 'Glacier Blue', 'Ember Orange', 'Moss Green', 'Storm Grey', 'Crimson'] as const;

interface Gear extends LineItem {
  readonly materials: readonly string[];
  readonly sizes: readonly string[];
  readonly grams: readonly [number, number];
}

const ITEMS: readonly Gear[] = [
  {
    noun: 'Yoga Mat', adjectives: ['Non-Slip', 'Cork', 'Travel', 'Extra-Thick'], price: [19, 99],
    materials: ['natural rubber', 'cork', 'TPE foam'], sizes: ['183 × 61 cm', '200 × 66 cm'], grams: [900, 2500],
    features: [
      'A grippy surface holds firm through sweaty flows and long holds.',
      'Alignment lines help you place hands and feet the same way every time.',
      'It rolls up tight and comes with a carry strap.',
    ],
  },
  {
    noun: 'Trekking Poles', adjectives: ['Carbon', 'Folding', 'Adjustable', 'Ultralight'], price: [35, 149],
    materials: ['carbon fibre', 'aluminium'], sizes: ['100–120 cm', '110–135 cm'], grams: [380, 600],
    features: [
      'Quick-lock clamps adjust the length in seconds, even with gloves on.',
      'Cork grips wick sweat and mould to your hands over time.',
      'They take strain off the knees on long descents.',
    ],
  },
  {
    noun: 'Tent', adjectives: ['Two-Person', 'Backpacking', 'Family', 'Four-Season'], price: [99, 499],
    materials: ['ripstop nylon', 'polyester'], sizes: ['2 person', '3 person', '4 person', '6 person'], grams: [1400, 7500],
    features: [
      'Colour-coded poles make pitching quick, even in fading light.',
      'A full-coverage fly and taped seams keep out driving rain.',
      'Two doors and two porches mean nobody climbs over anybody.',
    ],
  },
  {
    noun: 'Sleeping Bag', adjectives: ['Down', 'Three-Season', 'Mummy', 'Lightweight'], price: [59, 349],
    materials: ['duck down', 'synthetic insulation'], sizes: ['Regular', 'Long'], grams: [700, 1900],
    features: [
      'A draught collar and hood seal in warmth on cold nights.',
      'It packs down to the size of a loaf of bread.',
      'A two-way zip lets you vent your feet on warmer nights.',
    ],
  },
  {
    noun: 'Hydration Pack', adjectives: ['Trail', 'Cycling', 'Lightweight', 'Insulated'], price: [39, 129],
    materials: ['ripstop nylon', 'recycled polyester'], sizes: ['8 litres', '12 litres', '15 litres'], grams: [350, 800],
    features: [
      'A two-litre reservoir lets you drink without breaking stride.',
      'Mesh back panels keep air moving on hot climbs.',
      'Stretch pockets hold a jacket, snacks and a phone within reach.',
    ],
  },
  {
    noun: 'Dumbbell Set', adjectives: ['Adjustable', 'Hexagonal', 'Neoprene', 'Compact'], price: [39, 349],
    materials: ['cast iron', 'steel', 'neoprene-coated iron'], sizes: ['2 × 5 kg', '2 × 10 kg', '2 × 24 kg'], grams: [10000, 48000],
    features: [
      'A turn of the dial changes the weight in two-kilo steps.',
      'Knurled handles give a secure grip through every set.',
      'A storage tray keeps the floor clear between workouts.',
    ],
  },
  {
    noun: 'Jump Rope', adjectives: ['Speed', 'Weighted', 'Adjustable', 'Beaded'], price: [9, 39],
    materials: ['steel cable', 'PVC', 'aluminium'], sizes: ['up to 3 m'], grams: [150, 700],
    features: [
      'Ball bearings in the handles keep every turn smooth and fast.',
      'The cable length adjusts in seconds to suit your height.',
      'It packs into a pocket for workouts on the road.',
    ],
  },
  {
    noun: 'Cycling Helmet', adjectives: ['Road', 'Commuter', 'Mountain', 'Aero'], price: [39, 229],
    materials: ['EPS foam and polycarbonate'], sizes: ['S', 'M', 'L'], grams: [220, 420],
    features: [
      'Eighteen vents channel cool air across your head.',
      'A dial at the back fine-tunes the fit in one hand.',
      'A rear light clips into the shell for winter evenings.',
    ],
  },
  {
    noun: 'Backpack', adjectives: ['Hiking', 'Daypack', 'Waterproof', 'Travel'], price: [39, 219],
    materials: ['ripstop nylon', 'recycled polyester', 'waxed canvas'], sizes: ['20 litres', '28 litres', '40 litres', '55 litres'], grams: [600, 1900],
    features: [
      'A ventilated back system keeps you cool on long climbs.',
      'Load-lifter straps and a padded hip belt spread the weight.',
      'A rain cover tucks into its own pocket at the base.',
    ],
  },
  {
    noun: 'Water Bottle', adjectives: ['Insulated', 'Stainless', 'Wide-Mouth', 'Collapsible'], price: [12, 45],
    materials: ['stainless steel', 'BPA-free Tritan', 'silicone'], sizes: ['500 ml', '750 ml', '1 litre'], grams: [150, 480],
    features: [
      'Double walls keep drinks cold for a day and hot for half a day.',
      'The leakproof cap can be thrown in a bag without worry.',
      'A wide mouth takes ice cubes and is easy to clean.',
    ],
  },
  {
    noun: 'Foam Roller', adjectives: ['High-Density', 'Textured', 'Vibrating', 'Travel'], price: [15, 99],
    materials: ['EVA foam', 'EPP foam'], sizes: ['30 cm', '45 cm', '90 cm'], grams: [300, 1200],
    features: [
      'A ridged surface works into tight calves, quads and shoulders.',
      'Regular rolling speeds recovery after long runs.',
      'A free guide shows a ten-minute routine for the whole body.',
    ],
  },
  {
    noun: 'Headlamp', adjectives: ['Rechargeable', 'Waterproof', 'Trail', 'Ultralight'], price: [19, 89],
    materials: ['aluminium', 'polycarbonate'], sizes: ['One size'], grams: [50, 120],
    features: [
      'It throws a beam of up to 400 lumens for night hikes and runs.',
      'A red-light mode preserves your night vision at camp.',
      'It charges over USB-C and lasts for several nights.',
    ],
  },
];

/** Sports & Outdoors: camping, hiking, cycling and home fitness. */
export const sportsOutdoors: Blueprint = {
  category: {
    slug: 'sports-outdoors',
    name: 'Sports & Outdoors',
    description: 'Camping, hiking, cycling and home-fitness gear built to be used hard.',
  },
  skuCode: 'spo',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const material = random.pick(item.materials);
    const color = random.pick(COLORS);
    const size = random.pick(item.sizes);
    const weightGrams = random.int(item.grams[0], item.grams[1]);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `Built for the trail, the road and the gym, the ${name} ${say('is', 'are')} made to be used hard.`,
      features: item.features,
      facts: [
        say('It is', 'They are') + ` made from ${material}.`,
        say('This one is', 'These are') + ` ${color.toLowerCase()}, size ${size}.`,
        say('It weighs', 'Together they weigh') + ` ${weightGrams} grams.`,
      ],
      closers: [
        `${brand} field-tests its gear with athletes and guides.`,
        say('It comes', 'They come') + ' with a lifetime guarantee against manufacturing faults.',
        say('It is a favourite', 'They are a favourite') + ' with weekend adventurers and serious athletes alike.',
      ],
    });
    const attributes = { brand, material, color, size, weightGrams };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
