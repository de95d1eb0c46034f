// Rule: figures stated for different periods (another month, quarter or year) are different quantities.
import { periodClash } from '../../frames/periods';
import type { AlignmentRule } from './types';

export const periodRule: AlignmentRule = {
  name: 'period',
  description: 'Two figures for different months, quarters or years are different quantities; the same period is evidence.',
  examples: [
    {
      a: { sentence: 'The inflation rate rose to 7.5% in January.', figure: '7.5%' },
      b: { sentence: 'The inflation rate hit 7.9% in February.', figure: '7.9%' },
      expect: 'veto',
    },
    {
      a: { sentence: 'Netflix added 18.2 million members last year.', figure: '18.2 million', published: '2022-01-20' },
      b: { sentence: 'Netflix added 8.3 million subscribers in the fourth quarter of 2021.', figure: '8.3 million', published: '2022-01-20' },
      expect: 'veto',
    },
    {
      a: { sentence: 'Revenue rose 16% for October, November and December.', figure: '16%', published: '2022-01-20' },
      b: { sentence: 'Revenue rose 16% in the last three months of 2021.', figure: '16%', published: '2022-01-20' },
      expect: 'evidence',
    },
  ],
  apply(a, b) {
    const pa = a.frame.period;
    const pb = b.frame.period;
    if (!pa || !pb) return null;
    const clash = periodClash(pa, pb);
    if (clash) return { veto: clash };
    return pa.kind === pb.kind ? { evidence: 1, reason: `Both for ${pa.text.replace(/^(?:in|for|during|of)\s+/i, '')}.` } : null;
  },
};
