// Rule: a change over a month is not a change over a year (0.8% in the month vs 7.9% from a year earlier).
import type { AlignmentRule } from './types';

export const basisRule: AlignmentRule = {
  name: 'basis',
  description: 'Percentage changes measured over different spans (month, quarter, year) are different quantities.',
  examples: [
    {
      a: { sentence: 'Month over month, consumer prices rose 0.8%.', figure: '0.8%' },
      b: { sentence: 'Consumer prices rose 7.9% from a year earlier.', figure: '7.9%' },
      expect: 'veto',
    },
    {
      a: { sentence: 'The consumer price index climbed 7.9% on an annual basis.', figure: '7.9%' },
      b: { sentence: 'Consumer prices jumped 7.9% relative to a year earlier.', figure: '7.9%' },
      expect: 'evidence',
    },
  ],
  apply(a, b) {
    const x = a.frame.basis;
    const y = b.frame.basis;
    if (!x || !y) return null;
    if (x !== y) return { veto: `a change over a ${x} vs over a ${y}` };
    return { evidence: 1, reason: `Both a change over a ${x}.` };
  },
};
