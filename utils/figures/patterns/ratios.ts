// Pattern: proportions written as "one in five" or "three out of four", read as a percentage.
import { parseNumberWords, qualifierBefore, shapeValue } from '../numbers';
import { finish } from './draft';
import type { SentencePattern } from './types';

const SMALL_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3})';
const RATIO_RE = new RegExp(`\\b(${SMALL_NUMBER})\\s+(?:in|out\\s+of)\\s+(?:every\\s+)?(${SMALL_NUMBER})\\b(?!\\s*(?:%|per|percent|[,.]\\d))`, 'gi');

export const ratios: SentencePattern = {
  name: 'ratios',
  description: 'A proportion "a in b" or "a out of b" (a smaller than b), as the percentage it stands for.',
  examples: [
    { sentence: 'One in five Ukrainians said they would fight.', figures: [{ text: 'One in five', kind: 'percent', value: 20, unit: 'percent' }] },
    { sentence: 'Three out of four voters backed the plan.', figures: [{ text: 'Three out of four', kind: 'percent', value: 75 }] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(RATIO_RE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const a = /^\d/.test(m[1]!) ? Number(m[1]) : (m[1]!.toLowerCase() === 'one' ? 1 : parseNumberWords(m[1]!));
      const b = /^\d/.test(m[2]!) ? Number(m[2]) : parseNumberWords(m[2]!);
      if (!a || !b || a >= b) continue;
      const point = Math.round((a / b) * 1000) / 10;
      const found = qualifierBefore(s, m.index);
      drafts.push(finish(s, found, m.index, m.index + m[0].length, 'percent', shapeValue(point, found?.shape ?? null), 'percent', null, false));
    }
  },
};
