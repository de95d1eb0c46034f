// The reader's reports: save a page, list/search, delete with undo, hide and reset bundled, and load the corpus.
import type { ArticleInput, ArticleAnalysis, Span } from '../analysis/types';
import type { CorpusStats } from '../messaging';
import { paragraphSpans, reportOfArticle } from './report-of-article';
import type { AnalyzedReport, ReportMeta, ReportOrigin } from './types';
import {
  buildSegments,
  expandAnalysis,
  compactAnalysis,
  hashHex,
  isQuotaError,
  metaOfRow,
  NEAR_DUPLICATE,
  sketchSimilarity,
  textSketch,
  normalizeUrl,
  prepareReport,
  quotaMessage,
  reserveSeq,
  SEGMENT_BATCH,
  type BodyRow,
  type CorpusDb,
  type CorpusDeps,
  type PreparedReport,
  type ReportRow,
  type SegmentRow,
} from './database';

// ---------------------------------------------------------------------------------------------------------------
// Save

export interface SaveResult {
  id: string;
  /** True when a report with the same URL existed and was updated (never duplicated). */
  updated: boolean;
}

/** How many times a save retries when another tab changed the same URL between its read and its write. */
const SAVE_ATTEMPTS = 4;

/**
 * Saves the page the reader is on as a report (origin "saved"), with its analysis and an index segment.
 * The same URL (after normalizeUrl) again updates that report in place: same id, same added date, same origin.
 * Safe with concurrent saves (two tabs): the write re-checks the URL inside its transaction and retries.
 */
export async function saveReport(
  db: CorpusDb,
  page: ArticleInput,
  deps: CorpusDeps,
  now: number = Date.now(),
  options: SaveOptions = {},
): Promise<SaveResult> {
  const urlKey = normalizeUrl(page.url);
  if (!page.url || !urlKey) throw new Error('This page has no address, so it cannot be saved as a report.');
  if (!page.text.trim()) throw new Error('This page has no article text to save.');
  const sketch = textSketch(page.text);

  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    // The same page at another address (a syndicated copy, an AMP page) is found by its text and updated.
    const before = (await readerRowByUrlKey(db, urlKey)) ?? (await readerRowByText(db, sketch));
    const id = before?.id ?? `saved-${hashHex(urlKey)}`;
    const report = reportOfArticle(page, id, 'saved');
    const prepared = await prepareReport(report, 'saved', deps, now, sketch);
    prepared.body.sentences = prepared.analyzed.analysis.sentences.map(({ start, end }) => ({ start, end }));
    const segments = await buildSegments([prepared], deps, 'reader', now);

    let outcome: SaveResult | 'retry' = 'retry';
    try {
      outcome = await db.transaction('rw', [db.reports, db.bodies, db.indexSegments, db.meta], async () => {
        const byUrl = await readerRowByUrlKey(db, urlKey);
        const current = byUrl ?? (before ? await db.reports.get(before.id) : undefined);
        if ((current?.id ?? null) !== (before?.id ?? null)) return 'retry' as const;
        const row = prepared.row;
        // Kept by "keep what I read" only while the reader never saved it by hand (retention trims kept reports only).
        row.kept = options.kept ? (current ? current.kept : 1) : 0;
        if (current) {
          row.origin = current.origin;
          row.packOrigin = current.packOrigin;
          row.addedAt = current.addedAt;
          row.seq = current.seq;
          prepared.analyzed.meta.origin = current.origin;
        } else {
          const taken = await db.reports.get(id);
          // A row with this id but another URL (a URL-hash collision or a renamed page) is never overwritten.
          if (taken) throw new Error(`A different report already uses the id ${id}.`);
          row.seq = await reserveSeq(db, 1);
        }
        await db.indexSegments.bulkPut(segments);
        await db.reports.put(row);
        await db.bodies.put(prepared.body);
        return { id, updated: current !== undefined };
      });
    } catch (error) {
      if (isQuotaError(error)) throw new Error(quotaMessage('save this page'), { cause: error });
      throw error;
    }
    if (outcome !== 'retry') {
      await compactIndex(db, deps, now);
      return outcome;
    }
  }
  throw new Error('Another tab kept changing this report; please try saving again.');
}

export interface SaveOptions {
  /**
   * True when "keep what I read" saves the page rather than the reader's click: a new report is marked kept and
   * falls under the retention rule; a report the reader saved by hand stays theirs. Default false.
   */
  kept?: boolean;
}

/**
 * The reader's live report whose text is nearly the same as a page's (estimated shared 5-word shingles at least
 * NEAR_DUPLICATE), the most similar first. Reads the light rows only: their sketches are stored for this.
 */
async function readerRowByText(db: CorpusDb, sketch: readonly number[]): Promise<ReportRow | undefined> {
  if (sketch.length === 0) return undefined;
  let best: { row: ReportRow; similarity: number } | undefined;
  await db.reports.each((row) => {
    if (row.origin === 'bundled' || row.deletedAt !== 0) return;
    const similarity = sketchSimilarity(sketch, row.sketch);
    if (similarity >= NEAR_DUPLICATE && (!best || similarity > best.similarity)) best = { row, similarity };
  });
  return best?.row;
}

/** The reader's own report (saved or imported, deleted or not) for a URL key; bundled reports are not the reader's. */
async function readerRowByUrlKey(db: CorpusDb, urlKey: string): Promise<ReportRow | undefined> {
  const rows = await db.reports.where('urlKey').equals(urlKey).toArray();
  rows.sort((a, b) => a.deletedAt - b.deletedAt || a.seq - b.seq);
  return rows.find((row) => row.origin !== 'bundled');
}

// The article → report step is shared with `npm run pack` (report-of-article.ts); re-exported for existing callers.
export { paragraphSpans };

// ---------------------------------------------------------------------------------------------------------------
// Read

/** A report as the "My reports" list shows it. */
export interface ReportListItem {
  id: string;
  origin: ReportOrigin;
  url: string | null;
  outlet: string | null;
  headline: string | null;
  published: string | null;
  figureCount: number;
  statementCount: number;
  addedAt: number;
  /** A bundled report the reader hid. */
  hidden: boolean;
}

export type ReportSort = 'added' | 'published' | 'outlet' | 'headline' | 'figures' | 'origin';

export interface ReportQuery {
  /** Words that must all appear in the headline, outlet, URL, byline, dateline or event (case-insensitive). */
  search?: string;
  origin?: ReportOrigin | 'all';
  /** Default "added" (newest first). */
  sort?: ReportSort;
  /** Default "desc" for added/published/figures, "asc" for text columns. */
  direction?: 'asc' | 'desc';
  /** Include hidden bundled reports (flagged `hidden`). Default true. */
  includeHidden?: boolean;
}

function listItem(row: ReportRow): ReportListItem {
  return {
    id: row.id,
    origin: row.origin,
    url: row.url,
    outlet: row.outlet,
    headline: row.headline,
    published: row.published,
    figureCount: row.figureCount,
    statementCount: row.statementCount,
    addedAt: row.addedAt,
    hidden: row.hidden === 1,
  };
}

/** Lists the reports that are not deleted, searched, filtered by origin and sorted. Reads only the light rows. */
export async function listReports(db: CorpusDb, query: ReportQuery = {}): Promise<ReportListItem[]> {
  const origin = query.origin ?? 'all';
  const rows = origin === 'all' ? await db.reports.toArray() : await db.reports.where('origin').equals(origin).toArray();
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (row.deletedAt !== 0) return false;
    if (row.hidden === 1 && query.includeHidden === false) return false;
    if (words.length === 0) return true;
    const haystack = [row.headline, row.outlet, row.url, row.byline, row.dateline, row.event].filter(Boolean).join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const sort = query.sort ?? 'added';
  const textual = sort === 'outlet' || sort === 'headline' || sort === 'origin';
  const sign = (query.direction ?? (textual ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
  const key = (row: ReportRow): string | number | null => {
    switch (sort) {
      case 'added':
        return row.addedAt;
      case 'published':
        return row.published;
      case 'outlet':
        return row.outlet?.toLowerCase() ?? null;
      case 'headline':
        return row.headline?.toLowerCase() ?? null;
      case 'figures':
        return row.figureCount;
      case 'origin':
        return row.origin;
    }
  };
  kept.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? a.seq - b.seq : ka === null ? 1 : -1; // missing values last
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return sign * (a.seq - b.seq);
  });
  return kept.map(listItem);
}

/** A whole report for the report viewer. */
export interface StoredReport {
  meta: ReportMeta;
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  analysis: ArticleAnalysis | null;
  addedAt: number;
  updatedAt: number;
  hidden: boolean;
  deleted: boolean;
}

/** Reads one report with its text and analysis; undefined when there is no such id. */
export async function getReport(db: CorpusDb, id: string): Promise<StoredReport | undefined> {
  const [row, body] = await db.transaction('r', [db.reports, db.bodies], () =>
    Promise.all([db.reports.get(id), db.bodies.get(id)]),
  );
  if (!row || !body) return undefined;
  return {
    meta: metaOfRow(row),
    text: body.text,
    paragraphs: body.paragraphs,
    sentences: body.sentences,
    analysis: body.analysis ? expandAnalysis(body.analysis, body.text) : null,
    addedAt: row.addedAt,
    updatedAt: row.updatedAt,
    hidden: row.hidden === 1,
    deleted: row.deletedAt !== 0,
  };
}

/**
 * The live report (not deleted) for a page address, the reader's own first; null when the page is not in the corpus.
 * The background uses it to recognize a saved page and to keep it from corroborating itself.
 */
export async function findReportByUrl(db: CorpusDb, url: string | null): Promise<ReportListItem | null> {
  const urlKey = normalizeUrl(url);
  if (!urlKey) return null;
  const rows = (await db.reports.where('urlKey').equals(urlKey).toArray()).filter((row) => row.deletedAt === 0);
  rows.sort((a, b) => Number(a.origin === 'bundled') - Number(b.origin === 'bundled') || a.seq - b.seq);
  return rows[0] ? listItem(rows[0]) : null;
}

/** Number of reports in the corpus (not deleted, not hidden), by origin. */
export async function corpusStats(db: CorpusDb): Promise<CorpusStats> {
  const byOrigin: Record<ReportOrigin, number> = { bundled: 0, saved: 0, imported: 0 };
  await db.reports.each((row) => {
    if (row.deletedAt === 0 && row.hidden === 0) byOrigin[row.origin]++;
  });
  return { reports: byOrigin.bundled + byOrigin.saved + byOrigin.imported, byOrigin };
}

// ---------------------------------------------------------------------------------------------------------------
// Delete, undo, hide, reset

/** What undoDelete needs to put reports back; plain JSON, so it can travel in a message. */
export interface UndoToken {
  /** Reader reports moved to the trash. */
  deleted: string[];
  /** Bundled reports hidden (bundled reports are hidden, never deleted). */
  hidden: string[];
  /** The deletion stamp, so undo never revives a later deletion of the same report. */
  at: number;
}

export interface DeleteResult {
  deleted: string[];
  hidden: string[];
  /** Ids that were not found or already deleted. */
  missing: string[];
  undo: UndoToken;
}

/**
 * Deletes reports: the reader's reports go to the trash (restorable with undoDelete until emptyTrash),
 * bundled reports are hidden (reset brings them back). One transaction: all of them or none.
 */
export async function deleteReports(db: CorpusDb, ids: readonly string[], now: number = Date.now()): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], hidden: [], missing: [], undo: { deleted: [], hidden: [], at: now } };
  const unique = [...new Set(ids)];
  await db.transaction('rw', db.reports, async () => {
    const rows = await db.reports.bulkGet(unique);
    const changed: ReportRow[] = [];
    rows.forEach((row, index) => {
      const id = unique[index] as string;
      if (!row || row.deletedAt !== 0 || (row.origin === 'bundled' && row.hidden === 1)) {
        result.missing.push(id);
      } else if (row.origin === 'bundled') {
        changed.push({ ...row, hidden: 1 });
        result.hidden.push(id);
      } else {
        changed.push({ ...row, deletedAt: now });
        result.deleted.push(id);
      }
    });
    await db.reports.bulkPut(changed);
  });
  result.undo = { deleted: [...result.deleted], hidden: [...result.hidden], at: now };
  return result;
}

/** Puts back what deleteReports removed. Returns the ids restored (a report deleted again later is left alone). */
export async function undoDelete(db: CorpusDb, token: UndoToken): Promise<string[]> {
  const restored: string[] = [];
  await db.transaction('rw', db.reports, async () => {
    const deleted = await db.reports.bulkGet(token.deleted);
    const hidden = await db.reports.bulkGet(token.hidden);
    const changed: ReportRow[] = [];
    for (const row of deleted) {
      if (row && row.deletedAt === token.at) {
        changed.push({ ...row, deletedAt: 0 });
        restored.push(row.id);
      }
    }
    for (const row of hidden) {
      if (row && row.hidden === 1) {
        changed.push({ ...row, hidden: 0 });
        restored.push(row.id);
      }
    }
    await db.reports.bulkPut(changed);
  });
  return restored;
}

/** Shows every hidden bundled report again. Returns how many came back. */
export async function resetBundled(db: CorpusDb): Promise<number> {
  return db.transaction('rw', db.reports, async () =>
    db.reports
      .where('origin')
      .equals('bundled')
      .and((row) => row.hidden === 1)
      .modify({ hidden: 0 }),
  );
}

/** Removes for good the reports deleted at or before `before` (default: all of the trash). Returns how many. */
export async function emptyTrash(db: CorpusDb, before: number = Number.POSITIVE_INFINITY): Promise<number> {
  return db.transaction('rw', [db.reports, db.bodies], async () => {
    const ids = await db.reports.filter((row) => row.deletedAt !== 0 && row.deletedAt <= before).primaryKeys();
    await db.reports.bulkDelete(ids);
    await db.bodies.bulkDelete(ids);
    return ids.length;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus for the matcher

/** A stored index segment as the matcher reads it. */
export interface StoredSegment extends Pick<SegmentRow, 'id' | 'reportIds' | 'bytes' | 'format'> {
  /**
   * Reports this segment names that must not be found through it: deleted, hidden, shadowed, or indexed again
   * by a newer segment. The background drops them when it decodes the segment, e.g.
   * `mergeSegments([decodeIndex(bytes)], new Set(ignore))` from utils/match/sentence-index.ts.
   */
  ignore: string[];
}

/**
 * The live corpus for the background: reports not deleted, not hidden, and no bundled report whose URL the
 * reader also holds (the reader's copy wins). A segment may still name reports that were since updated,
 * deleted or hidden: each segment lists them in `ignore` (equivalently, a hit on report r from segment s counts
 * only when `owner.get(r) === s.id`). Segments come oldest first.
 */
export interface LoadedCorpus {
  reports: AnalyzedReport[];
  segments: StoredSegment[];
  owner: Map<string, string>;
  /** Live report ids with no analysis or no current index segment (maintainCorpus fixes them). */
  stale: string[];
}

async function liveRows(db: CorpusDb): Promise<ReportRow[]> {
  const rows = (await db.reports.toArray()).filter((row) => row.deletedAt === 0 && row.hidden === 0);
  const readerUrls = new Set(rows.filter((row) => row.origin !== 'bundled' && row.urlKey).map((row) => row.urlKey));
  return rows.filter((row) => row.origin !== 'bundled' || !row.urlKey || !readerUrls.has(row.urlKey));
}

/** Loads the whole live corpus with its analyses and index segments, in one read transaction. */
export async function loadCorpus(db: CorpusDb, deps?: Pick<CorpusDeps, 'segmentFormat'>): Promise<LoadedCorpus> {
  return db.transaction('r', [db.reports, db.bodies, db.indexSegments], async () => {
    const rows = await liveRows(db);
    rows.sort((a, b) => a.seq - b.seq);
    const bodies = await db.bodies.bulkGet(rows.map((row) => row.id));
    const segments = (await db.indexSegments.toArray()).filter(
      (segment) => !deps?.segmentFormat || segment.format === deps.segmentFormat,
    );
    const segmentIds = new Set(segments.map((segment) => segment.id));
    const reports: AnalyzedReport[] = [];
    const owner = new Map<string, string>();
    const stale: string[] = [];
    rows.forEach((row, index) => {
      const body = bodies[index];
      if (!body?.analysis) {
        stale.push(row.id);
        return;
      }
      reports.push({ meta: metaOfRow(row), analysis: expandAnalysis(body.analysis, body.text) });
      if (row.segment && segmentIds.has(row.segment)) owner.set(row.id, row.segment);
      else stale.push(row.id);
    });
    const used = new Set(owner.values());
    return {
      reports,
      segments: segments
        .filter((segment) => used.has(segment.id))
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(({ id, reportIds, bytes, format }) => ({
          id,
          reportIds,
          bytes,
          format,
          ignore: reportIds.filter((reportId) => owner.get(reportId) !== id),
        })),
      owner,
      stale,
    };
  });
}

/** What a wake needs before the first query: the index segments and, per live indexed report, its id and URL. */
export interface LoadedIndex {
  reports: { id: string; url: string | null }[];
  segments: LoadedCorpus['segments'];
}

/**
 * The index half of the corpus, in one read transaction: light rows and segments, no report bodies. The background
 * answers a query from this and fetches only the candidate reports' analyses (getAnalyzedReports), so a wake does
 * not read the whole corpus. Reports not analysed yet, or not indexed by a loaded segment, are left out.
 */
export async function loadIndex(db: CorpusDb, deps?: Pick<CorpusDeps, 'segmentFormat'>): Promise<LoadedIndex> {
  return db.transaction('r', [db.reports, db.indexSegments], async () => {
    const rows = (await liveRows(db)).sort((a, b) => a.seq - b.seq);
    const segments = (await db.indexSegments.toArray())
      .filter((segment) => !deps?.segmentFormat || segment.format === deps.segmentFormat)
      .sort((a, b) => a.createdAt - b.createdAt);
    const segmentIds = new Set(segments.map((segment) => segment.id));
    const owner = new Map<string, string>();
    for (const row of rows) if (row.extractor !== '' && row.segment && segmentIds.has(row.segment)) owner.set(row.id, row.segment);
    const used = new Set(owner.values());
    return {
      reports: rows.filter((row) => owner.has(row.id)).map((row) => ({ id: row.id, url: row.url })),
      segments: segments
        .filter((segment) => used.has(segment.id))
        .map(({ id, reportIds, bytes, format }) => ({
          id,
          reportIds,
          bytes,
          format,
          ignore: reportIds.filter((reportId) => owner.get(reportId) !== id),
        })),
    };
  });
}

/** Analysed reports by id (for a matcher that loads candidates lazily); missing or unanalysed ids are left out. */
export async function getAnalyzedReports(db: CorpusDb, ids: readonly string[]): Promise<AnalyzedReport[]> {
  const [rows, bodies] = await db.transaction('r', [db.reports, db.bodies], () =>
    Promise.all([db.reports.bulkGet([...ids]), db.bodies.bulkGet([...ids])]),
  );
  const out: AnalyzedReport[] = [];
  rows.forEach((row, index) => {
    const body = bodies[index];
    if (row && body?.analysis) out.push({ meta: metaOfRow(row), analysis: expandAnalysis(body.analysis, body.text) });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Maintenance

/** Small reader segments (each save adds one) above this count trigger compaction. */
const MAX_SMALL_SEGMENTS = 32;
/** Trash kept this long before maintainCorpus empties it. */
const TRASH_DAYS = 30;
/** Reports analysed again per transaction by maintainCorpus. */
const REANALYZE_BATCH = 500;

/**
 * Merges small or mostly-stale reader segments (fewer than SEGMENT_BATCH / 2 reports still pointing at them) into
 * full ones, once there are more than MAX_SMALL_SEGMENTS of them (or always, with `force`). Works from the light
 * report rows and the stored analyses; never loads segment bytes. Returns the number of segments removed.
 */
export async function compactIndex(db: CorpusDb, deps: CorpusDeps, now: number = Date.now(), force = false): Promise<number> {
  const rows = await db.reports.toArray();
  const bySegment = new Map<string, ReportRow[]>();
  for (const row of rows) {
    if (row.origin === 'bundled' || !row.segment) continue;
    const list = bySegment.get(row.segment);
    if (list) list.push(row);
    else bySegment.set(row.segment, [row]);
  }
  const victims = [...bySegment].filter(([, list]) => list.length < SEGMENT_BATCH / 2).map(([id]) => id);
  if (victims.length < 2 || (!force && victims.length <= MAX_SMALL_SEGMENTS)) return 0;
  const victimIds = new Set(victims);
  // Trashed rows move too, so an undo finds its report indexed.
  const moving = rows.filter((row) => row.origin !== 'bundled' && (!row.segment || victimIds.has(row.segment)));
  const rebuilt = await rebuildSegments(db, moving, deps, now);
  if (!rebuilt) return 0;
  let removed = 0;
  await db.transaction('rw', [db.reports, db.indexSegments], async () => {
    // Only rows unchanged since they were read move to the new segments (a row saved meanwhile has its own).
    const current = await db.reports.bulkGet(moving.map((row) => row.id));
    const updates = current.filter(
      (row, index): row is ReportRow =>
        row !== undefined && row.segment === moving[index]?.segment && row.updatedAt === moving[index]?.updatedAt,
    );
    await db.indexSegments.bulkPut(rebuilt.segments);
    await db.reports.bulkPut(updates.map((row) => ({ ...row, segment: rebuilt.owner.get(row.id) ?? row.segment })));
    // Segments no row points to any more (victims, and segments left behind by a report saved again) go.
    const stillUsed = new Set<string | null>();
    await db.reports.each((row) => {
      stillUsed.add(row.segment);
    });
    const unused = (await db.indexSegments.toCollection().primaryKeys()).filter((id) => !stillUsed.has(id));
    await db.indexSegments.bulkDelete(unused);
    removed = unused.length;
  });
  return removed;
}

/** All rows that are not deleted (hidden ones included: they come back on reset and keep their segment). */
async function liveRowsAll(db: CorpusDb): Promise<ReportRow[]> {
  return (await db.reports.toArray()).filter((row) => row.deletedAt === 0);
}

async function rebuildSegments(
  db: CorpusDb,
  rows: readonly ReportRow[],
  deps: CorpusDeps,
  now: number,
): Promise<{ segments: SegmentRow[]; owner: Map<string, string> } | null> {
  if (rows.length === 0) return null;
  const bodies = await db.bodies.bulkGet(rows.map((row) => row.id));
  const prepared: PreparedReport[] = [];
  rows.forEach((row, index) => {
    const body = bodies[index];
    if (!body?.analysis) return;
    prepared.push({ row: { ...row }, body, analyzed: { meta: metaOfRow(row), analysis: expandAnalysis(body.analysis, body.text) } });
  });
  if (prepared.length === 0) return null;
  const origin: SegmentRow['origin'] = prepared.every((entry) => entry.row.origin === 'bundled') ? 'bundled' : 'reader';
  const segments = await buildSegments(prepared, deps, origin, now);
  return { segments, owner: new Map(prepared.map((entry) => [entry.row.id, entry.row.segment ?? ''])) };
}

export interface MaintenanceResult {
  reanalyzed: number;
  reindexed: number;
  compacted: number;
  trashEmptied: number;
}

export interface MaintenanceOptions {
  now?: number;
  /** Called after each batch of analyses: reports done and reports to do (for an "indexing 2,000 of 10,000" line). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Keeps the stored corpus current; the background calls it at start-up (after ensureBundledPack) and after an
 * import with `analysis: "later"`. Cheap when there is nothing to do: it reads the light rows and segment keys only.
 * It analyses the reports not analysed yet or analysed by another extractor version, rebuilds missing or outdated
 * index segments, compacts the index and empties trash older than 30 days. Each batch is its own transaction,
 * so an interrupted run loses nothing and the next run carries on.
 */
export async function maintainCorpus(db: CorpusDb, deps: CorpusDeps, options: MaintenanceOptions = {}): Promise<MaintenanceResult> {
  const now = options.now ?? Date.now();
  const extractor = deps.extractorVersion ?? '0';
  const format = deps.segmentFormat ?? '0';
  const result: MaintenanceResult = { reanalyzed: 0, reindexed: 0, compacted: 0, trashEmptied: 0 };

  // 1. Reports not analysed, or analysed by another extractor version.
  const outdated = (await liveRowsAll(db)).filter((row) => row.extractor !== extractor).map((row) => row.id);
  for (let start = 0; start < outdated.length; start += REANALYZE_BATCH) {
    const ids = outdated.slice(start, start + REANALYZE_BATCH);
    const [rows, bodies] = await Promise.all([db.reports.bulkGet(ids), db.bodies.bulkGet(ids)]);
    const prepared: PreparedReport[] = [];
    for (let i = 0; i < ids.length; i++) {
      const row = rows[i];
      const body = bodies[i];
      if (!row || !body || row.deletedAt !== 0) continue;
      const analysis = await deps.analyze({
        text: body.text,
        title: row.headline,
        url: row.url,
        published: row.published,
        siteName: row.outlet,
        byline: row.byline ?? null,
        lang: null,
      });
      prepared.push({
        row: {
          ...row,
          figureCount: analysis.figures.length,
          statementCount: analysis.statements.length,
          sentenceCount: analysis.sentences.length,
          extractor,
        },
        body: { ...body, analysis: compactAnalysis(analysis, body.text), extractor },
        analyzed: { meta: metaOfRow(row), analysis },
      });
    }
    const bundledOnly = prepared.length > 0 && prepared.every((entry) => entry.row.origin === 'bundled');
    const segments = await buildSegments(prepared, deps, bundledOnly ? 'bundled' : 'reader', now);
    await writePrepared(db, prepared, segments);
    result.reanalyzed += prepared.length;
    options.onProgress?.(Math.min(start + REANALYZE_BATCH, outdated.length), outdated.length);
  }

  // 2. Live reports whose segment is missing or of another format (key-only reads: segment bytes stay on disk).
  const segmentIds = new Set(await db.indexSegments.toCollection().primaryKeys());
  const otherFormat = new Set(await db.indexSegments.where('format').notEqual(format).primaryKeys());
  const unindexed = (await liveRowsAll(db)).filter(
    (row) => !row.segment || !segmentIds.has(row.segment) || otherFormat.has(row.segment),
  );
  for (let start = 0; start < unindexed.length; start += SEGMENT_BATCH) {
    const rebuilt = await rebuildSegments(db, unindexed.slice(start, start + SEGMENT_BATCH), deps, now);
    if (!rebuilt) continue;
    const before = new Map(unindexed.map((row) => [row.id, row.segment]));
    await db.transaction('rw', [db.reports, db.indexSegments], async () => {
      await db.indexSegments.bulkPut(rebuilt.segments);
      // A row that got a segment meanwhile (saved again) keeps it.
      for (const [id, segment] of rebuilt.owner) {
        await db.reports.where('id').equals(id).and((row) => row.segment === before.get(id)).modify({ segment });
      }
    });
    result.reindexed += rebuilt.owner.size;
  }

  // 3. Segments no report points to any more, then compaction, then old trash.
  const used = new Set((await db.reports.toArray()).map((row) => row.segment));
  const unused = [...segmentIds].filter((id) => !used.has(id));
  await db.indexSegments.bulkDelete(unused);
  result.compacted = unused.length + (await compactIndex(db, deps, now));
  result.trashEmptied = await emptyTrash(db, now - TRASH_DAYS * 86_400_000);
  return result;
}

/**
 * Writes re-analysed reports. A report changed meanwhile (saved again, deleted, hidden) keeps its newer state:
 * only its analysis, counts and segment are replaced, and only if its text is the one that was analysed.
 */
async function writePrepared(db: CorpusDb, prepared: readonly PreparedReport[], segments: readonly SegmentRow[]): Promise<void> {
  try {
    await db.transaction('rw', [db.reports, db.bodies, db.indexSegments], async () => {
      const ids = prepared.map((entry) => entry.row.id);
      const [rows, bodies] = await Promise.all([db.reports.bulkGet(ids), db.bodies.bulkGet(ids)]);
      const rowsOut: ReportRow[] = [];
      const bodiesOut: BodyRow[] = [];
      prepared.forEach((entry, index) => {
        const row = rows[index];
        const body = bodies[index];
        if (!row || !body || row.updatedAt !== entry.row.updatedAt || body.text !== entry.body.text) return;
        const { figureCount, statementCount, sentenceCount, segment, extractor } = entry.row;
        rowsOut.push({ ...row, figureCount, statementCount, sentenceCount, segment, extractor });
        bodiesOut.push({ ...body, analysis: entry.body.analysis, extractor: entry.body.extractor });
      });
      await db.indexSegments.bulkPut([...segments]);
      await db.reports.bulkPut(rowsOut);
      await db.bodies.bulkPut(bodiesOut);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new Error(quotaMessage('update the stored analyses'), { cause: error });
    throw error;
  }
}
