// Units a figure is written in: currencies, durations, distances, weights, and how they convert to one base.

/** Currency symbols and codes written before or after an amount → ISO code. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD', us$: 'USD', 'us $': 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', '₹': 'INR',
  '₽': 'RUB', rub: 'RUB', 'a$': 'AUD', 'c$': 'CAD', chf: 'CHF', uah: 'UAH', '₴': 'UAH',
};

/** Currency names written after an amount ("40 million euros") → ISO code. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP',
  rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', yuan: 'CNY', yen: 'JPY', hryvnia: 'UAH', hryvnias: 'UAH',
  rupees: 'INR', francs: 'CHF',
};

/** Minutes in each duration unit: the extractor stores every duration in minutes. */
export const DURATION_MINUTES: Record<string, number> = {
  second: 1 / 60, minute: 1, min: 1, hour: 60, hr: 60, day: 1440, week: 10080, fortnight: 20160, month: 43830,
  year: 525960, decade: 5259600, century: 52596000,
};

/**
 * How each duration unit is written, for showing a duration in the unit the text used: its pattern, its key in
 * DURATION_MINUTES, and its short and plural labels.
 */
export const DURATION_WRITINGS: [RegExp, string, string, string][] = [
  [/\bsec(?:ond)?s?\b/i, 'second', 's', 's'],
  [/\bmin(?:ute)?s?\b/i, 'minute', 'min', 'min'],
  [/\b(?:hour|hr)s?\b/i, 'hour', 'h', 'h'],
  [/\bdays?\b/i, 'day', 'day', 'days'],
  [/\bweeks?\b/i, 'week', 'week', 'weeks'],
  [/\bmonths?\b/i, 'month', 'month', 'months'],
  [/\byears?\b/i, 'year', 'year', 'years'],
];

/** Distances, areas, weights and speeds, normalized to km, km², kg and km/h. */
export const MEASURES: Record<string, { unit: string; factor: number }> = {
  km: { unit: 'km', factor: 1 }, kilometre: { unit: 'km', factor: 1 }, kilometer: { unit: 'km', factor: 1 },
  mile: { unit: 'km', factor: 1.609344 }, mi: { unit: 'km', factor: 1.609344 },
  metre: { unit: 'km', factor: 0.001 }, meter: { unit: 'km', factor: 0.001 }, m: { unit: 'km', factor: 0.001 },
  foot: { unit: 'km', factor: 0.0003048 }, feet: { unit: 'km', factor: 0.0003048 }, ft: { unit: 'km', factor: 0.0003048 },
  yard: { unit: 'km', factor: 0.0009144 },
  'square kilometre': { unit: 'km2', factor: 1 }, 'square kilometer': { unit: 'km2', factor: 1 }, 'sq km': { unit: 'km2', factor: 1 },
  km2: { unit: 'km2', factor: 1 }, 'square mile': { unit: 'km2', factor: 2.589988 }, 'sq mile': { unit: 'km2', factor: 2.589988 },
  hectare: { unit: 'km2', factor: 0.01 }, acre: { unit: 'km2', factor: 0.00404686 },
  kg: { unit: 'kg', factor: 1 }, kilogram: { unit: 'kg', factor: 1 }, kilo: { unit: 'kg', factor: 1 },
  tonne: { unit: 'kg', factor: 1000 }, ton: { unit: 'kg', factor: 1000 }, lb: { unit: 'kg', factor: 0.45359237 },
  'metric ton': { unit: 'kg', factor: 1000 }, 'metric tonne': { unit: 'kg', factor: 1000 },
  // Data sizes, in bytes: "26.6 megabytes", "39 kilobytes", "2 GB".
  byte: { unit: 'byte', factor: 1 }, kilobyte: { unit: 'byte', factor: 1e3 }, megabyte: { unit: 'byte', factor: 1e6 },
  gigabyte: { unit: 'byte', factor: 1e9 }, terabyte: { unit: 'byte', factor: 1e12 }, kb: { unit: 'byte', factor: 1e3 },
  mb: { unit: 'byte', factor: 1e6 }, gb: { unit: 'byte', factor: 1e9 }, tb: { unit: 'byte', factor: 1e12 },
  meg: { unit: 'byte', factor: 1e6 }, gig: { unit: 'byte', factor: 1e9 },
  mph: { unit: 'km/h', factor: 1.609344 }, kph: { unit: 'km/h', factor: 1 }, 'km/h': { unit: 'km/h', factor: 1 },
};

/**
 * Unit conversions to a base unit, per dimension, for the matcher. Units that are not listed must be equal to be
 * compared. Keyed on the matcher's unit names (singular words), not on the extractor's written forms.
 */
export const UNIT_BASE: Record<string, [string, number]> = {
  second: ['time', 1], minute: ['time', 60], hour: ['time', 3600], day: ['time', 86400], week: ['time', 604800],
  month: ['time', 2629800], year: ['time', 31557600],
  m: ['length', 1], km: ['length', 1000], mile: ['length', 1609.344],
  kg: ['mass', 1], tonne: ['mass', 1000], ton: ['mass', 1000],
  // A change in a rate: "50 basis points" is "0.5 percentage points".
  'percentage-point': ['points', 1], 'basis-point': ['points', 0.01],
};

/** Stems of unit words that appear next to figures and say nothing about what is measured. */
export const UNIT_WORD_STEMS = ['percent', 'per', 'cent', 'dollar', 'euro', 'pound', 'million', 'billion', 'thousand', 'km', 'mile', 'kilometr', 'metr', 'tonn', 'kg'];
