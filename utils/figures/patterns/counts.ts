// Pattern: a bare number that counts something ("100,000 troops", "431,000"), or an age in apposition ("Parata, 75,").
import { countedAfter } from '../counted';
import type { NumberPattern } from './types';

export const counts: NumberPattern = {
  name: 'counts',
  description:
    'A number with no unit: a count when something counted follows or it is large or qualified; a small one after a name between commas is an age.',
  examples: [
    { sentence: 'Russia has massed more than 100,000 troops near the border.', figures: [{ text: 'more than 100,000', kind: 'count', value: 100_000 }] },
    { sentence: 'Parata, 75, has overseen the reforms.', figures: [{ text: '75', kind: 'measure', value: 75, unit: 'year-of-age' }] },
    { sentence: 'Nonfarm payrolls rose by 431,000 in March.', figures: [{ text: '431,000', kind: 'count', value: 431_000 }] },
    { sentence: 'The two leaders spoke by phone.', figures: [], notFigures: ['two'] },
  ],
  read({ s, start, end, n, value, rest, digits, isWords }) {
    // "Parata, 75, has overseen…": an age in apposition to a name.
    if (digits !== undefined && Number.isInteger(n) && n > 0 && n < 120 && rest.startsWith(',') && /\p{Lu}[\p{L}’'.-]+,\s$/u.test(s.slice(Math.max(0, start - 40), start)) && !/\b(?:in|at|from|of|to|and|or)\s+\p{Lu}[\p{L}’'.-]+,\s$/iu.test(s.slice(Math.max(0, start - 40), start))) {
      return { start, end, kind: 'measure', value: { low: n, high: n, point: n, vague: false }, qualifier: null, unit: 'year-of-age', currency: null, date: null, alternate: null, countable: false };
    }
    // A bare number: a count only when something counted follows, or it is large or qualified.
    if (isWords && value === null) {
      const after = countedAfter(s, end);
      if (!after) return null;
      // "the two leaders", "these three": anaphora rather than a claim.
      if (/\b(the|these|those|its|their|his|her|our|both)\s+$/i.test(s.slice(Math.max(0, start - 8), start)) && n <= 10) return null;
    }
    if (!isWords && value === null && Number.isInteger(n) && n < 10 && !countedAfter(s, end)) return null;
    return { kind: 'count', unit: null, currency: null, end, countable: true };
  },
};
