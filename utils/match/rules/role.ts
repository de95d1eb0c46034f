// Rule: the value a change started from ("from 4.2%") or last year's value is not the new value.
import type { AlignmentRule } from './types';

const WORDS = { baseline: 'the earlier value a change started from', earlier: 'a year-earlier value', none: 'the current value' };

export const roleRule: AlignmentRule = {
  name: 'role',
  description: "A change's starting value and a year-ago value are not the current value.",
  examples: [
    {
      a: { sentence: 'The unemployment rate fell to 3.9% from 4.2%.', figure: '4.2%' },
      b: { sentence: 'The unemployment rate stood at 4.2%.', figure: '4.2%' },
      expect: 'veto',
    },
    {
      a: { sentence: 'The unemployment rate dropped to 3.9% from 4.2%.', figure: '4.2%' },
      b: { sentence: 'The unemployment rate fell to 3.9% from 4.2%.', figure: '4.2%' },
      expect: 'silent',
    },
  ],
  apply(a, b) {
    const x = a.frame.role ?? 'none';
    const y = b.frame.role ?? 'none';
    return x === y ? null : { veto: `${WORDS[x]} vs ${WORDS[y]}` };
  },
};
