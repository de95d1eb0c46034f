// Decides whether two figures give the same quantity (same kind, same counted thing, same event) and how they relate.
import type { Figure, ResolvedDate } from '../analysis/types';
import { entityKey, findEntities } from '../entities/entities';
import { buildFrame, datelineAgency, type QuantityFrame, type StoryNames } from '../frames/quantity-frame';
import { conceptOfWord, RUNNING_TALLIES, UNSPECIFIC_CONCEPTS } from '../lexicon/concepts';
import { EVENT_WORDS } from '../lexicon/event-words';
import { NAME_FURNITURE } from '../lexicon/name-words';
import { GENERIC_COUNTED_WORDS } from '../lexicon/nouns';
import { COUNTED_PHRASE_BREAKS } from '../lexicon/stopwords';
import { UNIT_BASE, UNIT_WORD_STEMS } from '../lexicon/units';
import { ALIGNMENT_RULES, alignFrames, type FrameSide } from './rules';
import { canonical, contentTerms, isStopword, stem, words } from './text';
import { coarser, formatPeriod } from './precision';

/** A figure with what the matcher derives from its sentence and report, computed once per figure. */
export interface FigureContext {
  figure: Figure;
  /** The whole sentence that holds the figure. */
  sentence: string;
  /** Publication date of the page or report (ISO), when known: places the figure on a timeline. */
  published: string | null;
  /** Date of the occasion the page or report covers (its event date, else its publication date). */
  occasion: string | null;
  /** What is counted: canonical head word and canonical modifiers ("troop", ["russia"]). */
  countedKey: string | null;
  countedModifiers: string[];
  /** Event class of the nearest event word ("deploy", "death", "meeting", "call", ...), or null. */
  event: string | null;
  /** The word that gave the event class, as written in lower case. */
  eventWord: string | null;
  /** Canonical names (capitalized words and the extractor's entities) in the sentence. */
  entities: Set<string>;
  /** Other canonical content words of the sentence (no numbers, no counted words). */
  terms: Set<string>;
  /** Content words within five words of the figure: what a percentage or a sum is of ("inflation", "aid"). */
  near: Map<string, string>;
  /** The date the figure's event is tied to: a date in the same sentence, else null. */
  eventDate: ResolvedDate | null;
  /**
   * Names of the page's or report's headline and lead: what the whole story is about. Used only when the figure's
   * sentence names nothing ("More than 650 people were injured"), and then weighs less than a name in the sentence.
   */
  storyEntities: ReadonlySet<string>;
  /** Years the figure's sentence names ("in 2001"), with the year of publication: when the figure's story happened. */
  years: number[];
  /** What the figure measures, whose it is, its period, basis, role and status (see `utils/frames`). */
  frame: QuantityFrame;
}

/** Sentences around a figure's sentence that its frame may need. */
export interface FigureNeighbours {
  previousSentence?: string | null;
  paragraphLead?: string | null;
  /** Who the whole story is about (`salientHolders`), computed on first use. */
  story?: () => StoryNames;
}

/** Options of the relation decision. */
export interface QuantityOptions {
  /** Relative tolerance under which two point estimates agree. Default 0.03 (3%). */
  tolerance?: number;
  /** Two specific values further apart than this factor are taken to be different quantities, not a conflict. Default 2.5. */
  maxRatio?: number;
  /** Figures of running totals from reports further apart in time than this are not compared. Default 400 days. */
  maxGapDays?: number;
  /** One-off events (a meeting's length) from reports further apart than this are different events. Default 3 days. */
  eventGapDays?: number;
}

const EVENT_OF = new Map<string, string>();
for (const [cls, list] of Object.entries(EVENT_WORDS)) {
  for (const w of list) if (!EVENT_OF.has(w)) EVENT_OF.set(w, cls);
}
// "up"/"down"/"present"/"video" are too common to stand for an event on their own at a distance.
const NEAR_ONLY = new Set(['up', 'down', 'present', 'video', 'cost', 'lives']);

/** Counted heads that need the same event word to be the same quantity, in canonical form. */
const GENERIC_COUNTED = new Set(GENERIC_COUNTED_WORDS.map((w) => canonical(w)));

/** Singular, lowercase unit key ("minutes" → "minute"). */
function unitKey(unit: string | null): string | null {
  if (!unit) return null;
  const u = unit.toLowerCase();
  if (UNIT_BASE[u]) return u;
  if (u.endsWith('s') && UNIT_BASE[u.slice(0, -1)]) return u.slice(0, -1);
  return u;
}

const nameKeys = new Map<string, string>();
/** The extractor's key of a capitalized word ("Ukrainian" → "ukraine"), memoized; the word itself when it names nothing known. */
function nameKey(word: string): string {
  let key = nameKeys.get(word);
  if (key === undefined) {
    key = entityKey(word) ?? canonical(word.toLowerCase());
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(word, key);
  }
  return key;
}

/** Derives the context of `figure` from its sentence text. `sentenceStart` is the sentence's offset in the text. */
export function figureContext(
  figure: Figure,
  sentence: string,
  sentenceStart: number,
  published: string | null,
  sentenceDates: readonly Figure[] = [],
  occasion: string | null = published,
  storyEntities: ReadonlySet<string> = NO_NAMES,
  neighbours: FigureNeighbours = {},
): FigureContext {
  const relStart = Math.max(0, figure.start - sentenceStart);
  const relEnd = Math.max(relStart, figure.end - sentenceStart);
  const before = sentence.slice(0, relStart);
  const after = sentence.slice(relEnd);
  const counted = countedOf(figure, after);
  const ev = eventOf(figure, before, after);
  // Names: the extractor's canonical keys; when it found none, the capitalized words of the sentence.
  const entities = new Set<string>(figure.entities.map((e) => e.toLowerCase()));
  // A dateline's agency ("Sept 8 (Balkan Wire) -") reports the figure: two wire stories share their agency whatever
  // they are about.
  const agency = datelineAgency(sentence);
  if (agency) {
    const rest = new Set(findEntities(sentence.slice(0, agency[0]) + sentence.slice(agency[1])).map((e) => e.key.toLowerCase()));
    for (const e of findEntities(sentence.slice(...agency))) if (!rest.has(e.key.toLowerCase())) entities.delete(e.key.toLowerCase());
  }
  if (entities.size === 0) {
    for (const m of sentence.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*/gu)) {
      if (agency && m.index >= agency[0] && m.index < agency[1]) continue;
      // Figures' own words ("More than 650", "Nearly two-thirds") name nothing.
      if (m.index >= relStart && m.index < relEnd) continue;
      if (sentenceDates.some((f) => m.index >= f.start - sentenceStart && m.index < f.end - sentenceStart)) continue;
      const w = m[0].toLowerCase();
      if (NAME_FURNITURE.has(w) || w.length < 2) continue;
      entities.add(nameKey(m[0]));
    }
  }
  for (const w of counted.modifiers) entities.delete(w);
  const terms = new Set<string>();
  for (const t of contentTerms(sentence)) {
    if (/\d/.test(t)) continue;
    if (t === counted.key || counted.modifiers.includes(t) || entities.has(t)) continue;
    terms.add(t);
  }
  // Canonical word → the word as written, for the reasons.
  const near = new Map<string, string>();
  const telling = (w: string) =>
    !isStopword(w) && !/\d/.test(w) && w.length >= 3 && !NAME_FURNITURE.has(w) && !EVENT_OF.has(w) && !entities.has(canonical(w)) && !entities.has(w);
  // Within the figure's clause: "…, the statistics office said" is about the source, not the figure.
  const clauseBefore = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(': ')) + 1);
  const cut = after.search(/[,;:(]/);
  const clauseAfter = cut >= 0 ? after.slice(0, cut) : after;
  for (const w of [...words(clauseBefore).filter(telling).slice(-3), ...words(clauseAfter).filter(telling).slice(0, 2)]) near.set(canonical(w), w);
  // What a share is "of" says what it measures, even when that is an event word: "27.9% of the vote".
  const of = /^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?([\p{L}-]{3,})/u.exec(after);
  if (of && !isStopword(of[1]!.toLowerCase())) near.set(canonical(of[1]!.toLowerCase()), of[1]!);
  let eventDate: ResolvedDate | null = null;
  if ((figure.kind === 'date' || figure.kind === 'year') && figure.date) eventDate = figure.date;
  else {
    const d = sentenceDates.find((f) => f !== figure && f.kind === 'date' && f.date);
    eventDate = d?.date ?? null;
  }
  const frameContext = { sentence, sentenceStart, sentenceFigures: sentenceDates.length > 0 ? sentenceDates : [figure], published, storyEntities, ...neighbours };
  let frame: QuantityFrame | undefined;
  return {
    figure,
    sentence,
    published,
    occasion,
    countedKey: counted.key,
    countedModifiers: counted.modifiers,
    event: ev.cls,
    eventWord: ev.word,
    entities,
    terms,
    near,
    eventDate,
    storyEntities,
    years: sentenceDates.flatMap((f) => (f.kind === 'year' ? [f.value.point] : f.kind === 'date' && f.date ? [Number(f.date.start.slice(0, 4))] : [])),
    // Built on first use: most report figures a check meets are turned down by kind or words before their frame
    // matters, and the frame is most of a context's cost (a cold first check at 10,000 reports spent half its time here).
    get frame() {
      frame ??= buildFrame(figure, frameContext);
      return frame;
    },
  };
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Canonical names of a story's headline and lead sentences: what a sentence that names nothing is about. */
export function storyEntities(headline: string | null, sentences: readonly { text: string }[], lead = 2): Set<string> {
  const out = new Set<string>();
  for (const text of [headline ?? '', ...sentences.slice(0, lead).map((s) => s.text)]) {
    for (const e of findEntities(text)) out.add(e.key.toLowerCase());
  }
  return out;
}

/** What is counted: the extractor's key when it has one, else the noun phrase right after the figure. */
function countedOf(figure: Figure, after: string): { key: string | null; modifiers: string[] } {
  const fromText = () => {
    const ws = words(after.slice(0, 80));
    let i = 0;
    if (ws[0] === 'of') i = 1;
    const phrase: string[] = [];
    for (; i < ws.length && phrase.length < 4; i++) {
      const w = ws[i] as string;
      if (/^\d/.test(w) || COUNTED_PHRASE_BREAKS.has(w)) break;
      phrase.push(w);
    }
    if (phrase.length === 0) return { key: null, modifiers: [] as string[] };
    return {
      key: canonical(phrase[phrase.length - 1] as string),
      modifiers: phrase.slice(0, -1).map((w) => canonical(w)),
    };
  };
  if (figure.kind !== 'count') return { key: null, modifiers: [] };
  const text = fromText();
  if (figure.countedKey) {
    const key = canonical(figure.countedKey.toLowerCase());
    const mods = figure.countedModifiers.length > 0 ? figure.countedModifiers.map((m) => canonical(m.toLowerCase())) : text.key === key ? text.modifiers : [];
    return { key, modifiers: [...new Set(mods)] };
  }
  return text;
}

/** The event class of the figure: the extractor's verb when it names one, else the nearest event word in the sentence. */
/** Classes of occasions that have a length or a time of day: what a duration or a clock time can be "of". */
/** Event nouns whose word is also a verb of another sense ("strike"): read only as the extractor's event noun. */
const EVENT_NOUNS: Record<string, string> = { strike: 'strike', strikes: 'strike' };

const OCCASIONS = new Set(['meeting', 'call', 'election', 'attend', 'strike', 'quake']);

/**
 * How far (in words) an event word may sit from the figure and still be its event. A count's verb is next to
 * it ("deploying more than 100,000 troops"), a year's a little further ("seized … Crimea peninsula in 2014");
 * a duration belongs to the occasion the sentence is about ("The call, which … lasted 50 minutes").
 */
function eventReach(kind: Figure['kind']): number {
  if (kind === 'duration' || kind === 'time') return Infinity;
  if (kind === 'year' || kind === 'date') return 8;
  return 4;
}

/** The event class of the figure: the extractor's verb when it names one, else the nearest event word within reach. */
function eventOf(figure: Figure, before: string, after: string): { cls: string | null; word: string | null } {
  const occasionOnly = figure.kind === 'duration' || figure.kind === 'time';
  const usable = (cls: string | undefined) => cls !== undefined && (!occasionOnly || OCCASIONS.has(cls));
  if (figure.verb) {
    const v = figure.verb.toLowerCase();
    const cls = EVENT_OF.get(v) ?? EVENT_OF.get(stem(v)) ?? EVENT_OF.get(`${v}ed`) ?? EVENT_OF.get(`${v}d`);
    if (usable(cls)) return { cls: cls as string, word: v };
  }
  const b = words(before).reverse();
  const a = words(after);
  const reach = Math.min(eventReach(figure.kind), Math.max(a.length, b.length));
  for (let d = 0; d < reach; d++) {
    for (const w of [b[d], a[d]]) {
      if (!w) continue;
      const cls = EVENT_OF.get(w);
      if (usable(cls) && (!NEAR_ONLY.has(w) || d < 3)) return { cls: cls as string, word: w };
    }
  }
  // Else the occasion the extractor found for the figure ("a 50-minute phone call", "spoke by phone for 50 minutes").
  if (figure.event) {
    const e = figure.event.toLowerCase();
    const cls = EVENT_OF.get(e) ?? EVENT_NOUNS[e];
    if (usable(cls)) return { cls: cls as string, word: e };
  }

  return { cls: null, word: null };
}

/** True unless one sentence names years of which none is the other's year (named or of publication). */
function sameYears(a: FigureContext, b: FigureContext): boolean {
  const yearsOf = (c: FigureContext) => new Set([...c.years, ...(c.published ? [Number(c.published.slice(0, 4))] : [])]);
  const ya = yearsOf(a);
  const yb = yearsOf(b);
  const fits = (named: number[], other: Set<number>) => named.length === 0 || named.some((y) => other.has(y));
  return fits(a.years, yb) && fits(b.years, ya);
}

/** True when every year either sentence names is within a year of the other's publication. */
function adjacentYears(a: FigureContext, b: FigureContext): boolean {
  const near = (years: number[], published: string | null) =>
    published !== null && years.every((y) => Math.abs(y - Number(published.slice(0, 4))) <= 1);
  return near(a.years, b.published) && near(b.years, a.published);
}

/** Days between two ISO dates (absolute), or null when one is missing. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.abs(ta - tb) / 86400000;
}

function datesOverlap(a: ResolvedDate, b: ResolvedDate): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Kinds whose figures describe one event (a meeting's length, a date), as opposed to running totals. */
const EVENT_BOUND = new Set(['duration', 'time', 'date', 'year']);
/** Kinds whose figures are "of" something named near them (a percentage of, a sum for, a distance to). */
const OF_SOMETHING = new Set(['percent', 'money', 'measure']);

/** Unit words that say nothing about what is measured, in canonical form. */
const UNIT_WORDS = new Set(UNIT_WORD_STEMS.map((w) => canonical(w)));

/** Kinds the matcher never links: too ambiguous out of context ("first", "twice"). */
const NEVER = new Set(['order', 'frequency']);

/** Why two figures are, or are not, the same quantity. */
export interface SameQuantity {
  same: boolean;
  /** Strength of the evidence (higher is surer); "differs" needs the same threshold but a close value. */
  evidence: number;
  /** Reasons, as short sentences. */
  reasons: string[];
  /** When not the same: why not (for tests and debugging). */
  rejected: string | null;
  /** Linked on evidence strong enough to confirm a value but not to call a different value a conflict. */
  agreeOnly?: boolean;
  /** How the values relate, when the test already knows (records' bounds); else `compareValues` decides. */
  relation?: ValueRelation;
}

const no = (why: string): SameQuantity => ({ same: false, evidence: 0, reasons: [], rejected: why });

/** Minimum evidence for a link; a vague figure against a specific one needs one point more. */
const THRESHOLD = 3;
const VAGUE_THRESHOLD = 4;

/**
 * Are `a` and `b` the same quantity? Compatible kind and unit, the same counted thing, the same event
 * (event words, names, dates). Built to prefer a missed link over a wrong one.
 */
export function sameQuantity(a: FigureContext, b: FigureContext, options: QuantityOptions = {}): SameQuantity {
  const fa = a.figure;
  const fb = b.figure;
  if (a.frame.recordSince && b.frame.recordSince) return sameRecord(a, b);
  if (fa.kind !== fb.kind) return no('different kinds');
  const byWords = sameByWords(a, b, options);
  // Frames describe amounts; a meeting's length or a date keeps the word test's verdict.
  if (!FRAMED_KINDS.has(fa.kind)) return byWords;
  if (!byWords.same && !softRejection(byWords.rejected)) return byWords;
  // A link the word test made already weighed names: only what the figures measure, their time and status may undo it
  // ("prices jumped" of groceries and of the whole index). Shares and sums name their holder loosely in the word
  // test, so the holder rule still applies to them.
  const rules = !byWords.same || fa.kind === 'money' || fa.kind === 'percent' ? ALIGNMENT_RULES : RULES_BUT_HOLDER;
  const frames = alignFrames(sideOf(a), sideOf(b), rules);
  if (frames.veto) return no(`${frames.veto.rule}: ${frames.veto.why}`);
  const linked = byWords.same ? { ...byWords, reasons: mergeReasons(byWords.reasons, frames.reasons) } : sameByFrames(a, b, frames, options);
  if (!linked) return byWords;
  // A unit's figure against its parent's: the same only when the unit carries it all, so it may confirm, never conflict.
  return partsDiffer(a, b) ? { ...linked, agreeOnly: true } : linked;
}

/** One side is a part of a holder ("its Reality Labs unit") the other side does not name. */
function partsDiffer(a: FigureContext, b: FigureContext): boolean {
  const pa = a.frame.part;
  const pb = b.frame.part;
  if (pa === pb) return false;
  return (pa !== null && !b.frame.holders.includes(pa)) || (pb !== null && !a.frame.holders.includes(pb));
}

const RULES_BUT_HOLDER = ALIGNMENT_RULES.filter((r) => r.name !== 'holder');

/**
 * Two records' bounds ("the biggest leap since 1982", "the largest 12-month increase since January 1982", "a 40-year
 * high"): the same record when the frames measure the same thing for the same holder, whatever the figures' kinds.
 */
function sameRecord(a: FigureContext, b: FigureContext): SameQuantity {
  const frames = alignFrames(sideOf(a), sideOf(b));
  if (frames.veto) return no(`${frames.veto.rule}: ${frames.veto.why}`);
  if (!frames.supported.includes('concept')) return no('records of different things');
  // A record stands until it is broken: reports far apart may speak of different highs.
  const gap = daysBetween(a.published, b.published);
  if (gap === null || gap > FRAME_GAP_DAYS) return no('records reported far apart');
  const ra = a.frame.recordSince!;
  const rb = b.frame.recordSince!;
  const slack = ra.approx || rb.approx ? 1 : 0;
  const agrees = Math.abs(ra.year - rb.year) <= slack;
  if (!agrees) return no(`records since ${ra.year} and since ${rb.year}`);
  const relation: ValueRelation = {
    relation: 'agrees',
    vague: ra.approx !== rb.approx || a.figure.kind !== b.figure.kind,
    unrelated: false,
    reason: `Both the most since ${ra.approx ? `about ${ra.year}` : ra.year}${rb.year !== ra.year || rb.approx !== ra.approx ? ` and ${rb.approx ? `about ${rb.year}` : rb.year}` : ''}.`,
  };
  return { same: true, evidence: THRESHOLD + frames.evidence, reasons: frames.reasons, rejected: null, relation };
}

/** Kinds whose frames can establish a link on their own: amounts of something. */
const FRAMED_KINDS = new Set(['count', 'money', 'percent', 'measure']);

/** Rejections of the word-based test that a frame may overrule: the words differ, the measure may not. */
function softRejection(why: string | null): boolean {
  return why !== null && /^(?:nothing in common around the figure|no name in common|what is counted is unknown|too little in common|counts \S+ vs \S+|generic count|the sentence names the year before)/.test(why);
}

function sideOf(c: FigureContext): FrameSide {
  return { figure: c.figure, frame: c.frame, published: c.published, storyEntities: c.storyEntities };
}

function mergeReasons(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((r) => !a.includes(r))];
}

/** Most days between two reports whose figures are linked by their frames alone, unless both state the same period. */
const FRAME_GAP_DAYS = 31;

/**
 * The frame test: the same concept, no other holder, and reports close in time or naming the same period. Null when
 * the frames do not make the pair the same quantity.
 */
function sameByFrames(a: FigureContext, b: FigureContext, frames: ReturnType<typeof alignFrames>, options: QuantityOptions): SameQuantity | null {
  if (!frames.supported.includes('concept')) return null;
  // Both about someone: the same someone, near the figures or in the stories' recurring names.
  const ha = new Set([...a.frame.holders, ...a.frame.storyHolders]);
  const hb = new Set([...b.frame.holders, ...b.frame.storyHolders]);
  if (ha.size > 0 && hb.size > 0 && ![...ha].some((h) => hb.has(h))) return null;
  // A name next to one figure ("Pinterest's revenue rose 20%") must be one the other side knows.
  // It may also be its own story's subject under another name ("the iPhone giant" in a story about Apple), when
  // the two stories share their subject.
  const near = (c: FigureContext) => (c.frame.holderFrom === 'sentence' || c.frame.holderFrom === 'paragraph' ? c.frame.holders : []);
  // Stories share their subject when each one's first name is among the other's: a country both mention in passing
  // ("US" in a story on Apple and in one on Netflix) does not make them one story.
  const lead = (c: FigureContext) => c.frame.storyHolders[0];
  const sharedStory = lead(a) !== undefined && lead(b) !== undefined && hb.has(lead(a)!) && ha.has(lead(b)!);
  const placed = (c: FigureContext, other: Set<string>) =>
    near(c).length === 0 || near(c).some((h) => other.has(h)) || (sharedStory && near(c).some((h) => c.frame.storyHolders.slice(0, 3).includes(h)));
  if (hb.size > 0 && !placed(a, hb)) return null;
  if (ha.size > 0 && !placed(b, ha)) return null;
  // Counts: the counted nouns mean the same (subscribers and members), and no group is set apart on one side only.
  if (a.figure.kind === 'count') {
    // Two counted nouns the lexicon knows must mean the same; a noun it does not know ("global" in "8.28 million
    // global paid net subscribers", a cut phrase) leaves the frame's concept to decide.
    const ka = a.countedKey ? conceptOfWord(a.countedKey) : null;
    const kb = b.countedKey ? conceptOfWord(b.countedKey) : null;
    if (ka && kb && ka !== kb) return null;
    const ma = a.countedModifiers.filter((m) => !/^\d/.test(m));
    const mb = b.countedModifiers.filter((m) => !/^\d/.test(m));
    if (ma.length > 0 && mb.length > 0 && !ma.some((m) => mb.includes(m))) return null;
    // "US troops" against plain "troops": a group named by a country or a name on one side only sets it apart.
    const named = (ms: string[]) => ms.filter((m) => findEntities(m.charAt(0).toUpperCase() + m.slice(1)).some((e) => e.type !== 'name'));
    if (named(ma).some((m) => !mb.includes(m)) || named(mb).some((m) => !ma.includes(m))) return null;
  }
  const samePeriod = frames.supported.includes('period');
  // A general measure ("costs", "prices") of the story's subject is too loose on its own: it needs the
  // same stated period or a holder named next to both figures.
  const general = UNSPECIFIC_CONCEPTS.has(a.frame.concepts[0] ?? '') && UNSPECIFIC_CONCEPTS.has(b.frame.concepts[0] ?? '');
  if (general && !samePeriod && !near(a).some((h) => near(b).includes(h))) return null;
  const gap = daysBetween(a.published, b.published);
  if (!samePeriod && (gap === null || gap > Math.min(FRAME_GAP_DAYS, options.maxGapDays ?? FRAME_GAP_DAYS))) return null;
  const ua = unitKey(a.figure.unit);
  const ub = unitKey(b.figure.unit);
  if (ua !== ub && !(ua && ub && UNIT_BASE[ua] && UNIT_BASE[ub] && UNIT_BASE[ua][0] === UNIT_BASE[ub][0])) return null;
  if (a.figure.kind === 'money' && (a.figure.currency ?? a.figure.unit) !== (b.figure.currency ?? b.figure.unit)) return null;
  // Frames alone are weaker evidence than a shared counted group and event: for counts they may only confirm.
  return { same: true, evidence: THRESHOLD + frames.evidence, reasons: frames.reasons, rejected: null, agreeOnly: a.figure.kind === 'count' };
}

/** The word-based test: counted things, event words, names and the words around the figure. */
function sameByWords(a: FigureContext, b: FigureContext, options: QuantityOptions = {}): SameQuantity {
  const fa = a.figure;
  const fb = b.figure;
  if (fa.kind !== fb.kind) return no('different kinds');
  if (NEVER.has(fa.kind)) return no(`${fa.kind} figures are not compared`);
  const ua = unitKey(fa.unit);
  const ub = unitKey(fb.unit);
  if (ua !== ub && !(ua && ub && UNIT_BASE[ua] && UNIT_BASE[ub] && UNIT_BASE[ua][0] === UNIT_BASE[ub][0])) {
    return no('different units');
  }
  if (fa.kind === 'money' && (fa.currency ?? fa.unit) !== (fb.currency ?? fb.unit)) return no('different currencies');
  const reasons: string[] = [];
  let evidence = 0;

  // What is counted.
  if (fa.kind === 'count') {
    if (!a.countedKey || !b.countedKey) return no('what is counted is unknown');
    if (a.countedKey !== b.countedKey) return no(`counts ${a.countedKey} vs ${b.countedKey}`);
    const ma = a.countedModifiers.filter((m) => !/^\d/.test(m));
    const mb = b.countedModifiers.filter((m) => !/^\d/.test(m));
    if (ma.length > 0 && mb.length > 0 && !ma.some((m) => mb.includes(m))) {
      return no(`different groups: ${ma.join(' ')} vs ${mb.join(' ')}`);
    }
    const generic = GENERIC_COUNTED.has(a.countedKey);
    evidence += generic ? 1 : 2;
    if (ma.some((m) => mb.includes(m))) evidence += 1;
    const ca = fa.counted ?? a.countedKey;
    const cb = fb.counted ?? b.countedKey;
    reasons.push(
      ca.toLowerCase() === cb.toLowerCase() ? `Both count ${ca}.` : `Both count the same thing: “${ca}” and “${cb}”.`,
    );
    if (generic && (!a.event || a.event !== b.event)) return no(`generic count (${a.countedKey}) without the same event word`);
  }

  // The event word.
  if (a.event && b.event && a.event !== b.event) return no(`different events: ${a.eventWord} vs ${b.eventWord}`);
  if (EVENT_BOUND.has(fa.kind) && (!a.event || a.event !== b.event)) return no('no common event word for a one-off figure');
  // "next week" and "next month" overlap without naming the same day: only days are compared.
  // A month is compared only when both name the same month at the same place ("a summit in Geneva last June").
  const sameMonthAndPlace = fa.date?.granularity === 'month' && fb.date?.granularity === 'month' && fa.place !== null && fa.place === fb.place;
  if (fa.kind === 'date' && (fa.date?.granularity !== 'day' || fb.date?.granularity !== 'day') && !sameMonthAndPlace) return no('dates vaguer than a day');
  if (a.event && a.event === b.event) {
    evidence += 1;
    reasons.push(a.eventWord === b.eventWord ? `Same event: “${a.eventWord}”.` : `Same event: “${a.eventWord}” and “${b.eventWord}”.`);
  }

  // Names and place.
  const shared = [...a.entities].filter((e) => b.entities.has(e));
  if (shared.length > 0) {
    evidence += Math.min(shared.length, 3);
    reasons.push(`Both name ${listNames(shared.map(displayName))}.`);
  } else {
    // A sentence that names no one ("More than 650 people were injured") is about its story: both stories must
    // name the same thing in their headline or lead, and that counts for less than a name in the sentence.
    const quiet = a.entities.size === 0 || b.entities.size === 0;
    const story = quiet ? [...a.storyEntities].filter((e) => b.storyEntities.has(e)) : [];
    if (story.length === 0) return no('no name in common');
    // "The last major quake in the region, in 2001, killed 145 people" is another story's figure.
    // A year just before the other report's ("in 2021", reported in January 2022) may be the same results; a year
    // further back is another story's ("the last major quake, in 2001").
    if (!sameYears(a, b)) return no(adjacentYears(a, b) ? 'the sentence names the year before' : 'the sentence names another year');
    evidence += 1;
    reasons.push(`Both stories are about ${listNames(story.slice(0, 3).map(displayName))}.`);
  }
  const words2 = [...a.terms].filter((t) => b.terms.has(t));
  evidence += Math.min(words2.length, 4) * 0.5;
  // A percentage or a sum says nothing of what it measures: the words around it must share something
  // ("inflation rose 5%" is not "the economy grew 5%").
  if (OF_SOMETHING.has(fa.kind)) {
    const unit = unitKey(fa.unit);
    const around = [...a.near.keys()].filter((t) => b.near.has(t) && t !== unit && !UNIT_WORDS.has(t));
    if (around.length === 0) return no('nothing in common around the figure');
    reasons.push(`Both about “${around.slice(0, 3).map((t) => a.near.get(t) ?? t).join('”, “')}”.`);
    evidence += 1;
  }

  // Dates.
  const gap = daysBetween(a.published, b.published);
  // The day of the event: a date in the figure's sentence ("met on Friday") beats the report's own date.
  const occasionGap = daysBetween(a.eventDate?.start ?? a.occasion, b.eventDate?.start ?? b.occasion);
  if (EVENT_BOUND.has(fa.kind)) {
    if (a.eventDate && b.eventDate && fa.kind !== 'date' && fa.kind !== 'year' && !datesOverlap(a.eventDate, b.eventDate)) {
      return no('tied to different dates');
    }
    if (!(a.eventDate && b.eventDate) && (fa.kind === 'duration' || fa.kind === 'time')) {
      if (occasionGap === null) return no('the date of the event is unknown');
      if (occasionGap > (options.eventGapDays ?? 3)) return no(`reports ${Math.round(occasionGap)} days apart: a different occasion`);
      reasons.push(occasionGap < 1 ? 'Both report the same day’s events.' : `Reports of events ${Math.round(occasionGap)} day${Math.round(occasionGap) === 1 ? '' : 's'} apart.`);
    }
  } else if (gap !== null && gap > (options.maxGapDays ?? 400)) {
    return no(`reports ${Math.round(gap)} days apart`);
  }
  const needed = fa.value.vague !== fb.value.vague ? VAGUE_THRESHOLD : THRESHOLD;
  if (evidence < needed) return { same: false, evidence, reasons, rejected: 'too little in common' };
  return { same: true, evidence, reasons, rejected: null };
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 4);
  if (shown.length === 1) return shown[0] as string;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "soviet-union" → "Soviet Union", "us" → "US", "nato" → "NATO": a canonical key made readable. */
function displayName(key: string): string {
  return key
    .split(/[-\s]+/)
    .map((w) => (w.length <= 3 || w === 'nato' || w === 'osce' ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** How two figures already known to be the same quantity relate. */
export interface ValueRelation {
  relation: 'agrees' | 'differs';
  /** One side vague, the other specific. */
  vague: boolean;
  /** Not a link after all: the values are too far apart to be the same quantity. */
  unrelated: boolean;
  reason: string;
}

/** Value in a base unit (so 90 minutes and 1.5 hours compare). */
function base(f: Figure, x: number): number {
  const u = unitKey(f.unit);
  const b = u ? UNIT_BASE[u] : undefined;
  return b ? x * b[1] : x;
}

/**
 * The place value of a figure's last written digit, in base units, when the figure is exact and written with decimals,
 * a scale word or as a percentage ("8.3 million" → 100,000; "7.9%" → 0.1; "$34.63bn" → 10 million). Null for figures
 * with a qualifier ("about", "more than") or bare whole numbers ("100,000"), whose precision the text does not state.
 */
export function statedStep(f: Figure): number | null {
  if (f.qualifier || f.value.vague || f.value.high !== f.value.low) return null;
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(f.text);
  if (!m) return null;
  const written = Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  if (!(written > 0)) return null;
  const scale = f.value.point / written;
  const decimals = m[2]?.length ?? 0;
  const scaled = scale > 1.5;
  if (!scaled && decimals === 0 && f.kind !== 'percent') return null;
  const step = 10 ** -decimals * (scaled ? Math.round(scale) : 1);
  return base(f, step);
}

/** How far past a bound an exact value may lie and still be what the bound rounds: "more than 30%" for 36%. */
export const BOUND_REACH = 1.25;

/** "More than 30%" is a bound from below, "under 5,000" from above; a point, a range or a vague amount is neither. */
export function oneSidedBound(f: Pick<Figure, 'value' | 'qualifier'>): 'at-least' | 'at-most' | null {
  if (f.value.vague) return null;
  if (f.value.high === null) return 'at-least';
  return f.qualifier !== null && f.value.low === 0 && f.value.high === f.value.point ? 'at-most' : null;
}

/**
 * When `bound` is one-sided ("more than 30%", "under 5,000") and `exact` a plain value inside it and within reach,
 * the reason they are consistent; else null. Two bounds are left to the point comparison ("more than 13,000" and
 * "more than 14,000" differ).
 */
function keptBound(bound: Figure, boundValue: number, exact: Figure, exactValue: number): string | null {
  if (exact.value.vague || exact.qualifier !== null || exact.value.high !== exact.value.low) return null;
  const side = oneSidedBound(bound);
  const atLeast = side === 'at-least';
  const atMost = side === 'at-most';
  const holds = atLeast
    ? exactValue >= boundValue && exactValue <= boundValue * BOUND_REACH
    : atMost && exactValue <= boundValue && exactValue >= boundValue / BOUND_REACH;
  return holds ? `“${exact.text}” is ${atLeast ? 'above' : 'below'} “${bound.text}”, as that bound says.` : null;
}

/** Most times one count of a running tally may be another's, later or earlier in the story, and still be its count. */
const TALLY_RATIO = 10;

/**
 * Compares the values of two figures already found to be the same quantity, with what their frames say: a running
 * tally (a death toll, homes destroyed) may grow several-fold between reports and still be the same tally.
 */
export function compareContexts(a: FigureContext, b: FigureContext, options: QuantityOptions = {}): ValueRelation {
  const ca = a.frame.concepts[0];
  const tally = ca !== undefined && ca === b.frame.concepts[0] && RUNNING_TALLIES.has(ca);
  return compareValues(a.figure, b.figure, tally ? { ...options, maxRatio: Math.max(options.maxRatio ?? 0, TALLY_RATIO) } : options);
}

/** Compares the values of two figures of the same quantity. */
export function compareValues(a: Figure, b: Figure, options: QuantityOptions = {}): ValueRelation {
  const tol = options.tolerance ?? 0.03;
  if (a.kind === 'date' || a.kind === 'year') {
    if (a.date && b.date) {
      const same = datesOverlap(a.date, b.date);
      // At the precision both texts give together: "last June" and "12 June 2021" share a month, not a day.
      const both = coarser(a.date, b.date);
      const what = `Same ${both.granularity}: ${formatPeriod(both)}.`;
      return { relation: same ? 'agrees' : 'differs', vague: false, unrelated: !same, reason: same ? what : 'Different dates.' };
    }
    const same = a.value.point === b.value.point;
    return { relation: same ? 'agrees' : 'differs', vague: false, unrelated: !same, reason: same ? `Same year: ${a.text}.` : 'Different years.' };
  }
  const pa = base(a, a.value.point);
  const pb = base(b, b.value.point);
  const close = (x: number, y: number) => Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y));
  if (a.value.vague !== b.value.vague) {
    const [v, s] = a.value.vague ? [a, b] : [b, a];
    const lo = base(v, v.value.low);
    const hi = v.value.high === null ? Infinity : base(v, v.value.high);
    const ps = base(s, s.value.point);
    const within = ps >= lo / 2 && ps <= hi * 2;
    return {
      relation: within ? 'agrees' : 'differs',
      vague: true,
      unrelated: ps < lo / 10 || ps > hi * 10,
      reason: `“${v.text}” is vague and “${s.text}” specific: ${within ? 'consistent, not a conflict' : 'not the same order of size'}.`,
    };
  }
  // Two exact figures stated with decimals or a scale word agree when one rounds to the other at the coarser stated
  // precision (8.28 million and 8.3 million), and differ otherwise, however close ($10.2bn and $10.3bn).
  const stepA = statedStep(a);
  const stepB = statedStep(b);
  const rounded = stepA !== null && stepB !== null ? Math.abs(pa - pb) <= 0.5 * Math.max(stepA, stepB) * (1 + 1e-9) : null;
  if (rounded === true || (rounded === null && close(pa, pb))) {
    return { relation: 'agrees', vague: false, unrelated: false, reason: a.text === b.text ? `Same value: ${a.text}.` : `Same value: “${a.text}” and “${b.text}”.` };
  }
  // A closed range holding the other's point agrees ("between 90 and 100" and "95").
  // Only a range the text states ("between 90 and 100", "10,000-12,000"): "about 100,000" is a point estimate,
  // and its ±10% interval must not swallow 94,000.
  const stated = (r: Figure) => r.qualifier === 'between' || (r.qualifier === null && r.value.high !== null && r.value.high > r.value.low);
  const inside = (r: Figure, x: number) =>
    stated(r) && r.value.high !== null && r.value.high > r.value.low && x >= base(r, r.value.low) && x <= base(r, r.value.high);
  if (inside(a, pb) || inside(b, pa)) {
    return { relation: 'agrees', vague: false, unrelated: false, reason: `“${b.text}” falls within “${a.text}”.` };
  }
  // "About 3 per cent" and "3.1%", "nearly 5%" and "4.6%": an approximation rounds to its last stated digit, so it
  // holds a value within that step ("about 22 percent" does not hold 20%).
  const roughly = (r: Figure, x: number) => {
    const step = statedStep(r);
    const p = base(r, r.value.point);
    if (step === null) return false;
    if (r.qualifier === 'about') return Math.abs(x - p) <= step / 2 + 1e-9;
    return r.qualifier === 'nearly' && x <= p + 1e-9 && x >= p - step - 1e-9;
  };
  if ((roughly(a, pb) && b.qualifier === null) || (roughly(b, pa) && a.qualifier === null)) {
    return { relation: 'agrees', vague: true, unrelated: false, reason: `“${a.qualifier ? b.text : a.text}” is within “${a.qualifier ? a.text : b.text}”.` };
  }
  // "More than 30%" and "32%": a bound the other's exact value keeps, near enough that a writer rounds to it.
  const kept = keptBound(a, pa, b, pb) ?? keptBound(b, pb, a, pa);
  if (kept) return { relation: 'agrees', vague: true, unrelated: false, reason: kept };
  const ratio = Math.max(Math.abs(pa), Math.abs(pb)) / Math.max(1e-9, Math.min(Math.abs(pa), Math.abs(pb)));
  const pct = Math.round((ratio - 1) * 100);
  return {
    relation: 'differs',
    vague: false,
    unrelated: ratio > (options.maxRatio ?? 2.5),
    reason: `Values differ: “${a.text}” here, “${b.text}” there (${pct}% apart).`,
  };
}
