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
  if (!strong) return null;
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
