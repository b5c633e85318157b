import { agreeing, type Blueprint, describe, type LineItem, retailPrice } from './blueprint.ts';

const BRANDS = ['Brickwise', 'Playhaven', 'Wonderloom', 'Tinkertot', 'Puzzlecraft', 'Kestrel Kids'] as const;

interface Toy extends LineItem {
  readonly ages: readonly string[];
  readonly players?: string;
  readonly pieces?: readonly [number, number];
  readonly materials: readonly string[];
  readonly batteries: boolean;
}

const ITEMS: readonly Toy[] = [
  {
    noun: 'Building Blocks', adjectives: ['Creative', 'Starter', 'Deluxe', 'Castle'], price: [19, 119],
    ages: ['4+', '6+', '8+'], pieces: [120, 1500], materials: ['ABS plastic'], batteries: false,
    features: [
      'Bricks click together firmly and come apart easily for the next idea.',
      'Step-by-step instructions build three different models.',
      'A sturdy storage tub keeps every piece off the floor.',
    ],
  },
  {
    noun: 'Train Set', adjectives: ['Wooden', 'Classic', 'Figure-Eight', 'Mountain'], price: [29, 149],
    ages: ['3+', '4+'], pieces: [30, 120], materials: ['beech wood', 'FSC-certified wood'], batteries: false,
    features: [
      'Track pieces fit every major wooden railway system.',
      'Magnetic couplings let little hands link the carriages.',
      'It grows with the child: add bridges, stations and tunnels.',
    ],
  },
  {
    noun: 'Jigsaw Puzzle', adjectives: ['Landscape', 'Panoramic', 'Vintage Map', 'Wildlife'], price: [12, 39],
    ages: ['10+', '12+'], pieces: [500, 2000], materials: ['recycled board'], batteries: false,
    features: [
      'Precision-cut pieces lock together snugly with no false fits.',
      'A reference poster in the box helps with the tricky sky.',
      'The finished picture is worth framing.',
    ],
  },
  {
    noun: 'Board Game', adjectives: ['Strategy', 'Family', 'Cooperative', 'Party'], price: [19, 79],
    ages: ['8+', '10+', '12+'], players: '2–6', materials: ['card', 'wood'], batteries: false,
    features: [
      'Rules take ten minutes to learn and a lifetime to master.',
      'Every game plays differently thanks to a modular board.',
      'A round takes about forty-five minutes.',
    ],
  },
  {
    noun: 'Teddy Bear', adjectives: ['Plush', 'Classic', 'Oversized', 'Heirloom'], price: [15, 69],
    ages: ['0+', '3+'], materials: ['recycled polyester plush', 'organic cotton'], batteries: false,
    features: [
      'Extra-soft fur makes it the favourite at bedtime.',
      'Embroidered eyes make it safe from the very first day.',
      'It survives the washing machine, again and again.',
    ],
  },
  {
    noun: 'Remote Control Car', adjectives: ['Off-Road', 'Stunt', 'High-Speed', 'Amphibious'], price: [29, 129],
    ages: ['6+', '8+'], materials: ['ABS plastic', 'rubber'], batteries: true,
    features: [
      'It reaches twenty kilometres an hour on grass, gravel and sand.',
      'Shock-absorbing suspension shrugs off jumps and tumbles.',
      'The rechargeable pack gives thirty minutes of play.',
    ],
  },
  {
    noun: 'Art Easel', adjectives: ['Double-Sided', 'Adjustable', 'Wooden', 'Tabletop'], price: [35, 119],
    ages: ['3+', '5+'], materials: ['pine wood', 'beech wood'], batteries: false,
    features: [
      'A chalkboard on one side and a whiteboard on the other double the fun.',
      'A paper roll feeds fresh sheets for painting.',
      'Storage trays keep paints and brushes within reach.',
    ],
  },
  {
    noun: 'Marble Run', adjectives: ['Giant', 'Modular', 'Glow-in-the-Dark', 'Wooden'], price: [25, 99],
    ages: ['5+', '8+'], pieces: [80, 300], materials: ['ABS plastic', 'beech wood'], batteries: false,
    features: [
      'Spirals, funnels and drops combine into endless new tracks.',
      'Building it teaches cause and effect without anyone noticing.',
      'Every part is compatible with the expansion packs.',
    ],
  },
  {
    noun: 'Card Game', adjectives: ['Quick-Play', 'Family', 'Travel', 'Word'], price: [8, 25],
    ages: ['7+', '10+'], players: '2–8', materials: ['card'], batteries: false,
    features: [
      'Rounds take five minutes, so one more game is always possible.',
      'The compact tin fits in a bag for holidays and cafés.',
      'It is simple enough for children and sharp enough for adults.',
    ],
  },
  {
    noun: 'Science Kit', adjectives: ['Chemistry', 'Crystal-Growing', 'Robotics', 'Volcano'], price: [19, 89],
    ages: ['8+', '10+'], materials: ['plastic', 'card', 'safe reagents'], batteries: true,
    features: [
      'Twenty experiments come with clear, illustrated instructions.',
      'Each activity explains the science behind the fizz, glow or spark.',
      'Safety goggles and measuring tools are included.',
    ],
  },
  {
    noun: 'Dollhouse', adjectives: ['Wooden', 'Victorian', 'Modern', 'Three-Storey'], price: [59, 229],
    ages: ['3+', '4+'], pieces: [20, 60], materials: ['painted wood', 'MDF'], batteries: false,
    features: [
      'Open rooms give several children space to play together.',
      'Furniture and a family of figures come in the box.',
      'Working lights switch on in every room.',
    ],
  },
  {
    noun: 'Kite', adjectives: ['Stunt', 'Rainbow', 'Delta', 'Giant'], price: [12, 59],
    ages: ['6+', '8+'], materials: ['ripstop nylon', 'fibreglass'], batteries: false,
    features: [
      'It lifts off in the lightest breeze.',
      'Dual lines let older children loop and dive.',
      'It packs into a slim bag for days at the beach.',
    ],
  },
];

/** Toys & Games: building sets, puzzles, board games and outdoor play. */
export const toysGames: Blueprint = {
  category: {
    slug: 'toys-games',
    name: 'Toys & Games',
    description: 'Building sets, puzzles, board games, soft toys and science kits for every age.',
  },
  skuCode: 'toy',
  draft(random) {
    const brand = random.pick(BRANDS);
    const item = random.pick(ITEMS);
    const adjective = random.pick(item.adjectives);
    const name = `${brand} ${adjective} ${item.noun}`;
    const ageRange = random.pick(item.ages);
    const material = random.pick(item.materials);
    const say = agreeing(item.noun);
    const pieces = item.pieces ? random.int(item.pieces[0], item.pieces[1]) : undefined;
    const description = describe(random, {
      opener: `The ${name} ${say('turns', 'turn')} an ordinary afternoon into an adventure.`,
      features: item.features,
      facts: [
        say('It is', 'They are') + ` recommended for ages ${ageRange}.`,
        pieces ? `The box holds ${pieces} pieces.` : say('It is', 'They are') + ` made from ${material}.`,
        item.players ? `For ${item.players} players.` : item.batteries ? 'Batteries are included.' : 'No batteries are needed.',
      ],
      closers: [
        say('It meets', 'They meet') + ' EN 71 and ASTM toy safety standards.',
        `${brand} designs toys that grow with your child.`,
        say('It makes', 'They make') + ' a great birthday present.',
      ],
    });
    const attributes = {
      brand,
      ageRange,
      material,
      batteriesRequired: item.batteries,
      ...(pieces ? { pieces } : {}),
      ...(item.players ? { players: item.players } : {}),
    };
    return { name, description, priceMinor: retailPrice(random, item.price), attributes };
  },
};
