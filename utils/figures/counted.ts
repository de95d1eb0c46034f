// What a figure counts and the event it belongs to: the noun phrase after it, its normalized head, and the verb.
import { DEMONYMS, NAME_ALIASES } from '../lexicon/aliases';
import { EVENT_NOUNS, EVENT_VERBS, IRREGULAR_PAST, NOMINALIZATIONS, OTHER_VERBS } from '../lexicon/event-words';
import { GENERIC_MODIFIERS, HEAD_SYNONYMS, IRREGULAR_NOUNS, LY_NOUNS } from '../lexicon/nouns';
import { NUMBER_WORDS } from '../lexicon/number-words';
import { CLAUSE_OPENERS, PHRASE_STOP } from '../lexicon/stopwords';








/** Singular of a noun (cheap rules; irregulars first). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_NOUNS[w]) return IRREGULAR_NOUNS[w]!;
  // "gunmen", "policemen", "servicemen".
  if (w.endsWith('men') && w.length > 4) return `${w.slice(0, -3)}man`;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ves') && ['lives', 'wives', 'knives', 'wolves', 'halves', 'selves'].includes(w)) {
    return w.replace(/ves$/, w === 'lives' || w === 'wives' || w === 'knives' ? 'fe' : 'f');
  }
  if (/[^su]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Normalized key of a counted head noun: "soldiers" → "troop", "people" → "person". */
export function countedKeyOf(head: string): string {
  const s = singular(head);
  return HEAD_SYNONYMS[s] ?? s;
}



const VERB_FORMS = new Map<string, string>();
for (const [lemma, irregular] of Object.entries(EVENT_VERBS)) {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`, `${stem}ing`, ...irregular];
  if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  if (/(s|sh|ch|x)$/.test(lemma)) forms.push(`${lemma}es`);
  for (const f of forms) VERB_FORMS.set(f, lemma);
}

/** Lemma of an event verb form ("killed" → "kill", "met" → "meet"), or null when not a known event verb. */
export function verbLemma(word: string): string | null {
  return VERB_FORMS.get(word.toLowerCase()) ?? null;
}

/** Nominalization's verb ("deployment" → "deploy"), or null. */
export function nominalVerb(word: string): string | null {
  return NOMINALIZATIONS[word.toLowerCase()] ?? null;
}

const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}][\p{L}\p{M}’'-]*/uy;

export interface CountedPhrase {
  text: string;
  start: number;
  end: number;
  head: string;
  key: string;
  modifiers: string[];
  /** A verb met right after the phrase ("troops massed"). */
  verbAfter: string | null;
}

/**
 * The noun phrase counted by a figure ending at `from`: up to four words, stopping at function words, verbs and
 * punctuation. "more than 5,000 volunteer firefighters on the lines" → "volunteer firefighters".
 */
export function countedAfter(text: string, from: number): CountedPhrase | null {
  let pos = from;
  // "tens of thousands of troops": skip the "of" that follows a vague amount.
  const of = /^\s+of\s+(?=\p{L})/u.exec(text.slice(pos, pos + 8));
  if (of) pos += of[0].length;
  const words: { text: string; start: number; end: number }[] = [];
  let verbAfter: string | null = null;
  // "the 27-nation bloc", "a six-member crew": the glued noun is what is counted.
  const glued = /^-(\p{L}{3,})(?![\p{L}-])/u.exec(text.slice(pos));
  if (glued && !of) {
    const start = pos + 1;
    const end = start + glued[1]!.length;
    return { text: glued[1]!, start, end, head: glued[1]!, key: countedKeyOf(glued[1]!), modifiers: [], verbAfter: null };
  }
  while (words.length < 4) {
    const gap = /^[\s]+|^/u.exec(text.slice(pos))![0];
    if (words.length > 0 && gap.length === 0) break;
    if (words.length === 0 && !/^\s{0,2}$/.test(gap)) break;
    WORD_RE.lastIndex = pos + gap.length;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const w = m[0].endsWith('.') ? m[0] : m[0].replace(/[’']s?$/u, '');
    const lower = w.toLowerCase();
    if (PHRASE_STOP.has(lower) || NUMBER_WORDS.has(lower)) break;
    const lemma = verbLemma(lower);
    if (lemma && (words.length > 0 || /(ed|ing)$/.test(lower))) {
      if (words.length > 0) verbAfter = lemma;
      break;
    }
    // After a noun, an adverb ends the phrase: "troops currently stationed", "people reportedly killed".
    if (words.length > 0 && /^\p{Ll}[\p{L}]+ly$/u.test(w) && !LY_NOUNS.has(lower)) break;
    // After a noun, a participle or a past form is a verb: "whales beaching", "incidents recorded".
    if (words.length > 0 && (/(ed|ing)$/.test(lower) || IRREGULAR_PAST.has(lower)) && lower.length > 4) break;
    words.push({ text: w, start: m.index, end: m.index + w.length });
    pos = m.index + m[0].length;
    // A possessive or punctuation after the word ends the phrase.
    if (m[0].length !== w.length || /^[,.;:!?)”»"]/.test(text.slice(pos))) break;
  }
  if (words.length === 0) return null;
  // Units and date words are not things counted.
  const head = words[words.length - 1]!;
  if (!verbAfter) {
    const next = /^\s+([\p{L}’'-]+)/u.exec(text.slice(head.end));
    const lemma = next ? verbLemma(next[1]!) : null;
    if (lemma) verbAfter = lemma;
    else if (next && /^(have|has|had|were|was|are)$/i.test(next[1]!)) {
      const after = /^\s+\S+\s+(?:been\s+)?([\p{L}’'-]+)/u.exec(text.slice(head.end));
      verbAfter = after ? verbLemma(after[1]!) : null;
    }
  }
  const modifiers: string[] = [];
  for (const w of words.slice(0, -1)) {
    const lower = w.text.toLowerCase();
    // "combat troops", "military personnel": such words describe, they do not name whose troops.
    if (GENERIC_MODIFIERS.has(lower)) continue;
    modifiers.push(DEMONYMS[lower] ?? NAME_ALIASES[lower] ?? NAME_ALIASES[lower.replace(/\.$/, '')] ?? lower);
  }
  const first = words[0]!;
  return {
    text: text.slice(first.start, head.end),
    start: first.start,
    end: head.end,
    head: head.text,
    key: countedKeyOf(head.text),
    modifiers,
    verbAfter,
  };
}

/** The nearest event verb or nominalization before `offset` within the same clause (up to eight words back). */
export function verbBefore(text: string, offset: number): string | null {
  const before = text.slice(Math.max(0, offset - 120), offset);
  const clause = before.split(/[;:!?]|[.,](?=\s)|\s[–—]\s/u).pop() ?? '';
  const words = clause.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  for (let i = words.length - 1, n = 0; i >= 0 && n < 8; i -= 1, n += 1) {
    const w = words[i]!;
    const lower = w.toLowerCase();
    const lemma = verbLemma(w) ?? nominalVerb(w);
    if (lemma) return lemma;
    // A subordinate clause starts here ("agreeing to keep talking even as Moscow kept 100,000 troops").
    if (CLAUSE_OPENERS.has(lower)) return null;
    // Another verb stands between: it governs the figure even though it names no event we know.
    if (OTHER_VERBS[lower]) return OTHER_VERBS[lower];
  }
  return null;
}




/** The event noun among the next two words after `from` ("-minute phone call" → call), or null. */
export function eventNounAfter(text: string, from: number): { word: string; lemma: string } | null {
  const words = /^\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(from));
  if (!words) return null;
  for (const w of [words[1], words[2]]) {
    const lemma = w ? EVENT_NOUNS[w.toLowerCase()] : undefined;
    if (w && lemma) return { word: w.toLowerCase(), lemma };
  }
  return null;
}

/** The event noun nearest to [start, end) in the sentence, before it first (up to ten words), then after (six). */
export function eventNounNear(text: string, start: number, end: number): string | null {
  const before = (text.slice(Math.max(0, start - 100), start).match(/[\p{L}-]+/gu) ?? []).slice(-10).reverse();
  for (const w of before) if (EVENT_NOUNS[w.toLowerCase()]) return w.toLowerCase();
  const after = (text.slice(end, end + 60).match(/[\p{L}-]+/gu) ?? []).slice(0, 6);
  for (const w of after) if (EVENT_NOUNS[w.toLowerCase()]) return w.toLowerCase();
  return null;
}

/** The event noun of the sentence nearest to [start, end), before or after it at any distance, with its lemma. */
export function eventNounInSentence(text: string, start: number, end: number): { word: string; lemma: string } | null {
  let best: { word: string; lemma: string; distance: number } | null = null;
  for (const m of text.matchAll(/[\p{L}-]+/gu)) {
    const lemma = EVENT_NOUNS[m[0].toLowerCase()];
    if (!lemma) continue;
    const distance = m.index < start ? start - (m.index + m[0].length) : m.index - end;
    if (distance >= 0 && (!best || distance < best.distance)) best = { word: m[0].toLowerCase(), lemma, distance };
  }
  return best ? { word: best.word, lemma: best.lemma } : null;
}
