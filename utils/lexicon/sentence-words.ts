// Words that decide where a sentence ends: abbreviations that never end one and words that usually open one.

/** Titles and abbreviations after which a capitalized word never starts a new sentence ("Mr. Lavrov"). */
export const ALWAYS_JOIN = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr', 'sen', 'rep',
  'gov', 'prof', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle', 'jr', 'sr', 'no', 'nos', 'vs', 'v',
  'etc', 'e.g', 'i.e', 'cf', 'approx', 'est', 'dept', 'univ', 'assn', 'bros', 'inc', 'corp', 'co', 'ltd', 'fig', 'vol',
  'pp', 'ca', 'al',
]);

/** Month abbreviations: joined when a day number or year follows ("Jan. 10"). */
export const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Function words that open sentences with a capital letter: what both sentence splitting and name finding set aside. */
export const OPENING_WORDS = [
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'this', 'that', 'these', 'those',
  'there', 'in', 'on', 'at', 'for', 'as', 'if', 'when', 'while', 'after', 'before', 'his', 'her', 'their', 'its',
  'our', 'my', 'meanwhile', 'however', 'yet', 'so', 'then', 'still', 'also', 'earlier', 'later', 'since', 'with',
  'without', 'by', 'some', 'many', 'most', 'all', 'one', 'no', 'not', 'both', 'each', 'what', 'who', 'why', 'how',
  'where',
];

/**
 * Words that usually open a sentence. After an ambiguous abbreviation ("U.S.", "D.C.") a following capitalized word
 * continues the sentence ("U.S. President") unless it is one of these ("... in the U.S. The talks ...").
 */
export const SENTENCE_OPENERS = new Set([...OPENING_WORDS, 'officials']);

/** Days of the week, Sunday first (the order of Date.getUTCDay). */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Months of the year, in order. */
export const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
