// Rule: a share price's move on one day is not its move on another (after-hours on Wednesday vs Thursday morning).
import { DAY_BOUND_CONCEPTS } from '../../lexicon/concepts';
import type { AlignmentRule, FrameSide } from './types';

/** The day a figure is about: the day its sentence names, else its report's day. */
function dayOf(s: FrameSide): string | null {
  return s.frame.day ?? s.published?.slice(0, 10) ?? null;
}

export const tradingDayRule: AlignmentRule = {
  name: 'trading-day',
  description: 'Quantities that change within a day (share prices) are compared only on the same day.',
  examples: [
    {
      a: { sentence: 'Meta stock plunged about 22 percent in after-hours trading.', figure: 'about 22 percent', published: '2022-02-02' },
      b: { sentence: 'Meta shares fell more than 26 percent on Thursday morning.', figure: 'more than 26 percent', published: '2022-02-03' },
      expect: 'veto',
    },
    {
      a: { sentence: 'Netflix shares dropped 19% in extended trading.', figure: '19%', published: '2022-01-20' },
      b: { sentence: 'The report sent Netflix shares down almost 20% in after-hours trade.', figure: 'almost 20%', published: '2022-01-20' },
      expect: 'silent',
    },
  ],
  apply(a, b) {
    const ca = a.frame.concepts[0];
    const cb = b.frame.concepts[0];
    if (!ca || ca !== cb || !DAY_BOUND_CONCEPTS.has(ca)) return null;
    const da = dayOf(a);
    const db = dayOf(b);
    if (!da || !db || da === db) return null;
    return { veto: `moves on different days: ${da} vs ${db}` };
  },
};
