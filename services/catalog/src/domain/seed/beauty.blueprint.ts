import { agreeing, type Blueprint, describe, type LineItem, listOf, retailPrice } from './blueprint.ts';

const BRANDS = ['Glowhaus', 'Purebloom', 'Velvetine', 'Solenne', 'Dermacalm', 'Marisol'] as const;
const SKIN_TYPES = ['Dry', 'Oily', 'Combination', 'Sensitive', 'Normal'] as const;
const SCENTS = ['Unscented', 'Rose', 'Neroli', 'Lavender', 'Green Tea', 'Sandalwood'] as const;

interface BeautyItem extends LineItem {
  readonly volumes: readonly number[];
  readonly unit: 'ml' | 'g';
}

const ITEMS: readonly BeautyItem[] = [
  {
    noun: 'Face Serum', adjectives: ['Hydrating', 'Vitamin C', 'Niacinamide', 'Retinol'], price: [18, 79], volumes: [15, 30, 50], unit: 'ml',
    features: [
      'A lightweight texture sinks in quickly and leaves no residue.',
      'Hyaluronic acid draws moisture into the skin for a plumper look.',
      'A few drops morning and evening are all it takes.',
    ],
  },
  {
    noun: 'Night Cream', adjectives: ['Restorative', 'Rich', 'Peptide', 'Overnight'], price: [22, 89], volumes: [30, 50], unit: 'ml',
    features: [
      'Ceramides help repair the skin barrier while you sleep.',
      'Skin wakes up soft, smooth and rested.',
      'The rich texture melts in without feeling greasy.',
    ],
  },
  {
    noun: 'Cleanser', adjectives: ['Gentle', 'Foaming', 'Oil-Based', 'Micellar'], price: [9, 39], volumes: [100, 150, 200], unit: 'ml',
    features: [
      'It lifts make-up, sunscreen and the day away without stripping the skin.',
      'A balanced pH leaves the face clean and comfortable, never tight.',
      'It rinses off cleanly with lukewarm water.',
    ],
  },
  {
    noun: 'Lip Balm', adjectives: ['Tinted', 'Nourishing', 'SPF 15', 'Overnight'], price: [5, 19], volumes: [4, 10, 15], unit: 'g',
    features: [
      'Shea butter and beeswax soothe chapped lips on contact.',
      'It glides on smoothly and lasts for hours.',
      'A slim tube slips into any pocket.',
    ],
  },
  {
    noun: 'Sheet Masks', adjectives: ['Soothing', 'Brightening', 'Hydrating', 'Calming'], price: [12, 39], volumes: [5, 10], unit: 'g',
    features: [
      'Each mask is soaked in serum for an instant moisture boost.',
      'Fifteen minutes is all it needs to leave skin glowing.',
      'Biodegradable cellulose sheets fit the face closely.',
    ],
  },
  {
    noun: 'Hand Cream', adjectives: ['Intensive', 'Non-Greasy', 'Botanical', 'Repairing'], price: [7, 29], volumes: [30, 75, 100], unit: 'ml',
    features: [
      'It absorbs in seconds, so you can type straight away.',
      'Glycerin and oat extract soothe hands dried by frequent washing.',
      'The travel-size tube fits in a coat pocket.',
    ],
  },
  {
    noun: 'Sunscreen', adjectives: ['Mineral', 'SPF 50', 'Invisible', 'Daily'], price: [12, 45], volumes: [40, 50, 100], unit: 'ml',
    features: [
      'Broad-spectrum protection shields against UVA and UVB rays.',
      'It leaves no white cast and sits well under make-up.',
      'The water-resistant formula lasts through a swim.',
    ],
  },
  {
    noun: 'Shampoo Bar', adjectives: ['Solid', 'Clarifying', 'Moisturising', 'Zero-Waste'], price: [8, 22], volumes: [60, 85, 110], unit: 'g',
    features: [
      'One bar lasts as long as three bottles of liquid shampoo.',
      'It lathers richly and rinses out clean.',
      'It comes wrapped in compostable paper, with no plastic at all.',
    ],
  },
  {
    noun: 'Body Lotion', adjectives: ['Whipped', 'Firming', 'Daily', 'Shea'], price: [9, 39], volumes: [200, 250, 400], unit: 'ml',
    features: [
      'Moisture lasts all day after a single application.',
      'It spreads easily and leaves skin silky, not sticky.',
      'Plant oils nourish dry elbows, knees and heels.',
    ],
  },
  {
    noun: 'Eye Cream', adjectives: ['Depuffing', 'Caffeine', 'Brightening', 'Firming'], price: [18, 69], volumes: [15, 20], unit: 'ml',
    features: [
      'A cooling applicator tip helps reduce morning puffiness.',
      'It visibly brightens dark circles in a few weeks.',
      'The fragrance-free formula is kind to the delicate eye area.',
    ],
  },
  {
    noun: 'Facial Toner', adjectives: ['Exfoliating', 'Balancing', 'Rose Water', 'Hydrating'], price: [10, 39], volumes: [100, 150, 200], unit: 'ml',
    features: [
      'Gentle acids smooth texture and unclog pores over time.',
      'It preps skin so serums and moisturisers work better.',
      'Sweep it on with a cotton pad after cleansing.',
    ],
  },
  {
    noun: 'Hair Oil', adjectives: ['Argan', 'Nourishing', 'Lightweight', 'Repair'], price: [12, 49], volumes: [30, 50, 100], unit: 'ml',
    features: [
      'A few drops tame frizz and add shine without weighing hair down.',
      'It protects against heat styling up to 230 degrees.',
      'It works on damp hair before drying or on dry ends.',
    ],
  },
];

/** Beauty: skincare, bath and hair care. */
export const beauty: Blueprint = {
  category: {
    slug: 'beauty',
    name: 'Beauty',
    description: 'Skincare, sun care, bath and hair care with clear ingredients and honest claims.',
  },
  skuCode: 'bty',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const size = random.pick(item.volumes);
    const skinType = random.sample(SKIN_TYPES, random.int(1, 3));
    const scent = random.pick(SCENTS);
    const vegan = random.chance(0.6);
    const say = agreeing(item.noun);
    const description = describe(random, {
      opener: `${name} ${say('is', 'are')} part of ${brand}'s everyday care range.`,
      features: item.features,
      facts: [
        say('It suits', 'They suit') + ` ${listOf(skinType.map((s) => s.toLowerCase()))} skin.`,
        scent === 'Unscented' ? say('It is free from added fragrance.', 'They are free from added fragrance.') : say('It has', 'They have') + ` a light ${scent.toLowerCase()} scent.`,
        vegan ? 'The formula is vegan and never tested on animals.' : say('It is never tested on animals.', 'They are never tested on animals.'),
        `Each pack holds ${size} ${item.unit}.`,
      ],
      closers: [say('Dermatologists tested it on sensitive skin.', 'Dermatologists tested them on sensitive skin.'), 'Patch test before first use.', `${brand} packs ${say('it', 'them')} in recyclable materials.`],
    });
    const attributes = { brand, [item.unit === 'ml' ? 'volumeMl' : 'weightGrams']: size, skinType, scent, vegan, crueltyFree: true };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
