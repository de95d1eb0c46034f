// Pattern: lengths of time written without a number ("an hour", "half an hour", "nearly a week").
import { DURATION_MINUTES } from '../../lexicon/units';
import { qualifierBefore, shapeValue } from '../numbers';
import { finish } from './draft';
import type { SentencePattern } from './types';

const PHRASE_RE = /\b(an hour and a half|half an hour|a half[- ]hour|(?:a|three)[- ]quarters? of an hour|an hour|(?:a|an)\s+(?:minute|day|week|fortnight|month|year|decade))\b/gi;

export const durationPhrases: SentencePattern = {
  name: 'duration-phrases',
  description:
    'A length of time with no digits ("an hour", "half an hour"); "a week" and the like only after a qualifier, since "a day after" is a connective.',
  examples: [
    { sentence: 'The talks lasted about an hour and a half.', figures: [{ text: 'about an hour and a half', kind: 'duration', value: 90, unit: 'minute' }] },
    { sentence: 'Nearly a week later, the troops had not moved.', figures: [{ text: 'Nearly a week', kind: 'duration', value: 10080 }] },
    { sentence: 'A day after the summit, the troops had not moved.', figures: [], notFigures: ['A day'] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(PHRASE_RE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const phrase = m[1]!.toLowerCase().replace(/-/g, ' ');
      const found = qualifierBefore(s, m.index);
      const q = found && found.raw.toLowerCase() === 'over' ? null : found;
      if (!phrase.includes('hour') && !q) continue;
      const quarters = /^(a|three) quarter/.exec(phrase);
      const minutes = phrase === 'an hour and a half' ? 90 : phrase.includes('half') ? 30 : quarters ? (quarters[1] === 'a' ? 15 : 45) : DURATION_MINUTES[phrase.split(/\s+/).pop()!]!;
      drafts.push(finish(s, q, m.index, m.index + m[0].length, 'duration', shapeValue(minutes, q?.shape ?? null), 'minute', null, false));
    }
  },
};
