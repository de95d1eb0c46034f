// Pattern: a number before a unit of time: a duration ("90 minutes"), an age ("a 45-year-old"), or a date ("four years ago").
import type { Figure } from '../../analysis/types';
import { DURATION_MINUTES } from '../../lexicon/units';
import { qualifierBefore, shapeValue } from '../numbers';
import { finish, scaleValue } from './draft';
import type { NumberPattern } from './types';

/** A unit of time after the number, any unit DURATION_MINUTES knows, singular or plural; "-old" makes it an age. */
const DURATION_AFTER = new RegExp(
  `^(?:\\s|-)(${Object.keys(DURATION_MINUTES).map((unit) => (unit === 'century' ? 'centuries|century' : `${unit}s?`)).join('|')})\\b(-old)?`,
  'i',
);

/** The period `amount` units before publication: "four years ago" in 2015 is the year 2011. */
function agoDate(pub: number | null, amount: number, unit: string): Figure['date'] {
  if (pub === null || !Number.isFinite(amount)) return null;
  const d = new Date(pub);
  const iso = (x: Date): string => x.toISOString().slice(0, 10);
  if (unit === 'year' || unit === 'decade' || unit === 'century') {
    const years = amount * (unit === 'decade' ? 10 : unit === 'century' ? 100 : 1);
    const y = d.getUTCFullYear() - Math.round(years);
    return { start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' };
  }
  if (unit === 'month') {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - Math.round(amount), 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { start: iso(first), end: iso(last), granularity: 'month' };
  }
  const days = unit === 'week' ? amount * 7 : unit === 'fortnight' ? amount * 14 : unit === 'day' ? amount : 0;
  const at = new Date(pub - Math.round(days) * 86_400_000);
  if (unit === 'week' || unit === 'fortnight') {
    const monday = new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * 86_400_000);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 86_400_000)), granularity: 'week' };
  }
  return { start: iso(at), end: iso(at), granularity: 'day' };
}

export const durations: NumberPattern = {
  name: 'durations',
  description:
    'A number before a unit of time: a length in minutes; "-old" or "old" after it makes an age, "ago" a date counted back from publication.',
  examples: [
    { sentence: 'The call lasted 50 minutes, officials said.', figures: [{ text: '50 minutes', kind: 'duration', value: 50, unit: 'minute' }] },
    { sentence: 'A 45-year-old man was arrested.', figures: [{ text: '45-year-old', kind: 'measure', value: 45, unit: 'year-of-age' }] },
    { sentence: 'The dam was built four years ago.', published: '2015-06-01', figures: [{ text: 'four years ago', kind: 'date', value: Date.parse('2011-01-01') / 86_400_000 }] },
    { sentence: 'The siege went on for over two years.', figures: [{ text: 'two years', kind: 'duration', value: 1_051_920 }] },
  ],
  read({ s, pub, start, end, n, value, currency, rest }) {
    const duration = DURATION_AFTER.exec(rest);
    if (!duration) return undefined;
    const u = duration[1]!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '').replace(/^mins?$/, 'min').replace(/^hrs?$/, 'hr');
    const factor = DURATION_MINUTES[u] ?? DURATION_MINUTES[u.replace(/s$/, '')]!;
    const after = end + duration[0].length;
    const old = /^\s+old\b/i.test(s.slice(after));
    // "a 45-year-old man": an age.
    if (duration[2] || old) return { kind: 'measure', unit: 'year-of-age', currency, end: after, countable: false };
    const ago = /^\s+ago\b/i.exec(s.slice(after));
    if (ago) {
      // "four years ago": a date counted back from publication.
      const back = agoDate(pub, value?.point ?? n, u);
      const point = back ? Date.parse(back.start) / 86_400_000 : 0;
      const high = back ? Date.parse(back.end) / 86_400_000 : 0;
      return { start, end: after + ago[0].length, kind: 'date', value: { low: point, high, point, vague: !back || value !== null }, qualifier: qualifierBefore(s, start)?.norm ?? null, unit: 'day', currency: null, date: back, alternate: null, countable: false };
    }
    // "over two years" is a span of time, not "more than two years".
    const found = qualifierBefore(s, start);
    const q = found && found.raw.toLowerCase() === 'over' ? null : found;
    const base = value ?? shapeValue(n, q?.shape ?? null);
    return finish(s, q, start, after, 'duration', scaleValue(base, factor, value !== null), 'minute', null, false);
  },
};
