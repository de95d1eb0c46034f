// A figure's quantity frame: what it measures, whose it is, the period, the basis of a change, its role and its status.
import type { Figure } from '../analysis/types';
import { findEntities, type EntityMention } from '../entities/entities';
import { singular } from '../figures/counted';
import { CONCEPT_NOISE, CONCEPT_OF, HEAD_CONCEPTS, MAX_CONCEPT_WORDS } from '../lexicon/concepts';
import {
  BACK_POINTERS,
  BASELINE_BEFORE,
  EARLIER_AFTER,
  EXPECTED_WORDS,
  HYPOTHETICAL_WORDS,
  MONTH_BASIS,
  QUARTER_BASIS,
  SOURCE_NAMES,
  THAN_EXPECTED,
  YEAR_BASIS,
} from '../lexicon/frame-words';
import { holderKey } from '../lexicon/names';
import { BUSINESS_HEADS } from '../lexicon/name-words';
import { isStopword } from '../match/text';
import { findPeriod, type Period } from './periods';

export type FrameStatus = 'actual' | 'expected' | 'hypothetical';

/** What a figure is a quantity of, read from its sentence. Every field may be unknown (empty or null). */
export interface QuantityFrame {
  /** Concepts it measures, nearest first ("revenue", "inflation", "jobs"). */
  concepts: string[];
  /**
   * How many of `concepts` the figure measures jointly: 2 for "revenues and profits that rose 30%", where the
   * figure is as much the second's as the first's; else 1 (0 when none).
   */
  jointConcepts: number;
  /** The words that named the first concept, as written. */
  conceptText: string | null;
  /** Whose quantity it is: canonical entity keys (a company, a country, a product). */
  holders: string[];
  /** Where the holders came from: the figure's sentence, its paragraph's lead, or the story's headline and lead. */
  holderFrom: 'sentence' | 'paragraph' | 'story' | null;
  /**
   * A part of a holder the figure belongs to ("Meta's Reality Labs unit", "the firm's cloud division"): its key, or
   * null. The parent is among `holders` too, so a part's figure may confirm the parent's but never conflict with it.
   */
  part: string | null;
  /** The names the whole story keeps coming back to: who the story is about. */
  storyHolders: string[];
  /** The period it applies to. */
  period: Period | null;
  /** For changes: over what they are measured (a year, a month, a quarter). */
  basis: 'year' | 'month' | 'quarter' | null;
  /** "baseline" for the value a change started from ("from 4.2%"), "earlier" for last year's value. */
  role: 'baseline' | 'earlier' | null;
  status: FrameStatus;
  /**
   * For a record's bound ("the largest jump since April 1981", "a 40-year high", "the highest in almost 40 years"):
   * the year the record reaches back to, and whether it is approximate (counted back in years).
   */
  recordSince: { year: number; approx: boolean } | null;
  /** The day the sentence ties the figure to ("on Thursday morning"), ISO, when it names one. */
  day: string | null;
  /** For expectations: whose ("market" for analysts, economists, Wall Street; "own" for the holder's guidance). */
  expectedBy: 'market' | 'own' | null;
}

/** What the frame builder needs to know about the figure's surroundings. */
export interface FrameSurroundings {
  /** The sentence holding the figure, and its offset in the text. */
  sentence: string;
  sentenceStart: number;
  /** All figures of the sentence (the figure among them). */
  sentenceFigures: readonly Figure[];
  published: string | null;
  /** The sentence before, for "They are up 8.6%". */
  previousSentence?: string | null;
  /** The first sentence of the figure's paragraph, when it is another one: who a list paragraph is about. */
  paragraphLead?: string | null;
  /** Canonical names of the story's headline and lead. */
  storyEntities?: ReadonlySet<string>;
  /**
   * The names the whole story keeps coming back to, and all its names (see `salientHolders`). A function, called
   * only when a frame needs it: reading a whole report's names costs more than the rest of a frame.
   */
  story?: () => StoryNames;
}

/** Kinds that measure an amount; a list of them splits a sentence into each figure's own stretch. */
const MEASURES = new Set(['count', 'money', 'percent', 'measure']);

interface Token {
  word: string;
  lemma: string;
  start: number;
  end: number;
  capitalized: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}’'&-]*/gu)) {
    const word = m[0].replace(/[’']s?$/u, '');
    const lower = word.toLowerCase();
    out.push({ word, lemma: lower.length > 3 ? singular(lower) : lower, start: m.index, end: m.index + word.length, capitalized: /^\p{Lu}/u.test(word) });
  }
  return out;
}

/**
 * The concept of a present participle through its other forms: "injuring" is "injured", "killing" is "kill",
 * "evacuating" is "evacuated", "hiring" is "hired". The lexicon lists a verb's base or past form, not every form.
 */
function participleConcept(word: string): string | undefined {
  if (!word.endsWith('ing') || word.length < 6) return undefined;
  const stem = word.slice(0, -3);
  const undoubled = /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  for (const form of [stem, `${stem}e`, `${stem}ed`, `${stem}d`, undoubled, `${undoubled}ed`]) {
    const concept = CONCEPT_OF.get(form);
    if (concept) return concept;
  }
  return undefined;
}

interface ConceptMention {
  concept: string;
  start: number;
  end: number;
  text: string;
}

/** Concept mentions of a text, longest phrase first; a category before a general head ("gasoline prices") absorbs it. */
export function conceptMentions(text: string): ConceptMention[] {
  let found = mentionMemo.get(text);
  if (!found) {
    if (mentionMemo.size > 5_000) mentionMemo.clear();
    mentionMemo.set(text, (found = findConceptMentions(text)));
  }
  return found.map((m) => ({ ...m }));
}

/** A sentence's concept mentions, kept for the next figure of the same sentence and the next check. */
const mentionMemo = new Map<string, ConceptMention[]>();

function findConceptMentions(text: string): ConceptMention[] {
  const tokens = tokenize(text);
  const out: ConceptMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let found: ConceptMention | null = null;
    let used = 1;
    for (let n = Math.min(MAX_CONCEPT_WORDS, tokens.length - i); n >= 1 && !found; n--) {
      const slice = tokens.slice(i, i + n);
      const concept =
        CONCEPT_OF.get(slice.map((t) => t.lemma).join(' ')) ??
        CONCEPT_OF.get(slice.map((t) => t.word.toLowerCase()).join(' ')) ??
        (n === 1 ? participleConcept(slice[0]!.word.toLowerCase()) : undefined);
      if (concept) {
        found = { concept, start: slice[0]!.start, end: slice[n - 1]!.end, text: text.slice(slice[0]!.start, slice[n - 1]!.end) };
        used = n;
      }
    }
    if (found) {
      const prev = out[out.length - 1];
      const adjacent = prev && /^\s+$/.test(text.slice(prev.end, found.start));
      if (prev && adjacent && HEAD_CONCEPTS.has(found.concept) && !HEAD_CONCEPTS.has(prev.concept)) {
        prev.end = found.end;
        prev.text = text.slice(prev.start, prev.end);
      } else out.push(found);
    }
    i += used;
  }
  return out;
}

/** A line's label: one to four words at its start, before a colon ("Adjusted EPS", "Load factor"). */
const LABEL = /^\W*[\p{L}][\p{L}&'’-]*(?:\s+[\p{L}&'’-]+){0,3}$/u;

/** The stretch of the sentence that belongs to the figure: up to the neighbouring amounts. */
function stretch(figure: Figure, s: FrameSurroundings): { from: number; to: number; clause: number } {
  const rel = (x: number) => x - s.sentenceStart;
  // A semicolon, colon or dash before the figure opens its own clause ("…to keep pace with inflation; Network Rail offered 5.4%").
  const head = s.sentence.slice(0, rel(figure.start));
  const clause = Math.max(...[';', ': ', ' – ', ' — ', ' - '].map((c) => {
    const i = head.lastIndexOf(c);
    // "Revenue: $2.1bn", "Net income: $214m": a short label before a colon names the figure, it opens no clause.
    if (c === ': ' && i >= 0 && LABEL.test(head.slice(0, i))) return 0;
    return i < 0 ? 0 : i + c.length;
  }));
  let from = clause;
  let to = s.sentence.length;
  for (const f of s.sentenceFigures) {
    if (f === figure || !MEASURES.has(f.kind)) continue;
    if (f.end <= figure.start) from = Math.max(from, rel(f.end));
    else if (f.start >= figure.end) to = Math.min(to, rel(f.start));
  }
  return { from, to, clause };
}

/** The nearest concepts to the figure: an "in/of X" right after it, then its own stretch before and after, then the sentence. */
function conceptsOf(figure: Figure, s: FrameSurroundings, span: { from: number; to: number; clause: number }): { concepts: string[]; joint: number; text: string | null } {
  const start = figure.start - s.sentenceStart;
  const end = figure.end - s.sentenceStart;
  const mentions = conceptMentions(s.sentence);
  const ordered: ConceptMention[] = [];
  const after = s.sentence.slice(end);
  // "a 20 percent jump in profit", "an increase of 8.3 million subscribers", "$1bn of debt".
  const attached = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:in|of|for)\s+(?:the\s+|its\s+|their\s+)?/u.exec(after);
  if (attached) {
    const at = end + attached[0].length;
    const m = mentions.find((x) => x.start >= at && x.start <= at + 25 && x.start < span.to);
    if (m) ordered.push(m);
  }
  // What is counted: the noun right after a count ("8.3 million new subscribers").
  if (figure.kind === 'count' || figure.kind === 'measure') {
    const m = mentions.find((x) => x.start >= end && x.start - end <= 30 && x.start < span.to);
    if (m) ordered.push(m);
  }
  // Words after a comma that follows the figure are another clause's.
  const clauseEnd = Math.min(span.to, ...[',', ';', ' - ', '—'].map((c) => s.sentence.indexOf(c, end)).filter((i) => i >= 0));
  const inStretch = mentions
    .filter((m) => (m.end <= start ? m.start >= span.from : m.start >= end && m.start < clauseEnd))
    .sort((a, b) => distance(a, start, end) - distance(b, start, end));
  ordered.push(...inStretch);
  // Else the sentence's subject: the last concept before the figure ("Revenue …, hitting $7.7bn").
  if (ordered.length === 0) {
    const before = mentions.filter((m) => m.end <= start && m.start >= span.clause).pop();
    if (before) ordered.push(before);
  }
  // "They are up 8.6% year-on-year": the previous sentence's subject.
  if (ordered.length === 0 && s.previousSentence && BACK_POINTERS.test(s.sentence)) {
    // What "That is the biggest leap since 1982" points back to is the previous sentence's last measure.
    const all = conceptMentions(s.previousSentence);
    const last = all.filter((m) => !HEAD_CONCEPTS.has(m.concept)).pop() ?? all.pop();
    if (last) ordered.push(last);
  }
  const concepts: string[] = [];
  for (const m of ordered) if (!concepts.includes(m.concept)) concepts.push(m.concept);
  return { concepts, joint: jointCount(ordered, s.sentence, concepts.length), text: ordered[0]?.text ?? null };
}

/** "revenues and profits", "sales or earnings": the nearest concept coordinated with the next one. */
function jointCount(ordered: readonly ConceptMention[], sentence: string, distinct: number): number {
  const [first, second] = ordered;
  if (!first) return 0;
  if (!second || distinct < 2) return 1;
  const [left, right] = first.start < second.start ? [first, second] : [second, first];
  return /^\s*(?:,|and|or|&)\s*$/i.test(sentence.slice(left.end, right.start)) ? 2 : 1;
}

function distance(m: ConceptMention, start: number, end: number): number {
  // Words after a figure belong to it a little less than the words before ("Sales rose 11% to …").
  return m.end <= start ? start - m.end : (m.start - end) * 1.5;
}

/** A wire dateline at a sentence's start: "Oct 20 (Meridian Wire) - ", "LONDON (Reuters) — ". */
const DATELINE = /^[^()]{0,40}\([^()]{2,40}\)\s*[-–—]\s*/u;

/**
 * Where a wire dateline names its agency ("TULCEA, Romania, Sept 8 (Balkan Wire) -" → "(Balkan Wire)"), or null. The
 * agency reports the figures and holds none; the dateline's place is where they happened, and stays.
 */
export function datelineAgency(sentence: string): [number, number] | null {
  const m = DATELINE.exec(sentence);
  if (!m) return null;
  const open = m[0].lastIndexOf('(');
  return [open, m[0].lastIndexOf(')') + 1];
}

/** `text` with its dateline's agency blanked out, offsets kept. */
function withoutAgency(text: string): string {
  const agency = datelineAgency(text);
  return agency ? text.slice(0, agency[0]) + ' '.repeat(agency[1] - agency[0]) + text.slice(agency[1]) : text;
}

/** Where a text writes a stock ticker ("(NYSE: AURA)", "Nasdaq: NFLX"): a symbol, not another holder. */
function tickerSpans(text: string): [number, number][] {
  return [...text.matchAll(/\b(?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX|HKEX|Euronext|NYSE American|OTC)\s*:\s*[A-Z][A-Z.]{0,6}\b/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** A business name without its head word ("aurelia airways" → "aurelia"), or null. */
function shortBusinessName(key: string): string | null {
  const words = key.split(' ');
  if (words.length < 2 || !BUSINESS_HEADS.has(words[words.length - 1]!)) return null;
  const short = words.slice(0, -1).join(' ');
  return short.length >= 3 && !isStopword(short) && !CONCEPT_OF.has(short) ? short : null;
}

/** "Q4", "FY2022", "H1": period labels, not names. */
const PERIOD_LABEL = /^(?:q[1-4]|h[12]|fy\s?\d{2,4}|\d{4})$/i;

/**
 * Entity keys of a text that may hold a figure: not sources, not concepts or their own words, not period labels, and
 * not a sentence's capitalized first word that looks like an ordinary one ("Profits", "Stocks", "Quarterly").
 */
function holdersIn(text: string, known?: () => ReadonlySet<string>): string[] {
  // In a shouted line (a promo headline, a caption) every word is capitalized, so capitals say nothing of names.
  if (shouted(text)) return [];
  // "LONDON, Oct 20 (Meridian Wire) - …": a dateline's agency reports the figure, it does not hold it.
  text = withoutAgency(text);
  // "…, according to the California Department of Forestry": a source, not a holder.
  text = text.replace(/\baccording to [^,;.]*/giu, (m) => ' '.repeat(m.length));
  let mentions = entityMemo.get(text);
  if (!mentions) {
    if (entityMemo.size > 5_000) entityMemo.clear();
    entityMemo.set(text, (mentions = findEntities(text)));
  }
  return holdersOf(mentions, text, known);
}

/** Mostly upper-case letters: "NETFLIX'S HIT BREAKS RECORD FOR MOST HOURS VIEWED". */
function shouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters.replace(/\p{Lu}/gu, '').length < letters.length * 0.2;
}

/** A text's entity mentions: the same sentence is read for every figure it holds. */
const entityMemo = new Map<string, EntityMention[]>();

function holdersOf(mentions: readonly EntityMention[], text: string, known?: () => ReadonlySet<string>): string[] {
  const out: string[] = [];
  const tickers = tickerSpans(text);
  // "Nonfarm payrolls", "Consumer Price Index": capitalized words of a concept's own name hold nothing.
  const concepts = conceptMentions(text);
  for (const e of mentions) {
    if (concepts.some((c) => c.start < e.end && e.start < c.end)) continue;
    if (tickers.some(([from, to]) => from < e.end && e.start < to)) continue;
    // "Aurelia Q3": a period label glued to a name is not part of it.
    const key = holderKey(e.key.replace(/\s+(?:q[1-4]|h[12]|fy\s?\d{2,4})$/i, ''));
    if (SOURCE_NAMES.has(key) || CONCEPT_OF.has(key) || CONCEPT_OF.has(singular(key)) || key.length < 2 || PERIOD_LABEL.test(key)) continue;
    const opener = /^[\s"“‘'(]*$/.test(text.slice(0, e.start)) && !/\s/.test(e.text.trim());
    // A capitalized first word is a name unless it looks like an ordinary word: a plural ("Profits", "Stocks"), a
    // qualifier ("Quarterly", "Overall"), a participle ("Excluding") or a function word; the story writing it inside a
    // sentence settles it.
    const ordinary = /[^s]s$/i.test(key) || /^\p{L}+ing$/u.test(key) || CONCEPT_NOISE.has(key) || isStopword(key) || OPENER_WORDS.has(key);
    if (opener && e.type === 'name' && ordinary && !known?.().has(key)) continue;
    if (!out.includes(key)) out.push(key);
    // "Aurelia Airways" is also "Aurelia" in the next report.
    const short = shortBusinessName(key);
    if (short && !out.includes(short)) out.push(short);
  }
  // Product names written in camel case ("iPhone", "eBay") are names the capitalization test misses.
  for (const m of text.matchAll(/\b[a-z][A-Z][\p{L}]+/gu)) {
    const key = holderKey(singular(m[0].toLowerCase()));
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** Words that make a bound in time a record's ("the largest jump since 1981", "a 40-year high"). */
const RECORD_WORDS = /\b(?:highest|lowest|biggest|largest|fastest|slowest|most|least|worst|best|steepest|sharpest|strongest|weakest|record|first time)\b/i;

const MINUTES_PER_YEAR = 525_960;

/** The year a record reaches back to, when the figure is a record's bound. */
function recordSince(figure: Figure, s: FrameSurroundings): QuantityFrame['recordSince'] {
  const start = figure.start - s.sentenceStart;
  const end = figure.end - s.sentenceStart;
  const before = lastWords(s.sentence.slice(0, start), 8);
  const after = s.sentence.slice(end, end + 12);
  const since = /^since\b/i.test(figure.text) || /\bsince\s+$/i.test(s.sentence.slice(Math.max(0, start - 7), start));
  if ((figure.kind === 'year' || figure.kind === 'date') && since && RECORD_WORDS.test(before)) {
    const year = figure.kind === 'year' ? figure.value.point : Number(figure.date?.start.slice(0, 4));
    return Number.isFinite(year) ? { year, approx: false } : null;
  }
  if (figure.kind === 'duration' && s.published && (/^\s*(?:high|low|record|peak|trough)\b/i.test(after) || (RECORD_WORDS.test(before) && /\bin\s+(?:\w+\s+)?$/i.test(before)))) {
    const years = figure.value.point / MINUTES_PER_YEAR;
    if (years < 2 || Math.abs(years - Math.round(years)) > 0.05) return null;
    return { year: Number(s.published.slice(0, 4)) - Math.round(years), approx: true };
  }
  return null;
}

/** "Its sales", "The search giant, which…": a sentence that names its holder by pointing back to the one before. */
const BACK_REFERENCE = /^\W*(?:its|their|the (?:[\p{L}-]+ ){0,2}(?:company|firm|group|giant|maker|retailer|carrier|bank|lender|insurer|operator|chain|brand|platform|service|business|conglomerate|manufacturer|producer|owner|parent|startup|outfit))\b/iu;

/** "Meta's Reality Labs unit", "the firm's cloud division", "its advertising arm": a part of a holder. */
const PART_OF = /\b(?:([Ii]ts|[Tt]heir|[Tt]he (?:[\p{L}-]+ ){0,2}(?:company|firm|group|giant|maker|owner|parent|conglomerate)['’]s)|((?:\p{Lu}[\p{L}&.-]*\s){1,3})['’]s?)\s+((?:[\p{L}&-]+\s){1,3})(?:unit|division|arm|segment|subsidiary)\b/u;

/** The part a sentence's figure may belong to, and its parent when the sentence names it. */
function partOf(sentence: string, known?: () => ReadonlySet<string>): { key: string; parent: string[] | null } | null {
  const m = PART_OF.exec(sentence);
  if (!m) return null;
  const partName = m[3]!.trim();
  const key = holdersIn(partName.replace(/^\p{Ll}/u, (c) => c.toUpperCase()), known)[0] ?? holderKey(partName.toLowerCase());
  const parent = m[2] ? holdersIn(m[2].replace(/['’]$/u, ''), known) : null;
  return { key, parent: parent && parent.length > 0 ? parent : null };
}

/** Sentence openers that are ordinary words, not names, when capitalized. */
const OPENER_WORDS = new Set(['despite', 'overall', 'meanwhile', 'however', 'still', 'analysts', 'investors', 'executives', 'revenue', 'inflation', 'month', 'year', 'today', 'shares']);

/** Words that make an expectation the market's rather than the holder's own guidance. */
const MARKET_EXPECTERS = /\b(?:analysts?|economists?|wall street|the street|consensus|market|investors|polled|surveyed|factset|refinitiv|streetaccount|estimates?)\b/i;

function statusOf(figure: Figure, s: FrameSurroundings): { status: FrameStatus; by: QuantityFrame['expectedBy'] } {
  const start = figure.start - s.sentenceStart;
  const end = figure.end - s.sentenceStart;
  const before = s.sentence.slice(Math.max(0, start - 90), start);
  const after = s.sentence.slice(end, end + 60).split(/[,;.]/)[0]!;
  const status = statusWord(figure, s);
  if (status !== 'expected') return { status, by: null };
  return { status, by: MARKET_EXPECTERS.test(before.split(/[,;]/).pop() ?? '') || MARKET_EXPECTERS.test(after) ? 'market' : 'own' };
}

function statusWord(figure: Figure, s: FrameSurroundings): FrameStatus {
  const start = figure.start - s.sentenceStart;
  const end = figure.end - s.sentenceStart;
  const clean = (t: string) => t.replace(THAN_EXPECTED, ' ');
  // Before: from the clause's start; a list of figures after one expectation shares it ("predicted profit of $10.9bn on revenue of $33.4bn").
  const before = s.sentence.slice(0, start);
  const clauseStart = ownClauseStart(before);
  const clause = clean(before.slice(clauseStart)).split(/\s+/).slice(-12).join(' ');
  // A participle clause continues the one before it: "Analysts expect inflation to rise in March, hitting 8%".
  if (clauseStart > 0 && PARTICIPLE_OPENING.test(before.slice(clauseStart)) && FORECASTER_VERB.test(before.slice(ownClauseStart(before.slice(0, clauseStart - 1)), clauseStart))) return 'expected';
  if (EXPECTED_WORDS.test(clause)) return 'expected';
  // "(consensus: $1.28)", "Forecast: 2.1%": a label before a colon says what the figure is.
  const label = /([\p{L}][\p{L}' -]{0,30}):\s*[-−+]?[$€£¥]?$/u.exec(before.slice(-40));
  if (label && EXPECTED_WORDS.test(label[1]!)) return 'expected';
  // After: only a forecast that governs the figure ("the 8.5 million the firm had expected"), not "beat estimates".
  const tail = clean(s.sentence.slice(end)).split(/[,;:.!?(]/)[0]!.split(/\s+/).slice(0, 7).join(' ');
  if (EXPECTED_WORDS.test(tail) && !/\b(?:beat|beating|top|topped|topping|miss|missed|missing|above|below|than|ahead|short|line|exceed\w*|surpass\w*|versus|vs|compared)\b/i.test(tail)) return 'expected';
  if (HYPOTHETICAL_WORDS.test(clause.split(/\s+/).slice(-6).join(' '))) return 'hypothetical';
  return 'actual';
}

/** Where the clause ending `before` starts: after its last comma, semicolon, colon or dash. */
function ownClauseStart(before: string): number {
  return Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(': '), before.lastIndexOf(' - '), before.lastIndexOf('—')) + 1;
}

/** Someone expecting, as a verb with its subject: "analysts expect", "the bank forecasts", "economists see". */
const FORECASTER_VERB = /\b(?:analysts?|economists?|forecasters?|investors|markets?|traders|experts?|officials|it|they|we)\s+(?:\p{L}+\s+)?(?:expects?|expected|predicts?|predicted|forecasts?|anticipates?|projects?|projected|sees?)\b/iu;

/** A clause opened by a participle: "hitting", "pushing", "bringing". */
const PARTICIPLE_OPENING = /^\s*(?:\p{Ll}+ing)\b/u;

/** The last `n` words of a text: a period named further back belongs to another clause's event. */
function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

function basisOf(text: string): QuantityFrame['basis'] {
  if (MONTH_BASIS.test(text)) return 'month';
  if (QUARTER_BASIS.test(text)) return 'quarter';
  if (YEAR_BASIS.test(text)) return 'year';
  return null;
}

/** Builds the frame of `figure` from its sentence and surroundings. Pure; cheap enough to run on every figure. */
export function buildFrame(figure: Figure, s: FrameSurroundings): QuantityFrame {
  const span = stretch(figure, s);
  const start = figure.start - s.sentenceStart;
  const end = figure.end - s.sentenceStart;
  const own = s.sentence.slice(span.from, span.to);
  const { concepts, joint, text } = conceptsOf(figure, s, span);
  const known = s.story ? () => s.story!().names : undefined;
  let holders = holdersIn(own, known);
  let holderFrom: QuantityFrame['holderFrom'] = holders.length > 0 ? 'sentence' : null;
  if (holders.length === 0) {
    holders = holdersIn(s.sentence, known);
    if (holders.length > 0) holderFrom = 'sentence';
  }
  if (holders.length === 0 && s.paragraphLead) {
    holders = holdersIn(s.paragraphLead, known);
    if (holders.length > 0) holderFrom = 'paragraph';
  }
  // "Its sales grew 11%": the name of the sentence before.
  if (holders.length === 0 && s.previousSentence && BACK_REFERENCE.test(s.sentence.slice(0, 60))) {
    holders = holdersIn(s.previousSentence, known);
    if (holders.length > 0) holderFrom = 'paragraph';
  }
  if (holders.length === 0 && s.story && s.story().holders.length > 0) {
    holders = [...s.story().holders];
    holderFrom = 'story';
  }
  const part = partOf(s.sentence, known);
  if (part) {
    // "The firm's Reality Labs unit": the firm is the holder the sentence points back to.
    const parents = part.parent ?? (s.previousSentence ? holdersIn(s.previousSentence, known) : []);
    const fallback = parents.length > 0 ? parents : (s.story?.().holders.slice(0, 1) ?? []);
    holders = [...new Set([...holders, ...fallback])];
  }
  // The period named in the figure's own stretch, after it first ("2.5 million more in the current quarter"); a
  // duration or date names its own time.
  const timed = figure.kind === 'date' || figure.kind === 'year' || figure.kind === 'duration';
  // A fronted adverbial ("For the year, …", "In February, …") sets the period of the whole sentence.
  const fronted = /^\W*(?:in|for|during|over|through|last|this|at|by)\b[^,]{0,60},/i.exec(s.sentence)?.[0] ?? '';
  // Else the clause's, across a list ("revenue growth of 16% to $7.71 billion in Q4"), then a fronted adverbial's.
  const parts = s.sentence.slice(span.clause).split(/[,;]/);
  const ownPart = parts.findIndex((piece, i) => {
    const at = span.clause + parts.slice(0, i).reduce((n, p) => n + p.length + 1, 0);
    return at <= start && at + piece.length >= end;
  });
  // A participle clause ("…in March, hitting 8%") takes the period of the clause it continues.
  const clauseText = ownPart < 0 ? undefined : ownPart > 0 && PARTICIPLE_OPENING.test(parts[ownPart]!) ? `${parts[ownPart - 1]},${parts[ownPart]}` : parts[ownPart];
  const period = timed
    ? null
    : (findPeriod(s.sentence.slice(end, span.to), s.published) ??
      findPeriod(lastWords(s.sentence.slice(span.from, start), 8), s.published) ??
      (clauseText ? findPeriod(clauseText, s.published) : null) ??
      (fronted ? findPeriod(fronted, s.published) : null));
  const before = s.sentence.slice(Math.max(0, start - 40), start);
  const after = s.sentence.slice(end, span.to);
  const earlierOccasion = /\b(?:previous|prior|last|preceding)\s+(?:election|vote|poll|ballot|census|survey|race|contest|season|edition|round)\b/i.test(s.sentence.slice(span.from, start));
  const role: QuantityFrame['role'] = BASELINE_BEFORE.test(before) ? 'baseline' : EARLIER_AFTER.test(after) || earlierOccasion ? 'earlier' : null;
  return {
    concepts,
    jointConcepts: joint,
    conceptText: text,
    holders,
    holderFrom,
    part: part?.key ?? null,
    get storyHolders() {
      return [...(s.story?.().holders ?? [])];
    },
    period,
    basis: figure.kind === 'percent' ? basisOf(own) : null,
    role,
    ...(({ status, by }) => ({ status, expectedBy: by }))(statusOf(figure, s)),
    recordSince: recordSince(figure, s),
    day: s.sentenceFigures.find((f) => f !== figure && f.kind === 'date' && f.date?.granularity === 'day')?.date?.start ?? null,
  };
}

/**
 * The names a story keeps coming back to: filtered names found in at least two of its sentences, or in its headline
 * and one sentence; the eight most frequent. A figure whose sentence names no one is about them.
 */
export function salientHolders(headline: string | null, sentences: readonly { text: string }[]): StoryNames {
  // Names the story also writes inside a sentence: a capitalized first word is only a name when it is one of these.
  const names = new Set<string>();
  const mentions = sentences.map((s) => findEntities(s.text));
  for (const list of mentions) for (const e of list) if (e.start > 0) names.add(e.key.toLowerCase());
  const counts = new Map<string, number>();
  sentences.forEach((s, i) => {
    // Bylines and credits ("By Jordan Whitaker", "(Reporting by …)") name the writers, not the story's subject.
    if (shouted(s.text) || BYLINE.test(s.text)) return;
    const agency = datelineAgency(s.text);
    const kept = agency ? mentions[i]!.filter((e) => e.end <= agency[0] || e.start >= agency[1]) : mentions[i]!;
    for (const h of holdersOf(kept, s.text, () => names)) counts.set(h, (counts.get(h) ?? 0) + 1);
  });
  const inHeadline = new Set(headline ? holdersIn(headline, () => names) : []);
  const holders = [...counts]
    .filter(([k, n]) => n >= 2 || (n >= 1 && inHeadline.has(k)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([k]) => k);
  return { holders, names };
}

/** A byline or a credit line. */
const BYLINE = /^\W*(?:by|reporting by|written by|additional reporting by|editing by|photo(?:graph)?s? by)\s+\p{Lu}|\((?:reporting|writing|editing) by\b/iu;

/** Who a story is about, and every name it writes inside a sentence. */
export interface StoryNames {
  holders: string[];
  names: ReadonlySet<string>;
}
