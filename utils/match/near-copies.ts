// Near-copy detection: the page recognized as a corpus report, and reports that reprint one wire story grouped together.
import type { ReportMeta } from '../corpus/types';
import { contentTerms, hash32 } from './text';

/** Word 3-grams (hashed) of the content words of a text. */
export function shingles(text: string): Set<number> {
  const terms = contentTerms(text).filter((t) => !/^\d+$/.test(t) || t.length > 2);
  const out = new Set<number>();
  for (let i = 0; i + 3 <= terms.length; i++) out.add(hash32(`${terms[i]} ${terms[i + 1]} ${terms[i + 2]}`));
  return out;
}

/** Share of the smaller set found in the larger (overlap coefficient), 0..1. */
export function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

/** A report's shingles, computed once per text. */
const cache = new Map<string, Set<number>>();
const CACHE_LIMIT = 2000;
export function reportShingles(id: string, text: string): Set<number> {
  const key = `${id}\u0000${text.length}`;
  let s = cache.get(key);
  if (!s) {
    s = shingles(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, s);
  }
  return s;
}

/**
 * Hashes of a report's sentences with case, punctuation and spacing ignored: a reprint keeps most sentences
 * as they were, and hashing them costs far less than tokenizing (dozens of linked reports per article).
 */
export function sentenceHashes(sentences: readonly { text: string }[]): Set<number> {
  const out = new Set<number>();
  for (const s of sentences) {
    const key = s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (key.length >= 20) out.add(hash32(key));
  }
  return out;
}

const sentenceCache = new Map<string, Set<number>>();
/** `sentenceHashes` of a report, cached by id and shape (reports are compared again on every check). */
export function cachedSentenceHashes(id: string, sentences: readonly { text: string }[]): Set<number> {
  const key = `${id}\u0000${sentences.length}\u0000${sentences[0]?.text.length ?? 0}`;
  let s = sentenceCache.get(key);
  if (!s) {
    s = sentenceHashes(sentences);
    if (sentenceCache.size >= 20_000) sentenceCache.clear();
    sentenceCache.set(key, s);
  }
  return s;
}

/** Thresholds for grouping. */
export interface CopyOptions {
  /** Share of sentences (of the shorter report) reprinted unchanged at which two reports are one story. Default 0.4. */
  copy?: number;
  /** Lower share accepted when both credit the same wire agency within two days. Default 0.15. */
  wireCopy?: number;
}

/**
 * Groups reports that are near copies of one story. Returns report id → cluster id (the smallest id of its group).
 * Two reports group when many of their sentences are reprinted unchanged, or when they credit the same agency,
 * are two days apart at most, and still share some sentences (a wire story trimmed or lightly edited).
 */
export function clusterReports(
  reports: readonly { meta: ReportMeta; sentences: readonly { text: string }[] }[],
  options: CopyOptions = {},
): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const r of reports) parent.set(r.meta.id, r.meta.id);
  const sh = reports.map((r) => cachedSentenceHashes(r.meta.id, r.sentences));
  // Sentences shared by each pair, counted through an inverted list instead of intersecting every pair's sets.
  const bySentence = new Map<number, number[]>();
  sh.forEach((set, i) => {
    for (const h of set) {
      const list = bySentence.get(h);
      if (list) list.push(i);
      else bySentence.set(h, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of bySentence.values()) {
    if (list.length < 2 || list.length > 400) continue; // a line every report carries says nothing
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = (list[x] as number) * reports.length + (list[y] as number);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [pair, count] of shared) {
    const i = Math.floor(pair / reports.length);
    const j = pair % reports.length;
    {
      const a = reports[i] as (typeof reports)[number];
      const b = reports[j] as (typeof reports)[number];
      const c = count / Math.max(1, Math.min((sh[i] as Set<number>).size, (sh[j] as Set<number>).size));
      let same = c >= (options.copy ?? 0.4);
      if (!same && c >= (options.wireCopy ?? 0.15)) {
        const agency = a.meta.agencies.some((x) => b.meta.agencies.map((y) => y.toLowerCase()).includes(x.toLowerCase()));
        const da = a.meta.published ? Date.parse(a.meta.published) : NaN;
        const db = b.meta.published ? Date.parse(b.meta.published) : NaN;
        same = agency && Math.abs(da - db) <= 2 * 86400000;
      }
      if (same) {
        const ra = find(a.meta.id);
        const rb = find(b.meta.id);
        if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
      }
    }
  }
  const out = new Map<string, string>();
  for (const r of reports) out.set(r.meta.id, find(r.meta.id));
  return out;
}
