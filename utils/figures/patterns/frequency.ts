// Pattern: how often and in what order ("twice", "for the second time", "three times"): kept, never compared.
import type { FigureKind } from '../../analysis/types';
import { FREQUENCY_WORDS, ORDINALS } from '../../lexicon/number-words';
import type { SentencePattern } from './types';

const FREQUENCY_RE = /\b(twice|thrice)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(time|round|consecutive|straight)\b/gi;

export const frequency: SentencePattern = {
  name: 'frequency',
  description: 'A frequency ("twice", "three times", "three times higher") or an order ("the second time"): neither is a quantity another report can give.',
  examples: [
    { sentence: 'The two sides met for the second time in a week.', figures: [{ text: 'second time', kind: 'order', value: 2 }] },
    { sentence: 'The envoy visited Kyiv twice in January.', figures: [{ text: 'twice', kind: 'frequency', value: 2 }] },
    { sentence: 'Prices rose three times faster than wages.', figures: [{ text: 'three times', kind: 'frequency', value: 3 }] },
  ],
  find({ s, masked, drafts, taken }) {
    for (const m of masked.matchAll(FREQUENCY_RE)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const n = m[1] ? FREQUENCY_WORDS[m[1].toLowerCase()]! : (ORDINALS[m[2]!.toLowerCase()] ?? parseInt(m[2]!, 10));
      const kind: FigureKind = m[1] ? 'frequency' : 'order';
      const end = m[1] ? m.index + m[0].length : m.index + m[2]!.length + 1 + m[3]!.length;
      drafts.push({ start: m.index, end, kind, value: { low: n, high: n, point: n, vague: false }, qualifier: null, unit: null, currency: null, date: null, alternate: null, countable: false });
    }
    for (const d of drafts) {
      // "three times", and multipliers ("three times higher") too: neither is a quantity another report can give.
      if (d.kind === 'count' && /^\s+times\b/i.test(s.slice(d.end))) {
        d.kind = 'frequency';
        d.end += /^\s+times/i.exec(s.slice(d.end))![0].length;
        d.countable = false;
      }
    }
  },
};
