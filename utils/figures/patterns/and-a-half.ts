// Pattern: a number "and a half" of a time unit or a scale ("seven and a half hours", "two and a half million").
import { DURATION_MINUTES } from '../../lexicon/units';
import { SCALES } from '../../lexicon/number-words';
import { NUMBER_WORD_SOURCE, parseNumberWords, qualifierBefore, shapeValue } from '../numbers';
import { finish } from './draft';
import type { SentencePattern } from './types';

const AND_A_HALF_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3}|${NUMBER_WORD_SOURCE})\\s+and\\s+a\\s+half\\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|million|billion|thousand)(?![\\p{L}])`,
  'giu',
);

export const andAHalf: SentencePattern = {
  name: 'and-a-half',
  description: 'A whole number "and a half" before a time unit (a duration) or a scale word (a count): the half belongs to the number.',
  examples: [
    { sentence: 'The meeting went on for seven and a half hours.', figures: [{ text: 'seven and a half hours', kind: 'duration', value: 450 }] },
    { sentence: 'Two and a half million people have fled the fighting.', figures: [{ text: 'Two and a half million', kind: 'count', value: 2_500_000 }] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(AND_A_HALF_RE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const whole = /^\d/.test(m[1]!) ? Number(m[1]) : parseNumberWords(m[1]!);
      if (whole === null) continue;
      const unitWord = m[2]!.toLowerCase();
      const found = qualifierBefore(s, m.index);
      const end = m.index + m[0].length;
      if (SCALES[unitWord] !== undefined) {
        const n = (whole + 0.5) * SCALES[unitWord]!;
        drafts.push(finish(s, found, m.index, end, 'count', shapeValue(n, found?.shape ?? null), null, null, true));
        continue;
      }
      const u = unitWord.replace(/ies$/, 'y').replace(/s$/, '');
      const q = found && found.raw.toLowerCase() === 'over' ? null : found;
      drafts.push(finish(s, q, m.index, end, 'duration', shapeValue((whole + 0.5) * DURATION_MINUTES[u]!, q?.shape ?? null), 'minute', null, false));
    }
  },
};
