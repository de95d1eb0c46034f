// The corpus the cross-check runs against: reports by id plus a sentence searcher. Built by the background and the CLI alike.
import type { AnalyzedReport } from '../corpus/types';
import { inputOfReport } from '../corpus/format/report-of-article';
import { normalizeUrl as pageKey } from '../corpus/format/url-key';
import { buildIndex, SegmentedIndex, type SearchHit, type SearchOptions, type SentenceSearcher } from './sentence-index';

/**
 * What `checkArticle` needs from a corpus. Reports are read synchronously: the background loads the
 * candidate reports first (see `candidateReportIds`) and hands them in with the searcher.
 */
export interface Corpus {
  /** Number of reports in the whole corpus (not only the ones loaded). */
  readonly size: number;
  /** A report by id, or undefined when it is not loaded or not known. */
  getReport(id: string): AnalyzedReport | undefined;
  /** Best-matching report sentences for a bag of terms (BM25). */
  search(terms: readonly string[], k: number, options?: SearchOptions): SearchHit[];
  /** Ids of reports published at `url` (normalized with `normalizeUrl`). */
  findByUrl(url: string): string[];
}

/**
 * A URL reduced to what identifies a page: the one page key of utils/corpus/format/url-key.ts, so the matcher and
 * the store agree on "the same page" (an unparseable address is compared as written).
 */
export function normalizeUrl(url: string): string {
  return pageKey(url) ?? url.trim();
}

export interface CorpusOptions {
  /** A prebuilt searcher (decoded from stored segments); built from `reports` when absent. */
  searcher?: SentenceSearcher;
  /** Size of the whole corpus when `reports` holds only the loaded candidates. */
  size?: number;
  /** Normalized URL → report ids, when `reports` holds only candidates. */
  urls?: ReadonlyMap<string, string[]>;
}

/** Makes a `Corpus` from analysed reports and, optionally, a searcher built elsewhere. */
export function createCorpus(reports: Iterable<AnalyzedReport>, options: CorpusOptions = {}): Corpus {
  const byId = new Map<string, AnalyzedReport>();
  for (const r of reports) byId.set(r.meta.id, r);
  const searcher = options.searcher ?? new SegmentedIndex([buildIndex([...byId.values()])]);
  let urls = options.urls;
  if (!urls) {
    const m = new Map<string, string[]>();
    for (const r of byId.values()) {
      if (!r.meta.url) continue;
      const key = normalizeUrl(r.meta.url);
      m.set(key, [...(m.get(key) ?? []), r.meta.id]);
    }
    urls = m;
  }
  const urlMap = urls;
  return {
    size: options.size ?? Math.max(searcher.reportCount, byId.size),
    getReport: (id) => byId.get(id),
    search: (terms, k, opts) => searcher.search(terms, k, opts),
    findByUrl: (url) => urlMap.get(normalizeUrl(url)) ?? [],
  };
}

/** The core's input for a pack report: one function for the store, the command line and the tests. */
export { inputOfReport };
