// Pattern: percentages and percentage points ("16%", "7.9 per cent", "0.2 percentage points").
import type { NumberPattern } from './types';

const PERCENT_AFTER = /^\s?(%|per\s?cent\b|percent\b|percentage points?\b|basis points?\b|bps\b)/i;

export const percent: NumberPattern = {
  name: 'percent',
  description: 'A number followed by "%", "per cent", "percent", "percentage points" or "basis points": a percentage, or a change in points.',
  examples: [
    { sentence: 'Revenue rose 16% in the fourth quarter.', figures: [{ text: '16%', kind: 'percent', value: 16, unit: 'percent' }] },
    { sentence: 'Inflation hit 7.9 per cent in February.', figures: [{ text: '7.9 per cent', kind: 'percent', value: 7.9 }] },
    { sentence: 'The rate rose 0.2 percentage points in March.', figures: [{ text: '0.2 percentage points', kind: 'percent', value: 0.2, unit: 'percentage-point' }] },
    { sentence: 'The bank raised its rate by 50 basis points.', figures: [{ text: '50 basis points', kind: 'percent', value: 50, unit: 'basis-point' }] },
    {
      sentence: 'Unemployment fell 0.2 percentage points to 3.6%.',
      figures: [{ text: '0.2 percentage points', kind: 'percent', value: 0.2, unit: 'percentage-point' }, { text: '3.6%', kind: 'percent', value: 3.6 }],
    },
  ],
  read({ end, currency, rest }) {
    const m = PERCENT_AFTER.exec(rest);
    if (!m) return undefined;
    const unit = /^(?:basis|bps)/i.test(m[1]!) ? 'basis-point' : /point/i.test(m[1]!) ? 'percentage-point' : 'percent';
    return { kind: 'percent', unit, currency, end: end + m[0].length, countable: false };
  },
};
