// Reads a statement as a claim — its senses, what negates or reverses it, its time — so two versions can be compared by meaning, not word order.
import { ACT_NOUNS, FRAME_VERBS, HEDGES, NEGATORS, PHRASES, SELF_REFERENCES, SENSES, TIME_WORDS, WITHHELD } from '../lexicon/statement-words';
import { isStopword, words } from './text';

/** A content word reduced to its meaning's key: a verb's forms and its act noun meet ("denied", "denies", "denial"). */
export function meaningKey(word: string): string {
  const w = word.toLowerCase();
  if (ACT_NOUNS[w]) return ACT_NOUNS[w];
  if (ACT_NOUNS[w.replace(/s$/, '')]) return ACT_NOUNS[w.replace(/s$/, '')]!;
  if (/ied$|ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3).replace(/([^aeiou])\1$/, '$1');
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2).replace(/([^aeiou])\1$/, '$1');
  if (/(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** A word's sense: synonyms share a key; an antonym has the same key and sign -1. */
export function senseOf(word: string): { key: string; sign: 1 | -1 } {
  const direct = SENSES[word];
  if (direct) return direct;
  const lemma = meaningKey(word);
  // "dismissed" → "dismis": the stemmer undoes a doubled consonant the lemma had.
  const sense = SENSES[lemma] ?? SENSES[`${lemma}e`] ?? SENSES[`${lemma}${lemma.slice(-1)}`];
  if (sense) return sense;
  // "deliberation"/"deliberating", "quarterly"/"quarter": a noun or adjective and its root meet.
  if (lemma.endsWith('ation')) return { key: lemma.slice(0, -3), sign: 1 };
  if (/[^aeiou]ly$/.test(lemma) && lemma.length >= 6) return { key: lemma.slice(0, -2), sign: 1 };
  // "plans"/"planning", "invade"/"invading": stems that are prefixes of each other are one key; "sell"/"selling"
  // differ by the doubled consonant the stemmer drops.
  return { key: lemma.replace(/e$/, '').replace(/([^aeiou])\1$/, '$1'), sign: 1 };
}

/** Keys that have an antonym in the lexicon. */
const POLAR_KEYS = new Set(Object.values(SENSES).filter((s) => s.sign === -1).map((s) => s.key));

/** What a statement says, as the engine compares it: the frame ("Moscow denied that") and the words said. */
export interface ClaimText {
  frame: string;
  body: string;
}

export interface Claim {
  /** Senses of the content words said, without the speaker's own names. */
  keys: Set<string>;
  /** Negating words ("not", "denied", "refused to", "ruled out"), counted over the frame's verb and the body. */
  negations: number;
  /** Direction of each sense that has an antonym: "cut" is "up" at -1, "stay closed" is "leave" and "open" at -1. */
  signs: Map<string, 1 | -1>;
  /** The speaker is said not to have said it ("did not say whether", "declined to comment"). */
  withheld: boolean;
  /** A possibility, condition or question rather than a claim ("could", "if", "whether"). */
  hedged: boolean;
  times: Set<string>;
  /** Third persons named by pronoun ("he", "she"): "she would not run" is about someone else than "he would run". */
  persons: Set<string>;
  tense: 'future' | 'perfect' | null;
  /** The words that give the claim its direction, for the reader ("denied", "not veto", "raise"). */
  cues: string[];
}

function phrased(text: string): string[] {
  let t = words(text).join(' ');
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  return t.split(' ').filter(Boolean);
}

const PERFECT = /\b(?:had|has|have)\s+(?:not\s+|never\s+|already\s+)?(?!no\b|to\b|a\b|an\b|the\b|any\b|some\b|plans?\b)[a-z]+/;

const claimMemo = new Map<string, Claim>();

/** Reads a claim; `speakerWords` (the speaker's key) are left out of its senses. Memoized: a page's statement meets many report sentences, and a report sentence many statements. */
export function readClaim(claim: ClaimText, speakerWords: readonly string[] = []): Claim {
  const memoKey = `${speakerWords.join(' ')}\u0001${claim.frame}\u0001${claim.body}`;
  let read = claimMemo.get(memoKey);
  if (!read) {
    read = readClaimOnce(claim, speakerWords);
    if (claimMemo.size > 20_000) claimMemo.clear();
    claimMemo.set(memoKey, read);
  }
  return read;
}

function readClaimOnce(claim: ClaimText, speakerWords: readonly string[]): Claim {
  const frameTokens = phrased(claim.frame);
  const body = phrased(claim.body);
  const keys = new Set<string>();
  const cues: string[] = [];
  let negations = 0;
  const signs = new Map<string, 1 | -1>();
  const turn = (key: string, sign: 1 | -1) => signs.set(key, ((signs.get(key) ?? 1) * sign) as 1 | -1);
  // Only the verb that introduces the words counts from the frame ("Moscow has denied that"), not earlier clauses.
  for (const t of frameTokens.slice(-3)) {
    if (NEGATORS.has(t)) {
      negations += 1;
      cues.push(t);
    } else if (senseOf(t).sign === -1) {
      turn(senseOf(t).key, -1);
      keys.add(senseOf(t).key);
      cues.push(t);
    }
  }
  const skip = new Set(speakerWords);
  let shownUpTo = -1;
  body.forEach((t, i) => {
    if (NEGATORS.has(t)) {
      negations += 1;
      // The reader sees the negation with what it negates: "not been damaged", "refused to join".
      const next = body.findIndex((w, j) => j > i && !isStopword(w) && !NEGATORS.has(w));
      const upTo = next < 0 ? i : Math.min(next, i + 3);
      cues.push(body.slice(i, upTo + 1).join(' ').replace('ruledout', 'ruled out'));
      shownUpTo = upTo;
      return;
    }
    if (isStopword(t) || FRAME_VERBS.has(t) || SELF_REFERENCES.has(t) || skip.has(t) || (t.length < 3 && !/\d/.test(t))) return;
    const sense = senseOf(t);
    // Either member of an antonym pair gives its claim a direction the reader can see ("raise" / "cut").
    if (POLAR_KEYS.has(sense.key)) {
      turn(sense.key, sense.sign);
      if (i > shownUpTo) cues.push(t);
    }
    keys.add(sense.key);
  });
  if (cues.length === 0) {
    // Nothing turns this side: the reader sees its verb and how the words begin ("said it was planning").
    const verb = [...frameTokens].reverse().find((t) => FRAME_VERBS.has(t)) ?? 'said';
    const shown = claim.body.trim().split(/\s+/);
    cues.push(`${verb} ${shown.slice(0, 4).join(' ')}${shown.length > 4 ? '…' : ''}`.trim());
  }
  const said = body.join(' ');
  const lead = frameTokens.slice(-8).join(' ');
  const times = new Set([...`${frameTokens.join(' ')} ${said}`.matchAll(TIME_WORDS)].map((m) => m[0]));
  const persons = new Set(body.flatMap((t) => (/^(?:he|him|his|himself)$/.test(t) ? ['he'] : /^(?:she|her|hers|herself)$/.test(t) ? ['she'] : [])));
  return {
    keys,
    persons,
    negations,
    signs,
    withheld: WITHHELD.test(`${lead} ${said}`),
    hedged: HEDGES.test(said),
    times,
    tense: /\b(?:will|would|shall|going to)\b/.test(said) ? 'future' : PERFECT.test(said) ? 'perfect' : null,
    cues,
  };
}

/** How two claims' directions compare. */
export type Polarity = 'same' | 'opposite' | 'crossed' | 'withheld';

export function polarity(a: Claim, b: Claim): Polarity {
  if (a.withheld !== b.withheld) return 'withheld';
  const negated = a.negations % 2 !== b.negations % 2;
  // Senses on both sides in opposite directions; two reversals do not cancel out ("reopen" / "stay closed").
  let turned = 0;
  for (const [key, sign] of a.signs) if (b.signs.has(key) && b.signs.get(key) !== sign) turned += 1;
  if (!negated && turned === 0) return 'same';
  // "will not cut" against "will raise": two changes at once say neither the same thing nor its opposite.
  return turned <= 1 && negated !== (turned === 1) ? 'opposite' : 'crossed';
}

/** Share of the smaller claim's senses found in the other. */
export function overlap(a: Claim, b: Claim): { shared: number; smaller: number; differing: number } {
  const [small, large] = a.keys.size <= b.keys.size ? [a.keys, b.keys] : [b.keys, a.keys];
  let shared = 0;
  for (const k of small) if (large.has(k)) shared += 1;
  return { shared, smaller: small.size, differing: a.keys.size + b.keys.size - 2 * shared };
}

/**
 * The same proposition with the opposite direction: nothing hedged or withheld, the same time and tense, and the
 * same senses on both sides (one may differ in a long claim). Returns the reason, or null.
 */
export function opposition(a: Claim, b: Claim): string | null {
  if (polarity(a, b) !== 'opposite' || a.hedged || b.hedged || a.withheld || b.withheld) return null;
  if (a.tense && b.tense && a.tense !== b.tense) return null;
  const disjoint = (x: Set<string>, y: Set<string>) => x.size > 0 && y.size > 0 && ![...x].some((t) => y.has(t));
  if (disjoint(a.times, b.times) || disjoint(a.persons, b.persons)) return null;
  const o = overlap(a, b);
  if (o.smaller < 2 || o.differing > (o.shared >= 6 ? 1 : 0)) return null;
  const cue = (c: Claim) => `“${c.cues.slice(0, 2).join(', ').replace(/ruledout/g, 'ruled out')}”`;
  return `Same speaker, opposite claim: ${cue(a)} vs ${cue(b)}.`;
}

/** The text of a sentence that introduces a statement, for its frame ("The Kremlin has denied that "). */
export function frameBefore(sentence: { text: string; start: number }, statementStart: number): string {
  const at = statementStart - sentence.start;
  return at > 0 && at <= sentence.text.length ? sentence.text.slice(0, at) : '';
}
