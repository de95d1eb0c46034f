// Number vocabulary and parsing: digits with separators, number words, scales, vague amounts and qualifiers.
import type { FigureValue } from '../analysis/types';
import { QUALIFIERS, SCALES, SMALL, TENS, VAGUE } from '../lexicon/number-words';


const SMALL_WORDS = Object.keys(SMALL).sort((a, b) => b.length - a.length).join('|');
const TENS_WORDS = Object.keys(TENS).join('|');

/** A number written in words: "two", "twenty-five", "a dozen", "two hundred", "a thousand". */
export const NUMBER_WORD_SOURCE = `(?:(?:${TENS_WORDS})(?:[- ](?:${SMALL_WORDS}))?|${SMALL_WORDS}|a dozen|half a dozen|a hundred|a thousand|a million|a billion|half a million|half a billion)`;

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

/** Interval of an exact number `n` shaped by a qualifier ("more than 5,000" → [5,000, ∞) with point 5,000). */
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


