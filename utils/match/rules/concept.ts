// Rule: two figures must measure the same concept (revenue, inflation, jobs) through the lexicon's synonyms.
import type { AlignmentRule } from './types';

export const conceptRule: AlignmentRule = {
  name: 'concept',
  description: 'What a figure measures, through synonyms ("CPI" is inflation, "payrolls" are jobs): different concepts are different quantities.',
  examples: [
    {
      a: { sentence: 'The consumer price index jumped 7.9% in February.', figure: '7.9%' },
      b: { sentence: 'The annual inflation rate rose 7.9% in February.', figure: '7.9%' },
      expect: 'evidence',
    },
    {
      a: { sentence: 'Energy prices in the US jumped 3.5% in February.', figure: '3.5%' },
      b: { sentence: 'Gasoline prices jumped 6.6% in February.', figure: '6.6%' },
      expect: 'veto',
    },
  ],
  apply(a, b) {
    const ca = a.frame.concepts;
    const cb = b.frame.concepts;
    if (ca.length === 0 || cb.length === 0) return null;
    if (ca[0] === cb[0]) return { evidence: 2, reason: `Both measure ${ca[0]!.replace(/-/g, ' ')}.` };
    // The nearest concept of one is a further one of the other: not evidence enough ("troops … killed 14,000").
    if (cb.includes(ca[0]!) || ca.includes(cb[0]!)) return null;
    return { veto: `measures ${ca[0]!.replace(/-/g, ' ')} vs ${cb[0]!.replace(/-/g, ' ')}` };
  },
};
