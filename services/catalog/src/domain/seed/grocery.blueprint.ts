import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Harvestia', 'Goldfield', 'Bramblewood', 'Olivara', 'Highland Larder', 'Saltmarsh'] as const;

interface Food extends LineItem {
  readonly amounts: readonly number[];
  readonly unit: 'g' | 'ml';
  readonly origins: readonly string[];
  readonly dietary: readonly string[];
  readonly shelfLifeMonths: number;
}

const ITEMS: readonly Food[] = [
  {
    noun: 'Olive Oil', adjectives: ['Extra Virgin', 'Cold-Pressed', 'Early Harvest', 'Organic'], price: [8, 29], amounts: [500, 750, 1000], unit: 'ml',
    origins: ['Greece', 'Spain', 'Italy'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 18,
    features: [
      'Peppery and grassy, it lifts salads, soups and fresh bread.',
      'The olives are pressed within hours of picking.',
      'A dark glass bottle protects it from light.',
    ],
  },
  {
    noun: 'Coffee Beans', adjectives: ['Whole Bean', 'Dark Roast', 'Single-Origin', 'Espresso'], price: [9, 24], amounts: [250, 500, 1000], unit: 'g',
    origins: ['Colombia', 'Ethiopia', 'Guatemala', 'Brazil'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 9,
    features: [
      'Notes of dark chocolate, cherry and toasted almond.',
      'Roasted in small batches and packed within a day.',
      'A one-way valve keeps the beans fresh after opening.',
    ],
  },
  {
    noun: 'Green Tea', adjectives: ['Sencha', 'Jasmine', 'Organic', 'Loose-Leaf'], price: [5, 19], amounts: [50, 100, 250], unit: 'g',
    origins: ['Japan', 'China', 'Sri Lanka'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 24,
    features: [
      'Delicate and fresh, with a gentle sweetness.',
      'Brew at 80 degrees for two minutes for the best cup.',
      'The leaves can be steeped two or three times.',
    ],
  },
  {
    noun: 'Chocolate Bar', adjectives: ['Dark', '70% Cocoa', 'Sea Salt', 'Hazelnut'], price: [2, 8], amounts: [80, 100, 150], unit: 'g',
    origins: ['Ecuador', 'Ghana', 'Peru'], dietary: ['Vegetarian'], shelfLifeMonths: 12,
    features: [
      'Fairly traded cocoa gives a deep, fruity chocolate flavour.',
      'It snaps cleanly and melts slowly on the tongue.',
      'Only five ingredients, with no palm oil.',
    ],
  },
  {
    noun: 'Honey', adjectives: ['Wildflower', 'Raw', 'Manuka', 'Heather'], price: [6, 39], amounts: [250, 340, 500], unit: 'g',
    origins: ['New Zealand', 'Scotland', 'Spain'], dietary: ['Vegetarian', 'Gluten-free'], shelfLifeMonths: 24,
    features: [
      'Raw and unfiltered, it keeps the flavour of the meadows it came from.',
      'Beekeepers harvest it by hand from small apiaries.',
      'Stir it into tea, drizzle it on yoghurt, or bake with it.',
    ],
  },
  {
    noun: 'Basmati Rice', adjectives: ['Aged', 'Brown', 'Organic', 'Extra Long'], price: [3, 12], amounts: [500, 1000, 2000], unit: 'g',
    origins: ['India', 'Pakistan'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 24,
    features: [
      'Aged for a year, the grains cook up long, fluffy and separate.',
      'A delicate aroma fills the kitchen as it cooks.',
      'It is ready in twelve minutes.',
    ],
  },
  {
    noun: 'Rolled Oats', adjectives: ['Jumbo', 'Organic', 'Gluten-Free', 'Scottish'], price: [2, 8], amounts: [500, 1000, 1500], unit: 'g',
    origins: ['Scotland', 'Ireland', 'Finland'], dietary: ['Vegan'], shelfLifeMonths: 12,
    features: [
      'Whole rolled flakes make a creamy porridge with real bite.',
      'They are perfect for overnight oats, flapjacks and crumbles.',
      'Slow-release energy keeps you going until lunch.',
    ],
  },
  {
    noun: 'Pasta', adjectives: ['Bronze-Cut', 'Wholewheat', 'Durum Wheat', 'Artisan'], price: [2, 7], amounts: [500, 1000], unit: 'g',
    origins: ['Italy'], dietary: ['Vegan'], shelfLifeMonths: 24,
    features: [
      'Bronze dies give a rough surface that holds on to sauce.',
      'Slow drying at low temperature keeps the flavour of the wheat.',
      'It cooks al dente in about eleven minutes.',
    ],
  },
  {
    noun: 'Maple Syrup', adjectives: ['Pure', 'Dark Amber', 'Organic', 'Grade A'], price: [8, 24], amounts: [250, 500, 1000], unit: 'ml',
    origins: ['Canada', 'United States'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 24,
    features: [
      'Rich and caramel-like, it is made from nothing but maple sap.',
      'It is tapped and boiled down by family-run sugar bushes.',
      'Pour it over pancakes or use it to glaze roast vegetables.',
    ],
  },
  {
    noun: 'Mixed Nuts', adjectives: ['Roasted', 'Unsalted', 'Honey-Glazed', 'Premium'], price: [5, 19], amounts: [200, 400, 750], unit: 'g',
    origins: ['United States', 'Turkey', 'Spain'], dietary: ['Vegetarian', 'Gluten-free'], shelfLifeMonths: 9,
    features: [
      'Almonds, cashews, hazelnuts and pecans in every handful.',
      'Roasted slowly for a deep, toasty crunch.',
      'A resealable pouch keeps them fresh.',
    ],
  },
  {
    noun: 'Granola', adjectives: ['Crunchy', 'Low-Sugar', 'Nutty', 'Berry'], price: [4, 12], amounts: [400, 500, 750], unit: 'g',
    origins: ['United Kingdom', 'Germany'], dietary: ['Vegetarian'], shelfLifeMonths: 9,
    features: [
      'Oven-baked clusters stay crunchy in milk.',
      'Sweetened lightly with honey instead of refined sugar.',
      'Packed with seeds, nuts and dried fruit.',
    ],
  },
  {
    noun: 'Sea Salt', adjectives: ['Flaky', 'Smoked', 'Fine', 'Herb'], price: [3, 12], amounts: [125, 250, 500], unit: 'g',
    origins: ['United Kingdom', 'France', 'Portugal'], dietary: ['Vegan', 'Gluten-free'], shelfLifeMonths: 60,
    features: [
      'Crisp, pyramid-shaped flakes add a burst of flavour and crunch.',
      'It is harvested by hand from clean coastal waters.',
      'A pinch finishes steaks, salads and chocolate desserts.',
    ],
  },
];

/** Grocery: pantry staples, coffee, tea and treats. */
export const grocery: Blueprint = {
  category: {
    slug: 'grocery',
    name: 'Grocery',
    description: 'Pantry staples, coffee, tea, honey and treats from producers who care about provenance.',
  },
  skuCode: 'grc',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const amount = random.pick(item.amounts);
    const origin = random.pick(item.origins);
    const say = agreeing(item.noun);
    const organic = adjective === 'Organic' || random.chance(0.3);
    const description = describe(random, {
      opener: `${name} ${say('is a pantry favourite', 'are a pantry favourite')} from ${brand}.`,
      features: item.features,
      facts: [
        say('It comes', 'They come') + ` from ${origin}.`,
        say('It is', 'They are') + (organic ? ' certified organic.' : ' produced without artificial colours or preservatives.'),
        `Each pack holds ${amount} ${item.unit}.`,
        `Unopened, ${say('it keeps', 'they keep')} for ${item.shelfLifeMonths} months.`,
      ],
      closers: ['Store in a cool, dry place.', `${brand} works directly with growers and pays fair prices.`, say('It makes', 'They make') + ' a lovely addition to a gift hamper.'],
    });
    const attributes = {
      brand,
      [item.unit === 'ml' ? 'volumeMl' : 'weightGrams']: amount,
      origin,
      organic,
      dietary: [...item.dietary],
      shelfLifeMonths: item.shelfLifeMonths,
    };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
