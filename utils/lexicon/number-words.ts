// Numbers written in words: small numbers, tens, scales, vague amounts, ordinals and the qualifiers before a figure.

/** Numbers below twenty, written out. */
export const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};

/** Tens written out, which combine with SMALL ("forty-two"). */
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Scale words after a number: "1.5 million", "two thousand". */
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Abbreviated scales glued to a number: "$11bn", "£5m", "2.3tn". */
export const SHORT_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
};

/**
 * Vague amounts and their intervals: each covers one order of magnitude, e.g. "tens of thousands" is [10,000, 99,999].
 * `point` is the low end: the least the text commits to.
 */
export const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 144],
  'several dozen': [24, 144],
  'a few dozen': [24, 72],
  hundreds: [100, 999],
  'several hundred': [200, 999],
  'a few hundred': [200, 500],
  thousands: [1000, 9999],
  'several thousand': [2000, 9999],
  'a few thousand': [2000, 5000],
  'tens of thousands': [10000, 99999],
  'hundreds of thousands': [100000, 999999],
  millions: [1e6, 9999999],
  'several million': [2e6, 9999999],
  'a few million': [2e6, 5e6],
  'tens of millions': [1e7, 99999999],
  'hundreds of millions': [1e8, 999999999],
  billions: [1e9, 9999999999],
};

/** Qualifiers before a figure, normalized, with how they shape the interval around the number written. */
export const QUALIFIERS: Record<string, { norm: string; shape: 'min' | 'max' | 'about' | 'nearly' | 'exact' }> = {
  'more than': { norm: 'more than', shape: 'min' },
  'more than an estimated': { norm: 'more than', shape: 'min' },
  'over': { norm: 'more than', shape: 'min' },
  'well over': { norm: 'more than', shape: 'min' },
  'just over': { norm: 'more than', shape: 'min' },
  'upwards of': { norm: 'more than', shape: 'min' },
  'in excess of': { norm: 'more than', shape: 'min' },
  'at least': { norm: 'at least', shape: 'min' },
  'no fewer than': { norm: 'at least', shape: 'min' },
  'no less than': { norm: 'at least', shape: 'min' },
  'a minimum of': { norm: 'at least', shape: 'min' },
  'up to': { norm: 'up to', shape: 'max' },
  'as many as': { norm: 'up to', shape: 'max' },
  'as much as': { norm: 'up to', shape: 'max' },
  'at most': { norm: 'up to', shape: 'max' },
  'no more than': { norm: 'up to', shape: 'max' },
  'a maximum of': { norm: 'up to', shape: 'max' },
  'fewer than': { norm: 'less than', shape: 'max' },
  'less than': { norm: 'less than', shape: 'max' },
  'under': { norm: 'less than', shape: 'max' },
  'just under': { norm: 'nearly', shape: 'nearly' },
  'nearly': { norm: 'nearly', shape: 'nearly' },
  'almost': { norm: 'nearly', shape: 'nearly' },
  'close to': { norm: 'nearly', shape: 'nearly' },
  'about': { norm: 'about', shape: 'about' },
  'around': { norm: 'about', shape: 'about' },
  'approximately': { norm: 'about', shape: 'about' },
  'roughly': { norm: 'about', shape: 'about' },
  'some': { norm: 'about', shape: 'about' },
  'an estimated': { norm: 'about', shape: 'about' },
  'estimated': { norm: 'about', shape: 'about' },
  'an approximate': { norm: 'about', shape: 'about' },
  'approx.': { norm: 'about', shape: 'about' },
  'circa': { norm: 'about', shape: 'about' },
  'exactly': { norm: 'exactly', shape: 'exact' },
  'precisely': { norm: 'exactly', shape: 'exact' },
};

/** Ordinals for "the second time": word → rank. */
export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, fifteenth: 15, twentieth: 20, hundredth: 100,
};

/** Frequency adverbs: "twice" → 2. */
export const FREQUENCY_WORDS: Record<string, number> = { twice: 2, thrice: 3 };

/** Number words that end a counted phrase ("192 lawmakers eight votes short"): the common ones, not every number word. */
export const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions']);
