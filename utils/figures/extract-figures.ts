// Finds the checkable figures of an article's sentences: counts, money, percentages, durations, dates, times, measures.
import type { Figure, Sentence } from '../analysis/types';
import { entityKey, findEntities } from '../entities/entities';
import { ATTRIBUTION_VERBS, PEOPLE_VERBS } from '../lexicon/event-words';
import { SUBJECT_BREAKS } from '../lexicon/stopwords';
import { countedAfter, eventNounAfter, eventNounInSentence, eventNounNear, verbBefore, verbLemma, type CountedPhrase } from './counted';
import { publicationDay } from './dates';
import { SENTENCE_PATTERNS } from './patterns';
import type { Draft, SentenceContext } from './patterns/types';

export interface FigureOptions {
  /** Publication date (ISO), for resolving relative dates. */
  published: string | null;
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
/**
 * A line of a results table or fact box: a short label, a colon and an amount ("Revenue: $2.1bn, up 9%", "Load
 * factor: 86.4%"). It states figures without a sentence's closing stop; promo lines ("Read more: …") open with words.
 */
const DATA_LINE = /^\W*\p{L}[\p{L}&'’-]*(?:\s+[\p{L}&'’-]+){0,3}:\s+[-−+]?[$€£¥]?\d/u;

function isFurniture(sentence: string): boolean {
  if (!/[.!?…"”»’')\]]$/u.test(sentence) && !DATA_LINE.test(sentence)) return true;
  if (/©|\(c\)\s*\d{4}|pic\.twitter\.com|\(@\w+\)|^(published|updated|posted|last updated|first published)\b/iu.test(sentence)) return true;
  return false;
}

/** Figures of one sentence, with offsets into it: each pattern of the registry in turn. */
function sentenceFigures(s: string, pub: number | null): Draft[] {
  const drafts: Draft[] = [];
  const context: SentenceContext = { s, masked: maskNoise(s), pub, drafts, taken: (a, b) => drafts.some((d) => a < d.end && b > d.start) };
  for (const pattern of SENTENCE_PATTERNS) pattern.find(context);
  return drafts;
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
