// Pattern: an earthquake's magnitude ("magnitude 6.9", "a 6.9-magnitude quake", "the 6.9 tremor"): a measure, not a count.
import { qualifierBefore, shapeValue } from '../numbers';
import { finish } from './draft';
import type { NumberPattern } from './types';

export const magnitude: NumberPattern = {
  name: 'magnitude',
  description: 'A small number in digits next to "magnitude", or a decimal before a quake noun: a magnitude on the quake scale.',
  examples: [
    { sentence: 'A magnitude 6.9 earthquake struck off the coast.', figures: [{ text: '6.9', kind: 'measure', value: 6.9, unit: 'magnitude' }] },
    { sentence: 'The 6.9 tremor was felt in the capital.', figures: [{ text: '6.9', kind: 'measure', value: 6.9, unit: 'magnitude' }] },
  ],
  read({ s, start, end, n, currency, scaled, rest, digits }) {
    // A decimal before a singular quake noun is no count of quakes.
    if (digits === undefined || currency || scaled !== undefined || n >= 10) return undefined;
    const magnitudeAfter = /^(?:-|\s)magnitude\b/i.exec(rest);
    const magnitudeBefore = /\bmagnitude(?:\s+of)?\s+$/i.test(s.slice(Math.max(0, start - 14), start));
    const quakeAfter = /^\s(?:earthquake|quake|tremor|aftershock|temblor)\b/i.test(rest) && !Number.isInteger(n);
    if (!magnitudeAfter && !magnitudeBefore && !quakeAfter) return undefined;
    const q = qualifierBefore(s, start);
    return finish(s, q, start, end + (magnitudeAfter ? magnitudeAfter[0].length : 0), 'measure', shapeValue(n, q?.shape ?? null), 'magnitude', null, false);
  },
};
