// Pattern: two numbers that form one range ("between 5,000 and 10,000", "5 to 10 million", "$5-10 billion", "5-10%").
import type { FigureKind } from '../../analysis/types';
import type { Draft, JoinPattern } from './types';

const RANGE_KINDS = new Set<FigureKind>(['count', 'money', 'percent', 'measure', 'duration']);

/** A verb of change right before a number: what follows "to" is then the new level. */
const CHANGE_BEFORE = /\b(?:rose|rise|rises|fell|fall|falls|up|down|increased|decreased|climbed|dropped|jumped|grew|slipped|gained|raised|lowered|cut|by)\s+$/i;

/** Merges `b` into `a` when the two form a range; true when merged. */
function mergeRange(s: string, a: Draft, b: Draft): boolean {
  if (!RANGE_KINDS.has(a.kind) || !RANGE_KINDS.has(b.kind) || a.qualifier || b.qualifier) return false;
  const between = s.slice(a.end, b.start);
  const withAnd = /^\s+and\s+$/i.test(between) && /\bbetween\s+$/i.test(s.slice(Math.max(0, a.start - 9), a.start));
  if (!withAnd && !/^\s*(?:-|–|—)\s*$|^\s+to\s+$/i.test(between)) return false;
  // "0.2 percentage points to 3.6%": a change and the level it reached, not a range.
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  // "rose 0.5% to 4%", "cut by 2 to 10": a move and where it ended.
  if (!withAnd && CHANGE_BEFORE.test(s.slice(Math.max(0, a.start - 20), a.start))) return false;
  // "$5-10 billion": the second number takes the first's currency.
  if (a.kind === 'money' && b.kind === 'count' && b.currency === null) {
    b.kind = 'money';
    b.unit = a.unit;
    b.currency = a.currency;
  }
  if (a.kind !== 'count' && a.kind !== b.kind) return false;
  // The first number shares the second's scale or unit when it has none of its own: "5 to 10 million".
  const scale = a.kind === 'count' && b.kind !== 'count' ? (b.factor ?? 1) : a.factor === undefined && (b.factor ?? 1) > 1 && a.value.point * (b.factor ?? 1) <= b.value.point ? (b.factor ?? 1) : 1;
  const low = a.value.low * scale;
  const high = b.value.high;
  if (high !== null && low > high) return false;
  if (withAnd) a.start -= /between\s+$/i.exec(s.slice(0, a.start))![0].length;
  a.end = b.end;
  a.kind = b.kind;
  a.unit = b.unit;
  a.currency = b.currency ?? a.currency;
  a.value = { low, high, point: high === null ? low : (low + high) / 2, vague: a.value.vague || b.value.vague };
  a.qualifier = 'between';
  a.countable = b.countable;
  a.factor = b.factor;
  return true;
}

export const ranges: JoinPattern = {
  name: 'ranges',
  description: 'Two numbers joined by a dash, "to", or "between … and", as one figure spanning both; the first shares the second’s scale, unit or currency.',
  examples: [
    { sentence: 'Between 5,000 and 10,000 troops were moved.', figures: [{ text: 'Between 5,000 and 10,000', kind: 'count', value: 7500 }] },
    { sentence: 'The storm displaced 50 to 100 million people.', figures: [{ text: '50 to 100 million', kind: 'count', value: 75_000_000 }] },
    {
      sentence: 'The storm displaced 5 to 10 million people.',
      figures: [{ text: '5 to 10 million', kind: 'count', value: 7_500_000 }],
      knownMiss: 'a bare number under ten with nothing counted after it is dropped before the join sees it',
    },
    { sentence: 'The deal is worth $5-10 billion.', figures: [{ text: '$5-10 billion', kind: 'money', value: 7_500_000_000, unit: 'USD' }] },
    { sentence: 'Inflation rose 0.5% to 4% in May.', figures: [{ text: '0.5%', kind: 'percent', value: 0.5 }, { text: '4%', kind: 'percent', value: 4 }] },
    { sentence: 'Growth of 15-20% is expected.', figures: [{ text: '15-20%', kind: 'percent', value: 17.5 }] },
  ],
  join: mergeRange,
};
