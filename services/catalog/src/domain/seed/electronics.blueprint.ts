import { agreeing, article, type Blueprint, describe, type LineItem, listOf, retailPrice } from './blueprint.ts';

const BRANDS = ['Voltaris', 'Lumenex', 'Auralink', 'Keystra', 'Novatek', 'Sonique'] as const;
const COLORS = ['Black', 'White', 'Graphite', 'Silver', 'Midnight Blue', 'Sage Green'] as const;

interface Gadget extends LineItem {
  readonly connectivity: readonly string[];
  readonly grams: readonly [number, number];
  readonly batteryHours?: readonly [number, number];
}

const ITEMS: readonly Gadget[] = [
  {
    noun: 'Headphones', adjectives: ['Wireless', 'Studio', 'Foldable', 'Over-Ear'], price: [49, 299],
    connectivity: ['Bluetooth 5.3', 'USB-C', '3.5 mm jack'], grams: [180, 320], batteryHours: [20, 60],
    features: [
      'Active noise cancellation takes the edge off trains, planes and open-plan offices.',
      'Memory-foam ear cushions stay comfortable through a long listening session.',
      'A transparency mode lets you hear announcements without taking them off.',
    ],
  },
  {
    noun: 'Earbuds', adjectives: ['Wireless', 'Sport', 'Compact', 'True Wireless'], price: [29, 199],
    connectivity: ['Bluetooth 5.3', 'USB-C'], grams: [40, 70], batteryHours: [6, 30],
    features: [
      'Three sizes of silicone tips give a secure seal for most ears.',
      'The pocket-sized case tops them up several times over.',
      'Sweat and splash resistance makes them a good partner for the gym.',
    ],
  },
  {
    noun: 'Speaker', adjectives: ['Bluetooth', 'Portable', 'Waterproof', 'Smart'], price: [25, 249],
    connectivity: ['Bluetooth 5.3', 'Wi-Fi', 'USB-C', 'AUX input'], grams: [350, 1800], batteryHours: [8, 24],
    features: [
      'A pair of passive radiators gives the bass real weight for its size.',
      'Link two of them for stereo sound across a room or a garden.',
      'It floats, shrugs off rain and rinses clean under the tap.',
    ],
  },
  {
    noun: 'Power Bank', adjectives: ['Slim', 'Compact', 'Fast-Charge', 'Rugged'], price: [19, 89],
    connectivity: ['USB-C', 'USB-A', 'Qi wireless'], grams: [150, 480],
    features: [
      'It charges a phone and a tablet at the same time.',
      'An LED gauge shows how much charge is left at a glance.',
      'Pass-through charging tops up the bank and your phone from one wall socket.',
    ],
  },
  {
    noun: 'Charger', adjectives: ['USB-C', 'Dual-Port', 'Travel', 'Compact'], price: [15, 69],
    connectivity: ['USB-C', 'USB-A'], grams: [60, 210],
    features: [
      'Gallium nitride parts keep it cool and smaller than a matchbox.',
      'It shares power intelligently between a laptop and a phone.',
      'Folding prongs make it easy to carry in a bag or a pocket.',
    ],
  },
  {
    noun: 'Smartwatch', adjectives: ['Fitness', 'Classic', 'Sport', 'Slim'], price: [99, 399],
    connectivity: ['Bluetooth 5.3', 'Wi-Fi', 'GPS', 'NFC'], grams: [30, 60], batteryHours: [36, 240],
    features: [
      'It tracks heart rate, sleep and more than forty kinds of workout.',
      'The always-on display stays readable in bright sunshine.',
      'Notifications and calls arrive on your wrist when the phone is out of reach.',
    ],
  },
  {
    noun: 'Webcam', adjectives: ['HD', '4K', 'Streaming', 'Compact'], price: [39, 179],
    connectivity: ['USB-C', 'USB-A'], grams: [80, 190],
    features: [
      'Automatic light correction keeps your face clear in a dim room.',
      'Twin microphones pick up your voice and filter out keyboard clatter.',
      'A privacy shutter slides over the lens when the meeting is over.',
    ],
  },
  {
    noun: 'Keyboard', adjectives: ['Mechanical', 'Wireless', 'Low-Profile', 'Compact'], price: [49, 199],
    connectivity: ['Bluetooth 5.3', 'USB-C', '2.4 GHz receiver'], grams: [500, 1100], batteryHours: [80, 400],
    features: [
      'Hot-swappable switches let you change the feel without soldering.',
      'Per-key backlighting makes late-night work easier on the eyes.',
      'It pairs with three devices and switches between them with one key.',
    ],
  },
  {
    noun: 'Mouse', adjectives: ['Wireless', 'Ergonomic', 'Vertical', 'Silent'], price: [19, 99],
    connectivity: ['Bluetooth 5.3', '2.4 GHz receiver', 'USB-C'], grams: [60, 140], batteryHours: [70, 300],
    features: [
      'Its sculpted shape supports the hand through a full working day.',
      'Quiet switches keep shared offices and late nights peaceful.',
      'The sensor tracks precisely on wood, glass and fabric.',
    ],
  },
  {
    noun: 'Soundbar', adjectives: ['Compact', 'Dolby Atmos', 'Slim', 'Wireless'], price: [129, 499],
    connectivity: ['HDMI eARC', 'Optical', 'Bluetooth 5.3', 'Wi-Fi'], grams: [1800, 4200],
    features: [
      'Dialogue enhancement keeps voices clear over explosions and music.',
      'A single HDMI cable connects it and lets your TV remote control the volume.',
      'Night mode softens loud scenes without losing the detail.',
    ],
  },
  {
    noun: 'E-Reader', adjectives: ['Waterproof', 'Glare-Free', 'Compact', 'Premium'], price: [99, 249],
    connectivity: ['Wi-Fi', 'USB-C', 'Bluetooth 5.3'], grams: [170, 240], batteryHours: [300, 900],
    features: [
      'The paper-like screen reads like print, even in direct sunlight.',
      'A warm front light makes bedtime reading gentle on the eyes.',
      'It holds thousands of books and weighs less than a paperback.',
    ],
  },
  {
    noun: 'Tablet Stand', adjectives: ['Adjustable', 'Aluminium', 'Foldable', 'Desktop'], price: [15, 59],
    connectivity: ['USB-C pass-through'], grams: [200, 650],
    features: [
      'The hinge holds any angle, from flat sketching to upright video calls.',
      'Non-slip pads keep it steady on desks and kitchen counters.',
      'It folds flat to slip into a laptop sleeve.',
    ],
  },
];

/** Electronics: audio, chargers and desk gadgets from a handful of brands. */
export const electronics: Blueprint = {
  category: {
    slug: 'electronics',
    name: 'Electronics',
    description: 'Headphones, speakers, chargers, wearables and the gadgets that keep a modern home and desk running.',
  },
  skuCode: 'elc',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const color = random.pick(COLORS);
    const warrantyMonths = random.pick([12, 24, 36]);
    const weightGrams = random.int(item.grams[0], item.grams[1]);
    const connectivity = random.sample(item.connectivity, random.int(1, item.connectivity.length));
    const batteryHours = item.batteryHours ? random.int(item.batteryHours[0], item.batteryHours[1]) : undefined;
    const say = agreeing(item.noun);
    const model = `${brand.slice(0, 2).toUpperCase()}-${random.int(100, 990)}`;
    const facts = [
      say('It connects', 'They connect') + ` over ${listOf(connectivity)}.`,
      `The ${color.toLowerCase()} finish weighs in at just ${weightGrams} grams.`,
      batteryHours ? `A full charge lasts up to ${batteryHours} hours.` : `${brand} designs and tests every unit in-house.`,
      `${brand} backs ${say('it', 'them')} with a ${warrantyMonths}-month warranty.`,
    ];
    const description = describe(random, {
      opener: say(`The ${name} is ${article(adjective)} ${adjective.toLowerCase()} ${item.noun.toLowerCase()}`, `The ${name} are ${adjective.toLowerCase()} ${item.noun.toLowerCase()}`) +
        ' made for everyday use at home, at work and on the move.',
      features: item.features,
      facts,
      closers: [
        'In the box you will find a USB-C cable and a quick-start guide.',
        'Firmware updates arrive through the free companion app.',
        'Owners single out its build quality and how little attention it needs.',
      ],
    });
    const attributes = { brand, model, color, connectivity, weightGrams, warrantyMonths, ...(batteryHours ? { batteryHours } : {}) };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
