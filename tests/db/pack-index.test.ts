// Packs carry their index: an export writes it, an import adopts it when it is sound and every analysis is trusted.
import { describe, expect, it, vi } from 'vitest';
import { exportPack, importPack } from '../../utils/corpus/store/import-export';
import { getAnalyzedReports } from '../../utils/corpus/store/index-upkeep';
import type { CorpusDeps } from '../../utils/corpus/store/schema';
import type { CorpusPack } from '../../utils/corpus/types';
import { adoptSegment, decodeIndex, encodeSegment, INDEX_FORMAT, SegmentedIndex } from '../../utils/match/sentence-index';
import { contentTerms } from '../../utils/match/text';
import { deps as stubDeps, makePack, makeReport, openTestDb } from './helpers';

/** The store's dependencies with the real index: segments built and adopted by utils/match. */
function indexDeps(): CorpusDeps & { buildSegment: ReturnType<typeof vi.fn> } {
  return { ...stubDeps, buildSegment: vi.fn(encodeSegment), segmentFormat: INDEX_FORMAT, adoptSegment };
}

/** A pack exported with its analyses and index, from a corpus of these reports. */
async function exported(count: number): Promise<CorpusPack> {
  const source = await openTestDb();
  await importPack(source, JSON.stringify(makePack(Array.from({ length: count }, (_, i) => makeReport(i + 1)))), indexDeps());
  return exportPack(source, {}, indexDeps());
}

async function storedSegments(db: Awaited<ReturnType<typeof openTestDb>>) {
  return (await db.indexSegments.toArray()).map((row) => ({ row, seg: decodeIndex(row.bytes) }));
}

describe('a pack with its index', () => {
  it('is exported with an index over every report, and imported without building one', async () => {
    const pack = await exported(12);
    expect(pack.index?.format).toBe(INDEX_FORMAT);
    const db = await openTestDb();
    const deps = indexDeps();
    const result = await importPack(db, JSON.stringify(pack), deps);
    expect(result.added).toHaveLength(12);
    expect(deps.buildSegment).not.toHaveBeenCalled();
    const [stored] = await storedSegments(db);
    expect(stored!.seg.reports).toEqual(pack.reports.map((report) => report.id));
    // The adopted segment is the one the import would have built.
    expect(stored!.row.bytes).toEqual(encodeSegment(await getAnalyzedReports(db, stored!.seg.reports)));
    // The analyses were stored as the pack carried them: a second export gives the same pack.
    expect(await exportPack(db, {}, indexDeps())).toEqual(pack);
    expect((await db.reports.toArray()).filter((row) => row.origin === 'imported').every((row) => row.segment === stored!.row.id)).toBe(true);
  });

  it('keeps the ids an import gives and leaves out the reports it skips', async () => {
    const pack = await exported(4);
    const db = await openTestDb();
    // r2 is already here (same address), and another report already holds the id r3.
    await importPack(db, JSON.stringify(makePack([makeReport(2), makeReport(40, { id: 'r3' })])), indexDeps());
    const deps = indexDeps();
    const result = await importPack(db, JSON.stringify(pack), deps);
    expect(result.duplicates.map((dup) => dup.id)).toEqual(['r2']);
    expect(result.renamed).toEqual([{ from: 'r3', to: 'r3-2' }]);
    expect(deps.buildSegment).not.toHaveBeenCalled();
    const adopted = (await storedSegments(db)).find(({ seg }) => seg.reports.includes('r3-2'))!;
    expect(adopted.seg.reports).toEqual(['r1', 'r3-2', 'r4']);
    const index = new SegmentedIndex([adopted.seg]);
    const words = contentTerms(makeReport(3).text.split('.')[0]!);
    expect(index.search(words, 1)[0]?.report).toBe('r3-2');
  });

  it('is rebuilt when it is damaged, of another format, or made for analyses this extractor does not trust', async () => {
    const pack = await exported(5);
    const damaged = { ...pack, index: { ...pack.index!, data: `${pack.index!.data.slice(0, 40)}AAAA${pack.index!.data.slice(44)}` } };
    const otherFormat = { ...pack, index: { ...pack.index!, format: 'older' } };
    const notBase64 = { ...pack, index: { ...pack.index!, data: '%%%' } };
    const staleAnalysis = { ...pack, reports: pack.reports.map((report, i) => (i === 2 ? { ...report, analysis: { ...report.analysis!, extractor: 'x0' } } : report)) };
    for (const variant of [damaged, otherFormat, notBase64, staleAnalysis]) {
      const db = await openTestDb();
      const deps = indexDeps();
      const result = await importPack(db, JSON.stringify(variant), deps);
      expect(result.added).toHaveLength(5);
      expect(deps.buildSegment).toHaveBeenCalledTimes(1);
      const [stored] = await storedSegments(db);
      expect(stored!.seg.reports).toEqual(pack.reports.map((report) => report.id));
    }
  });
});
