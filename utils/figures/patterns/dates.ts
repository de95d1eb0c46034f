// Pattern: dates and years ("Jan. 10, 2022", "last week", "in 2014", "the 1990s"), resolved against publication.
import type { FigureValue } from '../../analysis/types';
import { findDates } from '../dates';
import type { SentencePattern } from './types';

export const dates: SentencePattern = {
  name: 'dates',
  description: 'A calendar date, a year or decade, or a relative date, as the period it names (days since 1970, or the year).',
  examples: [
    { sentence: 'Officials met on Jan. 10, 2022, in Geneva.', figures: [{ text: 'Jan. 10, 2022', kind: 'date' }] },
    { sentence: 'Russia annexed Crimea in 2014 after a referendum.', figures: [{ text: '2014', kind: 'year', value: 2014 }] },
  ],
  find({ masked, pub, drafts, taken }) {
    for (const d of findDates(masked, pub)) {
      if (taken(d.start, d.end)) continue;
      const point = d.kind === 'year' ? Number(d.text.slice(0, 4)) : d.date ? Date.parse(d.date.start) / 86_400_000 : NaN;
      const value: FigureValue =
        d.kind === 'year'
          ? { low: point, high: d.text.endsWith('s') ? point + 9 : point, point, vague: false }
          : d.date
            ? { low: point, high: Date.parse(d.date.end) / 86_400_000, point, vague: false }
            : { low: NaN, high: null, point: NaN, vague: true };
      if (Number.isNaN(value.point)) {
        // An unresolved relative date still is a figure; its value is unknown.
        value.low = 0;
        value.point = 0;
      }
      drafts.push({ start: d.start, end: d.end, kind: d.kind, value, qualifier: d.qualifier, unit: d.kind === 'year' ? 'year' : 'day', currency: null, date: d.date, alternate: null, countable: false });
    }
  },
};
