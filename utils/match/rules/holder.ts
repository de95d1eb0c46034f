// Rule: figures held by different companies, countries or products (Apple's vs Western Digital's EPS) are different.
import type { AlignmentRule, FrameSide } from './types';

/** Names a side's holder may also go by: its sentence's holders and its story's names. */
function known(s: FrameSide): Set<string> {
  return new Set([...s.frame.holders, ...s.storyEntities]);
}

export const holderRule: AlignmentRule = {
  name: 'holder',
  description: 'A quantity belongs to someone: two figures whose sentences name different holders are different quantities.',
  examples: [
    {
      a: { sentence: 'In the quarter, Apple earned $2.10 per share.', figure: '$2.10' },
      b: { sentence: 'In the quarter, Western Digital earned $2.30 per share.', figure: '$2.30' },
      expect: 'veto',
    },
    {
      a: { sentence: 'On the day, Apple reported revenue of $123.9 billion.', figure: '$123.9 billion' },
      b: { sentence: 'In the quarter, Apple said sales rose to a record $123.9bn.', figure: '$123.9bn' },
      expect: 'evidence',
    },
  ],
  apply(a, b) {
    const ha = a.frame.holders;
    const hb = b.frame.holders;
    if (ha.length === 0 || hb.length === 0) return null;
    const shared = ha.filter((h) => hb.includes(h));
    if (shared.length > 0) return { evidence: a.frame.holderFrom === 'story' || b.frame.holderFrom === 'story' ? 0.5 : 1, reason: `Both about ${shared.slice(0, 2).map(display).join(' and ')}.` };
    // A holder the other side's story names is the same holder seen from further away ("Meta" in the lead, "Facebook" here).
    if (ha.some((h) => known(b).has(h)) || hb.some((h) => known(a).has(h))) return null;
    // A story's names are too loose to set two figures apart: only names near the figures do.
    if (a.frame.holderFrom === 'story' || b.frame.holderFrom === 'story') return null;
    return { veto: `held by ${display(ha[0]!)} vs ${display(hb[0]!)}` };
  },
};

/** "us" → "US", "western digital" → "Western Digital": a key made readable. */
function display(key: string): string {
  if (key.length <= 3) return key.toUpperCase();
  return key.replace(/(^|[\s-])\p{Ll}/gu, (x) => x.toUpperCase());
}
