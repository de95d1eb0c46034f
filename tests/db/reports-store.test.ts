// The reader's reports: save (same URL updates), list/search/sort, delete with undo, concurrency, corpus loading.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../utils/analysis/types';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import { normalizeUrl } from '../../utils/corpus/format/url-key';
import { paragraphSpans } from '../../utils/corpus/format/report-of-article';
import { compactIndex, loadCorpus, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { corpusStats, findReportByUrl, getReport, listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, emptyTrash, undoDelete } from '../../utils/corpus/store/trash';
import { articleText, decodeStub, deps, makePack, makeReport, openTestDb, snapshot, uniqueName } from './helpers';

function page(seed: number, url: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return { text: articleText(seed), title: `Page ${seed}`, url, published: '2022-01-22T09:30:00Z', siteName: 'Example News', byline: 'By A. Writer', lang: 'en', ...overrides };
}

describe('normalizeUrl', () => {
  it.each([
    ['https://www.Example.com/a/b/?utm_source=x&b=2&a=1#top', 'example.com/a/b?a=1&b=2'],
    ['http://example.com/a/b', 'example.com/a/b'],
    ['https://example.com/a?fbclid=123', 'example.com/a'],
    ['https://example.com:8080/x', 'example.com:8080/x'],
    ['not a url', 'not a url'],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe('saveReport', () => {
  it('stores the page with its metadata, analysis and an index segment', async () => {
    const db = await openTestDb();
    const result = await saveReport(db, page(1, 'https://www.example.com/story/1'), deps, 5000);
    expect(result.updated).toBe(false);
    const report = (await getReport(db, result.id))!;
    expect(report.meta).toMatchObject({ origin: 'saved', url: 'https://www.example.com/story/1', outlet: 'Example News', headline: 'Page 1', published: '2022-01-22', byline: 'By A. Writer' });
    expect(report.text).toBe(articleText(1));
    expect(report.paragraphs).toEqual(paragraphSpans(articleText(1)));
    expect(report.sentences.length).toBe(30);
    expect(report.analysis!.figures.length).toBeGreaterThanOrEqual(30);
    expect(report.addedAt).toBe(5000);
    const corpus = await loadCorpus(db);
    expect(corpus.segments.map((segment) => decodeStub(segment.bytes))).toEqual([[result.id]]);
  });

  it('saving the same URL again updates the report, never duplicates it', async () => {
    const db = await openTestDb();
    const first = await saveReport(db, page(1, 'https://example.com/story/1'), deps, 1000);
    const second = await saveReport(db, page(2, 'https://www.example.com/story/1/?utm_campaign=z#comments', { title: 'Updated' }), deps, 2000);
    expect(second).toEqual({ id: first.id, updated: true });
    const list = await listReports(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ headline: 'Updated', addedAt: 1000 });
    expect((await getReport(db, first.id))!.text).toBe(articleText(2));
    // The old segment no longer counts for the report; the new one does.
    const corpus = await loadCorpus(db);
    const live = corpus.segments.filter((segment) => !segment.ignore.includes(first.id));
    expect(live).toHaveLength(1);
    expect(corpus.owner.get(first.id)).toBe(live[0]!.id);
  });

  it('updates an imported report with the same URL in place, keeping its origin', async () => {
    const db = await openTestDb();
    const { importPack } = await import('../../utils/corpus/store/import-export');
    await importPack(db, JSON.stringify(makePack([makeReport(5, { url: 'https://example.com/five' })])), deps);
    const saved = await saveReport(db, page(6, 'https://example.com/five'), deps);
    expect(saved).toEqual({ id: 'r5', updated: true });
    expect((await db.reports.get('r5'))!.origin).toBe('imported');
    expect(await db.reports.count()).toBe(1);
  });

  it('refuses a page without a URL or without text, and writes nothing', async () => {
    const db = await openTestDb();
    await expect(saveReport(db, page(1, ''), deps)).rejects.toThrow(/no address/);
    await expect(saveReport(db, page(1, 'https://e.example/x', { text: '  ' }), deps)).rejects.toThrow(/no article text/);
    expect(await db.reports.count()).toBe(0);
  });

  it('two tabs saving the same page at once leave one report', async () => {
    const name = uniqueName();
    const tabA = await openTestDb(name);
    const tabB = await openTestDb(name);
    const results = await Promise.all([
      saveReport(tabA, page(1, 'https://example.com/same'), deps, 1000),
      saveReport(tabB, page(2, 'https://example.com/same?utm_source=tw'), deps, 1001),
      saveReport(tabA, page(3, 'https://example.com/same/'), deps, 1002),
    ]);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => !result.updated).length).toBe(1);
    expect(await tabA.reports.count()).toBe(1);
    expect(await tabA.bodies.count()).toBe(1);
    const corpus = await loadCorpus(tabB);
    expect(corpus.reports).toHaveLength(1);
    // Whichever write came last, its body and its segment agree.
    expect(corpus.segments.filter((segment) => segment.ignore.length === 0)).toHaveLength(1);
  });

  it('two tabs saving different pages at once keep both, with distinct insertion numbers', async () => {
    const name = uniqueName();
    const tabA = await openTestDb(name);
    const tabB = await openTestDb(name);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => saveReport(i % 2 ? tabA : tabB, page(i, `https://example.com/p/${i}`), deps, 1000 + i)),
    );
    const rows = await tabA.reports.toArray();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((row) => row.seq)).size).toBe(10);
    expect(await tabA.bodies.count()).toBe(10);
    expect((await loadCorpus(tabA)).stale).toEqual([]);
  });

  it('recognizes a saved page by its URL, in any spelling', async () => {
    const db = await openTestDb();
    const { id } = await saveReport(db, page(1, 'https://example.com/story/1'), deps);
    expect((await findReportByUrl(db, 'https://www.example.com/story/1?utm_medium=email'))?.id).toBe(id);
    expect(await findReportByUrl(db, 'https://example.com/story/2')).toBeNull();
    await deleteReports(db, [id]);
    expect(await findReportByUrl(db, 'https://example.com/story/1')).toBeNull();
  });
});

describe('listReports', () => {
  async function filled() {
    const db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(1, { id: 'b1', origin: 'bundled', url: null, outlet: 'Dawn', headline: 'Troops at the border' })], 'rev'), deps, 100);
    await saveReport(db, page(2, 'https://x.example/2', { siteName: 'Reuters', title: 'Talks in Geneva' }), deps, 300);
    await saveReport(db, page(3, 'https://x.example/3', { siteName: 'AFP', title: 'Sanctions threatened', text: 'Only 2 figures: 7 ships.' }), deps, 200);
    return db;
  }

  it('lists every report with its origin, figure count and added date, newest first', async () => {
    const db = await filled();
    const list = await listReports(db);
    expect(list.map((item) => [item.headline, item.origin, item.addedAt])).toEqual([
      ['Talks in Geneva', 'saved', 300],
      ['Sanctions threatened', 'saved', 200],
      ['Troops at the border', 'bundled', 100],
    ]);
    expect(list[1]!.figureCount).toBe(2);
  });

  it('searches, filters by origin and sorts', async () => {
    const db = await filled();
    expect((await listReports(db, { search: 'geneva TALKS' })).map((item) => item.headline)).toEqual(['Talks in Geneva']);
    expect((await listReports(db, { search: 'dawn' })).map((item) => item.id)).toEqual(['b1']);
    expect((await listReports(db, { origin: 'bundled' })).map((item) => item.id)).toEqual(['b1']);
    expect((await listReports(db, { origin: 'imported' }))).toEqual([]);
    expect((await listReports(db, { sort: 'outlet' })).map((item) => item.outlet)).toEqual(['AFP', 'Dawn', 'Reuters']);
    expect((await listReports(db, { sort: 'figures', direction: 'asc' })).map((item) => item.figureCount)[0]).toBe(2);
    expect((await listReports(db, { sort: 'added', direction: 'asc' })).map((item) => item.addedAt)).toEqual([100, 200, 300]);
  });
});

describe('delete and undo', () => {
  it('deletes reader reports to the trash and hides bundled ones; undo restores both', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(1, { id: 'b1', origin: 'bundled', url: null })], 'rev'), deps);
    const a = await saveReport(db, page(2, 'https://x.example/a'), deps);
    const b = await saveReport(db, page(3, 'https://x.example/b'), deps);
    const before = await snapshot(db);

    const result = await deleteReports(db, [a.id, 'b1', 'nope'], 9000);
    expect(result.deleted).toEqual([a.id]);
    expect(result.hidden).toEqual(['b1']);
    expect(result.missing).toEqual(['nope']);
    expect((await listReports(db)).map((item) => item.id).sort()).toEqual(['b1', b.id].sort());
    expect(await corpusStats(db)).toEqual({ reports: 1, byOrigin: { bundled: 0, saved: 1, imported: 0 } });
    expect((await loadCorpus(db)).reports.map((report) => report.meta.id)).toEqual([b.id]);

    // The token is plain JSON (it travels in a message).
    const restored = await undoDelete(db, JSON.parse(JSON.stringify(result.undo)));
    expect(restored.sort()).toEqual([a.id, 'b1'].sort());
    expect(await snapshot(db)).toEqual(before);
  });

  it('undo never revives a later deletion, and emptying the trash deletes for good', async () => {
    const db = await openTestDb();
    const a = await saveReport(db, page(2, 'https://x.example/a'), deps);
    const first = await deleteReports(db, [a.id], 1000);
    await undoDelete(db, first.undo);
    await deleteReports(db, [a.id], 2000);
    expect(await undoDelete(db, first.undo)).toEqual([]);
    expect(await listReports(db)).toEqual([]);
    expect(await emptyTrash(db, 1500)).toBe(0);
    expect(await emptyTrash(db)).toBe(1);
    expect(await db.reports.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
  });

  it('saving a deleted page again brings it back as a live report', async () => {
    const db = await openTestDb();
    const a = await saveReport(db, page(2, 'https://x.example/a'), deps);
    await deleteReports(db, [a.id]);
    const again = await saveReport(db, page(4, 'https://x.example/a'), deps);
    expect(again).toEqual({ id: a.id, updated: true });
    expect((await listReports(db)).map((item) => item.id)).toEqual([a.id]);
  });
});

describe('loadCorpus and maintenance', () => {
  it('leaves out bundled reports whose URL the reader also saved', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(1, { id: 'b1', origin: 'bundled', url: 'https://x.example/one' })], 'rev'), deps);
    await saveReport(db, page(2, 'https://x.example/one'), deps);
    const corpus = await loadCorpus(db);
    expect(corpus.reports.map((report) => report.meta.origin)).toEqual(['saved']);
    expect(corpus.segments.find((segment) => segment.reportIds.includes('b1'))).toBeUndefined();
  });

  it('compacts many small reader segments into one, keeping every report indexed once', async () => {
    const db = await openTestDb();
    for (let i = 0; i < 12; i++) await saveReport(db, page(i, `https://x.example/${i}`), deps);
    await saveReport(db, page(99, 'https://x.example/3'), deps); // saved again: its old segment is stale
    expect(await db.indexSegments.count()).toBe(13);
    const removed = await compactIndex(db, deps, Date.now(), true);
    expect(removed).toBe(13);
    const corpus = await loadCorpus(db);
    expect(corpus.segments).toHaveLength(1);
    expect(decodeStub(corpus.segments[0]!.bytes).sort()).toEqual(corpus.reports.map((report) => report.meta.id).sort());
    expect(corpus.segments[0]!.ignore).toEqual([]);
  });

  it('compacts on its own once saves have made many small segments', async () => {
    const db = await openTestDb();
    for (let i = 0; i < 34; i++) await saveReport(db, page(i, `https://x.example/${i}`), deps);
    expect(await db.indexSegments.count()).toBeLessThan(34);
    const corpus = await loadCorpus(db);
    expect(corpus.stale).toEqual([]);
    const indexed = corpus.segments.flatMap((segment) => decodeStub(segment.bytes).filter((id) => !segment.ignore.includes(id)));
    expect(indexed.sort()).toEqual(corpus.reports.map((report) => report.meta.id).sort());
  });

  it('a report deleted before compaction is still indexed after undo', async () => {
    const db = await openTestDb();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await saveReport(db, page(i, `https://x.example/${i}`), deps)).id);
    const deleted = await deleteReports(db, [ids[0]!]);
    await compactIndex(db, deps, Date.now(), true);
    await undoDelete(db, deleted.undo);
    const corpus = await loadCorpus(db);
    expect(corpus.stale).toEqual([]);
    expect(corpus.owner.get(ids[0]!)).toBeDefined();
    expect(await db.indexSegments.count()).toBe(1);
  });

  it('analyses again with a new extractor and rebuilds segments of an old format', async () => {
    const db = await openTestDb();
    const { id } = await saveReport(db, page(1, 'https://x.example/1'), deps);
    const result = await maintainCorpus(db, { ...deps, extractorVersion: 'x2', segmentFormat: 's2' });
    expect(result.reanalyzed).toBe(1);
    expect((await db.bodies.get(id))!.extractor).toBe('x2');
    const corpus = await loadCorpus(db, { segmentFormat: 's2' });
    expect(corpus.stale).toEqual([]);
    expect(corpus.segments.every((segment) => segment.format === 's2')).toBe(true);
    expect(await db.indexSegments.count()).toBe(1);
  });
});
