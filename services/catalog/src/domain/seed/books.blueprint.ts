import { type Blueprint, describe, retailPrice } from './blueprint.ts';
import type { Random } from './seeded-random.ts';

const PUBLISHERS = ['Harrowgate Press', 'Bluequill Books', 'Meridian House', 'Larkspur Editions', 'Foxglove Publishing'] as const;
const FIRST_NAMES = ['Amelia', 'Jonah', 'Priya', 'Tomasz', 'Helena', 'Marcus', 'Ingrid', 'Rafael', 'Chiara', 'Desmond', 'Yuki', 'Beatrix', 'Oskar', 'Leila'] as const;
const LAST_NAMES = ['Hartley', 'Okafor', 'Lindqvist', 'Moreau', 'Castellanos', 'Whitcombe', 'Nakamura', 'Brennan', 'Adeyemi', 'Sorensen', 'Albright', 'Kowalski'] as const;
const ADJECTIVES = ['Silent', 'Hidden', 'Northern', 'Quiet', 'Golden', 'Distant', 'Winter', 'Crimson', 'Forgotten', 'Patient', 'Salt', 'Paper'] as const;
const NOUNS = ['River', 'Orchard', 'Harbour', 'Lighthouse', 'Kingdom', 'Archive', 'Compass', 'Cartographer', 'Meadow', 'Island', 'Observatory', 'Clockmaker'] as const;
const SUBJECTS = ['Bread', 'Bridges', 'Maps', 'Tea', 'Memory', 'Sleep', 'Forests', 'Numbers', 'Rivers', 'Gardens', 'Color', 'Clocks'] as const;

interface Genre {
  readonly name: string;
  readonly fiction: boolean;
  title(random: Random): string;
  /** What the book is about; one of them opens the description. */
  readonly pitches: readonly string[];
}

const FICTION_PRAISE = [
  'Told in alternating voices, it moves between past and present with ease.',
  'The prose is spare, precise and quietly moving.',
  'Its twists are earned, and the ending lands perfectly.',
  'The characters stay with you long after the last page.',
] as const;

const NONFICTION_PRAISE = [
  'It is accessible, witty and full of surprising detail.',
  'Notes, a bibliography and an index make it a book to return to.',
  'Photographs and illustrations bring every chapter to life.',
] as const;

const novelTitle = (random: Random) =>
  random.pick([
    () => `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
    () => `${random.pick(NOUNS)} of the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
    () => `A ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`,
    () => `The ${random.pick(NOUNS)} and the ${random.pick(NOUNS)}`,
  ])();

const GENRES: readonly Genre[] = [
  {
    name: 'Literary Fiction', fiction: true, title: novelTitle,
    pitches: [
      'Over one long summer, three siblings return to the family house and the secrets it kept.',
      'A translator on a remote island finds letters that rewrite everything she knew about her mother.',
      'Two strangers meet on a night train and keep meeting, a decade apart, at every turn of their lives.',
    ],
  },
  {
    name: 'Mystery', fiction: true, title: novelTitle,
    pitches: [
      'When a lighthouse keeper vanishes without a trace, a retired detective takes one last case.',
      'A museum archivist discovers a forged map, and someone is willing to kill to keep it hidden.',
      'Snowed in at a mountain inn, eight guests realise that one of them is not who they claim to be.',
    ],
  },
  {
    name: 'Fantasy', fiction: true, title: novelTitle,
    pitches: [
      'A young cartographer learns that the maps she draws change the land itself.',
      'An exiled queen and a clockmaker\'s apprentice set out to mend a kingdom that has stopped keeping time.',
      'In a city built on the backs of sleeping giants, one of them begins to stir.',
    ],
  },
  {
    name: 'Science Fiction', fiction: true, title: novelTitle,
    pitches: [
      'The crew of a generation ship wakes a century early to find the course has been changed.',
      'A botanist on a frozen moon grows the first garden, and something answers it.',
      'When an observatory receives a signal from its own future, the astronomers have one year to understand it.',
    ],
  },
  {
    name: 'History', fiction: false, title: (random) => `A Short History of ${random.pick(SUBJECTS)}`,
    pitches: [
      'Drawing on letters, ledgers and diaries, it follows ordinary people through extraordinary change.',
      'It travels from ancient trade routes to modern cities to show how one idea shaped the world.',
      'Vivid, surprising and meticulously researched, it reads like a novel.',
    ],
  },
  {
    name: 'Popular Science', fiction: false, title: (random) => `The Secret Life of ${random.pick(SUBJECTS)}`,
    pitches: [
      'It explains the latest research with clear examples and no equations.',
      'Each chapter starts with an everyday question and ends somewhere unexpected.',
      'Scientists, farmers and engineers share what they have learned in the field.',
    ],
  },
  {
    name: 'Cookbook', fiction: false, title: (random) => random.pick(['Slow Sundays', 'The Weeknight Table', 'Bread and Salt', 'The Seasonal Kitchen', 'One Pot, Many Ways']),
    pitches: [
      'More than a hundred recipes use seasonal ingredients and ordinary kitchen tools.',
      'Every recipe has a photograph, a shopping list and tips for cooking ahead.',
      'It covers the basics, from stocks and sauces to a loaf you will bake every week.',
    ],
  },
];

/** A valid ISBN-13 in the 978 range: the check digit weights digits alternately by 1 and 3. */
function isbn13(random: Random): string {
  const digits = [9, 7, 8, ...Array.from({ length: 9 }, () => random.int(0, 9))];
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

/** Books: novels, history, science and cookbooks from small presses. */
export const books: Blueprint = {
  category: {
    slug: 'books',
    name: 'Books',
    description: 'Novels, mysteries, history, popular science and cookbooks, in hardcover and paperback.',
  },
  skuCode: 'bok',
  draft(random) {
    const genre = random.pick(GENRES);
    const author = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const publisher = random.pick(PUBLISHERS);
    const format = random.pick(['Hardcover', 'Paperback', 'Paperback']);
    const pages = random.int(genre.fiction ? 220 : 180, genre.fiction ? 640 : 480);
    const publishedYear = random.int(1998, 2024);
    const name = genre.title(random);
    const kind = genre.fiction ? `${genre.name.toLowerCase()} novel` : `${genre.name.toLowerCase()} book`;
    const description = describe(random, {
      opener: `${name} is a ${kind} by ${author}. ${random.pick(genre.pitches)}`,
      features: genre.fiction ? FICTION_PRAISE : NONFICTION_PRAISE,
      facts: [`This ${format.toLowerCase()} edition runs to ${pages} pages.`, `It was first published by ${publisher} in ${publishedYear}.`],
      closers: [
        'Readers call it impossible to put down.',
        'It makes a thoughtful gift for any reader.',
        'A reading guide with discussion questions is included at the back.',
      ],
    });
    const price = format === 'Hardcover' ? ([18, 36] as const) : ([9, 19] as const);
    const attributes = { author, publisher, format, pages, publishedYear, genre: genre.name, language: 'English', isbn: isbn13(random) };
    return { name, description, priceMinor: retailPrice(random, price), attributes };
  },
};
