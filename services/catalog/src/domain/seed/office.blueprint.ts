import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Deskwise', 'Paperloft', 'Ledgerline', 'Quillon', 'Studio Nine', 'Foliant'] as const;
const COLORS = ['Black', 'White', 'Sage', 'Navy', 'Oak', 'Dusty Pink'] as const;

interface Supply extends LineItem {
  readonly materials: readonly string[];
  readonly packs: readonly number[];
}

const ITEMS: readonly Supply[] = [
  {
    noun: 'Notebook', adjectives: ['Dotted', 'Lined', 'Hardcover', 'Softcover'], price: [8, 29], materials: ['100 gsm acid-free paper', 'recycled paper'], packs: [1, 2, 3],
    features: [
      'Thick paper takes fountain pen ink without bleeding through.',
      'It lies flat on the desk thanks to a stitched binding.',
      'An elastic closure and ribbon marker keep your place.',
    ],
  },
  {
    noun: 'Gel Pens', adjectives: ['Fine-Point', 'Retractable', 'Quick-Dry', 'Pastel'], price: [5, 19], materials: ['recycled plastic'], packs: [6, 10, 12, 24],
    features: [
      'Smooth, skip-free ink dries in seconds, even for left-handers.',
      'A soft rubber grip stays comfortable through long notes.',
      'Vivid colours make colour-coding a pleasure.',
    ],
  },
  {
    noun: 'Desk Organizer', adjectives: ['Bamboo', 'Mesh', 'Modular', 'Rotating'], price: [15, 59], materials: ['bamboo', 'powder-coated steel', 'felt'], packs: [1],
    features: [
      'Compartments keep pens, clips and sticky notes in reach.',
      'A slot at the back holds letters and a tablet.',
      'It turns a cluttered desk into a calm one.',
    ],
  },
  {
    noun: 'Office Chair', adjectives: ['Ergonomic', 'Mesh', 'High-Back', 'Task'], price: [129, 599], materials: ['breathable mesh and aluminium', 'fabric and steel'], packs: [1],
    features: [
      'Adjustable lumbar support keeps your back happy through the day.',
      'Seat height, depth and armrests all adjust to fit you.',
      'A breathable mesh back keeps you cool.',
    ],
  },
  {
    noun: 'Monitor Stand', adjectives: ['Wooden', 'Adjustable', 'Dual', 'Aluminium'], price: [25, 119], materials: ['walnut veneer', 'aluminium', 'bamboo'], packs: [1],
    features: [
      'It lifts the screen to eye level to spare your neck.',
      'A keyboard fits neatly underneath when you are done.',
      'Cable cut-outs keep wires out of sight.',
    ],
  },
  {
    noun: 'Stapler', adjectives: ['Heavy-Duty', 'Desktop', 'Long-Reach', 'Compact'], price: [9, 49], materials: ['die-cast metal', 'steel'], packs: [1],
    features: [
      'It staples up to forty sheets with one easy press.',
      'A top-loading magazine makes refills quick.',
      'A non-slip base keeps it steady on the desk.',
    ],
  },
  {
    noun: 'Sticky Notes', adjectives: ['Super-Sticky', 'Recycled', 'Lined', 'Neon'], price: [4, 15], materials: ['recycled paper'], packs: [6, 12, 24],
    features: [
      'They stay put on walls, monitors and doors, then peel off cleanly.',
      'Each pad holds ninety sheets.',
      'Bright colours make reminders hard to miss.',
    ],
  },
  {
    noun: 'Whiteboard', adjectives: ['Magnetic', 'Glass', 'Double-Sided', 'Mobile'], price: [29, 199], materials: ['tempered glass', 'lacquered steel'], packs: [1],
    features: [
      'It wipes clean without ghosting, even after weeks.',
      'Magnets hold notes and plans alongside your sketches.',
      'Markers, an eraser and mounting hardware are included.',
    ],
  },
  {
    noun: 'Desk Lamp', adjectives: ['LED', 'Architect', 'Dimmable', 'Clamp-On'], price: [25, 149], materials: ['aluminium', 'steel'], packs: [1],
    features: [
      'Five colour temperatures go from warm reading light to cool daylight.',
      'A spring-balanced arm stays exactly where you put it.',
      'A USB port in the base charges a phone while you work.',
    ],
  },
  {
    noun: 'Filing Cabinet', adjectives: ['Three-Drawer', 'Mobile', 'Lockable', 'Slim'], price: [89, 349], materials: ['powder-coated steel', 'oak veneer'], packs: [1],
    features: [
      'Full-extension drawers glide smoothly even when full.',
      'One key locks every drawer at once.',
      'Castors let it roll under a desk or beside it.',
    ],
  },
  {
    noun: 'Paper Shredder', adjectives: ['Cross-Cut', 'Micro-Cut', 'Quiet', 'Heavy-Duty'], price: [49, 299], materials: ['ABS plastic and steel'], packs: [1],
    features: [
      'It turns a page into hundreds of tiny particles for real privacy.',
      'Auto-feed shreds a stack without standing over it.',
      'It also takes staples, paper clips and credit cards.',
    ],
  },
  {
    noun: 'Fountain Pen', adjectives: ['Classic', 'Brass', 'Calligraphy', 'Demonstrator'], price: [19, 149], materials: ['brass', 'resin', 'aluminium'], packs: [1],
    features: [
      'A stainless steel nib glides across the page with a hint of feedback.',
      'It takes standard cartridges and comes with a converter.',
      'A screw cap keeps the nib from drying out.',
    ],
  },
];

/** Office: paper, pens, desks and chairs. */
export const office: Blueprint = {
  category: {
    slug: 'office',
    name: 'Office',
    description: 'Notebooks, pens, desk accessories, lighting and furniture for the office and the home study.',
  },
  skuCode: 'ofc',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const packCount = random.pick(item.packs);
    const name = packCount > 1 ? `${brand} ${adjective} ${item.noun}, Pack of ${packCount}` : `${brand} ${adjective} ${item.noun}`;
    const material = random.pick(item.materials);
    const color = random.pick(COLORS);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `Work better with the ${brand} ${adjective} ${item.noun}.`,
      features: item.features,
      facts: [
        say('It is', 'They are') + ` made from ${material}.`,
        say('This one is', 'These are') + ` ${color.toLowerCase()}.`,
        packCount > 1 ? `The pack holds ${packCount}.` : say('It is sold individually.', 'They are sold as a set.'),
      ],
      closers: [
        say('It suits', 'They suit') + ' home offices, classrooms and busy workplaces.',
        `${brand} stands behind ${say('it', 'them')} with a five-year guarantee.`,
        say('It makes', 'They make') + ' everyday work a little more pleasant.',
      ],
    });
    const attributes = { brand, color, material, packCount };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
