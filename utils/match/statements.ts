// Compares a quote or reported statement with a report sentence: the same words allowing paraphrase, or a precise negation.
import { meaningKey, opposition, overlap, polarity, readClaim, type ClaimText } from './statement-claims';
import { allTerms, canonical, contentTerms, isStopword, words } from './text';

export { meaningKey };

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

/** Reported speech shifts the tense of the words said ("has weakened" → "had weakened"): one token for each auxiliary. */
const BACKSHIFT: Record<string, string> = { had: 'has', have: 'has', was: 'is', are: 'is', were: 'is', would: 'will', could: 'can' };

const tokenMemo = new Map<string, string[]>();
function tokens(text: string): string[] {
  let t = tokenMemo.get(text);
  if (!t) {
    t = allTerms(text).flatMap((x) => (FILLERS.has(x) ? [] : [BACKSHIFT[x] ?? x]));
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
 * One speaker under two keys: equal keys, or a full name with its title against the surname alone
 * ("fed chair jerome powell" / "powell"). Countries, capitals and seats of government already share a key.
 */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const parts = long.split(' ');
  return !short.includes(' ') && parts.length >= 3 && parts[parts.length - 1] === short;
}

/**
 * Does sentence `b` corroborate statement `a`, or conflict with it? `claims` gives what each side says with the words
 * that frame it ("The Kremlin has denied that …"); without it, `a` and `b` are read as said.
 * Corroboration: the same words (allowing translation and paraphrase), or the same speaker's claim in other words.
 * Conflict: only the same speaker, the same senses, and one side negated or reversed (see `opposition`).
 */
export function relateStatement(
  a: string,
  b: string,
  speakers: { a: string | null; b: string | null },
  claims: { a: ClaimText; b: ClaimText } = { a: { frame: '', body: a }, b: { frame: '', body: b } },
): StatementVerdict {
  const same = sameSpeaker(speakers.a, speakers.b);
  const n = tokens(a).length;
  const s = n < 5 ? null : statementSimilarity(a, b);
  // A short phrase ("the US commitment to Ukraine's sovereignty") must be repeated nearly word for word.
  const strong = s !== null && (n < 10 ? s.coverage >= 0.9 : (s.coverage >= 0.6 && s.content >= 0.4) || s.clause >= 0.85);
  // Without the same speaker only the same words can link: the claims are read only when they may matter.
  if (!same && !strong) return null;
  const speakerWords = [speakers.a, speakers.b].flatMap((k) => (k ? k.split(' ') : []));
  const ca = readClaim(claims.a, speakerWords);
  const cb = readClaim(claims.b, speakerWords);
  if (same) {
    const opposite = opposition(ca, cb);
    if (opposite) return { relation: 'conflicts', reasons: [opposite] };
  }
  // One side negated, reversed or withheld ("did not say whether"): whatever the words, not the same claim.
  if (polarity(ca, cb) !== 'same') return null;
  if (!s || !strong) {
    // Reported by the same speaker in other words ("Russia denies any plans to invade" / "The Kremlin has denied
    // plans to invade Ukraine"): corroboration by meaning.
    // Every sense of the shorter claim must be in the longer one: the longer may add detail ("Ukraine", "President
    // Vladimir"), but one sense put for another ("profits" / "costs") is another claim.
    const o = overlap(ca, cb);
    if (o.smaller >= 2 && o.shared === o.smaller && !(o.smaller === 2 && o.differing > 0)) {
      return { relation: 'corroborates', reasons: ['Same speaker.', 'The same claim in other words (every word of the shorter one, by meaning).'] };
    }
    // A long quotation of which the report gives one clause in other words ("The Portuguese have asked us to govern,
    // and we will govern with responsibility" / "the Portuguese had “asked us to govern”").
    const clause = claims.a.body.split(/\s*[,;:—–]\s*|\s+(?:and|but)\s+/).find((c) => {
      const part = readClaim({ frame: claims.a.frame, body: c }, speakerWords);
      return part.keys.size >= 3 && polarity(part, cb) === 'same' && [...part.keys].every((k) => cb.keys.has(k));
    });
    if (!clause) return null;
    return { relation: 'corroborates', reasons: ['Same speaker.', `One clause, the same claim in other words: “${clause}”.`] };
  }
  const pct = Math.round(s.coverage * 100);
  const reasons = [
    s.coverage >= 0.95
      ? 'The same words.'
      : s.coverage >= 0.6
        ? `${pct}% of the words, in the same order.`
        : `One clause nearly word for word (${Math.round(s.clause * 100)}%); the rest differs.`,
  ];
  if (same) reasons.push('Same speaker.');
  if (s.missing.length > 0 && s.coverage < 0.95) reasons.push(`Worded differently: ${s.missing.slice(0, 5).join(', ')}.`);
  return { relation: 'corroborates', reasons };
}
