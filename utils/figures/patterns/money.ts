// Pattern: sums of money ("$7.71 billion", "£5m", "40 million euros", "300 USD"), with their currency.
import { CURRENCY_SYMBOLS, CURRENCY_WORDS } from '../../lexicon/units';
import type { NumberPattern, NumberReading } from './types';

/**
 * A currency word after the number: any of CURRENCY_WORDS, longest first, but not a singular "pound", which after a
 * number is a weight as often as a sum ("a 1 pound bag").
 */
const CURRENCY_AFTER = new RegExp(
  `^\\s(${Object.keys(CURRENCY_WORDS)
    .filter((word) => word !== 'pound')
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'i',
);
/** An ISO code after the number ("300 USD"), upper case only: the three-letter codes of CURRENCY_SYMBOLS. */
const CURRENCY_CODE_AFTER = new RegExp(
  `^\\s?(${Object.keys(CURRENCY_SYMBOLS)
    .filter((code) => /^[a-z]{3}$/.test(code))
    .map((code) => code.toUpperCase())
    .join('|')})\\b`,
);

/** The currency word or code right after a number ("40 million euros", "300 USD"), if any. */
export function currencyAfter(rest: string): RegExpExecArray | null {
  return CURRENCY_AFTER.exec(rest) ?? CURRENCY_CODE_AFTER.exec(rest);
}

export const money: NumberPattern = {
  name: 'money',
  description: 'A number after a currency symbol or before a currency word or code: a sum in that currency (ISO code as unit).',
  examples: [
    { sentence: 'Netflix saw revenue of $7.71 billion in the quarter.', figures: [{ text: '$7.71 billion', kind: 'money', value: 7_710_000_000, unit: 'USD' }] },
    { sentence: 'The house sold for £5m last year.', figures: [{ text: '£5m', kind: 'money', value: 5_000_000, unit: 'GBP' }] },
    { sentence: 'The fund holds 40 million euros.', figures: [{ text: '40 million euros', kind: 'money', value: 40_000_000, unit: 'EUR' }] },
    // A fact-box line states its sums without a closing stop.
    { sentence: 'Net income: $214m, versus $171m in Q3 last year', figures: [{ text: '$214m', kind: 'money', value: 214_000_000, unit: 'USD' }, { text: '$171m', kind: 'money', value: 171_000_000 }] },
  ],
  read({ end, currency, rest }: NumberReading) {
    const word = currencyAfter(rest);
    if (!currency && !word) return undefined;
    if (currency || !word) return { kind: 'money', unit: currency, currency, end, countable: false };
    const named = CURRENCY_WORDS[word[1]!.toLowerCase()] ?? word[1]!.toUpperCase();
    return { kind: 'money', unit: named, currency: named, end: end + word[0].length, countable: false };
  },
};
