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
    {
      a: { sentence: 'The search giant reported revenues and profits that rose more than 30% in the quarter.', figure: 'more than 30%' },
      b: { sentence: 'The search giant reported a 32% jump in revenue in the quarter.', figure: '32%' },
      expect: 'evidence',
    },
  ],
  apply(a, b) {
    const ca = a.frame.concepts;
    const cb = b.frame.concepts;
    if (ca.length === 0 || cb.length === 0) return null;
    // "Revenues and profits rose 30%" measures both: either may meet the other side's nearest concept.
    const shared = ca.slice(0, Math.max(1, a.frame.jointConcepts)).find((c) => cb.slice(0, Math.max(1, b.frame.jointConcepts)).includes(c));
    if (shared) return { evidence: 2, reason: `Both measure ${shared.replace(/-/g, ' ')}.` };
    // The nearest concept of one is a further one of the other: not evidence enough ("troops … killed 14,000").
    if (cb.includes(ca[0]!) || ca.includes(cb[0]!)) return null;
    return { veto: `measures ${ca[0]!.replace(/-/g, ' ')} vs ${cb[0]!.replace(/-/g, ' ')}` };
  },
};
