// Import and export of corpus packs: validated, all-or-nothing import with duplicate detection; stable export.
import type { ExportOptions, ImportDuplicate, ImportResult } from '../protocol-types';
import { contentHash } from '../format/content-hash';
import { displayTitle, leadTitle } from '../format/display-name';
import { PackError, readPack, trustedCompactAnalysis } from '../format/pack-read';
import { packJson } from '../format/pack-write';
import { packIndexBytes, packIndexOf } from '../format/pack-index';
import { describeValue } from '../pack-schema';
import { normalizeUrl } from '../format/url-key';
import { NEAR_DUPLICATE, sketchSimilarity, textSketch } from '../format/text-sketch';
import { PACK_FORMAT, PACK_VERSION, type AnalyzedReport, type CorpusPack, type PackReport } from '../types';
import { expandAnalysis } from '../format/compact-analysis';
import { dropBodies, groupBodies, readBodies } from './bodies';
import { extendCatalogue, readCatalogue, readRowsKeepingCatalogue } from './catalogue';
import {
  CATALOGUE_KEY,
  IMPORT_SEGMENT_BATCH,
  buildSegments,
  newId,
  isQuotaError,
  metaOfRow,
  prepareReport,
  preparedFromCarried,
  quotaMessage,
  reserveSeq,
  unanalyzedRows,
  type BodyRow,
  type CorpusDb,
  type CorpusDeps,
  type PreparedReport,
  type ReportRow,
  type SegmentRow,
} from './schema';

// ---------------------------------------------------------------------------------------------------------------
// Import

interface KnownReport {
  id: string;
  urlKey: string | null;
  sketch: number[];
}

/** A sketch hash shared by more reports than this is common text (a wire lead, boilerplate): it finds no candidates. */
const COMMON_HASH = 64;
/** Sketch hashes a candidate must share before its similarity is estimated (a 0.9 near copy shares ~55 of 64). */
const MIN_SHARED = 16;

/**
 * Finds earlier reports whose text is nearly the same. Candidates are reports sharing many sketch hashes, counted
 * through an inverted list of hashes; hashes common to many reports are skipped so the cost stays linear.
 */
class NearDuplicateIndex {
  private readonly byHash = new Map<number, KnownReport[]>();
  /** Identical sketches (the same text, give or take punctuation and case), however common the text. */
  private readonly bySketch = new Map<string, KnownReport>();
  add(report: KnownReport): void {
    const key = report.sketch.join(',');
    if (!this.bySketch.has(key)) this.bySketch.set(key, report);
    for (const hash of report.sketch) {
      const list = this.byHash.get(hash);
      if (!list) this.byHash.set(hash, [report]);
      else if (list.length <= COMMON_HASH) list.push(report);
    }
  }
  find(sketch: readonly number[]): { report: KnownReport; similarity: number } | null {
    const same = sketch.length > 0 ? this.bySketch.get(sketch.join(',')) : undefined;
    if (same) return { report: same, similarity: 1 };
    const counts = new Map<KnownReport, number>();
    for (const hash of sketch) {
      const list = this.byHash.get(hash);
      if (!list || list.length > COMMON_HASH) continue;
      for (const candidate of list) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
    }
    const needed = Math.min(MIN_SHARED, Math.ceil(sketch.length / 2));
    let best: { report: KnownReport; similarity: number } | null = null;
    for (const [candidate, count] of counts) {
      if (count < needed) continue;
      const similarity = sketchSimilarity(sketch, candidate.sketch);
      if (similarity >= NEAR_DUPLICATE && (!best || similarity > best.similarity)) best = { report: candidate, similarity };
    }
    return best;
  }
}

/** A report as the reader knows it: its headline, or its first sentence. */
function titleOf(headline: string | null, lead: string): string {
  return displayTitle(headline, lead).text;
}

function summarize(result: Omit<ImportResult, 'summary'>): string {
  const n = (count: number) => count.toLocaleString('en-US');
  const parts = [`Imported ${n(result.added.length)} of ${n(result.total)} report${result.total === 1 ? '' : 's'}.`];
  if (result.duplicates.length > 0) {
    const shown = result.duplicates.slice(0, 5).map((dup) => {
      const what = dup.reason === 'url' ? 'has the same address as' : `has nearly the same text (${Math.round((dup.similarity ?? 1) * 100)}%) as`;
      const other = dup.inPack ? `an earlier report of this pack, “${dup.existingTitle}”` : `your ${dup.existingOrigin === 'bundled' ? 'bundled' : dup.existingOrigin} report “${dup.existingTitle}”`;
      return `report ${dup.index + 1} “${dup.title}” ${what} ${other}`;
    });
    const more = result.duplicates.length > 5 ? `; and ${n(result.duplicates.length - 5)} more` : '';
    parts.push(`${n(result.duplicates.length)} skipped as duplicates: ${shown.join('; ')}${more}.`);
  }
  if (result.renamed.length > 0) parts.push(`${result.renamed.length} kept beside a report of yours that already had the same name in the pack.`);
  if (result.pending > 0) {
    parts.push(`${result.pending} ${result.pending === 1 ? 'is' : 'are'} being analysed in the background; they join your checks as each batch is done.`);
  }
  return parts.join(' ');
}

/**
 * The index segment the pack carries, adopted for the reports this import stores, when every one of them came with a
 * trusted analysis and the segment passes the matcher's checks (deps.adoptSegment); null: build it. Reports the import
 * skips leave it; renamed ones get their new id. Points the rows at it.
 */
function carriedSegment(
  pack: CorpusPack,
  accepted: readonly { report: PackReport; index: number }[],
  prepared: readonly PreparedReport[],
  allTrusted: boolean,
  deps: CorpusDeps,
  now: number,
): SegmentRow[] | null {
  const format = deps.segmentFormat ?? '0';
  // The segment indexes the analyses the pack carries: a report analysed here again may have other sentences.
  if (!deps.adoptSegment || !pack.index || !allTrusted || prepared.length !== accepted.length || prepared.length === 0) return null;
  const bytes = packIndexBytes(pack.index, format);
  if (!bytes) return null;
  const finalIds = pack.reports.map(() => '');
  const sentenceCounts = pack.reports.map(() => 0x10000);
  accepted.forEach(({ report, index }, position) => {
    finalIds[index] = report.id;
    // From the stored analysis: reading `analyzed` would expand it.
    sentenceCounts[index] = prepared[position]!.body.analysis?.sentences.length ?? 0;
  });
  const adopted = deps.adoptSegment(bytes, pack.reports.map((report) => report.id), finalIds, sentenceCounts);
  if (!adopted) return null;
  const reportIds = finalIds.filter((id) => id !== '');
  const segment: SegmentRow = { id: newId('seg'), reportIds, bytes: adopted, format, origin: 'reader', createdAt: now };
  for (const entry of prepared) entry.row.segment = segment.id;
  return [segment];
}

export interface ImportOptions {
  now?: number;
  maxBytes?: number;
  /**
   * "now" (default): analyse and index every report before the write, so the import is searchable when it returns.
   * "later": store the reports unanalysed (fast: analysis is most of an import's time) and let maintainCorpus analyse
   * and index them in batches; they join the cross-check as each batch completes.
   * Either way, an analysis the pack carries with the running extractor's stamp is used as it is, and indexed now.
   */
  analysis?: 'now' | 'later';
}

/**
 * Imports a pack (file or JSON text) as the reader's "imported" reports, with analyses and index segments.
 * All or nothing: a file that fails validation, a failed analysis or a storage error (disk full) changes nothing
 * and throws a PackError saying what is wrong and where. Reports already present (same URL, or nearly the same
 * text) are skipped and listed in the result; a pack id already used by another report is stored under a new id.
 */
export async function importPack(
  db: CorpusDb,
  source: string | Blob,
  deps: CorpusDeps,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const pack = await readPack(source, options.maxBytes);
  const now = options.now ?? Date.now();

  // What is stored now (deleted reports count as gone; a clashing one is purged when the import is written). The read
  // leaves a current catalogue behind, which the write below extends: the next wake reads one record, not every row.
  const { rows: stored, stamp } = await readRowsKeepingCatalogue(db, deps.segmentFormat ?? null);
  const live = stored.filter((row) => row.deletedAt === 0);
  const takenIds = new Set(live.map((row) => row.id));
  const trash = stored.filter((row) => row.deletedAt !== 0);
  const byUrl = new Map<string, string>();
  const near = new NearDuplicateIndex();
  for (const row of live) {
    if (row.urlKey && !byUrl.has(row.urlKey)) byUrl.set(row.urlKey, row.id);
    near.add({ id: row.id, urlKey: row.urlKey, sketch: row.sketch });
  }
  const packIds = new Set<string>();
  // Names the summary gives the reports a pack repeats: the reader's title and origin for each.
  const known = new Map(live.map((row) => [row.id, { title: titleOf(row.headline, row.lead ?? ''), origin: row.origin }]));

  const duplicates: ImportDuplicate[] = [];
  const renamed: { from: string; to: string }[] = [];
  const accepted: { report: PackReport; sketch: number[]; index: number }[] = [];
  pack.reports.forEach((report, index) => {
    const urlKey = normalizeUrl(report.url);
    const sketch = textSketch(report.text);
    const sameUrl = urlKey ? byUrl.get(urlKey) : undefined;
    const dupOf = sameUrl ? null : near.find(sketch);
    if (sameUrl || dupOf) {
      const existing = sameUrl ?? dupOf!.report.id;
      duplicates.push({
        index,
        id: report.id,
        headline: report.headline,
        title: titleOf(report.headline, leadTitle(report.text, report.sentences)),
        reason: sameUrl ? 'url' : 'text',
        existing,
        existingTitle: known.get(existing)?.title ?? 'Untitled report',
        existingOrigin: known.get(existing)?.origin ?? 'imported',
        inPack: packIds.has(existing),
        similarity: dupOf ? dupOf.similarity : null,
      });
      return;
    }
    let id = report.id;
    for (let n = 2; takenIds.has(id); n++) id = `${report.id}-${n}`;
    if (id !== report.id) renamed.push({ from: report.id, to: id });
    takenIds.add(id);
    packIds.add(id);
    if (urlKey) byUrl.set(urlKey, id);
    near.add({ id, urlKey, sketch });
    known.set(id, { title: titleOf(report.headline, leadTitle(report.text, report.sentences)), origin: 'imported' });
    accepted.push({ report: id === report.id ? report : { ...report, id }, sketch, index });
  });

  // Analysis and index building happen before the transaction (IndexedDB transactions cannot wait on them).
  // Carried analyses with the running extractor's stamp are used as they are; the rest are analysed now or later.
  const rows: ReportRow[] = [];
  const bodies: BodyRow[] = [];
  const prepared: PreparedReport[] = [];
  let trusted = 0;
  for (const { report, sketch, index } of accepted) {
    const carried = trustedCompactAnalysis(report, deps);
    if (carried) {
      trusted++;
      prepared.push(preparedFromCarried(report, 'imported', deps, now, sketch, carried));
      continue;
    }
    if (options.analysis === 'later') {
      const built = unanalyzedRows(report, 'imported', now, sketch);
      rows.push(built.row);
      bodies.push(built.body);
      continue;
    }
    try {
      prepared.push(await prepareReport(report, 'imported', deps, now, sketch));
    } catch (error) {
      const where = `reports[${index}]`;
      throw new PackError(`${where} (${describeValue(report.id)}) could not be analysed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`, where);
    }
  }
  const segments: SegmentRow[] = carriedSegment(pack, accepted, prepared, trusted === accepted.length, deps, now) ?? (await buildSegments(prepared, deps, 'reader', now, IMPORT_SEGMENT_BATCH));
  // Analysed bodies are written in groups; unanalysed ones keep their own records, which their analysis will replace.
  const preparedRows = prepared.map((entry) => entry.row);
  const bodyGroups = groupBodies(preparedRows, prepared.map((entry) => entry.body));
  rows.push(...preparedRows);
  const pending = rows.length - prepared.length;

  const acceptedIds = new Set(rows.map((row) => row.id));
  const acceptedUrls = new Set(rows.map((row) => row.urlKey).filter((key): key is string => key !== null));
  const purge = trash.filter((row) => acceptedIds.has(row.id) || (row.urlKey !== null && acceptedUrls.has(row.urlKey))).map((row) => row.id);

  try {
    await db.transaction('rw', [db.reports, db.bodies, db.bodyGroups, db.indexSegments, db.meta], async () => {
      // Read before this transaction's writes delete it. The catalogue the first read left, still here, proves that
      // nothing was written since: no report can clash, and the catalogue is extended below.
      const catalogue = await readCatalogue(db, deps.segmentFormat ?? null);
      if (catalogue?.stamp !== stamp) {
        const clash = (await db.reports.bulkGet([...acceptedIds])).find((row) => row !== undefined && row.deletedAt === 0);
        // Only reports still in the trash may be purged: one the reader restored since is a clash like any other.
        const purging = new Set(purge);
        const sameUrl = acceptedUrls.size === 0 ? [] : await db.reports.where('urlKey').anyOf([...acceptedUrls]).toArray();
        const restored = (await db.reports.bulkGet(purge)).find((row) => row !== undefined && row.deletedAt === 0);
        const urlClash = restored ?? sameUrl.find((row) => row.deletedAt === 0 && !purging.has(row.id));
        const changed = clash ?? urlClash;
        // Another tab saved or imported one of these reports after the pack was checked: start again rather than duplicate.
        if (changed) throw new PackError(`The corpus changed while the pack was being read (report ${changed.id} appeared). Nothing was imported; try again.`);
      }
      if (purge.length > 0) await dropBodies(db, await db.reports.bulkGet(purge));
      await db.reports.bulkDelete(purge);
      const first = await reserveSeq(db, rows.length);
      rows.forEach((row, index) => {
        row.seq = first + index;
      });
      // Sent together, not one after another: while the database writes the rows, this thread serializes the bodies.
      await Promise.all([db.indexSegments.bulkPut(segments), db.reports.bulkPut(rows), db.bodies.bulkPut(bodies), db.bodyGroups.bulkPut(bodyGroups)]);
      if (catalogue && rows.length > 0) await db.meta.put({ key: CATALOGUE_KEY, value: extendCatalogue(catalogue, rows, segments.map((segment) => segment.id)) });
    });
  } catch (error) {
    if (error instanceof PackError) throw error;
    if (isQuotaError(error)) throw new PackError(quotaMessage(`import ${rows.length} reports`));
    throw new PackError(`The import failed and nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Rows were written unanalysed first, then analysed ones: report them in pack order.
  const order = new Map(accepted.map((entry, position) => [entry.report.id, position]));
  const added = rows.map((row) => row.id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const result = { revision: pack.revision, total: pack.reports.length, added, duplicates, renamed, trusted, pending };
  return { ...result, summary: summarize(result) };
}

// ---------------------------------------------------------------------------------------------------------------
// Export

/** A stored report as a pack report, keys in the documented order. */
function packReportOf(row: ReportRow, body: BodyRow): PackReport {
  const meta = metaOfRow(row);
  const report: PackReport = {
    id: meta.id,
    origin: row.packOrigin ?? row.origin,
    url: meta.url,
    outlet: meta.outlet,
    headline: meta.headline,
    published: meta.published,
    dateline: meta.dateline,
    agencies: meta.agencies,
    translatedFrom: meta.translatedFrom,
    event: meta.event,
    inferred: meta.inferred,
    text: body.text,
    paragraphs: body.paragraphs.map(({ start, end }) => ({ start, end })),
    sentences: body.sentences.map(({ start, end }) => ({ start, end })),
  };
  // Optional keys only when stored, placed before the text so the JSON reads metadata first.
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'text') {
      if (meta.eventDate !== undefined) ordered.eventDate = meta.eventDate;
      if (meta.republished !== undefined) ordered.republished = meta.republished;
      if (meta.byline !== undefined) ordered.byline = meta.byline;
    }
    ordered[key] = value;
  }
  // Version 2: the analysis rides along with its extractor's stamp, so an importer on the same version skips the work.
  if (body.analysis && body.extractor) ordered.analysis = { extractor: body.extractor, data: body.analysis };
  return ordered as unknown as PackReport;
}

/** The rows an export writes, in the order they were added. */
async function exportRows(db: CorpusDb, options: ExportOptions): Promise<ReportRow[]> {
  let rows: ReportRow[];
  if (options.ids) {
    rows = (await db.reports.bulkGet([...new Set(options.ids)])).filter((row): row is ReportRow => row !== undefined);
  } else {
    rows = await db.reports.toArray();
    rows = rows.filter((row) => (options.includeHidden === true || row.hidden === 0) && (!options.origins || options.origins.includes(row.origin)));
  }
  return rows.filter((row) => row.deletedAt === 0).sort((a, b) => a.seq - b.seq);
}

/**
 * Reports an export file holds at most. A pack file may hold MAX_PACK_BYTES (256 MB) and a report with its analysis
 * takes about 17 KB (a long read several times that), so a larger export is cut into files that each import alone.
 */
export const EXPORT_FILE_REPORTS = 4000;

/**
 * The ids of an export's reports, in order, cut into files of at most `perFile`: exporting each list (`ids`) gives
 * packs that import alone. One file when the export is small; an empty list when there is nothing to export.
 */
export async function exportFiles(db: CorpusDb, options: ExportOptions = {}, perFile: number = EXPORT_FILE_REPORTS): Promise<string[][]> {
  const ids = (await db.transaction('r', [db.reports], () => exportRows(db, options))).map((row) => row.id);
  const files: string[][] = [];
  for (let at = 0; at < ids.length; at += Math.max(1, perFile)) files.push(ids.slice(at, at + Math.max(1, perFile)));
  return files;
}

/**
 * Exports reports as a versioned pack. The revision is a hash of the content, so exporting the same reports
 * twice gives the same file, and exporting a pack just imported into an empty corpus gives the pack back (analyses
 * that the import trusted are stored as the pack carried them; others come back as this version writes them).
 */
export async function exportPack(
  db: CorpusDb,
  options: ExportOptions = {},
  /** With the index builder: a pack whose every report has an analysis by this extractor carries its index too. */
  deps?: Pick<CorpusDeps, 'buildSegment' | 'segmentFormat' | 'extractorVersion'>,
): Promise<CorpusPack> {
  const { rows, bodies } = await db.transaction('r', [db.reports, db.bodies, db.bodyGroups], async () => {
    const rows = await exportRows(db, options);
    return { rows, bodies: await readBodies(db, rows) };
  });
  const reports: PackReport[] = [];
  const analysed: AnalyzedReport[] = [];
  rows.forEach((row, index) => {
    const body = bodies[index];
    if (!body) return;
    reports.push(packReportOf(row, body));
    const stored = body.analysis;
    if (deps && stored && body.extractor === (deps.extractorVersion ?? '0')) {
      // Expanded when the index builder reads it, and not kept: every report's full analysis at once would not fit.
      analysed.push({
        meta: metaOfRow(row),
        get analysis() {
          return expandAnalysis(stored, body.text);
        },
      });
    }
  });
  const pack: CorpusPack = { format: PACK_FORMAT, version: PACK_VERSION, revision: `export-${contentHash(JSON.stringify(reports))}`, reports };
  if (deps && reports.length > 0 && analysed.length === reports.length) pack.index = await packIndexOf(analysed, deps);
  return pack;
}

/** exportPack as the JSON text of a pack file (ASCII only, see packJson). */
export async function exportPackJson(db: CorpusDb, options: ExportOptions = {}, deps?: Parameters<typeof exportPack>[2]): Promise<string> {
  return packJson(await exportPack(db, options, deps));
}
