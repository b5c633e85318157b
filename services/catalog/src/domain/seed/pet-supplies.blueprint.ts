import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Furbright', 'Tailwise', 'Barkley', 'Whiskerly', 'Houndstone', 'Pawprint'] as const;
const COLORS = ['Charcoal', 'Sand', 'Teal', 'Red', 'Olive', 'Blush'] as const;

interface PetItem extends LineItem {
  readonly pets: readonly string[];
  readonly sizes: readonly string[];
  readonly materials: readonly string[];
}

const ITEMS: readonly PetItem[] = [
  {
    noun: 'Dog Bed', adjectives: ['Orthopedic', 'Calming', 'Bolster', 'Waterproof'], price: [29, 149], pets: ['Dog'], sizes: ['S', 'M', 'L', 'XL'], materials: ['memory foam and faux suede', 'recycled polyester'],
    features: [
      'Memory foam supports older joints through a long night.',
      'Raised sides give a pillow for the head and a sense of security.',
      'The cover zips off and goes in the washing machine.',
    ],
  },
  {
    noun: 'Scratching Post', adjectives: ['Sisal', 'Tall', 'Corner', 'Wall-Mounted'], price: [19, 89], pets: ['Cat'], sizes: ['60 cm', '80 cm', '100 cm'], materials: ['sisal rope and plush', 'natural sisal'],
    features: [
      'Tough sisal satisfies the urge to scratch and spares the sofa.',
      'A heavy base keeps it upright during enthusiastic sessions.',
      'A dangling toy at the top invites play.',
    ],
  },
  {
    noun: 'Dog Leash', adjectives: ['Reflective', 'Hands-Free', 'Rope', 'Padded'], price: [12, 45], pets: ['Dog'], sizes: ['1.2 m', '1.8 m', '2 m'], materials: ['climbing rope', 'nylon webbing', 'vegetable-tanned leather'],
    features: [
      'Reflective stitching keeps you both visible on dark evenings.',
      'A padded handle is kind to hands when your dog pulls.',
      'A locking carabiner clips on securely.',
    ],
  },
  {
    noun: 'Cat Litter', adjectives: ['Clumping', 'Unscented', 'Natural', 'Lightweight'], price: [9, 29], pets: ['Cat'], sizes: ['5 litres', '10 litres', '20 litres'], materials: ['plant-based fibre', 'bentonite clay'],
    features: [
      'Firm clumps make scooping quick and keep the tray fresh.',
      'It locks away odours for up to a week.',
      'Low dust means clean paws and a clean floor.',
    ],
  },
  {
    noun: 'Chew Toy', adjectives: ['Durable', 'Treat-Dispensing', 'Rubber', 'Rope'], price: [7, 29], pets: ['Dog'], sizes: ['S', 'M', 'L'], materials: ['natural rubber', 'cotton rope'],
    features: [
      'It stands up to strong chewers and keeps its shape.',
      'Hide treats inside to keep your dog busy for ages.',
      'It bounces unpredictably for games of fetch.',
    ],
  },
  {
    noun: 'Pet Carrier', adjectives: ['Airline-Approved', 'Soft-Sided', 'Expandable', 'Backpack'], price: [29, 119], pets: ['Cat', 'Small dog'], sizes: ['S', 'M', 'L'], materials: ['ballistic nylon and mesh', 'recycled polyester'],
    features: [
      'Mesh panels on three sides keep air flowing on trips.',
      'It fits under most airline seats.',
      'A padded shoulder strap and seat-belt loop make travel easy.',
    ],
  },
  {
    noun: 'Automatic Feeder', adjectives: ['Programmable', 'Smart', 'Dual-Bowl', 'Gravity'], price: [35, 149], pets: ['Cat', 'Dog'], sizes: ['2 litres', '4 litres', '6 litres'], materials: ['BPA-free plastic and stainless steel'],
    features: [
      'Schedule up to six meals a day, even when you are out.',
      'A stainless steel bowl is easy to clean and resists bacteria.',
      'Record a short message to call your pet at mealtime.',
    ],
  },
  {
    noun: 'Grooming Brush', adjectives: ['Deshedding', 'Slicker', 'Self-Cleaning', 'Bristle'], price: [9, 39], pets: ['Dog', 'Cat'], sizes: ['S', 'L'], materials: ['stainless steel pins and bamboo', 'boar bristle'],
    features: [
      'It lifts loose undercoat without scratching the skin.',
      'One click retracts the pins to release the fur.',
      'Regular brushing means less hair on the furniture.',
    ],
  },
  {
    noun: 'Dog Harness', adjectives: ['No-Pull', 'Padded', 'Adventure', 'Step-In'], price: [19, 69], pets: ['Dog'], sizes: ['XS', 'S', 'M', 'L', 'XL'], materials: ['ripstop nylon with padded mesh', 'recycled polyester'],
    features: [
      'A front clip gently steers dogs that pull.',
      'Five points of adjustment give a snug, chafe-free fit.',
      'A grab handle on the back helps over stiles and streams.',
    ],
  },
  {
    noun: 'Cat Tree', adjectives: ['Multi-Level', 'Modern', 'Compact', 'Wall'], price: [49, 229], pets: ['Cat'], sizes: ['90 cm', '140 cm', '180 cm'], materials: ['engineered wood, sisal and plush'],
    features: [
      'Perches at several heights give cats a view of their kingdom.',
      'A hidden den offers a quiet place to nap.',
      'Sisal-wrapped posts double as scratching stations.',
    ],
  },
  {
    noun: 'Aquarium Filter', adjectives: ['Canister', 'Silent', 'Hang-On', 'Sponge'], price: [19, 149], pets: ['Fish'], sizes: ['up to 60 litres', 'up to 120 litres', 'up to 250 litres'], materials: ['ABS plastic'],
    features: [
      'Three-stage filtration keeps the water clear and healthy.',
      'It runs almost silently, even in a bedroom.',
      'Media trays lift out for easy cleaning.',
    ],
  },
  {
    noun: 'Bird Cage', adjectives: ['Flight', 'Rolling', 'Victorian', 'Spacious'], price: [49, 249], pets: ['Bird'], sizes: ['M', 'L', 'XL'], materials: ['powder-coated wrought iron'],
    features: [
      'Close bar spacing keeps small birds safe.',
      'A pull-out tray makes daily cleaning quick.',
      'Wooden perches and stainless steel bowls are included.',
    ],
  },
];

/** Pet Supplies: beds, walking gear, feeding and grooming. */
export const petSupplies: Blueprint = {
  category: {
    slug: 'pet-supplies',
    name: 'Pet Supplies',
    description: 'Beds, walking gear, toys, feeding and grooming for dogs, cats, birds and fish.',
  },
  skuCode: 'pet',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const petType = random.pick(item.pets);
    const size = random.pick(item.sizes);
    const material = random.pick(item.materials);
    const color = random.pick(COLORS);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `Give your companion something to love with the ${name}.`,
      features: item.features,
      facts: [
        `Designed for: ${petType.toLowerCase()}.`,
        say('It is', 'They are') + ` made from ${material}.`,
        say('This one is', 'These are') + ` size ${size} in ${color.toLowerCase()}.`,
      ],
      closers: ['Vets and trainers helped design it.', `${brand} tests every product with real pets.`, 'Happy pets, happy owners.'],
    });
    const attributes = { brand, petType, size, material, color };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
