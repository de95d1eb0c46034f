// Rule: an expected, forecast or hypothetical figure is never the same quantity as an outcome.
import type { AlignmentRule } from './types';

const WORDS = { actual: 'a reported outcome', expected: 'a forecast or expectation', hypothetical: 'a possibility or plan' };

export const statusRule: AlignmentRule = {
  name: 'status',
  description: 'A forecast, an expectation or a plan is not the outcome it anticipates.',
  examples: [
    {
      a: { sentence: 'Netflix saw revenue of $7.71 billion in the fourth quarter.', figure: '$7.71 billion' },
      b: { sentence: "Revenue was in line with analysts' expectations of $7.71 billion.", figure: '$7.71 billion' },
      expect: 'veto',
    },
    {
      a: { sentence: 'Nonfarm payrolls rose by a weaker-than-expected 199,000 in December.', figure: '199,000' },
      b: { sentence: 'Employers hired just 199,000 people in December.', figure: '199,000' },
      expect: 'silent',
    },
  ],
  apply(a, b) {
    // The company's own guidance and the analysts' consensus are two different expectations.
    if (a.frame.status === 'expected' && b.frame.status === 'expected' && a.frame.expectedBy && b.frame.expectedBy && a.frame.expectedBy !== b.frame.expectedBy) {
      return { veto: "the holder's own forecast vs the market's expectation" };
    }
    if (a.frame.status === b.frame.status) return null;
    return { veto: `${WORDS[a.frame.status]} vs ${WORDS[b.frame.status]}` };
  },
};
