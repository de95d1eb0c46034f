// The background's corpus: opens the Dexie database (extension origin only), loads the bundled pack, and checks articles.
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleAnalysis, ArticleInput } from '../../utils/analysis/types';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import { getMeta, openCorpusDb, type CorpusDb, type CorpusDeps } from '../../utils/corpus/store/schema';
import { parsePack } from '../../utils/corpus/pack-schema';
import { getAnalyzedReports, loadIndex, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { corpusStats } from '../../utils/corpus/store/list';
import { refreshCatalogue } from '../../utils/corpus/store/catalogue';
import { checkArticle, planCheck, selfCandidates, type CheckOptions, type CheckPlan } from '../../utils/match/check-article';
import { createCorpus, type Corpus } from '../../utils/match/corpus';
import { adoptSegment, decodeIndex, encodeSegment, INDEX_FORMAT, mergeSegments, SegmentedIndex } from '../../utils/match/sentence-index';
import type { AnalyzeReply, CorpusStats } from '../../utils/messaging';
import { applyRelationFilter, defaultSettings, engineTolerance, type Settings } from '../../utils/settings/settings';
import { loadSettings } from '../../utils/settings/settings.browser';
import { applyCorrections } from '../../utils/corrections/corrections';
import { loadCorrections } from '../../utils/corrections/corrections.browser';
import bundledJson from '../../corpus/pack.json';
// A named JSON import: the bundle keeps the version string only.
import { version as extensionVersion } from '../../package.json';

/**
 * The core functions the store runs when it writes reports. The extractor version is the extension's version:
 * any update may change what extraction finds, so stored analyses are redone once after each update.
 */
export const CORPUS_DEPS: CorpusDeps = {
  analyze: analyzeArticle,
  extractorVersion: extensionVersion,
  buildSegment: encodeSegment,
  segmentFormat: INDEX_FORMAT,
  adoptSegment,
};

let ready: Promise<CorpusDb> | null = null;

/**
 * The open database with the bundled pack loaded. Opened once per service-worker life; loading the pack is
 * idempotent, so calling this on install, on update and on every wake costs one metadata read when nothing changed.
 */
export function corpusDb(): Promise<CorpusDb> {
  ready ??= (async () => {
    const parsed = parsePack(bundledJson);
    if (!parsed.ok) throw new Error(`The bundled corpus is invalid: ${parsed.error}`);
    const db = await openCorpusDb();
    await ensureBundledPack(db, parsed.pack, CORPUS_DEPS);
    return db;
  })();
  // A failed open is retried on the next request instead of being cached forever.
  ready.catch(() => {
    ready = null;
  });
  return ready;
}

/**
 * Brings the stored corpus up to date: analyses made by an older version are redone, missing index segments
 * built, the index compacted and old trash emptied. Run on install and update only, never on an ordinary wake,
 * where its full read of the report rows would compete with the reader's first check.
 */
export async function maintainStoredCorpus(): Promise<void> {
  const done = await maintainCorpus(await corpusDb(), CORPUS_DEPS);
  if (done.reanalyzed + done.reindexed + done.compacted > 0) corpusChanged();
}

let answered: () => void = () => undefined;
const firstAnswer = new Promise<void>((resolve) => {
  answered = resolve;
});

/** Set when this worker's first check starts: upkeep then waits for its answer, or its failure. */
let checking = false;

/**
 * Resolves once this service worker has answered its first check, or after `ms` when no check has started by then:
 * full-corpus upkeep waits for it, so its reads of every row never delay the reader's first answer after a wake or an
 * update, even one that takes longer than `ms` (a cold check of a very large corpus).
 */
export function afterFirstAnswer(ms: number): Promise<void> {
  return Promise.race([firstAnswer, new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => (checking ? firstAnswer : undefined))]);
}

/** Where the background analysis of imported reports stands: null when none is running. */
let analysing: { done: number; total: number } | null = null;
let analysis: Promise<void> = Promise.resolve();

/** Reports analysed so far and to analyse in the run under way, or null: the options page shows it as progress. */
export function analysisProgress(): { done: number; total: number } | null {
  return analysing;
}

/**
 * Analyses and indexes, in batches, the imported reports whose pack carried no trusted analysis. Each batch is its own
 * transaction and joins the checks when written. A flag in the database says work is pending, so a service worker
 * stopped midway carries on at its next wake (one metadata read when nothing is pending).
 */
export function analyseInBackground(): Promise<void> {
  analysis = analysis.then(async () => {
    const db = await corpusDb();
    await db.meta.put({ key: 'pendingAnalysis', value: true });
    analysing = { done: 0, total: 0 };
    try {
      await maintainCorpus(db, CORPUS_DEPS, {
        onProgress: (done, total) => {
          analysing = { done, total };
          corpusChanged();
        },
      });
      await db.meta.delete('pendingAnalysis');
    } catch (error) {
      console.error('Second Source could not analyse the imported reports:', error);
    } finally {
      analysing = null;
      corpusChanged();
    }
  });
  return analysis;
}

/** At a wake: carries on with an analysis a stopped service worker left unfinished. */
export async function resumePendingAnalysis(): Promise<void> {
  if (await getMeta<boolean>(await corpusDb(), 'pendingAnalysis')) await analyseInBackground();
}

/** Forgets the in-memory index and reports; call after anything writes reports. */
export function corpusChanged(): void {
  index = null;
  scheduleCatalogue();
}

/** How long after the last write (or a wake that found no catalogue) the catalogue is written again. */
const CATALOGUE_DELAY_MS = 2000;
let catalogueTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Writes the catalogue (store/catalogue.ts) once writes have settled, so the next wake reads one record instead of
 * every report row. It reads every row, so it waits: never before the reader's first answer, never per batch.
 */
function scheduleCatalogue(): void {
  if (catalogueTimer !== null) clearTimeout(catalogueTimer);
  catalogueTimer = setTimeout(() => {
    catalogueTimer = null;
    corpusDb()
      .then((db) => refreshCatalogue(db, INDEX_FORMAT))
      .catch((error: unknown) => console.warn('Second Source could not write its corpus catalogue:', error));
  }, CATALOGUE_DELAY_MS);
}

/** The searchable index and what is known of the reports it covers, kept while the service worker lives. */
interface LiveIndex {
  searcher: SegmentedIndex;
  size: number;
  urls: Map<string, string[]>;
  /** Analyses fetched so far, by report id: only reports a query has named are ever read. */
  reports: Map<string, AnalyzedReport>;
}

let index: Promise<LiveIndex> | null = null;

/**
 * Decodes the stored index segments once per service-worker life. Report analyses are not read here: a wake
 * costs the segments alone, and each check fetches only its candidate reports.
 */
function liveIndex(): Promise<LiveIndex> {
  index ??= (async () => {
    const loaded = await loadIndex(await corpusDb(), { segmentFormat: INDEX_FORMAT });
    const searcher = new SegmentedIndex(
      loaded.segments.map((segment) => {
        const decoded = decodeIndex(segment.bytes);
        return segment.ignore.length > 0 ? mergeSegments([decoded], new Set(segment.ignore)) : decoded;
      }),
    );
    const urls = new Map<string, string[]>();
    for (const { id, urlKey } of loaded.reports) {
      if (!urlKey) continue;
      const same = urls.get(urlKey);
      if (same) same.push(id);
      else urls.set(urlKey, [id]);
    }
    // A wake that had to read every row writes the catalogue afterwards, for the next wake.
    if (loaded.source === 'rows') scheduleCatalogue();
    return { searcher, size: loaded.reports.length, urls, reports: new Map() };
  })();
  index.catch(() => {
    index = null;
  });
  return index;
}

/**
 * Starts loading the index while the page is still being read: a toolbar click wakes this worker, and the injection
 * and Readability take long enough to hide the database open and the segments' decoding from the reader's wait.
 */
export function prepareIndex(): void {
  liveIndex().catch((error: unknown) => console.warn('Second Source could not load its index ahead of the check:', error));
}

/** The stored reports with these ids, fetched from the database when not in memory yet. */
async function reportsOf(live: LiveIndex, ids: readonly string[]): Promise<AnalyzedReport[]> {
  const missing = ids.filter((id) => !live.reports.has(id));
  if (missing.length > 0) {
    for (const report of await getAnalyzedReports(await corpusDb(), missing)) live.reports.set(report.meta.id, report);
  }
  return ids.map((id) => live.reports.get(id)).filter((report): report is AnalyzedReport => report !== undefined);
}

/**
 * The check's plan and a Corpus over the reports it reads, in two fetches: the few reports that may be the page
 * itself, then the reports the retrieval, run without them, picked. Nothing else is read from the database.
 */
async function corpusFor(input: ArticleInput, analysis: ArticleAnalysis, options: CheckOptions): Promise<{ corpus: Corpus; plan: CheckPlan }> {
  const live = await liveIndex();
  const corpusOf = (reports: AnalyzedReport[]) => createCorpus(reports, { searcher: live.searcher, size: live.size, urls: live.urls });
  const maybeSelf = await reportsOf(live, selfCandidates(input, analysis, corpusOf([])));
  const plan = planCheck(input, analysis, corpusOf(maybeSelf), options);
  const read = await reportsOf(live, plan.retrieval.reports);
  return { corpus: corpusOf([...new Map([...maybeSelf, ...read].map((report) => [report.meta.id, report])).values()]), plan };
}

/** Corpus size by origin, read from the database. */
export async function stats(): Promise<CorpusStats> {
  return corpusStats(await corpusDb());
}

/**
 * Extracts the page's figures and statements and cross-checks them against the corpus, with the reader's tolerance
 * for "agrees" and only the relations the reader chose to see; the reply carries the highlights setting too, since
 * the content script cannot read settings itself.
 */
export async function analyze(input: ArticleInput, after?: AfterCheck): Promise<AnalyzeReply> {
  checking = true;
  try {
    // The index's reads go out first, so the database works while this thread reads settings and analyses the page.
    prepareIndex();
    const settings = await loadSettings().catch(() => defaultSettings());
    const analysis = analyzeArticle(input);
    const options: CheckOptions = { tolerance: engineTolerance(settings) };
    const { corpus, plan } = await corpusFor(input, analysis, options);
    const result = checkArticle(input, analysis, corpus, options, plan);
    // The reader's corrections ("Not the same thing" / "Right") apply after the engine, on every check of either report.
    const corrected = applyCorrections(result, await loadCorrections().catch(() => []));
    // Kept only after its own check, so a page never corroborates itself; declined pages have nothing to offer.
    if (!analysis.declined) after?.(input, settings);
    return {
      ...applyRelationFilter(corrected, settings.relations),
      sentences: analysis.sentences.length,
      highlights: settings.highlights,
      keeping: settings.keep.enabled,
    };
  } finally {
    // The reply (or the error) goes out first; waiting upkeep starts on the next task.
    setTimeout(answered, 0);
  }
}

/** Runs after a check with the article and the settings it ran under ("keep what I read", keep-service.ts). */
export type AfterCheck = (input: ArticleInput, settings: Settings) => void;
