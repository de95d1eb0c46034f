// Saving a page as the reader's report: the same address or nearly the same text updates it, never duplicates it.
import type { ArticleInput } from '../../analysis/types';
import type { SaveResult } from '../protocol-types';
import { contentHash } from '../format/content-hash';
import { reportOfArticle } from '../format/report-of-article';
import { NEAR_DUPLICATE, sketchSimilarity, textSketch } from '../format/text-sketch';
import { normalizeUrl } from '../format/url-key';
import {
  buildSegments,
  isQuotaError,
  prepareReport,
  quotaMessage,
  reserveSeq,
  type CorpusDb,
  type CorpusDeps,
  type ReportRow,
} from './schema';
import { compactIndex } from './index-upkeep';
import { dropBodies } from './bodies';

// ---------------------------------------------------------------------------------------------------------------
// Save

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
    const id = before?.id ?? `saved-${contentHash(urlKey)}`;
    const report = reportOfArticle(page, id, 'saved');
    const prepared = await prepareReport(report, 'saved', deps, now, sketch);
    prepared.body.sentences = prepared.analyzed.analysis.sentences.map(({ start, end }) => ({ start, end }));
    const segments = await buildSegments([prepared], deps, 'reader', now);

    let outcome: SaveResult | 'retry' = 'retry';
    try {
      outcome = await db.transaction('rw', [db.reports, db.bodies, db.bodyGroups, db.indexSegments, db.meta], async () => {
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
        // An imported report saved again gets its own body record: its old one leaves the import's group.
        if (current?.bodyGroup) await dropBodies(db, [current]);
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
      // The page is stored (the transaction committed): a failed compaction (a full disk) only leaves more, smaller
      // index segments for the next maintenance to merge, so the save is reported as the success it is.
      await compactIndex(db, deps, now).catch((error: unknown) => {
        console.warn('Second Source saved the page but could not compact its index:', error);
      });
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


