// Finds the checkable figures of an article's sentences: counts, money, percentages, durations, dates, times, measures.
import type { Figure, FigureKind, FigureValue, Sentence } from '../analysis/types';
import { entityKey, findEntities } from '../entities/entities';
import { countedAfter, eventNounAfter, eventNounInSentence, eventNounNear, verbBefore, verbLemma, type CountedPhrase } from './counted';
import { findDates, publicationDay } from './dates';
import { ATTRIBUTION_VERBS, PEOPLE_VERBS } from '../lexicon/event-words';
import { FREQUENCY_WORDS, ORDINALS, SCALES, SHORT_SCALES } from '../lexicon/number-words';
import { SUBJECT_BREAKS } from '../lexicon/stopwords';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATION_MINUTES, MEASURES } from '../lexicon/units';
import {
  NUMBER_WORD_SOURCE,
  VAGUE_SOURCE,
  parseDigits,
  parseNumberWords,
  qualifierBefore,
  shapeValue,
  shapeVague,
  vagueValue,
} from './numbers';

const MEASURE_SOURCE = Object.keys(MEASURES)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/\//g, '\\/').replace(/ /g, '\\s'))
  .join('|');

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
const PERCENT_AFTER = /^\s?(%|per\s?cent\b|percent\b|percentage points?\b)/i;
/** Words that make "pounds" a weight: fish, catches, cargo, scales ("$16.99 a pound" is a price per weight). */
const WEIGHT_CONTEXT = /\b(?:weigh\w*|heav(?:y|ier|iest)|ounces?|kilo\w*|tons?|tonnes?|catch(?:es)?|caught|fish\w*|halibut|salmon|cod|tuna|cargo|payload|cocaine|heroin|cannabis|marijuana|grow to|capped at|per pound|a pound|lbs?)\b/i;
const CURRENCY_AFTER = /^\s(dollars?|euros?|pounds sterling|pounds|roubles?|rubles?|yuan|yen|hryvnias?|rupees|francs)\b/i;
const CURRENCY_CODE_AFTER = /^\s?(USD|EUR|GBP|RUB|UAH|CHF)\b/;
const DURATION_AFTER = /^(?:\s|-)(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)\b(-old)?/i;
const MEASURE_AFTER = new RegExp(`^(?:\\s|-)?(${MEASURE_SOURCE})(?:s|es)?(?![\\p{L}])`, 'iu');
const NOISE_AFTER = /^\s?(shares?|comments?|likes?|views?|retweets?|followers?|reactions?|replies|subscribers?|points? on|votes? \|)\b/i;
/** Capitalized words that make a following number an identifier ("Article 5", "Flight 17"). */
const IDENTIFIER_BEFORE = /\b(article|section|chapter|resolution|flight|route|highway|room|page|vol|volume|episode|season|level|phase|category|stage|grade|model|version|no|number|team|squad|district|unit|building|gate|platform|channel|covid|g|f|su|mig|s|mk|type|class|bill|act|amendment|rule|item|point|paragraph|clause|figure|table|step|part|book|issue|pp|p)\.?\s?$/i;

/** "seven and a half hours", "2 and a half million". */
const AND_A_HALF_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3}|${NUMBER_WORD_SOURCE})\\s+and\\s+a\\s+half\\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|million|billion|thousand)(?![\\p{L}])`,
  'giu',
);

const TIME_RE = /(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?\s?(a\.m\.|p\.m\.|am|pm)?(?:\s?\(?\s?(GMT|UTC|ET|EST|EDT|CET|CEST|BST|PT|PST|PDT|MSK|EET|EEST|local time|Moscow time|Kyiv time)\)?)?(?![\d:])/gi;
const TIME_PRECEDERS = /\b(at|from|until|till|by|since|before|after|around|about|between|to|and)\s+$/i;

export interface FigureOptions {
  /** Publication date (ISO), for resolving relative dates. */
  published: string | null;
}

interface Draft {
  start: number;
  end: number;
  kind: FigureKind;
  value: FigureValue;
  qualifier: string | null;
  unit: string | null;
  currency: string | null;
  date: Figure['date'];
  alternate: Figure['alternate'];
  zone?: string | null;
  countable: boolean;
  /** Multiplier applied to the number written (scale word, unit conversion), so a range's first end can share it. */
  factor?: number;
}

/**
 * Figures of the given sentences of `text`. Sentences that look like page furniture (no closing punctuation,
 * bylines, copyright lines, embedded posts) give none.
 */
export function extractFigures(text: string, sentences: Sentence[], context: FigureOptions): Figure[] {
  const pub = publicationDay(context.published);
  const figures: Figure[] = [];
  for (const sentence of sentences) {
    if (isFurniture(sentence.text)) continue;
    const drafts = sentenceFigures(sentence.text, pub);
    if (drafts.length === 0) continue;
    // A line that is only a date (and a word or two) is a dateline or byline: "Tue. Jan 18th, 2022".
    const dated = drafts.filter((d) => d.kind === 'date' || d.kind === 'year' || d.kind === 'time');
    if (dated.length > 0) {
      let rest = sentence.text;
      for (const d of [...dated].sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
      const words = rest.match(/\p{L}{2,}/gu) ?? [];
      if (words.length <= 1 || /^\s*by\s+\p{Lu}/iu.test(rest)) continue;
    }
    const entities = findEntities(sentence.text);
    const entityKeys = [...new Set(entities.map((e) => e.key))];
    // The place is the first named after a place preposition ("in Geneva"), else the first place named.
    const placed = entities.filter((e) => e.type === 'place');
    const place = (placed.find((e) => /\b(?:in|at|near|from|outside)\s+(?:the\s+)?$/i.test(sentence.text.slice(Math.max(0, e.start - 12), e.start))) ?? placed[0])?.key ?? null;
    const attribution = attributionOf(sentence.text);
    let previous = null as { counted: CountedPhrase; end: number } | null;
    for (const d of drafts) {
      let counted: CountedPhrase | null = d.countable ? (countedAfter(sentence.text, d.end) ?? tollBefore(sentence.text, d.start) ?? numberOfBefore(sentence.text, d.start) ?? numberingBefore(sentence.text, d.start)) : null;
      // "killing at least 62 people and injuring more than 400": the second count takes the first one's noun.
      if (d.countable && !counted && previous && ELLIPSIS_GAP.test(sentence.text.slice(previous.end, d.start)) && !/^\s*(?:\p{L}|\d)/u.test(sentence.text.slice(d.end, d.end + 2).replace(/^[,.;:!?)]/, ''))) {
        counted = { ...previous.counted, start: -1, end: d.end, verbAfter: null };
      }
      // "has killed more than 14,000", "at least 62 died": a bare number killed, hurt or moved counts people.
      if (d.countable && !counted && d.kind === 'count') counted = implicitPeople(sentence.text, d.start, d.end);
      if (counted && d.kind === 'count') previous = { counted, end: counted.start >= 0 ? counted.end : d.end };
      // "a 50-minute phone call": an adjectival figure belongs to the noun it modifies, which no verb governs.
      const adjectival = /-(?:minute|hour|day|week|month|year)$/i.test(sentence.text.slice(d.start, d.end)) ? eventNounAfter(sentence.text, d.end) : null;
      const dated = d.kind === 'date' || d.kind === 'time';
      // "urged Lavrov on Tuesday to withdraw troops": an infinitive after a date is what was urged, not the
      // event of the day; the day belongs to the occasion the sentence names ("in a phone call").
      const after = dated && /^\s+to\s/i.test(sentence.text.slice(d.end)) ? null : verbAfterFigure(sentence.text, d.end);
      const occasion = dated ? (eventNounInSentence(sentence.text, d.start, d.end) ?? conversationOf(sentence.text)) : d.kind === 'duration' ? conversationOf(sentence.text) : null;
      const verb = adjectival?.lemma ?? counted?.verbAfter ?? verbBefore(sentence.text, d.start) ?? after ?? occasion?.lemma ?? null;
      const event = adjectival?.word ?? eventNounNear(sentence.text, d.start, d.end) ?? (d.kind === 'duration' ? conversationOf(sentence.text)?.word : null) ?? occasion?.word ?? null;
      const figure: Figure = {
        start: sentence.start + d.start,
        end: sentence.start + d.end,
        text: sentence.text.slice(d.start, d.end),
        sentence: sentence.index,
        kind: d.kind,
        value: d.value,
        qualifier: d.qualifier,
        unit: d.unit,
        currency: d.currency,
        counted: counted?.text ?? null,
        countedKey: counted?.key ?? null,
        countedModifiers: counted ? [...counted.modifiers, ...(counted.start >= 0 ? ofComplement(sentence.text, counted.end) : [])] : [],
        verb,
        entities: entityKeys,
        place,
        attribution: attribution?.text ?? null,
        attributionKey: attribution?.key ?? null,
        date: d.date,
        alternate: d.alternate,
      };
      if (d.zone !== undefined) figure.zone = d.zone;
      if (event) figure.event = event;
      figures.push(figure);
    }
  }
  return figures;
}

/** True for lines that are page furniture rather than article sentences. */
function isFurniture(sentence: string): boolean {
  if (!/[.!?…"”»’')\]]$/u.test(sentence)) return true;
  if (/©|\(c\)\s*\d{4}|pic\.twitter\.com|\(@\w+\)|^(published|updated|posted|last updated|first published)\b/iu.test(sentence)) return true;
  return false;
}

/** Figures of one sentence, with offsets into it. */
function sentenceFigures(s: string, pub: number | null): Draft[] {
  const drafts: Draft[] = [];
  const taken = (a: number, b: number): boolean => drafts.some((d) => a < d.end && b > d.start);
  const masked = maskNoise(s);

  // Times of day first, so that "15:35" is not read as two counts.
  for (const m of masked.matchAll(TIME_RE)) {
    const [all, h, min, meridiem, zone] = m;
    const hour = Number(h);
    const minute = min ? Number(min) : 0;
    const clock = min !== undefined;
    if (!clock && !meridiem) continue;
    if (hour > 23 || minute > 59 || (meridiem && hour > 12)) continue;
    // A bare "12:30" needs a zone or a preposition: video timers ("0:00", "2:35") have neither.
    if (!meridiem && !zone && !TIME_PRECEDERS.test(s.slice(0, m.index)) && !/^\s?\(/.test(s.slice(m.index + all.length))) continue;
    if (hour === 0 && minute === 0 && !meridiem && !zone) continue;
    let h24 = hour;
    if (meridiem?.toLowerCase().startsWith('p') && hour < 12) h24 += 12;
    if (meridiem?.toLowerCase().startsWith('a') && hour === 12) h24 = 0;
    const end = m.index + all.replace(/[\s)]+$/, '').length;
    const point = h24 * 60 + minute;
    const draft: Draft = {
      start: m.index,
      end,
      kind: 'time',
      value: { low: point, high: point, point, vague: false },
      qualifier: null,
      unit: 'minute-of-day',
      currency: null,
      date: null,
      alternate: null,
      zone: zone ? zone.toUpperCase() : null,
      countable: false,
    };
    drafts.push(draft);
  }
  // "1451 GMT": four digits glued to a zone.
  for (const m of masked.matchAll(/(?<![\d:.,])([01]\d|2[0-3])([0-5]\d)\s?(GMT|UTC|Z)\b/g)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const point = Number(m[1]) * 60 + Number(m[2]);
    drafts.push({ start: m.index, end: m.index + m[0].length, kind: 'time', value: { low: point, high: point, point, vague: false }, qualifier: null, unit: 'minute-of-day', currency: null, date: null, alternate: null, zone: m[3]!, countable: false });
  }
  drafts.sort((a, b) => a.start - b.start);
  // "15:35 (20:35 GMT)": the second time is an alternate rendering of the first.
  for (let i = 0; i + 1 < drafts.length; i += 1) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (/^\s?\(\s?$/.test(s.slice(a.end, b.start))) {
      a.alternate = { text: s.slice(b.start, b.end), value: b.value, unit: b.unit, consistent: true };
      a.end = Math.min(s.length, b.end + (s[b.end] === ')' ? 1 : 0));
      drafts.splice(i + 1, 1);
    }
  }

  for (const d of findDates(masked, pub)) {
    if (taken(d.start, d.end)) continue;
    const point = d.kind === 'year' ? Number(d.text.slice(0, 4)) : d.date ? Date.parse(d.date.start) / 86_400_000 : NaN;
    const value: FigureValue =
      d.kind === 'year'
        ? { low: point, high: d.text.endsWith('s') ? point + 9 : point, point, vague: false }
        : d.date
          ? { low: point, high: Date.parse(d.date.end) / 86_400_000, point, vague: false }
          : { low: NaN, high: null, point: NaN, vague: true };
    if (Number.isNaN(value.point)) {
      // An unresolved relative date still is a figure; its value is unknown.
      value.low = 0;
      value.point = 0;
    }
    drafts.push({ start: d.start, end: d.end, kind: d.kind, value, qualifier: d.qualifier, unit: d.kind === 'year' ? 'year' : 'day', currency: null, date: d.date, alternate: null, countable: false });
  }

  // "one in five Ukrainians", "three out of four": a proportion, read as a percentage.
  for (const m of masked.matchAll(RATIO_RE)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const a = /^\d/.test(m[1]!) ? Number(m[1]) : (m[1]!.toLowerCase() === 'one' ? 1 : parseNumberWords(m[1]!));
    const b = /^\d/.test(m[2]!) ? Number(m[2]) : parseNumberWords(m[2]!);
    if (!a || !b || a >= b) continue;
    const point = Math.round((a / b) * 1000) / 10;
    const found = qualifierBefore(s, m.index);
    drafts.push(finish(s, found, m.index, m.index + m[0].length, 'percent', shapeValue(point, found?.shape ?? null), 'percent', null, false));
  }

  // "an hour", "half an hour"; "a week" and the like only after a qualifier ("nearly a week", "more than a year"),
  // since "a day after" is a connective rather than a measured span.
  for (const m of masked.matchAll(/\b(an hour and a half|half an hour|a half[- ]hour|(?:a|three)[- ]quarters? of an hour|an hour|(?:a|an)\s+(?:minute|day|week|fortnight|month|year|decade))\b/gi)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const phrase = m[1]!.toLowerCase().replace(/-/g, ' ');
    const found = qualifierBefore(s, m.index);
    const q = found && found.raw.toLowerCase() === 'over' ? null : found;
    if (!phrase.includes('hour') && !q) continue;
    const quarters = /^(a|three) quarter/.exec(phrase);
    const minutes = phrase === 'an hour and a half' ? 90 : phrase.includes('half') ? 30 : quarters ? (quarters[1] === 'a' ? 15 : 45) : DURATION_MINUTES[phrase.split(/\s+/).pop()!]!;
    drafts.push(finish(s, q, m.index, m.index + m[0].length, 'duration', shapeValue(minutes, q?.shape ?? null), 'minute', null, false));
  }

  // "seven and a half hours", "two and a half million people": the half belongs to the number.
  for (const m of masked.matchAll(AND_A_HALF_RE)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const whole = /^\d/.test(m[1]!) ? Number(m[1]) : parseNumberWords(m[1]!);
    if (whole === null) continue;
    const unitWord = m[2]!.toLowerCase();
    const found = qualifierBefore(s, m.index);
    const end = m.index + m[0].length;
    if (SCALES[unitWord] !== undefined) {
      const n = (whole + 0.5) * SCALES[unitWord]!;
      drafts.push(finish(s, found, m.index, end, 'count', shapeValue(n, found?.shape ?? null), null, null, true));
      continue;
    }
    const u = unitWord.replace(/ies$/, 'y').replace(/s$/, '');
    const q = found && found.raw.toLowerCase() === 'over' ? null : found;
    drafts.push(finish(s, q, m.index, end, 'duration', shapeValue((whole + 0.5) * DURATION_MINUTES[u]!, q?.shape ?? null), 'minute', null, false));
  }

  // "two-thirds of voters", "a quarter of the city", "half of all homes": a fraction, read as a percentage.
  // "a quarter of an hour" and "the third of March" are not.
  for (const m of masked.matchAll(FRACTION_RE)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const num = m[1]!.toLowerCase();
    const den = m[2]!.toLowerCase().replace(/s$/, '');
    const n = num === 'a' || num === 'one' ? 1 : (parseNumberWords(num) ?? 0);
    const d = FRACTION_DENOMINATORS[den]!;
    if (n <= 0 || n >= d) continue;
    const point = Math.round((n / d) * 1000) / 10;
    const found = qualifierBefore(s, m.index);
    const end = m.index + m[0].length - m[3]!.length;
    drafts.push(finish(s, found, m.index, end, 'percent', shapeValue(point, found?.shape ?? null), 'percent', null, false));
  }

  for (const m of masked.matchAll(NUMBER_RE)) {
    const g = m.groups!;
    let start = m.index;
    let end = m.index + m[0].length;
    if (taken(start, end)) continue;
    const draft = numberDraft(s, m.index, end, g, pub);
    if (!draft) continue;
    // "between 5,000 and 10,000 troops", "5,000 to 10,000", "5-10%": one figure spanning both numbers.
    const prev = drafts[drafts.length - 1];
    if (prev && mergeRange(s, prev, draft)) continue;
    if (taken(draft.start, draft.end)) continue;
    start = draft.start;
    end = draft.end;
    drafts.push(draft);
  }

  // Frequency and order: "twice", "for the second time", "three times".
  for (const m of masked.matchAll(/\b(twice|thrice)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(time|round|consecutive|straight)\b/gi)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const n = m[1] ? FREQUENCY_WORDS[m[1].toLowerCase()]! : (ORDINALS[m[2]!.toLowerCase()] ?? parseInt(m[2]!, 10));
    const kind: FigureKind = m[1] ? 'frequency' : 'order';
    const end = m[1] ? m.index + m[0].length : m.index + m[2]!.length + 1 + m[3]!.length;
    drafts.push({ start: m.index, end, kind, value: { low: n, high: n, point: n, vague: false }, qualifier: null, unit: null, currency: null, date: null, alternate: null, countable: false });
  }
  for (const d of drafts) {
    // "three times", and multipliers ("three times higher") too: neither is a quantity another report can give.
    if (d.kind === 'count' && /^\s+times\b/i.test(s.slice(d.end))) {
      d.kind = 'frequency';
      d.end += /^\s+times/i.exec(s.slice(d.end))![0].length;
      d.countable = false;
    }
  }
  drafts.sort((a, b) => a.start - b.start);
  // "1 hour 40 minutes", "an hour and 20 minutes": one length written in two units.
  for (let i = 0; i + 1 < drafts.length; i += 1) {
    const a = drafts[i]!;
    const b = drafts[i + 1]!;
    if (a.kind !== 'duration' || b.kind !== 'duration' || b.qualifier || a.value.vague || b.value.vague) continue;
    if (!/^\s+(?:and\s+)?$/.test(s.slice(a.end, b.start)) || a.value.point <= b.value.point) continue;
    const add = (x: number | null, y: number | null): number | null => (x === null || y === null ? null : x + y);
    a.value = { low: a.value.low + b.value.low, high: add(a.value.high, b.value.high), point: a.value.point + b.value.point, vague: false };
    a.end = b.end;
    drafts.splice(i + 1, 1);
  }
  return drafts;
}

const SMALL_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,3})';
const RATIO_RE = new RegExp(`\\b(${SMALL_NUMBER})\\s+(?:in|out\\s+of)\\s+(?:every\\s+)?(${SMALL_NUMBER})\\b(?!\\s*(?:%|per|percent|[,.]\\d))`, 'gi');

const FRACTION_DENOMINATORS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, sixth: 6, eighth: 8, tenth: 10 };
/** "two-thirds of", "a quarter of the", "one-fifth of": numerator, denominator, then "of" (not "of an hour"). */
const FRACTION_RE = /\b(a|one|two|three|four|five|seven|nine)[- ](halfs?|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(\s+of)\b(?!\s+(?:an?\s+)?(?:hour|minute|mile|century|second|day|year|inch|point)s?\b)/gi;

const RANGE_KINDS = new Set<FigureKind>(['count', 'money', 'percent', 'measure', 'duration']);

/** Merges `b` into `a` when the two form a range; true when merged. */
function mergeRange(s: string, a: Draft, b: Draft): boolean {
  if (!RANGE_KINDS.has(a.kind) || !RANGE_KINDS.has(b.kind) || a.qualifier || b.qualifier) return false;
  const between = s.slice(a.end, b.start);
  const withAnd = /^\s+and\s+$/i.test(between) && /\bbetween\s+$/i.test(s.slice(Math.max(0, a.start - 9), a.start));
  if (!withAnd && !/^\s*(?:-|–|—)\s*$|^\s+to\s+$/i.test(between)) return false;
  // "$5-10 billion": the second number takes the first's currency.
  if (a.kind === 'money' && b.kind === 'count' && b.currency === null) {
    b.kind = 'money';
    b.unit = a.unit;
    b.currency = a.currency;
  }
  if (a.kind !== 'count' && a.kind !== b.kind) return false;
  // The first number shares the second's scale or unit when it has none of its own: "5 to 10 million".
  const scale = a.kind === 'count' && b.kind !== 'count' ? (b.factor ?? 1) : a.factor === undefined && (b.factor ?? 1) > 1 && a.value.point * (b.factor ?? 1) <= b.value.point ? (b.factor ?? 1) : 1;
  const low = a.value.low * scale;
  const high = b.value.high;
  if (high !== null && low > high) return false;
  if (withAnd) a.start -= /between\s+$/i.exec(s.slice(0, a.start))![0].length;
  a.end = b.end;
  a.kind = b.kind;
  a.unit = b.unit;
  a.currency = b.currency ?? a.currency;
  a.value = { low, high, point: high === null ? low : (low + high) / 2, vague: a.value.vague || b.value.vague };
  a.qualifier = 'between';
  a.countable = b.countable;
  a.factor = b.factor;
  return true;
}

const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,40}(?:,\s*[\p{L}][\p{L} .'’-]{0,30})?,\s*(?:[\p{L}]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[\p{L}]{3,9})(?:,?\s+\d{4})?\s*(?:\([\p{L} .&-]{2,30}\)\s*)?[-–—]/u;

/** Blanks URLs, handles, e-mail addresses and hashtags (same length, so offsets hold). */
function maskNoise(raw: string): string {
  // A wire dateline is not a claim: "MOSCOW, Dec 7 (Reuters) -", "GENEVA, Jan 21 —".
  const s = raw.replace(DATELINE, (x) => ' '.repeat(x.length));
  // Cheap test first: the full pattern is only worth running on the few sentences that may hold such things.
  if (!/[@#]|https?:|www\.|\.(?:com|org|net)\//i.test(s)) return s;
  return s.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.-]+\.(?:com|org|net)\/\S*|[^\s@]+@[^\s@]+\.\w+|[@#][\w.]+/giu, (x) => ' '.repeat(x.length));
}

function numberDraft(s: string, index: number, matchEnd: number, g: Record<string, string | undefined>, pub: number | null): Draft | null {
  let start = index;
  let end = matchEnd;
  let n: number;
  let value: FigureValue | null = null;
  let currency: string | null = null;
  let kind: FigureKind = 'count';
  let unit: string | null = null;
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
  // An earthquake's magnitude: "magnitude 6.9", "a 6.9-magnitude quake", "the 6.9 tremor" (a decimal before a
  // singular quake noun is no count of quakes).
  if (g.digits !== undefined && !currency && scaled === undefined && n < 10) {
    const magnitudeAfter = /^(?:-|\s)magnitude\b/i.exec(rest);
    const magnitudeBefore = /\bmagnitude(?:\s+of)?\s+$/i.test(s.slice(Math.max(0, start - 14), start));
    const quakeAfter = /^\s(?:earthquake|quake|tremor|aftershock|temblor)\b/i.test(rest) && !Number.isInteger(n);
    if (magnitudeAfter || magnitudeBefore || quakeAfter) {
      if (magnitudeAfter) end += magnitudeAfter[0].length;
      const q = qualifierBefore(s, start);
      return finish(s, q, start, end, 'measure', shapeValue(n, q?.shape ?? null), 'magnitude', null, false);
    }
  }
  const percent = PERCENT_AFTER.exec(rest);
  const currencyWord = CURRENCY_AFTER.exec(rest) ?? CURRENCY_CODE_AFTER.exec(rest);
  const duration = DURATION_AFTER.exec(rest);
  const measure = MEASURE_AFTER.exec(rest);
  let countable = false;
  // Share buttons and follower widgets ("1.2K shares", "340 comments") stand alone; in a sentence with a verb these
  // nouns are what a figure counts ("added 8.3 million subscribers", "sold 5 million shares").
  if (NOISE_AFTER.test(rest) && s.trim().split(/\s+/).length < 6) return null;
  if (percent) {
    kind = 'percent';
    unit = /point/i.test(percent[1]!) ? 'percentage-point' : 'percent';
    end += percent[0].length;
  } else if (!currency && currencyWord && /^\s?pounds?\b/i.test(currencyWord[0]) && WEIGHT_CONTEXT.test(s)) {
    // "a fish that can grow to 500 pounds", "capped at 29.4 million pounds": a weight, not sterling.
    const q = qualifierBefore(s, start);
    end += currencyWord[0].length;
    return finish(s, q, start, end, 'measure', scaleValue(value ?? shapeValue(n, q?.shape ?? null), MEASURES.lb!.factor, value !== null), 'kg', null, false);
  } else if (currency || currencyWord) {
    kind = 'money';
    if (!currency && currencyWord) {
      currency = CURRENCY_WORDS[currencyWord[1]!.toLowerCase()] ?? currencyWord[1]!.toUpperCase();
      end += currencyWord[0].length;
    }
    unit = currency;
  } else if (duration) {
    const u = duration[1]!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '').replace(/^mins?$/, 'min').replace(/^hrs?$/, 'hr');
    const factor = DURATION_MINUTES[u] ?? DURATION_MINUTES[u.replace(/s$/, '')]!;
    end += duration[0].length;
    const old = /^\s+old\b/i.test(s.slice(end));
    if (duration[2] || old) {
      // "a 45-year-old man": an age.
      kind = 'measure';
      unit = 'year-of-age';
    } else if (/^\s+ago\b/i.test(s.slice(end))) {
      // "four years ago": a date counted back from publication.
      end += /^\s+ago/i.exec(s.slice(end))![0].length;
      const amount = value?.point ?? n;
      const back = agoDate(pub, amount, u);
      const point = back ? Date.parse(back.start) / 86_400_000 : 0;
      const high = back ? Date.parse(back.end) / 86_400_000 : 0;
      return { start, end, kind: 'date', value: { low: point, high, point, vague: !back || value !== null }, qualifier: qualifierBefore(s, start)?.norm ?? null, unit: 'day', currency: null, date: back, alternate: null, countable: false };
    } else {
      kind = 'duration';
      unit = 'minute';
      // "two years ago" is a date, kept as a duration back from publication.
      // "over two years" is a span of time, not "more than two years".
      const found = qualifierBefore(s, start);
      const q = found && found.raw.toLowerCase() === 'over' ? null : found;
      const base = value ?? shapeValue(n, q?.shape ?? null);
      return finish(s, q, start, end, kind, scaleValue(base, factor, value !== null), unit, null, false);
    }
  } else if (measure) {
    const key = measure[1]!.toLowerCase().replace(/\s+/g, ' ');
    const def = MEASURES[key] ?? MEASURES[key.replace(/s$/, '')];
    if (!def) return null;
    kind = 'measure';
    unit = def.unit;
    end += measure[0].length;
    const q = qualifierBefore(s, start);
    const base = value ?? shapeValue(n, q?.shape ?? null);
    const draft = finish(s, q, start, end, kind, scaleValue(base, def.factor, value !== null), unit, null, false);
    return withAlternate(s, draft);
  } else {
    // "Parata, 75, has overseen…": an age in apposition to a name.
    if (g.digits !== undefined && Number.isInteger(n) && n > 0 && n < 120 && rest.startsWith(',') && /\p{Lu}[\p{L}’'.-]+,\s$/u.test(s.slice(Math.max(0, start - 40), start)) && !/\b(?:in|at|from|of|to|and|or)\s+\p{Lu}[\p{L}’'.-]+,\s$/iu.test(s.slice(Math.max(0, start - 40), start))) {
      return { start, end, kind: 'measure', value: { low: n, high: n, point: n, vague: false }, qualifier: null, unit: 'year-of-age', currency: null, date: null, alternate: null, countable: false };
    }
    // A bare number: a count only when something counted follows, or it is large or qualified.
    countable = true;
    if (isWords && value === null) {
      const after = countedAfter(s, end);
      if (!after) return null;
      // "the two leaders", "these three": anaphora rather than a claim.
      if (/\b(the|these|those|its|their|his|her|our|both)\s+$/i.test(s.slice(Math.max(0, start - 8), start)) && n <= 10) return null;
    }
    if (!isWords && value === null && Number.isInteger(n) && n < 10 && !countedAfter(s, end)) return null;
  }
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

/** The period `amount` units before publication: "four years ago" in 2015 is the year 2011. */
function agoDate(pub: number | null, amount: number, unit: string): Figure['date'] {
  if (pub === null || !Number.isFinite(amount)) return null;
  const d = new Date(pub);
  const iso = (x: Date): string => x.toISOString().slice(0, 10);
  if (unit === 'year' || unit === 'decade' || unit === 'century') {
    const years = amount * (unit === 'decade' ? 10 : unit === 'century' ? 100 : 1);
    const y = d.getUTCFullYear() - Math.round(years);
    return { start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' };
  }
  if (unit === 'month') {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - Math.round(amount), 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { start: iso(first), end: iso(last), granularity: 'month' };
  }
  const days = unit === 'week' ? amount * 7 : unit === 'fortnight' ? amount * 14 : unit === 'day' ? amount : 0;
  const at = new Date(pub - Math.round(days) * 86_400_000);
  if (unit === 'week' || unit === 'fortnight') {
    const monday = new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * 86_400_000);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 86_400_000)), granularity: 'week' };
  }
  return { start: iso(at), end: iso(at), granularity: 'day' };
}

function m0Lead(matched: string, cur: string | undefined): number {
  if (cur) return matched.indexOf(cur.charAt(0)) >= 0 ? matched.indexOf(cur.charAt(0)) : 0;
  return matched.length - matched.trimStart().length;
}

function scaleValue(v: FigureValue, factor: number, vague: boolean): FigureValue {
  const r = (x: number): number => Math.round(x * factor * 1000) / 1000;
  return { low: r(v.low), high: v.high === null ? null : r(v.high), point: r(v.point), vague: vague || v.vague };
}

function finish(
  s: string,
  q: ReturnType<typeof qualifierBefore>,
  start: number,
  end: number,
  kind: FigureKind,
  value: FigureValue,
  unit: string | null,
  currency: string | null,
  countable: boolean,
): Draft {
  return {
    start: q ? q.start : start,
    end,
    kind,
    value,
    qualifier: q?.norm ?? null,
    unit,
    currency,
    date: null,
    alternate: null,
    countable,
  };
}

/** "26 miles (46km)": the bracketed rendering becomes the alternate; a pair more than 5% apart is inconsistent. */
function withAlternate(s: string, draft: Draft): Draft {
  const m = new RegExp(`^\\s?\\(\\s?(?:about\\s+|around\\s+|some\\s+)?(\\d[\\d,]*(?:\\.\\d+)?)\\s?(${MEASURE_SOURCE})s?\\s?\\)`, 'iu').exec(s.slice(draft.end));
  if (!m) return draft;
  const def = MEASURES[m[2]!.toLowerCase()] ?? MEASURES[m[2]!.toLowerCase().replace(/s$/, '')];
  if (!def || def.unit !== draft.unit) return draft;
  const n = parseDigits(m[1]!) * def.factor;
  const value: FigureValue = { low: n, high: n, point: n, vague: false };
  const consistent = Math.abs(n - draft.value.point) <= 0.05 * Math.max(n, draft.value.point);
  const open = s.indexOf('(', draft.end);
  draft.alternate = { text: s.slice(open + 1, draft.end + m[0].length - 1).trim(), value, unit: def.unit, consistent };
  // The figure covers both renderings, as the time pairs do: "26 miles (46km)".
  draft.end += m[0].length;
  return draft;
}

/** Between a counted phrase and an elliptical count: "people and injuring", "people, wounding". */
const ELLIPSIS_GAP = /^(?:\s+[\p{L}’'-]+){0,3}?\s*,?\s+(?:and|while|with)\s+(?:[\p{L}’'-]+\s+){0,2}$/u;

/**
 * "the number of people killed … rose to 118": what the number counts is named before it. The participle after the
 * noun is the event ("killed"), not the verb of the sentence ("rose").
 */
function numberOfBefore(s: string, start: number): CountedPhrase | null {
  const from = Math.max(0, start - 120);
  const before = s.slice(from, start).replace(/\s+(?:about|around|some|nearly|almost|more than|over|at least|roughly|an estimated)\s*$/i, ' ');
  const m = /\bnumber\s+of\s+([^.;:!?]*?)\s+(?:(?:rose|climbed|jumped|increased|grew|reached|stood|stands|was|is|has\s+risen|had\s+risen|hit|passed|topped)(?:\s+to|\s+at)?|at)\s+$/iu.exec(before);
  if (!m) return null;
  // What follows "number of" is read as any counted phrase: "the number of Russian troops" → Russian troops.
  const phraseStart = from + m.index + m[0].indexOf(m[1]!);
  const phrase = countedAfter(s, phraseStart - 1);
  if (!phrase) return null;
  const participle = /^\s+([\p{L}-]+)/u.exec(s.slice(phrase.end));
  const verb = phrase.verbAfter ?? (participle ? verbLemma(participle[1]!) : null);
  return { ...phrase, start: -1, end: start, verbAfter: verb };
}

/**
 * "Biden and Putin spoke by phone for 50 minutes": speaking or talking with a phone or video named in the sentence is
 * a call, even where no noun says so.
 */
function conversationOf(s: string): { word: string; lemma: string } | null {
  if (!/\b(?:spoke|speak|speaks|speaking|talked|talk|talks|talking|conversed|chatted)\b/i.test(s)) return null;
  return /\b(?:phone|telephone|video\s?link|videoconference|video\s+call|by\s+video)\b/i.test(s) ? { word: 'call', lemma: 'call' } : null;
}

/** "Russian forces numbering 100,000": the phrase before "numbering" is what is counted. */
function numberingBefore(s: string, start: number): CountedPhrase | null {
  const m = /((?:\p{L}[\p{L}’'-]*\s+){1,3}?)(?:numbering|totalling|totaling)\s+(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+|over\s+|up\s+to\s+)?$/iu.exec(s.slice(Math.max(0, start - 60), start + 0));
  if (!m) return null;
  const phraseStart = Math.max(0, start - 60) + m.index;
  const phrase = countedAfter(s, phraseStart - 1);
  return phrase ? { ...phrase, start: -1, end: start, verbAfter: null } : null;
}

const PEOPLE_VERB_SOURCE = Object.keys(PEOPLE_VERBS).join('|');
const PEOPLE_BEFORE = new RegExp(`\\b(${PEOPLE_VERB_SOURCE})\\s+$`, 'i');
const PEOPLE_AFTER = new RegExp(`^\\s+(?:(?:have|has|had)\\s+)?(?:(?:been|were|was|are|is)\\s+)?(?:reported\\s+|confirmed\\s+)?(${PEOPLE_VERB_SOURCE})\\b`, 'i');

/**
 * People counted by a bare number: "the conflict has killed more than 14,000", "at least 62 died",
 * "more than 14,000 have been killed". Null when the number has a verb of its own that counts something else.
 */
function implicitPeople(s: string, start: number, end: number): CountedPhrase | null {
  const before = PEOPLE_BEFORE.exec(s.slice(Math.max(0, start - 20), start));
  const after = before ? null : PEOPLE_AFTER.exec(s.slice(end, end + 40));
  const word = (before ?? after)?.[1]?.toLowerCase();
  if (!word) return null;
  return { text: 'people', start: -1, end, head: 'people', key: 'person', modifiers: [], verbAfter: PEOPLE_VERBS[word] ?? null };
}

/** "puts the death toll at about 14,000": a toll counts people, though no noun follows the number. */
function tollBefore(s: string, start: number): ReturnType<typeof countedAfter> {
  // Up to eight words between: "the death toll from the floods in Romania's Danube delta rose to 21".
  const m = /\b((?:death\s+)?toll)\b(?:\s+[\p{L}’'-]+){0,8}?\s+(?:at|of|to|reached|rose\s+to|climbed\s+to|jumped\s+to|has\s+risen\s+to|stands\s+at|stood\s+at|is|was)\s+$/u.exec(s.slice(Math.max(0, start - 110), start).replace(/\s+(?:about|around|some|nearly|almost|more than|over|at least|roughly|an estimated)\s*$/i, ' '));
  if (!m) return null;
  // A toll counts the dead whatever verb moves it ("the death toll rose to 40").
  return { text: m[1]!, start: -1, end: start, head: 'toll', key: 'person', modifiers: [], verbAfter: 'kill' };
}

/** "the more than 50 ministers of the OSCE": entity keys of an "of" complement after the counted phrase. */
function ofComplement(s: string, from: number): string[] {
  const m = /^\s+of\s+(?:the\s+)?((?:\p{Lu}[\p{L}.-]*\s?){1,4})/u.exec(s.slice(from));
  if (!m) return [];
  return findEntities(m[1]!).map((e) => e.key);
}

/** A verb right after a figure that is not followed by a counted noun ("lasted 50 minutes" reads the verb before). */
function verbAfterFigure(s: string, from: number): string | null {
  const m = /^\s+(?:\w+\s+)?([\p{L}’'-]+)/u.exec(s.slice(from));
  return m ? verbLemma(m[1]!) : null;
}

const WEEKDAY = /^(?:(?:on|last|next)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

const SOURCE_NOUNS = /^(?:officials?|sources?|intelligence|ministry|department|government|agency|police|authorities|spokes(?:man|woman|person)|officers?|assistant|aides?|advisers?|analysts?|experts?|diplomats?|military|army|office|statement|report|data|figures|estimates)$/i;


const ATTRIBUTION_VERB_RE = new RegExp(`\\b(${ATTRIBUTION_VERBS})\\b`, 'u');

/** Who the sentence attributes its claim to: "according to US intelligence services", "Washington accusing". */
export function attributionOf(sentence: string): { text: string; key: string | null } | null {
  const according = /\baccording to\s+((?:the\s+)?[^,.;:()“”"«»]+?)(?=\s+(?:on|in|at|who|which|that|started|and)\b|[,.;:()“”"«»]|$)/iu.exec(sentence);
  if (according) {
    const who = according[1]!.trim();
    return { text: `according to ${who}`, key: entityKey(who) };
  }
  // The subject of an attribution verb: up to five words before it, cut at the last function word.
  const verb = ATTRIBUTION_VERB_RE.exec(sentence);
  if (verb) {
    const before = sentence.slice(Math.max(0, verb.index - 80), verb.index).replace(/\s+(?:has|have|had)\s*$/i, '');
    const words = (before.match(/[\p{L}’'.-]+/gu) ?? []).slice(-5);
    let from = 0;
    words.forEach((w, i) => {
      if (SUBJECT_BREAKS.has(w.toLowerCase())) from = i + 1;
    });
    const kept = words.slice(from);
    const last = kept[kept.length - 1] ?? '';
    const who = kept.join(' ');
    const named = who !== '' && (/^\p{Lu}/u.test(last) || SOURCE_NOUNS.test(last)) && !/^(he|she|they|it|we|i|you|this|that)$/i.test(who) && !WEEKDAY.test(who);
    // The words must run straight into the verb (no punctuation between).
    const adjacent = new RegExp(`${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:(?:has|have|had)\\s+)?$`, 'u').test(sentence.slice(0, verb.index));
    if (named && adjacent) return { text: `${who} ${verb[1]}`, key: entityKey(who) };
  }
  const inverted = /\b(said|says|told)\s+((?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})(?=[,.;]|$)/u.exec(sentence);
  if (inverted) return { text: `${inverted[1]} ${inverted[2]}`, key: entityKey(inverted[2]!) };
  return null;
}
