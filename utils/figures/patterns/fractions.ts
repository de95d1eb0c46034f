// Pattern: fractions of a whole ("two-thirds of voters", "a quarter of the city"), read as a percentage.
import { parseNumberWords, qualifierBefore, shapeValue } from '../numbers';
import { finish } from './draft';
import type { SentencePattern } from './types';

const FRACTION_DENOMINATORS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, sixth: 6, eighth: 8, tenth: 10 };
/** "two-thirds of", "a quarter of the", "one-fifth of": numerator, denominator, then "of" (not "of an hour"). */
const FRACTION_RE = /\b(a|one|two|three|four|five|seven|nine)[- ](halfs?|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(\s+of)\b(?!\s+(?:an?\s+)?(?:hour|minute|mile|century|second|day|year|inch|point)s?\b)/gi;

export const fractions: SentencePattern = {
  name: 'fractions',
  description: 'A fraction followed by "of" ("two-thirds of voters"), as a percentage; "a quarter of an hour" is a duration, not a share.',
  examples: [
    { sentence: 'Two-thirds of voters backed the deal.', figures: [{ text: 'Two-thirds', kind: 'percent', value: 66.7 }] },
    { sentence: 'A quarter of the city lost power.', figures: [{ text: 'A quarter', kind: 'percent', value: 25 }] },
    { sentence: 'They waited a quarter of an hour in the rain.', figures: [{ text: 'a quarter of an hour', kind: 'duration', value: 15 }] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(FRACTION_RE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const num = m[1]!.toLowerCase();
      const den = m[2]!.toLowerCase().replace(/s$/, '');
      const n = num === 'a' || num === 'one' ? 1 : (parseNumberWords(num) ?? 0);
      const d = FRACTION_DENOMINATORS[den]!;
      if (n <= 0 || n >= d) continue;
      const point = Math.round((n / d) * 1000) / 10;
      const found = qualifierBefore(s, m.index);
      const end = m.index + m[0].length - m[3]!.length;
      drafts.push(finish(s, found, m.index, end, 'percent', shapeValue(point, found?.shape ?? null), 'percent', null, false));
    }
  },
};
