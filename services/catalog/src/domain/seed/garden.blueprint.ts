import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Greenmoor', 'Fernbrook', 'Terravale', 'Bloomfield', 'Rootwell', 'Thistledown'] as const;
const COLORS = ['Forest Green', 'Slate', 'Terracotta', 'Black', 'Olive', 'Sand'] as const;

interface GardenItem extends LineItem {
  readonly materials: readonly string[];
  readonly grams: readonly [number, number];
}

const ITEMS: readonly GardenItem[] = [
  {
    noun: 'Pruning Shears', adjectives: ['Bypass', 'Anvil', 'Ratchet', 'Professional'], price: [15, 59],
    materials: ['hardened steel', 'carbon steel'], grams: [180, 320],
    features: [
      'Precision-ground blades make clean cuts that help plants heal quickly.',
      'A spring-loaded action and cushioned grips reduce hand fatigue.',
      'A safety catch locks the blades closed for storage.',
    ],
  },
  {
    noun: 'Garden Hose', adjectives: ['Expandable', 'Kink-Free', 'Heavy-Duty', 'Lightweight'], price: [25, 89],
    materials: ['reinforced PVC', 'natural latex', 'rubber'], grams: [1200, 4500],
    features: [
      'It resists kinks and tangles, even when dragged around corners.',
      'Brass fittings screw on tight and will not corrode.',
      'A spray nozzle with eight patterns is included.',
    ],
  },
  {
    noun: 'Raised Bed', adjectives: ['Cedar', 'Galvanised', 'Modular', 'Tiered'], price: [59, 249],
    materials: ['cedar wood', 'galvanised steel'], grams: [8000, 25000],
    features: [
      'Deep sides give roots room to grow and spare your back.',
      'It assembles in minutes without tools.',
      'Warm soil in a raised bed means earlier sowing in spring.',
    ],
  },
  {
    noun: 'Watering Can', adjectives: ['Galvanised', 'Classic', 'Indoor', 'Long-Reach'], price: [15, 55],
    materials: ['galvanised steel', 'recycled plastic', 'copper'], grams: [500, 1600],
    features: [
      'A removable brass rose gives a gentle shower for seedlings.',
      'It is balanced to pour smoothly even when full.',
      'The long spout reaches the back of borders and hanging baskets.',
    ],
  },
  {
    noun: 'Compost Bin', adjectives: ['Rotating', 'Dual-Chamber', 'Ventilated', 'Compact'], price: [39, 179],
    materials: ['recycled plastic', 'galvanised steel'], grams: [6000, 18000],
    features: [
      'Turning it every few days produces rich compost in weeks, not months.',
      'Air vents keep the contents aerobic and free of bad smells.',
      'A sliding hatch at the base makes emptying easy.',
    ],
  },
  {
    noun: 'Bird Feeder', adjectives: ['Hanging', 'Squirrel-Proof', 'Window', 'Copper'], price: [15, 69],
    materials: ['powder-coated steel', 'copper', 'recycled plastic'], grams: [300, 1400],
    features: [
      'Six feeding ports let several birds dine at once.',
      'A weighted perch closes the ports when squirrels climb on.',
      'It twists apart for cleaning without tools.',
    ],
  },
  {
    noun: 'Path Lights', adjectives: ['Solar', 'Stainless', 'Warm White', 'Lantern'], price: [25, 99],
    materials: ['stainless steel', 'glass', 'ABS plastic'], grams: [600, 2000],
    features: [
      'They charge in daylight and switch on by themselves at dusk.',
      'Each set lights a path for up to ten hours on a sunny day.',
      'No wiring is needed: push the stakes into the soil and you are done.',
    ],
  },
  {
    noun: 'Trowel Set', adjectives: ['Ergonomic', 'Stainless', 'Three-Piece', 'Heritage'], price: [15, 59],
    materials: ['stainless steel', 'ash wood'], grams: [400, 900],
    features: [
      'A trowel, a transplanter and a hand fork cover most planting jobs.',
      'Depth markings on the blades make bulb planting precise.',
      'Ash handles are comfortable, warm to the touch and built to last.',
    ],
  },
  {
    noun: 'Seed Starter Kit', adjectives: ['Heated', 'Windowsill', 'Self-Watering', 'Deluxe'], price: [19, 79],
    materials: ['recycled plastic', 'coir'], grams: [500, 2200],
    features: [
      'A clear dome keeps humidity high while seeds germinate.',
      'Capillary matting waters the cells from below.',
      'It fits on a sunny windowsill and starts forty plants at once.',
    ],
  },
  {
    noun: 'Wheelbarrow', adjectives: ['Two-Wheel', 'Folding', 'Heavy-Duty', 'Steel'], price: [69, 229],
    materials: ['powder-coated steel', 'polypropylene'], grams: [9000, 21000],
    features: [
      'A puncture-proof tyre rolls easily over lawns and gravel.',
      'The deep tray carries soil, logs and leaves in fewer trips.',
      'Padded handles give a firm, comfortable grip.',
    ],
  },
  {
    noun: 'Hedge Trimmer', adjectives: ['Cordless', 'Electric', 'Telescopic', 'Compact'], price: [59, 229],
    materials: ['hardened steel', 'ABS plastic'], grams: [2200, 4200],
    features: [
      'Laser-cut dual-action blades leave a neat finish on every pass.',
      'One battery trims a long hedge on a single charge.',
      'A blade guard and two-hand switch keep every cut safe.',
    ],
  },
  {
    noun: 'Garden Gloves', adjectives: ['Leather', 'Thorn-Proof', 'Breathable', 'Waterproof'], price: [9, 35],
    materials: ['goatskin leather', 'nitrile-coated cotton', 'bamboo fibre'], grams: [80, 220],
    features: [
      'Reinforced fingertips stand up to roses and brambles.',
      'They are supple enough to handle seeds and delicate seedlings.',
      'Elastic cuffs keep soil out.',
    ],
  },
];

/** Garden: tools, watering, planters and outdoor lighting. */
export const garden: Blueprint = {
  category: {
    slug: 'garden',
    name: 'Garden',
    description: 'Hand tools, watering, planters, bird care and outdoor lighting for gardens, balconies and allotments.',
  },
  skuCode: 'grd',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const material = random.pick(item.materials);
    const color = random.pick(COLORS);
    const weightGrams = random.int(item.grams[0], item.grams[1]);
    const weatherResistant = random.chance(0.7);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `Make light work of the garden with the ${name}.`,
      features: item.features,
      facts: [
        say('It is', 'They are') + ` made from ${material} in ${color.toLowerCase()}.`,
        weatherResistant
          ? say('It is weather resistant and can stay outdoors all year.', 'They are weather resistant and can stay outdoors all year.')
          : say('Store it in a shed or garage over winter.', 'Store them in a shed or garage over winter.'),
        say('It weighs', 'They weigh') + ` ${(weightGrams / 1000).toFixed(1)} kg.`,
      ],
      closers: [`Keen gardeners and beginners alike will enjoy using ${say('it', 'them')}.`, `${brand} tests its tools in real gardens before they reach the shop.`, say('It comes', 'They come') + ' with a three-year guarantee.'],
    });
    const attributes = { brand, material, color, weatherResistant, weightGrams };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
