// Compares a quote or reported statement with a report sentence: the same words allowing paraphrase, or a precise negation.
import { allTerms, canonical, contentTerms, isStopword, words } from './text';

/** Words dropped before comparing quotes: articles and fillers that translations add or drop freely. */
const FILLERS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'terms', 'very', 'really', 'just', 'happen', 'that']);
const NEGATIONS = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor']);

/** Length of the longest common subsequence of two token lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

const tokenMemo = new Map<string, string[]>();
function tokens(text: string): string[] {
  let t = tokenMemo.get(text);
  if (!t) {
    t = allTerms(text).filter((x) => !FILLERS.has(x));
    if (tokenMemo.size > 20_000) tokenMemo.clear();
    tokenMemo.set(text, t);
  }
  return t;
}

/** Clauses of a statement: split at punctuation, keeping only those long enough to mean something. */
function clauses(text: string): string[] {
  return text.split(/[,;:.!?—–()«»“”"]+|\s-\s/).filter((c) => tokens(c).length >= 6 && contentTerms(c).length >= 3);
}

/** How much of statement `a` the sentence `b` carries, and whether their negations agree. */
export interface StatementSimilarity {
  /** Share of the statement's words found in order in the sentence (0..1). */
  coverage: number;
  /**
   * Best score of one clause of the statement (six words or more, three of them content words): the mean of the
   * in-order share and the any-order share of its words, when most of its content words are present too.
   */
  clause: number;
  /** Share of the statement's content words present in the sentence. */
  content: number;
  /** True when one side negates and the other does not (all else equal). */
  negationFlip: boolean;
  /** Words of the statement missing from the sentence (for the reasons). */
  missing: string[];
}

/** Measures how far sentence `b` repeats statement `a`. */
export function statementSimilarity(a: string, b: string): StatementSimilarity {
  const ta = tokens(a);
  const tb = tokens(b);
  const bSet = new Set(tb);
  // Negations are compared on their own (negationFlip), so the wording is measured without them.
  const pa = ta.filter((t) => !NEGATIONS.has(t));
  const pb = tb.filter((t) => !NEGATIONS.has(t));
  const coverage = pa.length === 0 ? 0 : lcs(pa, pb) / pa.length;
  let clause = 0;
  for (const text of clauses(a)) {
    const c = tokens(text);
    const cc = [...new Set(contentTerms(text))];
    if (cc.filter((t) => bSet.has(t)).length / cc.length < 0.6) continue;
    const bag = c.filter((t) => bSet.has(t)).length / c.length;
    clause = Math.max(clause, (lcs(c, tb) / c.length + bag) / 2);
  }
  const ca = [...new Set(contentTerms(a))];
  const content = ca.length === 0 ? 0 : ca.filter((t) => bSet.has(t)).length / ca.length;
  const negA = ta.filter((t) => NEGATIONS.has(t)).length % 2;
  const negB = tb.filter((t) => NEGATIONS.has(t)).length % 2;
  const missing = [...new Set(words(a).filter((w) => !isStopword(w) && !FILLERS.has(w) && !NEGATIONS.has(w) && !bSet.has(canonical(w))))];
  return { coverage, clause, content, negationFlip: negA !== negB, missing };
}

/** Nouns that name a verb's act: the same claim said with either ("plans to invade" / "an invasion"). */
const ACT_NOUNS: Record<string, string> = {
  invasion: 'invade', denial: 'deny', decision: 'decide', agreement: 'agree', attack: 'attack', withdrawal: 'withdraw',
  deployment: 'deploy', escalation: 'escalate', sanction: 'sanction', threat: 'threaten', negotiation: 'negotiate',
  commitment: 'commit', warning: 'warn', response: 'respond', retaliation: 'retaliate', intervention: 'intervene',
  occupation: 'occupy', annexation: 'annex', support: 'support', assistance: 'assist', cooperation: 'cooperate',
};

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

/** Keys of the content words of a text, with the keys that stand for the same thing collapsed. */
function meaningKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (isStopword(w) || FILLERS.has(w) || NEGATIONS.has(w) || w.length < 3 || /\d/.test(w)) continue;
    const key = meaningKey(w);
    // "plans"/"planning", "invade"/"invading": stems that are prefixes of each other are one key.
    out.add(key.replace(/e$/, ''));
  }
  return out;
}

/**
 * The same claim in other words: the same named speaker, no flip of negation, and most of the shorter side's
 * content words (by meaning key) present in the other. Word order is not required.
 */
function sameClaim(a: string, b: string, negationFlip: boolean): number {
  if (negationFlip) return 0;
  const ka = meaningKeys(a);
  const kb = meaningKeys(b);
  const [small, large] = ka.size <= kb.size ? [ka, kb] : [kb, ka];
  if (small.size < 3) return 0;
  let shared = 0;
  for (const k of small) if (large.has(k)) shared += 1;
  return shared / small.size;
}

export type StatementVerdict =
  | { relation: 'corroborates'; reasons: string[] }
  | { relation: 'conflicts'; reasons: string[] }
  | null;

/**
 * Does sentence `b` corroborate statement `a` (same words, allowing translation and paraphrase)?
 * A conflict is claimed only when the words are nearly all the same, one side negates, and the speaker is the same.
 */
export function relateStatement(
  a: string,
  b: string,
  speakers: { a: string | null; b: string | null },
): StatementVerdict {
  const n = tokens(a).length;
  if (n < 5) return null;
  const s = statementSimilarity(a, b);
  const sameSpeaker = speakers.a !== null && speakers.a === speakers.b;
  // A short phrase ("the US commitment to Ukraine's sovereignty") must be repeated nearly word for word.
  const strong = n < 10 ? s.coverage >= 0.9 : (s.coverage >= 0.6 && s.content >= 0.4) || s.clause >= 0.85;
  if (!strong) {
    // Reported by the same speaker in other words ("Russia denies any plans to invade" / "The Kremlin has denied
    // plans to invade Ukraine"): corroboration by meaning, never a conflict.
    const claim = sameSpeaker ? sameClaim(a, b, s.negationFlip) : 0;
    if (claim < 0.75) return null;
    return { relation: 'corroborates', reasons: ['Same speaker.', `The same claim in other words (${Math.round(claim * 100)}% of its words by meaning).`] };
  }
  const pct = Math.round(s.coverage * 100);
  if (s.negationFlip) {
    if (!sameSpeaker || s.coverage < 0.85) return null;
    return {
      relation: 'conflicts',
      reasons: [`Same speaker and ${pct}% of the same words, but one version negates the other.`],
    };
  }
  const reasons = [
    s.coverage >= 0.95
      ? 'The same words.'
      : s.coverage >= 0.6
        ? `${pct}% of the words, in the same order.`
        : `One clause nearly word for word (${Math.round(s.clause * 100)}%); the rest differs.`,
  ];
  if (sameSpeaker) reasons.push('Same speaker.');
  if (s.missing.length > 0 && s.coverage < 0.95) reasons.push(`Worded differently: ${s.missing.slice(0, 5).join(', ')}.`);
  return { relation: 'corroborates', reasons };
}
