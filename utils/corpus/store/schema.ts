// The corpus database (store/): Dexie schema (every version with its upgrade), row shapes, opening, and the row builders.
//
// Layout (why): IndexedDB writes rows slowly once they carry multiEntry indexes (~4,500 rows/s in Chromium), so
// nothing per sentence or per term is a row. A report is two rows: a light `reports` row (metadata, counts, flags;
// what the "My reports" list reads) and a `bodies` row (text, spans and the analysis; what the matcher reads).
// An import writes its bodies ten to a record in `bodyGroups` instead (store/bodies.ts).
// The retrieval index lives in `indexSegments`: one opaque binary record per batch, built by utils/match.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ArticleAnalysis, ArticleInput, Span } from '../../analysis/types';
import { compactAnalysis, expandAnalysis, type CompactAnalysis } from '../format/compact-analysis';
import { leadTitle } from '../format/display-name';
import { textSketch } from '../format/text-sketch';
import { normalizeUrl } from '../format/url-key';
import { inputOfReport } from '../format/report-of-article';
import type { AnalyzedReport, PackReport, ReportMeta, ReportOrigin } from '../types';

/** Name of the extension's database (in the extension origin; never opened by a content script). */
export const DB_NAME = 'second-source';
/** The newest schema version. Every change adds a version to SCHEMA_VERSIONS with an upgrade function. */
export const SCHEMA_VERSION = 5;

// ---------------------------------------------------------------------------------------------------------------
// Row shapes

/** A report as listed: metadata plus what the list shows and the flags that decide whether it is in the corpus. */
export interface ReportRow extends ReportMeta {
  /** Normalized URL (see normalizeUrl), the key for "same page"; null when the report has no URL. */
  urlKey: string | null;
  /** Milliseconds since the epoch when the report entered the database (kept on update). */
  addedAt: number;
  updatedAt: number;
  /** Insertion order, unique and increasing; exports list reports in this order so round trips are stable. */
  seq: number;
  /** 1 when the reader hid a bundled report (IndexedDB cannot index booleans). Reset brings it back. */
  hidden: 0 | 1;
  /** 0 when live; otherwise when the reader deleted it. Deleted rows stay until the trash is emptied (undo). */
  deletedAt: number;
  figureCount: number;
  statementCount: number;
  sentenceCount: number;
  /** Bottom-k sketch of the text's word shingles, for near-duplicate detection (see textSketch). */
  sketch: number[];
  /** Id of the index segment that indexes the current version of this report; null until one is built. */
  segment: string | null;
  /** Extractor version of the stored analysis ('' when not analysed): lets start-up find stale analyses cheaply. */
  extractor: string;
  /** For imported reports: the origin the pack gave, written back on export so round trips are identical. */
  packOrigin: ReportOrigin | null;
  /**
   * 1 when "keep what I read" saved it (not the reader's own click): only these fall under the retention rule.
   * Saving the page by hand turns it to 0, so a report the reader chose to keep is never trimmed.
   */
  kept: 0 | 1;
  /** The first sentence, shortened: the title shown for a report that states no headline (see display-name.ts). */
  lead: string;
  /** The `bodyGroups` record holding this report's body (imports write bodies in groups); absent: its own `bodies` record. */
  bodyGroup?: string;
}

/** Schema version 2 rows: as now, without `kept` and `lead`. */
export type ReportRowV2 = Omit<ReportRow, 'kept' | 'lead'>;

/** An analysis as stored: the article text is not repeated (it is the body's text) and sentence texts are slices. */
export type StoredAnalysis = CompactAnalysis;

/** The heavy half of a report: its text, spans and analysis. */
export interface BodyRow {
  id: string;
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  /** Null when the report has not been analysed yet (maintainCorpus fills it). */
  analysis: StoredAnalysis | null;
  /** Version of the extractor that produced `analysis`; a different version means "analyse again". */
  extractor: string;
}

/** Bodies written together by an import (store/bodies.ts says why); a body in a group has no record of its own. */
export interface BodyGroupRow {
  id: string;
  bodies: GroupedBody[];
}

/** A body as a group holds it: its text as UTF-8 bytes (store/bodies.ts says why), or as text. */
export type GroupedBody = Omit<BodyRow, 'text'> & { text: string | Uint8Array };

/** One batch of the retrieval index: opaque bytes built by utils/match over the listed reports. */
export interface SegmentRow {
  id: string;
  reportIds: string[];
  bytes: Uint8Array;
  /** Version of the segment format; segments of another format are rebuilt. */
  format: string;
  /** Bundled segments are replaced with the bundled pack; reader segments are merged by compaction. */
  origin: 'bundled' | 'reader';
  createdAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Schema version 1 rows, kept so the upgrade (and its test) can read a version 1 database. */
export interface ReportRowV1 extends ReportMeta {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  addedAt: number;
  hidden: 0 | 1;
}
export interface AnalysisRowV1 {
  id: string;
  analysis: ArticleAnalysis;
  extractor: string;
}
export interface SegmentRowV1 {
  id: string;
  reportIds: string[];
  bytes: Uint8Array;
  format: string;
  createdAt: number;
}

export type CorpusDb = Dexie & {
  reports: EntityTable<ReportRow, 'id'>;
  bodies: EntityTable<BodyRow, 'id'>;
  bodyGroups: EntityTable<BodyGroupRow, 'id'>;
  indexSegments: EntityTable<SegmentRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

// ---------------------------------------------------------------------------------------------------------------
// Schema versions

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version, oldest first. Never edit a shipped entry: add a new one with an upgrade function,
 * and extend tests/db/migration.test.ts with a database filled at the previous version.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      reports: 'id, origin, url, addedAt',
      analyses: 'id',
      indexSegments: 'id',
      meta: 'key',
    },
  },
  {
    // v2: split reports into a light list row and a body row (the list no longer loads every text), fold the
    // analysis into the body, and add the URL key, counts, near-duplicate sketch, insertion order and soft delete.
    version: 2,
    stores: {
      reports: 'id, origin, urlKey, addedAt, seq',
      bodies: 'id',
      analyses: null,
      indexSegments: 'id, format',
      meta: 'key',
    },
    upgrade: upgradeToV2,
  },
  {
    // v3: "keep what I read" marks the reports it saved by itself, indexed so retention finds them without a full read;
    // and each row holds its lead, the title of a report without a headline, so the list never reads the bodies.
    version: 3,
    stores: {
      reports: 'id, origin, urlKey, addedAt, seq, kept',
    },
    upgrade: async (tx) => {
      const leads = new Map<string, string>();
      await tx.table('bodies').each((body: BodyRow) => {
        leads.set(body.id, leadTitle(body.text, body.sentences));
      });
      await tx
        .table('reports')
        .toCollection()
        .modify((row: ReportRow) => {
          row.kept = 0;
          row.lead = leads.get(row.id) ?? '';
        });
    },
  },
  {
    // v4: no query reads reports by addedAt or seq (lists sort in memory), and every index is one more write per row:
    // an import of 10,000 reports spent a tenth of its time on them. The rows keep both fields.
    version: 4,
    stores: {
      reports: 'id, origin, urlKey, kept',
    },
    upgrade: async () => {
      // Indexes only: IndexedDB drops them in the version change; no row changes.
    },
  },
  {
    // v5: imports write bodies ten to a record (store/bodies.ts): 10,000 bodies took 9.3–9.9 s one to a record, 4.1 s
    // ten to a record. Rows without `bodyGroup` keep their own body record, so nothing is moved.
    version: 5,
    stores: {
      bodyGroups: 'id',
    },
    upgrade: async () => {
      // A new store only: no row changes.
    },
  },
];

async function upgradeToV2(tx: Transaction): Promise<void> {
  const old = (await tx.table('reports').toArray()) as ReportRowV1[];
  const analyses = new Map(((await tx.table('analyses').toArray()) as AnalysisRowV1[]).map((row) => [row.id, row]));
  const segments = (await tx.table('indexSegments').toArray()) as SegmentRowV1[];
  old.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1));
  const origins = new Map(old.map((row) => [row.id, row.origin]));
  // The newest segment naming a report is the one that indexes it.
  const owner = new Map<string, string>();
  for (const segment of [...segments].sort((a, b) => a.createdAt - b.createdAt)) {
    for (const id of segment.reportIds) owner.set(id, segment.id);
  }
  const rows: ReportRowV2[] = [];
  const bodies: BodyRow[] = [];
  old.forEach((v1, index) => {
    const { text, paragraphs, sentences, addedAt, hidden, ...meta } = v1;
    const analysis = analyses.get(v1.id);
    const stored = analysis ? compactAnalysis(analysis.analysis, text) : null;
    bodies.push({ id: v1.id, text, paragraphs, sentences, analysis: stored, extractor: analysis?.extractor ?? '' });
    rows.push({
      ...meta,
      urlKey: normalizeUrl(meta.url),
      addedAt,
      updatedAt: addedAt,
      seq: index + 1,
      hidden,
      deletedAt: 0,
      figureCount: analysis?.analysis.figures.length ?? 0,
      statementCount: analysis?.analysis.statements.length ?? 0,
      sentenceCount: analysis?.analysis.sentences.length ?? sentences.length,
      sketch: textSketch(text),
      segment: owner.get(v1.id) ?? null,
      extractor: stored ? (analysis?.extractor ?? '') : '',
      packOrigin: null,
    });
  });
  await tx.table('reports').bulkPut(rows);
  await tx.table('bodies').bulkPut(bodies);
  await tx
    .table('indexSegments')
    .bulkPut(
      segments.map(
        (segment): SegmentRow => ({
          ...segment,
          origin: segment.reportIds.every((id) => origins.get(id) === 'bundled') ? 'bundled' : 'reader',
        }),
      ),
    );
  await tx.table('meta').put({ key: 'seq', value: rows.length } satisfies MetaRow);
}

/** Declares schema versions 1..upTo on a Dexie instance (tests use it to write an old-version database). */
export function defineSchema(db: Dexie, upTo: number = SCHEMA_VERSION): void {
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > upTo) break;
    const version = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) version.upgrade(entry.upgrade);
  }
}

export interface OpenOptions {
  /** Database name; tests give each test its own. Default DB_NAME. */
  name?: string;
  /** IndexedDB implementation (tests pass fake-indexeddb); default the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Opens (creating or upgrading) the corpus database. Call only from the background or an extension page. */
export async function openCorpusDb(options: OpenOptions = {}): Promise<CorpusDb> {
  const db = new Dexie(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {}),
    // Relaxed: a commit returns once the data is handed to the OS, not flushed to disk, which makes large imports
    // much faster in Chromium. A power cut may lose the last writes, never half a transaction.
    chromeTransactionDurability: 'relaxed',
  }) as CorpusDb;
  defineSchema(db);
  guardCatalogue(db);
  await db.open();
  return db;
}

/** Meta key of the catalogue (store/catalogue.ts): the live index summed up in one record, read once per wake. */
export const CATALOGUE_KEY = 'catalogue';

/**
 * Every write to the reports or the index segments deletes the catalogue in the same transaction, so a catalogue
 * that exists is never stale; the background writes a fresh one when it has time. A write whose transaction does
 * not include the meta table fails here, loudly, instead of leaving a stale catalogue behind.
 */
function guardCatalogue(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'catalogue-guard',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'reports' && name !== 'indexSegments') return table;
        return {
          ...table,
          mutate: (request) => {
            // Upgrades run in their own transaction (its stores may differ); catalogues record the schema version instead.
            if ((request.trans as unknown as IDBTransaction).mode === 'versionchange') return table.mutate(request);
            // A write of nothing (a bulkDelete of no ids, which start-up upkeep makes) changes nothing.
            if ((request.type === 'delete' && request.keys.length === 0) || ((request.type === 'put' || request.type === 'add') && request.values.length === 0)) {
              return table.mutate(request);
            }
            // Both requests are queued in this tick, in order, so the transaction stays active for the write.
            const cleared = down.table('meta').mutate({ type: 'delete', trans: request.trans, keys: [CATALOGUE_KEY] });
            const written = table.mutate(request);
            return Promise.all([cleared, written]).then(([, result]) => result);
          },
        };
      },
    }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Meta values

/**
 * 'pendingAnalysis': set while imported reports wait for their analysis (the background resumes it at a wake).
 * 'catalogue': see CATALOGUE_KEY.
 */
export type MetaKey = 'seq' | 'bundledRevision' | 'bundledExtractor' | 'bundledSegmentFormat' | 'pendingAnalysis' | typeof CATALOGUE_KEY;

export async function getMeta<T>(db: CorpusDb, key: MetaKey): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/** Reserves `count` consecutive insertion numbers; call inside a rw transaction that includes `meta`. */
export async function reserveSeq(db: CorpusDb, count: number): Promise<number> {
  const current = ((await db.meta.get('seq'))?.value as number | undefined) ?? 0;
  await db.meta.put({ key: 'seq', value: current + count });
  return current + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Injected core functions

/**
 * The core functions the store needs, passed in so the store does not depend on their modules
 * (the background passes analyzeArticle from utils/analysis and the segment builder from utils/match).
 */
export interface CorpusDeps {
  /** Analyses an article (utils/analysis/analyze-article.ts). May be async. */
  analyze: (input: ArticleInput) => ArticleAnalysis | Promise<ArticleAnalysis>;
  /** Version of the extractor; stored analyses of another version are redone by maintainCorpus. Default "0". */
  extractorVersion?: string;
  /** Builds one index segment over a batch of analysed reports (utils/match). May be async. */
  buildSegment: (reports: readonly AnalyzedReport[]) => Uint8Array | Promise<Uint8Array>;
  /** Version of the segment format; segments of another format are rebuilt. Default "0". */
  segmentFormat?: string;
  /**
   * Checks an index segment a pack carries and gives it the ids the import stores (utils/match adoptSegment); null
   * when it cannot be trusted. Without it, imports build every segment themselves.
   */
  adoptSegment?: (bytes: Uint8Array, packIds: readonly string[], finalIds: readonly string[], sentenceCounts: readonly number[]) => Uint8Array | null;
}

/** Reports per index segment when many are written at once by the bundled pack or by upkeep. */
export const SEGMENT_BATCH = 1000;

/**
 * Reports per index segment when a pack is imported. A wake decodes every segment's term list and a search looks each
 * term up in every segment: at 100,000 reports, 105 segments of 1,000 took a second to decode and most of a search.
 * Larger segments share one term list. An import holds its pack's analyses anyway; upkeep, which reads them from the
 * database, keeps to SEGMENT_BATCH.
 */
export const IMPORT_SEGMENT_BATCH = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Row builders (pure)

/** A report ready to write: both rows, plus the analysed form the segment builder takes. */
export interface PreparedReport {
  row: ReportRow;
  body: BodyRow;
  analyzed: AnalyzedReport;
}

// The one report → core input function lives with the format; re-exported for the store's callers.
export { inputOfReport as articleInputOf };

/** Copies exactly the ReportMeta fields of a report (drops any extra keys an untrusted object carries). */
export function pickMeta(report: ReportMeta): ReportMeta {
  const meta: ReportMeta = {
    id: report.id,
    origin: report.origin,
    url: report.url,
    outlet: report.outlet,
    headline: report.headline,
    published: report.published,
    dateline: report.dateline,
    agencies: [...report.agencies],
    translatedFrom: report.translatedFrom,
    event: report.event,
    inferred: report.inferred.map((entry) => ({ field: entry.field, reason: entry.reason })),
  };
  // Optional fields are copied only when present, so an exported pack has exactly the keys it was imported with.
  if (report.eventDate !== undefined) meta.eventDate = report.eventDate;
  if (report.republished !== undefined) meta.republished = report.republished;
  if (report.byline !== undefined) meta.byline = report.byline;
  return meta;
}

/** Analyses a report and builds its two rows (not yet numbered: seq is set when written). */
export async function prepareReport(
  report: PackReport,
  origin: ReportOrigin,
  deps: CorpusDeps,
  now: number,
  sketch: number[] = textSketch(report.text),
): Promise<PreparedReport> {
  const analysis = await deps.analyze(inputOfReport(report));
  const { row, body } = analysedRows(report, origin, deps, now, sketch, compactAnalysis(analysis, report.text));
  return { row, body, analyzed: { meta: pickMeta(row), analysis } };
}

/** The two rows of a report with its analysis as stored, stamped with this extractor; its counts read from it. */
function analysedRows(
  report: PackReport,
  origin: ReportOrigin,
  deps: CorpusDeps,
  now: number,
  sketch: number[],
  stored: CompactAnalysis,
): { row: ReportRow; body: BodyRow } {
  const { row, body } = unanalyzedRows(report, origin, now, sketch);
  row.figureCount = stored.figures.length;
  row.statementCount = stored.statements.length;
  row.sentenceCount = stored.sentences.length;
  body.analysis = stored;
  body.extractor = deps.extractorVersion ?? '0';
  row.extractor = body.extractor;
  return { row, body };
}

/**
 * The rows of a report whose pack carried a trusted analysis (format/pack-read.ts trustedCompactAnalysis), stored as it
 * came. The full analysis is expanded only when something reads `analyzed` (a segment built here): an import that
 * adopts the pack's index never expands it, which at 10,000 reports saved expanding and compacting every analysis.
 */
export function preparedFromCarried(
  report: PackReport,
  origin: ReportOrigin,
  deps: CorpusDeps,
  now: number,
  sketch: number[],
  carried: CompactAnalysis,
): PreparedReport {
  const { row, body } = analysedRows(report, origin, deps, now, sketch, carried);
  let analyzed: AnalyzedReport | null = null;
  return {
    row,
    body,
    get analyzed() {
      analyzed ??= { meta: pickMeta(row), analysis: expandAnalysis(carried, report.text) };
      return analyzed;
    },
  };
}

/**
 * The two rows of a report not analysed yet (analysis null, no segment): maintainCorpus analyses and indexes it.
 * Used by imports that defer analysis, which is the slow part of an import.
 */
export function unanalyzedRows(
  report: PackReport,
  origin: ReportOrigin,
  now: number,
  sketch: number[] = textSketch(report.text),
): { row: ReportRow; body: BodyRow } {
  const meta = { ...pickMeta(report), origin };
  const row: ReportRow = {
    ...meta,
    urlKey: normalizeUrl(meta.url),
    addedAt: now,
    updatedAt: now,
    seq: 0,
    hidden: 0,
    deletedAt: 0,
    figureCount: 0,
    statementCount: 0,
    sentenceCount: report.sentences.length,
    sketch,
    segment: null,
    extractor: '',
    packOrigin: origin === 'imported' ? report.origin : null,
    kept: 0,
    lead: leadTitle(report.text, report.sentences),
  };
  const body: BodyRow = {
    id: report.id,
    text: report.text,
    paragraphs: report.paragraphs.map(({ start, end }) => ({ start, end })),
    sentences: report.sentences.map(({ start, end }) => ({ start, end })),
    analysis: null,
    extractor: '',
  };
  return { row, body };
}

/** Builds segments over prepared reports in batches and points each row at its segment. */
export async function buildSegments(
  prepared: readonly PreparedReport[],
  deps: CorpusDeps,
  origin: SegmentRow['origin'],
  now: number,
  batch: number = SEGMENT_BATCH,
): Promise<SegmentRow[]> {
  const segments: SegmentRow[] = [];
  for (let start = 0; start < prepared.length; start += batch) {
    const slice = prepared.slice(start, start + batch);
    const bytes = await deps.buildSegment(slice.map((entry) => entry.analyzed));
    const segment: SegmentRow = {
      id: newId('seg'),
      reportIds: slice.map((entry) => entry.row.id),
      bytes,
      format: deps.segmentFormat ?? '0',
      origin,
      createdAt: now,
    };
    for (const entry of slice) entry.row.segment = segment.id;
    segments.push(segment);
  }
  return segments;
}

/** Strips a row to the ReportMeta the matcher and exports see. */
export function metaOfRow(row: ReportRow): ReportMeta {
  return pickMeta(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Small store helpers

/** A random id with a prefix (crypto.randomUUID exists in Node 20 and every extension context). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** True when an error (possibly wrapped by Dexie) is the browser refusing to store more data. */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const named = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (named.name === 'QuotaExceededError') return true;
    current = named.inner ?? named.cause;
  }
  return false;
}

/** The message a reader sees when the disk or the browser's quota is full. */
export function quotaMessage(what: string): string {
  return (
    `Not enough storage space to ${what}: the browser refused to store more data (disk or quota full). ` +
    'Nothing was changed. Free some disk space or delete reports you no longer need, then try again.'
  );
}
