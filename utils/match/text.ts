// Text normalization for matching: tokens, a light stemmer, stopwords and the terms a sentence is indexed under.
import { TERM_ALIASES } from '../lexicon/aliases';
import { INDEX_STOPWORDS } from '../lexicon/stopwords';



/** Contractions, expanded in one pass ("didn't" → "did not", "we're" → "we are", "Russia's" → "russia"). */
const CONTRACTION = /\b(can|won|shan)'t\b|\bcannot\b|\b(\w+)n't\b|'(re|ve|ll|m|d|s)\b/g;
const EXPANSIONS: Record<string, string> = { re: ' are', ve: ' have', ll: ' will', m: ' am', d: ' would', s: '' };
const IRREGULAR: Record<string, string> = { can: 'can not', won: 'will not', shan: 'shall not' };

/** Lowercases, folds accents and quotes, and expands contractions ("didn't" → "did not"). */
export function normalizeText(text: string): string {
  let out = text.toLowerCase();
  // Accents only when there are any: NFKD over every sentence costs more than all the rest.
  if (/[\u0080-\uffff]/.test(out)) out = out.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’ʼ`´]/g, "'");
  if (!out.includes("'") && !out.includes('cannot')) return out;
  return out.replace(CONTRACTION, (m, irregular?: string, stemWord?: string, suffix?: string) => {
    if (irregular) return IRREGULAR[irregular] ?? m;
    if (stemWord) return `${stemWord} not`;
    if (suffix !== undefined) return EXPANSIONS[suffix] ?? '';
    return 'can not';
  });
}

/**
 * A light suffix stripper: enough to make "convincing"/"convince", "massed"/"mass", "talks"/"talk" meet.
 * A full Porter stemmer would be overkill for matching sentences that already share most words.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1] ?? '')) w = w.slice(0, -1);
  return w;
}

/** Words of a text, normalized, numbers with their thousands separators removed ("5,000" → "5000"). */
export function words(text: string): string[] {
  const norm = normalizeText(text).replace(/(\d),(?=\d{3}\b)/g, '$1');
  return norm.match(/[a-z0-9]+(?:[.][0-9]+)?/g) ?? [];
}

const canonicalMemo = new Map<string, string>();

/** The canonical form of one word: alias, then stem (memoized: the vocabulary is small, the calls many). */
export function canonical(word: string): string {
  let c = canonicalMemo.get(word);
  if (c === undefined) {
    c = stem(TERM_ALIASES[word] ?? word);
    if (canonicalMemo.size > 200_000) canonicalMemo.clear();
    canonicalMemo.set(word, c);
  }
  return c;
}

/** A bounded memo of per-text results: report sentences are compared with many page sentences. */
function memo<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  let cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = compute(text);
      if (cache.size >= limit) cache = new Map();
      cache.set(text, v);
    }
    return v;
  };
}

/** Content terms, computed afresh (for indexing, where every sentence is seen once and a memo would only churn). */
export function contentTermsOnce(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (INDEX_STOPWORDS.has(w)) continue;
    if (w.length === 1 && (w < '0' || w > '9')) continue;
    out.push(canonical(w));
  }
  return out;
}

/** Content terms of a text: canonical words that are not stopwords, in order, repeats kept. Do not mutate the result. */
export const contentTerms: (text: string) => readonly string[] = memo(20_000, contentTermsOnce);

/** Every canonical word of a text, function words included: the basis of quote comparison. Do not mutate the result. */
export const allTerms: (text: string) => readonly string[] = memo(20_000, (text) => words(text).map((w) => canonical(w)));

/** True when the word is a function word (after normalization). */
export function isStopword(word: string): boolean {
  return INDEX_STOPWORDS.has(word);
}

/** A short stable hash of a string (FNV-1a, 32 bit), for near-duplicate detection. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Dec 2021" from an ISO date (by hand: toLocaleDateString is slow and depends on the ICU build). */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
