// The catalogue: a wake reads one record instead of every row, and no write can leave a stale one behind.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../utils/analysis/types';
import { readCatalogue, refreshCatalogue } from '../../utils/corpus/store/catalogue';
import { importPack } from '../../utils/corpus/store/import-export';
import { loadIndex, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { corpusStats } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, undoDelete } from '../../utils/corpus/store/trash';
import type { CorpusDb } from '../../utils/corpus/store/schema';
import { articleText, deps, makePack, makeReport, openTestDb } from './helpers';

function page(seed: number, url: string): ArticleInput {
  return { text: articleText(seed), title: `Page ${seed}`, url, published: '2022-01-22', siteName: 'Example News', byline: null, lang: 'en' };
}

const FORMAT = { segmentFormat: deps.segmentFormat };

/** A corpus of imported and saved reports, one of them deleted, with a fresh catalogue. */
async function corpusWithCatalogue(): Promise<CorpusDb> {
  const db = await openTestDb();
  await importPack(db, JSON.stringify(makePack([makeReport(1), makeReport(2), makeReport(3, { url: null })])), deps);
  await saveReport(db, page(10, 'https://example.com/a'), deps, 1000);
  const gone = await saveReport(db, page(11, 'https://example.com/b'), deps, 2000);
  await deleteReports(db, [gone.id], 3000);
  expect(await refreshCatalogue(db, deps.segmentFormat ?? null)).toBe(true);
  return db;
}

describe('the catalogue', () => {
  it('gives a wake the same index and counts as a full read of the rows', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1), makeReport(2), makeReport(3, { url: null })])), deps);
    await saveReport(db, page(10, 'https://example.com/a'), deps, 1000);
    const gone = await saveReport(db, page(11, 'https://example.com/b'), deps, 2000);
    await deleteReports(db, [gone.id], 3000);
    const fromRows = await loadIndex(db, FORMAT);
    const statsFromRows = await corpusStats(db);
    expect(fromRows.source).toBe('rows');
    expect(await refreshCatalogue(db, deps.segmentFormat ?? null)).toBe(true);
    const fromCatalogue = await loadIndex(db, FORMAT);
    expect(fromCatalogue.source).toBe('catalogue');
    expect(fromCatalogue.reports).toEqual(fromRows.reports);
    expect(fromCatalogue.segments).toEqual(fromRows.segments);
    expect(fromCatalogue.reports.map((report) => report.id)).not.toContain(gone.id);
    expect(await corpusStats(db)).toEqual(statsFromRows);
    expect(statsFromRows.byOrigin).toEqual({ bundled: 0, saved: 1, imported: 3 });
    // Already current: nothing to write.
    expect(await refreshCatalogue(db, deps.segmentFormat ?? null)).toBe(false);
  });

  it('is dropped by every kind of write, so the next wake sees the change', async () => {
    const writes: [string, (db: CorpusDb) => Promise<unknown>][] = [
      ['save', (db) => saveReport(db, page(12, 'https://example.com/c'), deps, 4000)],
      ['delete', async (db) => deleteReports(db, (await loadIndex(db, FORMAT)).reports.slice(0, 1).map((report) => report.id), 4000)],
      ['undo', async (db) => undoDelete(db, (await deleteReports(db, ['r1'], 4000)).undo)],
      ['maintenance', (db) => maintainCorpus(db, { ...deps, extractorVersion: 'x2' })],
    ];
    for (const [name, write] of writes) {
      const db = await corpusWithCatalogue();
      expect(await readCatalogue(db, deps.segmentFormat ?? null), name).not.toBeNull();
      await write(db);
      const catalogue = await readCatalogue(db, deps.segmentFormat ?? null);
      expect(catalogue, name).toBeNull();
      const index = await loadIndex(db, FORMAT);
      expect(index.source, name).toBe('rows');
    }
  });

  it('is extended by an import, in its own transaction, to what a full read of the rows gives', async () => {
    for (const analysis of ['now', 'later'] as const) {
      const db = await corpusWithCatalogue();
      const result = await importPack(db, JSON.stringify(makePack([makeReport(20), makeReport(21, { url: null }), makeReport(1)])), deps, { analysis });
      expect(result.added).toHaveLength(2);
      const extended = await readCatalogue(db, deps.segmentFormat ?? null);
      expect(extended, analysis).not.toBeNull();
      const fromCatalogue = await loadIndex(db, FORMAT);
      const stats = await corpusStats(db);
      await db.transaction('rw', [db.meta], () => db.meta.delete('catalogue'));
      const fromRows = await loadIndex(db, FORMAT);
      expect(fromRows.source).toBe('rows');
      expect(fromCatalogue.source).toBe('catalogue');
      expect(fromCatalogue.reports, analysis).toEqual(fromRows.reports);
      expect(fromCatalogue.segments, analysis).toEqual(fromRows.segments);
      expect(stats, analysis).toEqual(await corpusStats(db));
      expect(stats.byOrigin.imported).toBe(5);
      // Unanalysed reports are counted but not searchable until their batch is done.
      expect(fromCatalogue.reports.some((report) => report.id === result.added[0])).toBe(analysis === 'now');
    }
  });

  it('is written by an import that found none, from the rows its duplicate check reads anyway', async () => {
    const db = await corpusWithCatalogue();
    await saveReport(db, page(12, 'https://example.com/c'), deps, 4000);
    expect(await readCatalogue(db, deps.segmentFormat ?? null)).toBeNull();
    await importPack(db, JSON.stringify(makePack([makeReport(20)])), deps);
    const fromCatalogue = await loadIndex(db, FORMAT);
    expect(fromCatalogue.source).toBe('catalogue');
    await db.transaction('rw', [db.meta], () => db.meta.delete('catalogue'));
    expect(fromCatalogue.reports).toEqual((await loadIndex(db, FORMAT)).reports);
    expect(fromCatalogue.reports.map((report) => report.id)).toContain('r20');
  });

  it('refuses a write to the reports in a transaction that leaves the catalogue out', async () => {
    const db = await corpusWithCatalogue();
    const row = (await db.reports.toArray())[0]!;
    await expect(db.transaction('rw', [db.reports], () => db.reports.put({ ...row, headline: 'Changed' }))).rejects.toThrow();
    expect((await db.reports.get(row.id))?.headline).toBe(row.headline);
    expect(await readCatalogue(db, deps.segmentFormat ?? null)).not.toBeNull();
  });

  it('survives a write of nothing, which start-up upkeep makes at every wake', async () => {
    const db = await corpusWithCatalogue();
    await db.transaction('rw', [db.indexSegments, db.meta], () => db.indexSegments.bulkDelete([]));
    await db.transaction('rw', [db.reports, db.meta], () => db.reports.bulkPut([]));
    expect(await readCatalogue(db, deps.segmentFormat ?? null)).not.toBeNull();
  });

  it('is not used for another segment format', async () => {
    const db = await corpusWithCatalogue();
    expect(await readCatalogue(db, 'another-format')).toBeNull();
    expect((await loadIndex(db, { segmentFormat: 'another-format' })).source).toBe('rows');
  });
});
