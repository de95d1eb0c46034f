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

/** Thresholds for grouping. */
export interface CopyOptions {
  /** Containment at or above which two texts are one text (the page and its corpus copy). Default 0.6. */
  sameText?: number;
  /** Containment at or above which two reports are copies of one story. Default 0.35. */
  copy?: number;
  /** Lower containment accepted when both credit the same wire agency within two days. Default 0.12. */
  wireCopy?: number;
}

/**
 * Groups reports that are near copies of one story. Returns report id → cluster id (the smallest id of its group).
 * Two reports group when much of their wording is shared, or when they credit the same agency, are about
 * two days apart at most, and still share a fair part of their wording (a wire story translated or trimmed).
 */
export function clusterReports(
  reports: readonly { meta: ReportMeta; text: string }[],
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
  const sh = reports.map((r) => reportShingles(r.meta.id, r.text));
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i] as { meta: ReportMeta; text: string };
      const b = reports[j] as { meta: ReportMeta; text: string };
      const c = containment(sh[i] as Set<number>, sh[j] as Set<number>);
      let same = c >= (options.copy ?? 0.35);
      if (!same && c >= (options.wireCopy ?? 0.12)) {
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
