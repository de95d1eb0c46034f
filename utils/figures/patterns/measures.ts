// Pattern: distances, areas, weights, data sizes and speeds ("26 miles (46km)", "300 sq km", "500 pounds" of fish).
import { MEASURES } from '../../lexicon/units';
import { parseDigits, qualifierBefore, shapeValue } from '../numbers';
import { finish, scaleValue } from './draft';
import { currencyAfter } from './money';
import type { Draft, NumberPattern } from './types';

const MEASURE_SOURCE = Object.keys(MEASURES)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/\//g, '\\/').replace(/ /g, '\\s'))
  .join('|');
const MEASURE_AFTER = new RegExp(`^(?:\\s|-)?(${MEASURE_SOURCE})(?:s|es)?(?![\\p{L}])`, 'iu');
const ALTERNATE_AFTER = new RegExp(`^\\s?\\(\\s?(?:about\\s+|around\\s+|some\\s+)?(\\d[\\d,]*(?:\\.\\d+)?)\\s?(${MEASURE_SOURCE})s?\\s?\\)`, 'iu');
/** Words that make "pounds" a weight: fish, catches, cargo, scales ("$16.99 a pound" is a price per weight). */
const WEIGHT_CONTEXT = /\b(?:weigh\w*|heav(?:y|ier|iest)|ounces?|kilo\w*|tons?|tonnes?|catch(?:es)?|caught|fish\w*|halibut|salmon|cod|tuna|cargo|payload|cocaine|heroin|cannabis|marijuana|grow to|capped at|per pound|a pound|lbs?)\b/i;

/** "26 miles (46km)": the bracketed rendering becomes the alternate; a pair more than 5% apart is inconsistent. */
function withAlternate(s: string, draft: Draft): Draft {
  const m = ALTERNATE_AFTER.exec(s.slice(draft.end));
  if (!m) return draft;
  const def = MEASURES[m[2]!.toLowerCase()] ?? MEASURES[m[2]!.toLowerCase().replace(/s$/, '')];
  if (!def || def.unit !== draft.unit) return draft;
  const n = parseDigits(m[1]!) * def.factor;
  const value = { low: n, high: n, point: n, vague: false };
  const consistent = Math.abs(n - draft.value.point) <= 0.05 * Math.max(n, draft.value.point);
  const open = s.indexOf('(', draft.end);
  draft.alternate = { text: s.slice(open + 1, draft.end + m[0].length - 1).trim(), value, unit: def.unit, consistent };
  // The figure covers both renderings, as the time pairs do: "26 miles (46km)".
  draft.end += m[0].length;
  return draft;
}

export const poundWeights: NumberPattern = {
  name: 'pound-weights',
  description: 'A number of "pounds" in a sentence about weight (fish, cargo, drugs, "weighs"): a weight in kg, not sterling.',
  examples: [
    { sentence: 'The fish can grow to 500 pounds.', figures: [{ text: '500 pounds', kind: 'measure', value: 226.796, unit: 'kg' }] },
    { sentence: 'The club paid 500 pounds for the shirt.', figures: [{ text: '500 pounds', kind: 'money', value: 500, unit: 'GBP' }] },
  ],
  read({ s, start, end, n, value, currency, rest }) {
    const word = currencyAfter(rest);
    if (currency || !word || !/^\s?pounds?\b/i.test(word[0]) || !WEIGHT_CONTEXT.test(s)) return undefined;
    const q = qualifierBefore(s, start);
    return finish(s, q, start, end + word[0].length, 'measure', scaleValue(value ?? shapeValue(n, q?.shape ?? null), MEASURES.lb!.factor, value !== null), 'kg', null, false);
  },
};

export const measures: NumberPattern = {
  name: 'measures',
  description: 'A number before a unit of length, area, weight, data size or speed, converted to km, km², kg, bytes or km/h.',
  examples: [
    { sentence: 'The tremor was felt 26 miles (46km) away.', figures: [{ text: '26 miles (46km)', kind: 'measure', value: 41.843, unit: 'km' }] },
    { sentence: 'The fire burned 300 square kilometres of forest.', figures: [{ text: '300 square kilometres', kind: 'measure', value: 300, unit: 'km2' }] },
    { sentence: 'Winds reached 120 mph on the coast.', figures: [{ text: '120 mph', kind: 'measure', value: 193.121, unit: 'km/h' }] },
  ],
  read({ s, start, end, n, value, rest }) {
    const m = MEASURE_AFTER.exec(rest);
    if (!m) return undefined;
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const def = MEASURES[key] ?? MEASURES[key.replace(/s$/, '')];
    if (!def) return null;
    const q = qualifierBefore(s, start);
    const base = value ?? shapeValue(n, q?.shape ?? null);
    return withAlternate(s, finish(s, q, start, end + m[0].length, 'measure', scaleValue(base, def.factor, value !== null), def.unit, null, false));
  },
};
