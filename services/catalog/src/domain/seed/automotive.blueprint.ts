import { agreeing, type Blueprint, describe, type LineItem, listOf, retailPrice } from './blueprint.ts';

const BRANDS = ['Roadmaster', 'Torquepoint', 'Gearwell', 'Autovia', 'Drivex', 'Milestone'] as const;
const FITS = ['Most cars', 'Most sedans', 'Most SUVs', 'Hatchbacks', 'Pickup trucks', 'Vans'] as const;

interface Part extends LineItem {
  readonly materials: readonly string[];
  readonly colors: readonly string[];
}

const ITEMS: readonly Part[] = [
  {
    noun: 'Dash Cam', adjectives: ['4K', 'Front and Rear', 'Compact', 'Night Vision'], price: [49, 249], materials: ['ABS plastic and glass lens'], colors: ['Black'],
    features: [
      'It records sharp footage day and night and saves clips after a bump.',
      'A wide-angle lens covers every lane ahead.',
      'Parking mode watches the car while you are away.',
    ],
  },
  {
    noun: 'Jump Starter', adjectives: ['Portable', 'Lithium', 'Heavy-Duty', 'Compact'], price: [59, 199], materials: ['ABS plastic'], colors: ['Black', 'Yellow', 'Red'],
    features: [
      'It starts a flat battery up to ten times on one charge.',
      'Spark-proof clamps and reverse-polarity protection keep it safe.',
      'It doubles as a power bank and torch.',
    ],
  },
  {
    noun: 'Tire Inflator', adjectives: ['Cordless', 'Digital', 'Portable', 'Rapid'], price: [29, 119], materials: ['aluminium and ABS plastic'], colors: ['Black', 'Grey'],
    features: [
      'Set the pressure and it stops automatically when the tyre is full.',
      'It also pumps up bicycle tyres and balls.',
      'A built-in light helps with roadside checks after dark.',
    ],
  },
  {
    noun: 'Phone Mount', adjectives: ['Magnetic', 'Vent', 'Dashboard', 'Wireless Charging'], price: [12, 59], materials: ['aluminium', 'silicone and ABS plastic'], colors: ['Black', 'Silver'],
    features: [
      'It holds the phone steady over potholes and speed bumps.',
      'One-handed mounting keeps your attention on the road.',
      'It rotates for portrait or landscape navigation.',
    ],
  },
  {
    noun: 'Floor Mats', adjectives: ['All-Weather', 'Rubber', 'Custom-Fit', 'Carpet'], price: [29, 149], materials: ['odourless rubber', 'thermoplastic elastomer', 'needle-punch carpet'], colors: ['Black', 'Grey', 'Beige'],
    features: [
      'Raised edges trap rain, mud and snow.',
      'They are cut to fit closely without sliding under the pedals.',
      'Rinse them off with a hose and they look new.',
    ],
  },
  {
    noun: 'Seat Covers', adjectives: ['Waterproof', 'Leatherette', 'Neoprene', 'Breathable'], price: [39, 199], materials: ['neoprene', 'leatherette', 'breathable polyester'], colors: ['Black', 'Grey', 'Beige'],
    features: [
      'They protect the seats from spills, pets and muddy gear.',
      'Side-airbag-compatible stitching keeps everyone safe.',
      'Elastic straps and hooks install without tools.',
    ],
  },
  {
    noun: 'Microfibre Towels', adjectives: ['Plush', 'Detailing', 'Drying', 'Edgeless'], price: [9, 35], materials: ['microfibre'], colors: ['Blue', 'Grey', 'Orange'],
    features: [
      'They absorb several times their weight in water.',
      'Edgeless design leaves no swirls on fresh paintwork.',
      'They survive hundreds of machine washes.',
    ],
  },
  {
    noun: 'Headlight Bulbs', adjectives: ['LED', 'Halogen', 'High-Output', 'Xenon-White'], price: [19, 99], materials: ['aluminium heat sink'], colors: ['Cool white'],
    features: [
      'Brighter, whiter light shows more of the road at night.',
      'They fit in minutes with no changes to the wiring.',
      'A long service life means fewer roadside replacements.',
    ],
  },
  {
    noun: 'Wiper Blades', adjectives: ['Beam', 'Winter', 'Silicone', 'All-Season'], price: [12, 49], materials: ['silicone rubber', 'natural rubber and steel'], colors: ['Black'],
    features: [
      'A flexible beam presses evenly on the glass for a streak-free sweep.',
      'They stay quiet and clear in rain, sleet and snow.',
      'Pre-fitted adapters suit most wiper arms.',
    ],
  },
  {
    noun: 'Car Vacuum', adjectives: ['Cordless', 'Handheld', 'Wet and Dry', 'Compact'], price: [29, 129], materials: ['ABS plastic'], colors: ['Black', 'Grey', 'White'],
    features: [
      'Strong suction lifts crumbs, sand and pet hair from carpets.',
      'A crevice tool reaches between seats and into door pockets.',
      'The washable filter keeps it performing for years.',
    ],
  },
  {
    noun: 'Tool Kit', adjectives: ['Roadside', 'Socket', 'Mechanics', 'Emergency'], price: [29, 199], materials: ['chrome vanadium steel'], colors: ['Red', 'Black'],
    features: [
      'Sockets, spanners and bits cover most jobs on the driveway.',
      'A moulded case keeps every tool in its place.',
      'Chrome vanadium steel resists rust and rounding.',
    ],
  },
  {
    noun: 'Roof Box', adjectives: ['Aerodynamic', 'Dual-Side', 'Low-Profile', 'Expedition'], price: [199, 699], materials: ['ABS plastic', 'fibreglass-reinforced plastic'], colors: ['Black', 'Titanium Grey', 'White'],
    features: [
      'It swallows luggage for a family fortnight away.',
      'Dual-side opening makes loading easy from either side.',
      'A central lock secures the lid at three points.',
    ],
  },
];

/** Automotive: car care, accessories and emergency gear. */
export const automotive: Blueprint = {
  category: {
    slug: 'automotive',
    name: 'Automotive',
    description: 'Dash cams, car care, tools and accessories for everyday driving and long road trips.',
  },
  skuCode: 'aut',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const compatibility = random.sample(FITS, random.int(1, 3));
    const material = random.pick(item.materials);
    const color = random.pick(item.colors);
    const warrantyMonths = random.pick([12, 24, 36]);
    const fits = listOf(compatibility.map((c) => c[0]!.toLowerCase() + c.slice(1)));
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `Keep every journey on track with the ${name}.`,
      features: item.features,
      facts: [
        say(`It suits ${fits}.`, `They suit ${fits}.`),
        say(`It is made from ${material}.`, `They are made from ${material}.`),
        say(`${brand} covers it with a ${warrantyMonths}-month warranty.`, `${brand} covers them with a ${warrantyMonths}-month warranty.`),
      ],
      closers: ['Check the fitting guide for your vehicle before ordering.', `${brand} tests its parts in heat, cold and heavy rain.`, say('Drivers rate it highly for value and reliability.', 'Drivers rate them highly for value and reliability.')],
    });
    const attributes = { brand, compatibility, material, color, warrantyMonths };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
