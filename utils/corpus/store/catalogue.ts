// The catalogue: the live index summed up in one meta record (ids, page keys, owning segments, counts), read once per wake.
//
// Why: reading every report row at a wake costs seconds at 10,000 reports in Chromium and grows with the corpus.
// One record of a few parallel lists is read in one request. Any write to the reports or the index segments deletes
// it in the same transaction (schema.ts, guardCatalogue), so a catalogue that exists is current. The background writes
// a new one after the reader's answer (refreshCatalogue), never before it; an import, which reads every row anyway,
// writes or extends one in its own transactions.
import type { CorpusStats } from '../protocol-types';
import type { ReportOrigin } from '../types';
import { CATALOGUE_KEY, SCHEMA_VERSION, type CorpusDb, type ReportRow } from './schema';

/** Bump when the record's shape changes: a catalogue of another version is ignored and written again. */
const CATALOGUE_VERSION = 3;

export interface Catalogue {
  version: number;
  /** The database schema it was computed under: an upgrade (which bypasses the write guard) leaves it unused. */
  schema: number;
  /** The segment format the index part was computed for (null: every format). */
  segmentFormat: string | null;
  /** Live indexed reports in insertion order, as parallel lists: id, page key (url-key.ts) and the owning segment. */
  ids: string[];
  urlKeys: (string | null)[];
  owners: string[];
  /** The segments that index at least one live report. */
  segments: string[];
  /** What corpusStats counts, so the sidebar's count costs no full read either. */
  stats: CorpusStats;
  /**
   * New with every catalogue written. Any write to the reports deletes the catalogue, so finding the same stamp later
   * proves nothing was written in between (an import skips its clash checks then); a refreshed one has another stamp.
   */
  stamp: string;
}

/** Live rows: not deleted, not hidden, and no bundled report whose URL the reader also holds (the reader's copy wins). */
export function liveRows(rows: readonly ReportRow[]): ReportRow[] {
  const kept = rows.filter((row) => row.deletedAt === 0 && row.hidden === 0);
  const readerUrls = new Set(kept.filter((row) => row.origin !== 'bundled' && row.urlKey).map((row) => row.urlKey));
  return kept.filter((row) => row.origin !== 'bundled' || !row.urlKey || !readerUrls.has(row.urlKey));
}

/** Reports counted by origin: not deleted, not hidden (the figure the sidebar and the options page show). */
export function statsOfRows(rows: Iterable<ReportRow>): CorpusStats {
  const byOrigin: Record<ReportOrigin, number> = { bundled: 0, saved: 0, imported: 0 };
  for (const row of rows) if (row.deletedAt === 0 && row.hidden === 0) byOrigin[row.origin]++;
  return { reports: byOrigin.bundled + byOrigin.saved + byOrigin.imported, byOrigin };
}

/**
 * The catalogue of every stored row and the ids of the segments of the wanted format: a live report is listed when
 * it is analysed and its segment exists. Pure, so the full read (loadIndex without a catalogue) computes the same.
 */
export function catalogueOf(rows: readonly ReportRow[], segmentIds: Iterable<string>, segmentFormat: string | null): Catalogue {
  const catalogue: Catalogue = { version: CATALOGUE_VERSION, schema: SCHEMA_VERSION, segmentFormat, ids: [], urlKeys: [], owners: [], segments: [], stats: statsOfRows(rows), stamp: crypto.randomUUID() };
  appendRows(catalogue, liveRows(rows).sort((a, b) => a.seq - b.seq), new Set(segmentIds));
  return catalogue;
}

/** Lists the rows a catalogue indexes (analysed, and owned by a known segment), in order; updates its segment list. */
function appendRows(catalogue: Catalogue, live: readonly ReportRow[], known: ReadonlySet<string>): void {
  const used = new Set(catalogue.segments);
  for (const row of live) {
    if (row.extractor === '' || !row.segment || !known.has(row.segment)) continue;
    catalogue.ids.push(row.id);
    catalogue.urlKeys.push(row.urlKey);
    catalogue.owners.push(row.segment);
    used.add(row.segment);
  }
  catalogue.segments = [...used];
}

/**
 * The catalogue after new reports were added beside the ones it lists, without reading the other rows: what an
 * import writes in its own transaction, so the next wake finds one record. `added` must be new, live, visible rows
 * whose URLs no stored report shares (an import's duplicate check ensures it), `segments` the new segments' ids.
 */
export function extendCatalogue(catalogue: Catalogue, added: readonly ReportRow[], segments: readonly string[]): Catalogue {
  const next: Catalogue = {
    ...catalogue,
    ids: [...catalogue.ids],
    urlKeys: [...catalogue.urlKeys],
    owners: [...catalogue.owners],
    stats: { reports: catalogue.stats.reports, byOrigin: { ...catalogue.stats.byOrigin } },
    stamp: crypto.randomUUID(),
  };
  appendRows(next, [...added].sort((a, b) => a.seq - b.seq), new Set([...catalogue.segments, ...segments]));
  const counted = statsOfRows(added);
  next.stats.reports += counted.reports;
  for (const origin of Object.keys(counted.byOrigin) as ReportOrigin[]) next.stats.byOrigin[origin] += counted.byOrigin[origin];
  return next;
}

/** The stored catalogue when there is one of this version (it is current: writes delete it), else null. */
export async function storedCatalogue(db: CorpusDb): Promise<Catalogue | null> {
  const value = (await db.meta.get(CATALOGUE_KEY))?.value as Catalogue | undefined;
  return value?.version === CATALOGUE_VERSION && value.schema === SCHEMA_VERSION ? value : null;
}

/** The stored catalogue when it was computed for this segment format; null otherwise. */
export async function readCatalogue(db: CorpusDb, segmentFormat: string | null): Promise<Catalogue | null> {
  const value = await storedCatalogue(db);
  return value?.segmentFormat === segmentFormat ? value : null;
}

/**
 * Every stored row, read in one read-write transaction that also writes the catalogue when none is stored, so no
 * write can slip between the read and the record. For callers that read every row anyway (an import's duplicate check).
 */
export async function readRowsKeepingCatalogue(
  db: CorpusDb,
  segmentFormat: string | null,
): Promise<{ rows: ReportRow[]; wrote: boolean; stamp: string }> {
  // Read-only first, so a long read of every row never holds up a wake's reads; a read-write pass only when none is stored.
  const seen = await db.transaction('r', [db.reports, db.meta], async () => ({ rows: await db.reports.toArray(), stored: await readCatalogue(db, segmentFormat) }));
  if (seen.stored) return { rows: seen.rows, wrote: false, stamp: seen.stored.stamp };
  return db.transaction('rw', [db.reports, db.indexSegments, db.meta], async () => {
    const rows = await db.reports.toArray();
    const stored = await readCatalogue(db, segmentFormat);
    if (stored) return { rows, wrote: false, stamp: stored.stamp };
    const segmentIds =
      segmentFormat === null
        ? await db.indexSegments.toCollection().primaryKeys()
        : await db.indexSegments.where('format').equals(segmentFormat).primaryKeys();
    const catalogue = catalogueOf(rows, segmentIds, segmentFormat);
    await db.meta.put({ key: CATALOGUE_KEY, value: catalogue });
    return { rows, wrote: true, stamp: catalogue.stamp };
  });
}

/** Writes the catalogue when none is stored (reads every row, no bodies, no segment bytes). True when it wrote one. */
export async function refreshCatalogue(db: CorpusDb, segmentFormat: string | null): Promise<boolean> {
  if (await readCatalogue(db, segmentFormat)) return false;
  return (await readRowsKeepingCatalogue(db, segmentFormat)).wrote;
}
