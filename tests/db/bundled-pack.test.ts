// The bundled pack: idempotent load, a newer revision replaces bundled reports and never touches the reader's.
import { describe, expect, it, vi } from 'vitest';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import { getMeta } from '../../utils/corpus/store/schema';
import { loadCorpus } from '../../utils/corpus/store/index-upkeep';
import { corpusStats, listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, resetBundled } from '../../utils/corpus/store/trash';
import { importPack } from '../../utils/corpus/store/import-export';
import { decodeStub, deps, makePack, makeReport, openTestDb, snapshot } from './helpers';

const bundled = (seeds: number[], revision: string) =>
  makePack(
    seeds.map((seed) => makeReport(seed, { id: `b${seed}`, origin: 'bundled', url: null })),
    revision,
  );

describe('ensureBundledPack', () => {
  it('loads the pack once: a second load adds nothing and writes nothing', async () => {
    const db = await openTestDb();
    const first = await ensureBundledPack(db, bundled([1, 2, 3], 'rev-a'), deps, 1000);
    expect(first).toMatchObject({ loaded: true, added: 3, replaced: 0, removed: 0 });
    const before = await snapshot(db);
    const second = await ensureBundledPack(db, bundled([1, 2, 3], 'rev-a'), deps, 2000);
    expect(second).toMatchObject({ loaded: false, added: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect((await corpusStats(db)).byOrigin.bundled).toBe(3);
    expect(await getMeta(db, 'bundledRevision')).toBe('rev-a');
  });

  it('indexes the bundled reports in a bundled segment that loadCorpus returns', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, bundled([1, 2], 'rev-a'), deps);
    const corpus = await loadCorpus(db);
    expect(corpus.reports.map((report) => report.meta.id)).toEqual(['b1', 'b2']);
    expect(corpus.segments).toHaveLength(1);
    expect(decodeStub(corpus.segments[0]!.bytes)).toEqual(['b1', 'b2']);
    expect(corpus.stale).toEqual([]);
    // The analysis comes back whole, sentence texts included.
    const analysis = corpus.reports[0]!.analysis;
    expect(analysis.text).toBe(makeReport(1).text);
    expect(analysis.sentences[0]!.text).toBe(analysis.text.slice(analysis.sentences[0]!.start, analysis.sentences[0]!.end));
  });

  it('a newer revision replaces the bundled reports and keeps saved and imported ones untouched', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, bundled([1, 2, 3], 'rev-a'), deps, 1000);
    await saveReport(db, { text: makeReport(50).text, title: 'Saved', url: 'https://a.example/x', published: null, siteName: 'A', byline: null, lang: 'en' }, deps, 2000);
    await importPack(db, JSON.stringify(makePack([makeReport(60)])), deps, { now: 3000 });
    const readerBefore = (await snapshot(db)).reports!.filter((row) => (row as { origin: string }).origin !== 'bundled');
    const readerBodies = (await snapshot(db)).bodies!.filter((row) => !(row as { id: string }).id.startsWith('b'));

    const result = await ensureBundledPack(db, bundled([2, 3, 4], 'rev-b'), deps, 4000);
    expect(result).toMatchObject({ loaded: true, added: 1, replaced: 2, removed: 1 });
    const after = await snapshot(db);
    expect(after.reports!.filter((row) => (row as { origin: string }).origin !== 'bundled')).toEqual(readerBefore);
    expect(after.bodies!.filter((row) => !(row as { id: string }).id.startsWith('b'))).toEqual(readerBodies);
    const ids = (await listReports(db, { origin: 'bundled' })).map((item) => item.id).sort();
    expect(ids).toEqual(['b2', 'b3', 'b4']);
    // The old bundled segment is gone; the reader's segments stay.
    const corpus = await loadCorpus(db);
    const bundledSegments = corpus.segments.filter((segment) => segment.reportIds.some((id) => id.startsWith('b')));
    expect(bundledSegments.map((segment) => decodeStub(segment.bytes))).toEqual([['b2', 'b3', 'b4']]);
    expect(corpus.reports).toHaveLength(5);
    expect(await getMeta(db, 'bundledRevision')).toBe('rev-b');
  });

  it('keeps a hidden bundled report hidden across an update, and reset brings it back', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, bundled([1, 2], 'rev-a'), deps);
    const deleted = await deleteReports(db, ['b1']);
    expect(deleted.hidden).toEqual(['b1']);
    await ensureBundledPack(db, bundled([1, 2, 3], 'rev-b'), deps);
    expect((await corpusStats(db)).byOrigin.bundled).toBe(2);
    expect((await listReports(db)).find((item) => item.id === 'b1')?.hidden).toBe(true);
    expect(await resetBundled(db)).toBe(1);
    expect((await corpusStats(db)).byOrigin.bundled).toBe(3);
  });

  it('loads again when the extractor version changes, without touching reader reports', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, bundled([1], 'rev-a'), deps);
    await saveReport(db, { text: makeReport(9).text, title: null, url: 'https://s.example/1', published: null, siteName: null, byline: null, lang: null }, deps);
    const saved = (await snapshot(db)).reports!.find((row) => (row as { origin: string }).origin === 'saved');
    const again = await ensureBundledPack(db, bundled([1], 'rev-a'), { ...deps, extractorVersion: 'x2' });
    expect(again).toMatchObject({ loaded: true, replaced: 1, added: 0 });
    expect((await db.bodies.get('b1'))?.extractor).toBe('x2');
    expect((await snapshot(db)).reports!.find((row) => (row as { origin: string }).origin === 'saved')).toEqual(saved);
  });

  it('never overwrites a reader report that uses a bundled id', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(7, { id: 'b7' })])), deps);
    const before = await db.reports.get('b7');
    const result = await ensureBundledPack(db, bundled([7, 8], 'rev-a'), deps);
    expect(result.skipped).toEqual(['b7']);
    expect(await db.reports.get('b7')).toEqual(before);
    expect((await db.reports.get('b8'))?.origin).toBe('bundled');
    const corpus = await loadCorpus(db);
    // b7 is indexed by the reader's segment only.
    const owners = corpus.segments.filter((segment) => segment.reportIds.includes('b7') && !segment.ignore.includes('b7'));
    expect(owners).toHaveLength(1);
    // And the next start-up sees nothing to do.
    const state = await snapshot(db);
    expect(await ensureBundledPack(db, bundled([7, 8], 'rev-a'), deps)).toMatchObject({ loaded: false, skipped: ['b7'] });
    expect(await snapshot(db)).toEqual(state);
  });

  it('a quota error during an update says so and leaves the previous revision whole', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, bundled([1, 2], 'rev-a'), deps);
    const before = await snapshot(db);
    const spy = vi.spyOn(db.bodies, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(ensureBundledPack(db, bundled([2, 3], 'rev-b'), deps)).rejects.toThrow(/Not enough storage space to load the bundled reports/);
    spy.mockRestore();
    expect(await snapshot(db)).toEqual(before);
    // The next start-up tries again and succeeds.
    expect(await ensureBundledPack(db, bundled([2, 3], 'rev-b'), deps)).toMatchObject({ loaded: true, added: 1, removed: 1 });
  });
});
