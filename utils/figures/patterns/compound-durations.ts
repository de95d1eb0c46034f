// Pattern: one length of time written in two units ("1 hour 40 minutes", "an hour and 20 minutes"), joined.
import type { SentencePattern } from './types';

export const compoundDurations: SentencePattern = {
  name: 'compound-durations',
  description: 'Two adjacent durations, the larger first, with nothing or "and" between: one length written in two units.',
  examples: [
    { sentence: 'The meeting lasted 1 hour 40 minutes.', figures: [{ text: '1 hour 40 minutes', kind: 'duration', value: 100 }] },
    { sentence: 'They spoke for an hour and 20 minutes.', figures: [{ text: 'an hour and 20 minutes', kind: 'duration', value: 80 }] },
  ],
  find({ s, drafts }) {
    drafts.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < drafts.length; i += 1) {
      const a = drafts[i]!;
      const b = drafts[i + 1]!;
      if (a.kind !== 'duration' || b.kind !== 'duration' || b.qualifier || a.value.vague || b.value.vague) continue;
      if (!/^\s+(?:and\s+)?$/.test(s.slice(a.end, b.start)) || a.value.point <= b.value.point) continue;
      const add = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : x + y);
      a.value = { low: a.value.low + b.value.low, high: add(a.value.high, b.value.high), point: a.value.point + b.value.point, vague: false };
      a.end = b.end;
      drafts.splice(i + 1, 1);
    }
  },
};
