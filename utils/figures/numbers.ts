// Number vocabulary and parsing: digits with separators, number words, scales, vague amounts and qualifiers.
import type { FigureValue } from '../analysis/types';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scale words after a number: "1.5 million", "two thousand". */
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
/** Abbreviated scales glued to a number: "$11bn", "£5m", "2.3tn". */
export const SHORT_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
};

const SMALL_WORDS = Object.keys(SMALL).sort((a, b) => b.length - a.length).join('|');
const TENS_WORDS = Object.keys(TENS).join('|');

/** A number written in words: "two", "twenty-five", "a dozen", "two hundred", "a thousand". */
export const NUMBER_WORD_SOURCE = `(?:(?:${TENS_WORDS})(?:[- ](?:${SMALL_WORDS}))?|${SMALL_WORDS}|a dozen|half a dozen|a hundred|a thousand|a million|a billion|half a million|half a billion)`;

/**
 * Vague amounts and their intervals: each covers one order of magnitude, e.g. "tens of thousands" is [10,000, 99,999].
 * `point` is the low end: the least the text commits to.
 */
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 144],
  'several dozen': [24, 144],
  'a few dozen': [24, 72],
  hundreds: [100, 999],
  'several hundred': [200, 999],
  'a few hundred': [200, 500],
  thousands: [1000, 9999],
  'several thousand': [2000, 9999],
  'a few thousand': [2000, 5000],
  'tens of thousands': [10000, 99999],
  'hundreds of thousands': [100000, 999999],
  millions: [1e6, 9999999],
  'several million': [2e6, 9999999],
  'a few million': [2e6, 5e6],
  'tens of millions': [1e7, 99999999],
  'hundreds of millions': [1e8, 999999999],
  billions: [1e9, 9999999999],
};
export const VAGUE_SOURCE = Object.keys(VAGUE)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');

/** Interval of a vague amount ("tens of thousands"), or null. */
export function vagueValue(phrase: string): FigureValue | null {
  const range = VAGUE[phrase.toLowerCase().replace(/\s+/g, ' ')];
  return range ? { low: range[0], high: range[1], point: range[0], vague: true } : null;
}

/** Value of a number written in words, or null: "twenty-five" → 25, "a dozen" → 12, "half a million" → 500,000. */
export function parseNumberWords(phrase: string): number | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (p === 'a dozen') return 12;
  if (p === 'half a dozen') return 6;
  const half = /^half an? (\w+)$/.exec(p);
  if (half) return SCALES[half[1]!] !== undefined ? SCALES[half[1]!]! / 2 : null;
  const a = /^an? (\w+)$/.exec(p);
  if (a) return SCALES[a[1]!] ?? null;
  const parts = p.split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    if (SMALL[part] !== undefined) total += SMALL[part]!;
    else if (TENS[part] !== undefined) total += TENS[part]!;
    else return null;
  }
  return total;
}

/** Value of digits as written: "100,000" → 100000, "2 209" → 2209, "5.4" → 5.4. */
export function parseDigits(digits: string): number {
  return Number(digits.replace(/[,\s\u00a0\u202f\u2009]/g, ''));
}

/** Qualifiers before a figure, normalized, with how they shape the interval around the number written. */
const QUALIFIERS: Record<string, { norm: string; shape: 'min' | 'max' | 'about' | 'nearly' | 'exact' }> = {
  'more than': { norm: 'more than', shape: 'min' },
  'more than an estimated': { norm: 'more than', shape: 'min' },
  'over': { norm: 'more than', shape: 'min' },
  'well over': { norm: 'more than', shape: 'min' },
  'just over': { norm: 'more than', shape: 'min' },
  'upwards of': { norm: 'more than', shape: 'min' },
  'in excess of': { norm: 'more than', shape: 'min' },
  'at least': { norm: 'at least', shape: 'min' },
  'no fewer than': { norm: 'at least', shape: 'min' },
  'no less than': { norm: 'at least', shape: 'min' },
  'a minimum of': { norm: 'at least', shape: 'min' },
  'up to': { norm: 'up to', shape: 'max' },
  'as many as': { norm: 'up to', shape: 'max' },
  'as much as': { norm: 'up to', shape: 'max' },
  'at most': { norm: 'up to', shape: 'max' },
  'no more than': { norm: 'up to', shape: 'max' },
  'a maximum of': { norm: 'up to', shape: 'max' },
  'fewer than': { norm: 'less than', shape: 'max' },
  'less than': { norm: 'less than', shape: 'max' },
  'under': { norm: 'less than', shape: 'max' },
  'just under': { norm: 'nearly', shape: 'nearly' },
  'nearly': { norm: 'nearly', shape: 'nearly' },
  'almost': { norm: 'nearly', shape: 'nearly' },
  'close to': { norm: 'nearly', shape: 'nearly' },
  'about': { norm: 'about', shape: 'about' },
  'around': { norm: 'about', shape: 'about' },
  'approximately': { norm: 'about', shape: 'about' },
  'roughly': { norm: 'about', shape: 'about' },
  'some': { norm: 'about', shape: 'about' },
  'an estimated': { norm: 'about', shape: 'about' },
  'estimated': { norm: 'about', shape: 'about' },
  'an approximate': { norm: 'about', shape: 'about' },
  'approx.': { norm: 'about', shape: 'about' },
  'circa': { norm: 'about', shape: 'about' },
  'exactly': { norm: 'exactly', shape: 'exact' },
  'precisely': { norm: 'exactly', shape: 'exact' },
};

/** Regex source matching a qualifier that ends right before a figure (longest first). */
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${Object.keys(QUALIFIERS)
    .sort((a, b) => b.length - a.length)
    .map((q) => q.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
    .join('|')})\\s+$`,
  'iu',
);

/** The qualifier written just before `offset` in `text`, with its start offset, or null. */
export function qualifierBefore(text: string, offset: number): { start: number; raw: string; norm: string; shape: string } | null {
  const before = text.slice(Math.max(0, offset - 40), offset);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return null;
  const raw = m[1]!;
  const q = QUALIFIERS[raw.toLowerCase().replace(/\s+/g, ' ')];
  if (!q) return null;
  const trailing = m[0].length - m[0].trimEnd().length;
  const rawStart = before.length - trailing - raw.length;
  return { start: offset - before.length + rawStart, raw, norm: q.norm, shape: q.shape };
}

/** Interval of an exact number `n` shaped by a qualifier ("more than 114,000" → [114,000, ∞) with point 114,000). */
export function shapeValue(n: number, shape: string | null): FigureValue {
  switch (shape) {
    case 'min':
      return { low: n, high: null, point: n, vague: false };
    case 'max':
      return { low: 0, high: n, point: n, vague: false };
    case 'nearly':
      return { low: round(n * 0.9), high: n, point: n, vague: false };
    case 'about':
      return { low: round(n * 0.9), high: round(n * 1.1), point: n, vague: false };
    default:
      return { low: n, high: n, point: n, vague: false };
  }
}

/** Applies a qualifier to a vague interval: "more than tens of thousands" stays open upwards. */
export function shapeVague(value: FigureValue, shape: string | null): FigureValue {
  if (shape === 'min') return { ...value, high: null };
  if (shape === 'max') return { ...value, low: 0 };
  return value;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Ordinals for "the second time": word → rank. */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, fifteenth: 15, twentieth: 20, hundredth: 100,
};

/** Frequency adverbs: "twice" → 2. */
export const FREQUENCY_WORDS: Record<string, number> = { twice: 2, thrice: 3 };
