// Pattern: share buttons and follower widgets ("1.2K shares", "340 comments") standing alone: no figure at all.
import type { NumberPattern } from './types';

const NOISE_AFTER = /^\s?(shares?|comments?|likes?|views?|retweets?|followers?|reactions?|replies|subscribers?|points? on|votes? \|)\b/i;

export const widgetCounts: NumberPattern = {
  name: 'widget-counts',
  description:
    'A count of shares, comments or followers in a line of fewer than six words is page furniture; in a sentence with a verb these nouns are what a figure counts.',
  examples: [
    { sentence: 'Netflix added 8.3 million subscribers in the quarter.', figures: [{ text: '8.3 million', kind: 'count', value: 8_300_000 }] },
  ],
  read({ s, rest }) {
    return NOISE_AFTER.test(rest) && s.trim().split(/\s+/).length < 6 ? null : undefined;
  },
};
