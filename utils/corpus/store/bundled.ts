// Loads the bundled corpus pack into the database, idempotently, without ever touching the reader's own reports.
import { isQuotaError, quotaMessage, getMeta, buildSegments, prepareReport, reserveSeq } from './schema';
import type { CorpusDb, CorpusDeps, PreparedReport, ReportRow } from './schema';
import type { CorpusPack } from '../types';

export interface BundledLoadResult {
  revision: string;
  /** False when the database already held this revision (nothing was written). */
  loaded: boolean;
  /** Bundled reports new in this revision. */
  added: number;
  /** Bundled reports rewritten (kept ids). */
  replaced: number;
  /** Bundled reports of the previous revision that this one no longer has. */
  removed: number;
  /** Bundled ids not loaded because a report the reader added already uses the id. */
  skipped: string[];
}

/**
 * Makes the database hold exactly the bundled reports of `pack` (call on install, on update, and at start-up).
 *
 * - Idempotent: when the stored revision, extractor version and segment format match and every bundled report is
 *   present, it writes nothing.
 * - A different revision replaces the bundled reports (and their index segments) in one transaction. Reports with
 *   origin "saved" or "imported" are never written or deleted; a bundled id they already use is skipped.
 * - The reader's choice to hide a bundled report survives the update (reset brings hidden reports back).
 */
export async function ensureBundledPack(
  db: CorpusDb,
  pack: CorpusPack,
  deps: CorpusDeps,
  now: number = Date.now(),
): Promise<BundledLoadResult> {
  const extractor = deps.extractorVersion ?? '0';
  const format = deps.segmentFormat ?? '0';
  const packIds = pack.reports.map((report) => report.id);
  if (new Set(packIds).size !== packIds.length) throw new Error('The bundled pack repeats a report id.');

  const [revision, storedExtractor, storedFormat, bundledIds, current] = await Promise.all([
    getMeta<string>(db, 'bundledRevision'),
    getMeta<string>(db, 'bundledExtractor'),
    getMeta<string>(db, 'bundledSegmentFormat'),
    db.reports.where('origin').equals('bundled').primaryKeys(),
    db.reports.bulkGet(packIds),
  ]);
  // A bundled id the reader already uses stays the reader's: it is neither written nor indexed.
  const readerIds = new Set(current.filter((row) => row !== undefined && row.origin !== 'bundled').map((row) => row!.id));
  const unchanged =
    revision === pack.revision &&
    storedExtractor === extractor &&
    storedFormat === format &&
    current.every((row) => row !== undefined) &&
    bundledIds.length === packIds.length - readerIds.size;
  if (unchanged) {
    return { revision: pack.revision, loaded: false, added: 0, replaced: 0, removed: 0, skipped: [...readerIds] };
  }

  // Analysis and index building are async work outside IndexedDB: do them before the transaction opens.
  const prepared: PreparedReport[] = [];
  for (const report of pack.reports) {
    if (!readerIds.has(report.id)) prepared.push(await prepareReport(report, 'bundled', deps, now));
  }
  const segments = await buildSegments(prepared, deps, 'bundled', now);

  const result: BundledLoadResult = {
    revision: pack.revision,
    loaded: true,
    added: 0,
    replaced: 0,
    removed: 0,
    skipped: [...readerIds],
  };
  try {
    await db.transaction('rw', [db.reports, db.bodies, db.indexSegments, db.meta], async () => {
      const existing = new Map(
        (await db.reports.bulkGet(packIds)).filter((row): row is ReportRow => row !== undefined).map((row) => [row.id, row]),
      );
      const oldBundled = await db.reports.where('origin').equals('bundled').primaryKeys();
      const keep = new Set(packIds);
      const gone = oldBundled.filter((id) => !keep.has(id));
      await db.reports.bulkDelete(gone);
      await db.bodies.bulkDelete(gone);
      result.removed = gone.length;

      const raced = prepared.find((entry) => existing.get(entry.row.id)?.origin !== undefined && existing.get(entry.row.id)?.origin !== 'bundled');
      // The reader took a bundled id between the read above and this transaction: stop rather than overwrite.
      if (raced) throw new Error(`Report ${raced.row.id} was added by the reader while the bundled pack loaded; try again.`);
      const writable = prepared;
      const fresh = writable.filter((entry) => !existing.has(entry.row.id));
      let seq = await reserveSeq(db, fresh.length);
      for (const entry of writable) {
        const old = existing.get(entry.row.id);
        if (old) {
          entry.row.addedAt = old.addedAt;
          entry.row.seq = old.seq;
          entry.row.hidden = old.hidden;
          result.replaced++;
        } else {
          entry.row.seq = seq++;
          result.added++;
        }
      }
      const oldSegments = await db.indexSegments.filter((segment) => segment.origin === 'bundled').primaryKeys();
      await db.indexSegments.bulkDelete(oldSegments);
      await db.indexSegments.bulkPut(segments);
      await db.reports.bulkPut(writable.map((entry) => entry.row));
      await db.bodies.bulkPut(writable.map((entry) => entry.body));
      await db.meta.bulkPut([
        { key: 'bundledRevision', value: pack.revision },
        { key: 'bundledExtractor', value: extractor },
        { key: 'bundledSegmentFormat', value: format },
      ]);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new Error(quotaMessage('load the bundled reports'), { cause: error });
    throw error;
  }
  return result;
}
