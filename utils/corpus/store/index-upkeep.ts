// Index upkeep: what the matcher loads (index segments, candidate analyses), compaction, and maintenance after updates.
import { expandAnalysis, compactAnalysis } from '../format/compact-analysis';
import type { AnalyzedReport } from '../types';
import {
  buildSegments,
  isQuotaError,
  metaOfRow,
  quotaMessage,
  SEGMENT_BATCH,
  type BodyRow,
  type CorpusDb,
  type CorpusDeps,
  type PreparedReport,
  type ReportRow,
  type SegmentRow,
} from './schema';
import { inputOfReport } from '../format/report-of-article';
import { emptyTrash } from './trash';
import { dropBodies, readBodies, rowsWithBodies } from './bodies';
import { catalogueOf, liveRows, readCatalogue } from './catalogue';

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

/** Oldest segment first; segments written together (one import) in id order, so every read gives one order. */
function bySegmentAge(a: SegmentRow, b: SegmentRow): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

async function liveRowsOf(db: CorpusDb): Promise<ReportRow[]> {
  return liveRows(await db.reports.toArray());
}

/** Loads the whole live corpus with its analyses and index segments, in one read transaction. */
export async function loadCorpus(db: CorpusDb, deps?: Pick<CorpusDeps, 'segmentFormat'>): Promise<LoadedCorpus> {
  return db.transaction('r', [db.reports, db.bodies, db.bodyGroups, db.indexSegments], async () => {
    const rows = await liveRowsOf(db);
    rows.sort((a, b) => a.seq - b.seq);
    const bodies = await readBodies(db, rows);
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
        .sort(bySegmentAge)
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

/** What a wake needs before the first query: the index segments and, per live indexed report, its id and page key. */
export interface LoadedIndex {
  /** `urlKey` is the stored page key (url-key.ts), so a wake normalizes no address. */
  reports: { id: string; urlKey: string | null }[];
  segments: LoadedCorpus['segments'];
  /** 'catalogue' when one record and the segments were read; 'rows' when every report row was (refreshCatalogue helps). */
  source: 'catalogue' | 'rows';
}

/**
 * The index half of the corpus, in one read transaction: segments and, per live indexed report, its id and URL; no
 * report bodies. Reads the catalogue when one is stored, else every light row. The background answers a query from
 * this and fetches only the candidate reports' analyses (getAnalyzedReports). Reports not analysed yet, or not
 * indexed by a loaded segment, are left out.
 */
export async function loadIndex(db: CorpusDb, deps?: Pick<CorpusDeps, 'segmentFormat'>): Promise<LoadedIndex> {
  const format = deps?.segmentFormat ?? null;
  return db.transaction('r', [db.reports, db.indexSegments, db.meta], async () => {
    // Both reads are sent at once: a wake waits for one round trip, not two. Segments the catalogue does not list (a
    // format's segments that index no live report) are rare, since compaction removes them.
    const [stored, ofFormat] = await Promise.all([
      readCatalogue(db, format),
      format === null ? db.indexSegments.toArray() : db.indexSegments.where('format').equals(format).toArray(),
    ]);
    let catalogue = stored;
    let source: LoadedIndex['source'] = 'catalogue';
    const byId = new Map(ofFormat.map((segment) => [segment.id, segment]));
    let segments = catalogue ? catalogue.segments.map((id) => byId.get(id)) : [];
    if (!catalogue || segments.some((segment) => segment === undefined)) {
      // No catalogue (a write deleted it): the same record, computed from every row.
      const rows = await db.reports.toArray();
      catalogue = catalogueOf(rows, byId.keys(), format);
      const used = new Set(catalogue.segments);
      segments = ofFormat.filter((segment) => used.has(segment.id));
      source = 'rows';
    }
    const owner = new Map(catalogue.ids.map((id, index) => [id, catalogue.owners[index] ?? '']));
    return {
      reports: catalogue.ids.map((id, index) => ({ id, urlKey: catalogue.urlKeys[index] ?? null })),
      segments: (segments as SegmentRow[])
        .sort(bySegmentAge)
        .map(({ id, reportIds, bytes, format: segmentFormat }) => ({
          id,
          reportIds,
          bytes,
          format: segmentFormat,
          ignore: reportIds.filter((reportId) => owner.get(reportId) !== id),
        })),
      source,
    };
  });
}

/** Analysed reports by id (for a matcher that loads candidates lazily); missing or unanalysed ids are left out. */
export async function getAnalyzedReports(db: CorpusDb, ids: readonly string[]): Promise<AnalyzedReport[]> {
  const [rows, bodies] = await rowsWithBodies(db, ids);
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
  await db.transaction('rw', [db.reports, db.indexSegments, db.meta], async () => {
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
  const bodies = await db.transaction('r', [db.bodies, db.bodyGroups], () => readBodies(db, rows));
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
    const [rows, bodies] = await rowsWithBodies(db, ids);
    const prepared: PreparedReport[] = [];
    for (let i = 0; i < ids.length; i++) {
      const row = rows[i];
      const body = bodies[i];
      if (!row || !body || row.deletedAt !== 0) continue;
      const analysis = await deps.analyze(inputOfReport({ ...metaOfRow(row), text: body.text, paragraphs: body.paragraphs, sentences: body.sentences }));
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
    await db.transaction('rw', [db.reports, db.indexSegments, db.meta], async () => {
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
  await db.transaction('rw', [db.indexSegments, db.meta], () => db.indexSegments.bulkDelete(unused));
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
    await db.transaction('rw', [db.reports, db.bodies, db.bodyGroups, db.indexSegments, db.meta], async () => {
      const ids = prepared.map((entry) => entry.row.id);
      const rows = await db.reports.bulkGet(ids);
      const bodies = await readBodies(db, rows);
      const rowsOut: ReportRow[] = [];
      const bodiesOut: BodyRow[] = [];
      prepared.forEach((entry, index) => {
        const row = rows[index];
        const body = bodies[index];
        if (!row || !body || row.updatedAt !== entry.row.updatedAt || body.text !== entry.body.text) return;
        const { figureCount, statementCount, sentenceCount, segment, extractor } = entry.row;
        // The new analysis goes in the body's own record: the row leaves its import group (dropped below).
        const { bodyGroup: _group, ...ungrouped } = row;
        rowsOut.push({ ...ungrouped, figureCount, statementCount, sentenceCount, segment, extractor });
        bodiesOut.push({ ...body, analysis: entry.body.analysis, extractor: entry.body.extractor });
      });
      const rewritten = new Set(rowsOut.map((row) => row.id));
      await dropBodies(db, rows.filter((row) => row?.bodyGroup !== undefined && rewritten.has(row.id)));
      await db.indexSegments.bulkPut([...segments]);
      await db.reports.bulkPut(rowsOut);
      await db.bodies.bulkPut(bodiesOut);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new Error(quotaMessage('update the stored analyses'), { cause: error });
    throw error;
  }
}
