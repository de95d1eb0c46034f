// Pattern: a number written in digits, words or as a vague amount, handed to the unit patterns to say what it is.
import type { FigureValue } from '../../analysis/types';
import { CURRENCY_SYMBOLS } from '../../lexicon/units';
import { SCALES, SHORT_SCALES } from '../../lexicon/number-words';
import { NUMBER_WORD_SOURCE, VAGUE_SOURCE, parseDigits, parseNumberWords, qualifierBefore, shapeValue, shapeVague, vagueValue } from '../numbers';
import { finish } from './draft';
import type { Draft, JoinPattern, NumberPattern, NumberReading, SentencePattern, UnitReading } from './types';

/** One number as written, before its kind is decided. */
const NUMBER_RE = new RegExp(
  [
    // Currency, digits (with "," or space thousands separators), then a glued or spaced scale.
    `(?<![\\p{L}\\p{N}.,:/@#_]|\\p{L}-)(?<cur>US\\s?\\$|A\\$|C\\$|[$€£¥₹₽₴])?\\s?(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00a0\\u202f\\u2009]\\d{3})+(?![\\d,.]\\d)|\\d+(?:\\.\\d+)?)(?![\\d]|\\.\\d)`,
    `(?<![\\p{L}])(?<vague>${VAGUE_SOURCE})(?![\\p{L}])`,
    `(?<![\\p{L}-])(?<words>${NUMBER_WORD_SOURCE})(?![\\p{L}])`,
  ].join('|'),
  'giu',
);

/** Letters that may be glued to digits: scales, units, percent words, ordinals, meridiems. */
const GLUED_SUFFIX = /^(?:bn|mn|mln|tn|trn|k|m|b|km|kms|mi|kg|ft|mph|kph|am|pm|a\.m|p\.m|st|nd|rd|th|s\b|pc|per|sq|cm|mm|gb|kb|tb|-)/i;
const SCALE_AFTER = /^(?:\s?(hundred|thousand|million|billion|trillion)\b|(bn|mn|mln|tn|trn|k|m|b)\b)/i;
/** Capitalized words that make a following number an identifier ("Article 5", "Flight 17"). */
const IDENTIFIER_BEFORE = /\b(article|section|chapter|resolution|flight|route|highway|room|page|vol|volume|episode|season|level|phase|category|stage|grade|model|version|no|number|team|squad|district|unit|building|gate|platform|channel|covid|g|f|su|mig|s|mk|type|class|bill|act|amendment|rule|item|point|paragraph|clause|figure|table|step|part|book|issue|pp|p)\.?\s?$/i;

function m0Lead(matched: string, cur: string | undefined): number {
  if (cur) return matched.indexOf(cur.charAt(0)) >= 0 ? matched.indexOf(cur.charAt(0)) : 0;
  return matched.length - matched.trimStart().length;
}

/** The number of one match with its scale, or null when it is part of a name, a code, a formula or an ordinal. */
function readNumber(s: string, index: number, matchEnd: number, g: Record<string, string | undefined>, pub: number | null): NumberReading | null {
  let start = index;
  let end = matchEnd;
  let n: number;
  let value: FigureValue | null = null;
  let currency: string | null = null;
  const isWords = g.words !== undefined;
  if (g.digits !== undefined) {
    n = parseDigits(g.digits);
    if (g.cur) currency = CURRENCY_SYMBOLS[g.cur.toLowerCase().replace(/\s/g, '')] ?? 'USD';
    // Leading whitespace matched before the digits is not part of the figure.
    start = index + m0Lead(s.slice(index, matchEnd), g.cur);
    const before = s.slice(Math.max(0, start - 12), start);
    if (IDENTIFIER_BEFORE.test(before) && !currency) return null;
    // A number right after a capitalized word is part of a name ("Boeing 737", "Article 5"), unless it has
    // separators or the word is a qualifier at the start of a sentence ("Roughly 40 ships").
    const nameBefore = /(?:^|[^.!?]\s)\p{Lu}[\p{L}]+\s$/u.test(before) && !/^\s*\p{Lu}[\p{L}]+\s$/u.test(s.slice(0, start));
    if (!currency && !/,/.test(g.digits) && nameBefore && !qualifierBefore(s, start)) return null;
    // Footnote markers and list numbers: "(1)", "[2]".
    if (/[([]$/.test(before) && /^[)\]]/.test(s.slice(matchEnd)) && n < 100) return null;
  } else if (g.vague !== undefined) {
    value = vagueValue(g.vague);
    if (!value) return null;
    n = value.point;
  } else {
    const w = parseNumberWords(g.words!);
    if (w === null) return null;
    n = w;
    // "one" is too often a pronoun ("one of the", "no one") to be a figure.
    if (/^one$/i.test(g.words!) && !/^\s(?:hundred|thousand|million|billion)\b/i.test(s.slice(end))) return null;
  }
  let rest = s.slice(end);
  let scaled: number | undefined;
  // Formula fragments ("10^5 * 300", "2^15 - 1") and hex or codes ("0x08") are not claims.
  if (/[\^*=×÷]\s?$/.test(s.slice(Math.max(0, start - 2), start)) || /^\s?[\^*=×÷]/.test(rest)) return null;
  if (g.digits !== undefined && /^\p{L}/u.test(rest) && !GLUED_SUFFIX.test(rest)) return null;
  // "a billion-dollar deal", "a million-pound home": a description, not a sum anyone reports.
  if (/^-(?:dollar|euro|pound|rouble|ruble|yuan|yen)\b/i.test(rest)) return null;
  // "the 80s": a decade without its century.
  if (g.digits !== undefined && /^\d0$/.test(g.digits) && /^[’']?s\b/.test(rest)) return null;
  // "the 19th century", "the 21st": an ordinal, not a count ("the 3rd time" is read as an order below).
  if (g.digits !== undefined && /^(?:st|nd|rd|th)\b/i.test(rest)) return null;
  // "in ’91": a clipped year, too ambiguous to be a claim.
  if (g.digits !== undefined && /[’'‘]$/u.test(s.slice(Math.max(0, start - 1), start)) && /^\d{2}$/.test(g.digits)) return null;
  // "Ninety Mile Beach": a capitalized number word inside a name.
  if (isWords && start > 0 && /^\p{Lu}/u.test(g.words!) && !/[.!?“"«]\s*$/.test(s.slice(0, start)) && /^\s\p{Lu}/u.test(rest)) return null;
  const scale = SCALE_AFTER.exec(rest);
  if (scale && value === null) {
    const word = scale[1]?.toLowerCase();
    const short = scale[2]?.toLowerCase();
    // A glued "m" is metres unless money ("$5m"); "100m" without a currency is a distance.
    if (word || (short && (currency || short !== 'm'))) {
      const factor = word ? SCALES[word]! : SHORT_SCALES[short!]!;
      n *= factor;
      scaled = factor;
      end += scale[0].length;
      rest = s.slice(end);
      // "one hundred thousand", "two hundred million": a larger scale after "hundred".
      const next = word === 'hundred' ? /^\s(thousand|million|billion)\b/i.exec(rest) : null;
      if (next) {
        const more = SCALES[next[1]!.toLowerCase()]!;
        n *= more;
        scaled *= more;
        end += next[0].length;
        rest = s.slice(end);
      }
    }
  }
  return { s, pub, start, end, n, value, currency, scaled, rest, digits: g.digits, isWords };
}

/** The ending every unit reading shares: "-plus" and "-strong" after a count, then the qualifier before the number. */
function ending(r: NumberReading, u: UnitReading): Draft {
  const { s, start, n, value, scaled } = r;
  const { kind, unit, currency, countable } = u;
  let end = u.end;
  // "a 100,000-strong force": the force is what is counted.
  // "100,000-plus troops": at least that many.
  const plus = kind === 'count' ? /^-plus\b/i.exec(s.slice(end)) : null;
  if (plus) {
    end += plus[0].length;
    const counted = finish(s, null, start, end, kind, { low: n, high: null, point: n, vague: false }, unit, currency, true);
    counted.qualifier = 'more than';
    if (scaled !== undefined) counted.factor = scaled;
    return counted;
  }
  const strong = /^-strong\b/i.exec(s.slice(end));
  if (strong && kind === 'count') end += strong[0].length;
  const q = qualifierBefore(s, start);
  const finalValue = value ? shapeVague(value, q?.shape ?? null) : shapeValue(n, q?.shape ?? null);
  const draft = finish(s, q, start, end, kind, finalValue, unit, currency, countable);
  if (scaled !== undefined) draft.factor = scaled;
  return draft;
}

const isUnitReading = (x: Draft | UnitReading): x is UnitReading => !('value' in x);

/** The numbers pattern, built over the unit patterns (tried in order) and the join that makes ranges. */
export function numberFigures(units: readonly NumberPattern[], join: JoinPattern): SentencePattern {
  return {
    name: 'numbers',
    description: 'A number in digits, in words or as a vague amount, with its scale; the unit patterns after it say what it measures.',
    examples: [
      { sentence: 'Officials said Boeing 737 jets were grounded.', figures: [], notFigures: ['737'] },
      { sentence: 'The decree was in Article 5 of the treaty.', figures: [], notFigures: ['5'] },
      { sentence: 'The bill would cost two hundred million dollars.', figures: [{ text: 'two hundred million dollars', kind: 'money', value: 200_000_000, unit: 'USD' }] },
    ],
    find({ s, masked, pub, drafts, taken }) {
      for (const m of masked.matchAll(NUMBER_RE)) {
        if (taken(m.index, m.index + m[0].length)) continue;
        const reading = readNumber(s, m.index, m.index + m[0].length, m.groups!, pub);
        if (!reading) continue;
        let draft: Draft | null = null;
        for (const pattern of units) {
          const got = pattern.read(reading);
          if (got === undefined) continue;
          draft = got === null ? null : isUnitReading(got) ? ending(reading, got) : got;
          break;
        }
        if (!draft) continue;
        // "between 5,000 and 10,000 troops", "5,000 to 10,000", "5-10%": one figure spanning both numbers.
        const prev = drafts[drafts.length - 1];
        if (prev && join.join(s, prev, draft)) continue;
        if (taken(draft.start, draft.end)) continue;
        drafts.push(draft);
      }
    },
  };
}
