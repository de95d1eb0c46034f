// Import and export of packs: round trip, duplicates, all-or-nothing, clear errors, disk-full.
import { describe, expect, it, vi } from 'vitest';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import { PackError, readPack } from '../../utils/corpus/format/pack-read';
import { exportPack, exportPackJson, importPack } from '../../utils/corpus/store/import-export';
import { loadCorpus, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { refreshCatalogue } from '../../utils/corpus/store/catalogue';
import { SEGMENT_BATCH } from '../../utils/corpus/store/schema';
import { deleteReports, undoDelete } from '../../utils/corpus/store/trash';
import { readBodies } from '../../utils/corpus/store/bodies';
import type { PackReport } from '../../utils/corpus/types';
import { articleText, decodeStub, deps, makePack, makeReport, openTestDb, snapshot } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<PackError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PackError);
  return error as PackError;
}

/** A pack report without the analysis a version 2 pack adds. */
function withoutAnalysis({ analysis: _analysis, ...report }: PackReport): PackReport {
  return report;
}

describe('export and import round trip', () => {
  it('import then export gives the same reports back, and a second round trip the same bytes', async () => {
    const reports = [
      makeReport(1),
      makeReport(2, { origin: 'saved', byline: 'By Someone', eventDate: '2022-01-20' }),
      makeReport(3, { origin: 'bundled', url: null, inferred: [{ field: 'outlet', reason: 'Named in the page footer of the site.' }] }),
    ];
    const pack = makePack(reports, 'newsroom-7');
    const db = await openTestDb();
    const result = await importPack(db, JSON.stringify(pack), deps);
    expect(result.added).toEqual(['r1', 'r2', 'r3']);
    const exported = await exportPack(db);
    expect(exported.format).toBe('second-source-pack');
    // A version 1 pack comes back as version 2: the same reports, each with its analysis stamped by the extractor.
    expect(exported.version).toBe(2);
    expect(exported.reports.map(withoutAnalysis)).toEqual(pack.reports);
    expect(exported.reports.every((report) => report.analysis?.extractor === 'x1')).toBe(true);
    // Keys absent from the imported pack are absent from the export (byline appears only where it was given).
    expect('byline' in exported.reports[0]!).toBe(false);
    expect(exported.reports[1]!.byline).toBe('By Someone');

    const json = await exportPackJson(db);
    const other = await openTestDb();
    await importPack(other, json, deps);
    expect(await exportPackJson(other)).toBe(json);
  });

  it('stores imported reports as "imported" with analyses and one index segment per batch', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1, { origin: 'bundled' }), makeReport(2)])), deps);
    const items = await listReports(db);
    expect(items.map((item) => item.origin)).toEqual(['imported', 'imported']);
    expect(items.every((item) => item.figureCount >= 30)).toBe(true);
    const corpus = await loadCorpus(db);
    expect(corpus.segments.map((segment) => decodeStub(segment.bytes))).toEqual([['r1', 'r2']]);
  });

  it('exports a selection in the order the reports were added, skipping deleted ones', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([1, 2, 3, 4].map((seed) => makeReport(seed)))), deps);
    await deleteReports(db, ['r2']);
    const pack = await exportPack(db, { ids: ['r4', 'r1', 'r2'] });
    expect(pack.reports.map((report) => report.id)).toEqual(['r1', 'r4']);
    expect((await exportPack(db, { origins: ['saved'] })).reports).toEqual([]);
  });

  it('exports bundled reports that are not hidden, and exporting twice gives the same revision', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(1, { id: 'b1', origin: 'bundled', url: null }), makeReport(2, { id: 'b2', origin: 'bundled', url: null })], 'rev'), deps);
    await deleteReports(db, ['b2']);
    const pack = await exportPack(db);
    expect(pack.reports.map((report) => [report.id, report.origin])).toEqual([['b1', 'bundled']]);
    expect((await exportPack(db)).revision).toBe(pack.revision);
    expect((await exportPack(db, { includeHidden: true })).reports).toHaveLength(2);
  });
});

describe('import with analysis later', () => {
  it('stores the reports at once, and maintainCorpus analyses and indexes them in batches', async () => {
    const db = await openTestDb();
    const analyze = vi.fn(deps.analyze);
    const result = await importPack(db, JSON.stringify(makePack([1, 2, 3].map((seed) => makeReport(seed)))), { ...deps, analyze }, { analysis: 'later' });
    expect(result.added).toEqual(['r1', 'r2', 'r3']);
    expect(analyze).not.toHaveBeenCalled();
    expect((await loadCorpus(db)).stale.sort()).toEqual(['r1', 'r2', 'r3']);
    expect((await listReports(db)).map((item) => item.figureCount)).toEqual([0, 0, 0]);

    const progress: [number, number][] = [];
    const done = await maintainCorpus(db, { ...deps, analyze }, { onProgress: (a, b) => progress.push([a, b]) });
    expect(done.reanalyzed).toBe(3);
    expect(analyze).toHaveBeenCalledTimes(3);
    expect(progress).toEqual([[3, 3]]);
    const corpus = await loadCorpus(db);
    expect(corpus.stale).toEqual([]);
    expect(corpus.segments.map((segment) => decodeStub(segment.bytes))).toEqual([['r1', 'r2', 'r3']]);
    expect((await listReports(db)).every((item) => item.figureCount >= 30)).toBe(true);
    // A second run finds nothing to do.
    expect(await maintainCorpus(db, { ...deps, analyze })).toEqual({ reanalyzed: 0, reindexed: 0, compacted: 0, trashEmptied: 0 });
    // The export is the same reports whether they were analysed on import or later.
    expect((await exportPack(db)).reports.map(withoutAnalysis)).toEqual([1, 2, 3].map((seed) => makeReport(seed)));
  });
});

describe('version 2 packs: analyses carried', () => {
  it('trusts an analysis stamped by the running extractor: no analysis at import, the reports indexed at once', async () => {
    const source = await openTestDb();
    await importPack(source, JSON.stringify(makePack([1, 2, 3].map((seed) => makeReport(seed)))), deps);
    const v2 = await exportPackJson(source);

    const db = await openTestDb();
    const analyze = vi.fn(deps.analyze);
    const result = await importPack(db, v2, { ...deps, analyze }, { analysis: 'later' });
    expect(analyze).not.toHaveBeenCalled();
    expect(result).toMatchObject({ added: ['r1', 'r2', 'r3'], trusted: 3, pending: 0 });
    const corpus = await loadCorpus(db);
    expect(corpus.stale).toEqual([]);
    expect(corpus.segments.map((segment) => decodeStub(segment.bytes))).toEqual([['r1', 'r2', 'r3']]);
    // The analyses are the ones the pack carried, and export gives the same pack back byte for byte.
    expect(await exportPackJson(db)).toBe(v2);
  });

  it('analyses again, in the background, what another extractor version stamped or what does not check out', async () => {
    const source = await openTestDb();
    await importPack(source, JSON.stringify(makePack([1, 2, 3].map((seed) => makeReport(seed)))), deps);
    const pack = await exportPack(source);
    pack.reports[0]!.analysis!.extractor = 'x0';
    (pack.reports[1]!.analysis!.data as unknown as { figures: unknown[] }).figures.push({ start: 5, end: 999_999, sentence: 0, text: 'x' });

    const db = await openTestDb();
    const analyze = vi.fn(deps.analyze);
    const result = await importPack(db, JSON.stringify(pack), { ...deps, analyze }, { analysis: 'later' });
    expect(result).toMatchObject({ trusted: 1, pending: 2 });
    expect(result.summary).toBe('Imported 3 of 3 reports. 2 are being analysed in the background; they join your checks as each batch is done.');
    expect(analyze).not.toHaveBeenCalled();
    expect((await loadCorpus(db)).stale.sort()).toEqual(['r1', 'r2']);
    const progress: [number, number][] = [];
    expect((await maintainCorpus(db, { ...deps, analyze }, { onProgress: (a, b) => progress.push([a, b]) })).reanalyzed).toBe(2);
    expect(progress).toEqual([[2, 2]]);
    expect((await loadCorpus(db)).stale).toEqual([]);
    expect((await exportPack(db)).reports).toEqual((await exportPack(source)).reports);
  });

  it('still imports version 1 packs, and analyses them on import by default', async () => {
    const db = await openTestDb();
    const result = await importPack(db, JSON.stringify(makePack([makeReport(4)])), deps);
    expect(result).toMatchObject({ added: ['r4'], trusted: 0, pending: 0 });
    expect((await loadCorpus(db)).stale).toEqual([]);
  });
});

describe('duplicates', () => {
  it('skips reports already stored by URL or nearly the same text, and reports each one', async () => {
    const db = await openTestDb();
    await saveReport(db, { text: articleText(1), title: 'Saved one', url: 'https://news1.example.com/story/1', published: null, siteName: null, byline: null, lang: null }, deps);
    await importPack(db, JSON.stringify(makePack([makeReport(2)])), deps);
    const nearCopy = articleText(2).replace('.', ', the agency said.'); // one sentence changed, same story
    const pack = makePack([
      makeReport(10, { url: 'https://www.news1.example.com/story/1/?utm_source=rss' }), // same address as the saved page
      makeReport(11, { text: nearCopy, url: 'https://other.example/copy' }), // near copy of r2
      makeReport(12), // new
      makeReport(13, { id: 'r13', url: 'https://news5.example.com/story/12' }), // same address as r12, earlier in this pack
    ]);
    const result = await importPack(db, JSON.stringify(pack), deps);
    expect(result.added).toEqual(['r12']);
    expect(result.duplicates.map(({ index, reason, existing, inPack }) => ({ index, reason, existing, inPack }))).toEqual([
      { index: 0, reason: 'url', existing: expect.stringMatching(/^saved-/), inPack: false },
      { index: 1, reason: 'text', existing: 'r2', inPack: false },
      { index: 3, reason: 'url', existing: 'r12', inPack: true },
    ]);
    expect(result.duplicates[1]!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(result.summary).toMatch(/Imported 1 of 4 reports\. 3 skipped as duplicates/);
    expect(await db.reports.count()).toBe(3);
  });

  it('does not take unrelated reports on the same story for duplicates', async () => {
    const db = await openTestDb();
    const result = await importPack(db, JSON.stringify(makePack([1, 2, 3, 4, 5, 6].map((seed) => makeReport(seed, { url: null })))), deps);
    expect(result.duplicates).toEqual([]);
    expect(result.added).toHaveLength(6);
  });

  it('importing the same pack twice adds nothing the second time', async () => {
    const db = await openTestDb();
    const json = JSON.stringify(makePack([1, 2, 3].map((seed) => makeReport(seed))));
    await importPack(db, json, deps);
    const before = await snapshot(db);
    const again = await importPack(db, json, deps);
    expect(again.added).toEqual([]);
    expect(again.duplicates.map((dup) => dup.reason)).toEqual(['url', 'url', 'url']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('stores a report whose id is taken by another report under a new id', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    const result = await importPack(db, JSON.stringify(makePack([makeReport(2, { id: 'r1' })])), deps);
    expect(result.renamed).toEqual([{ from: 'r1', to: 'r1-2' }]);
    expect(result.added).toEqual(['r1-2']);
    expect((await db.reports.get('r1'))!.headline).toBe('Headline number 1');
  });

  it('a report in the trash does not block importing it again', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    const deleted = await deleteReports(db, ['r1']);
    const result = await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    expect(result.added).toEqual(['r1']);
    expect(await db.reports.count()).toBe(1);
    expect(await undoDelete(db, deleted.undo)).toEqual([]); // the trashed copy was replaced by the import
  });
});

describe('index segments of an import', () => {
  it('are few and large: one segment holds more reports than upkeep batches', async () => {
    const db = await openTestDb();
    const count = SEGMENT_BATCH + 200;
    const result = await importPack(db, JSON.stringify(makePack(Array.from({ length: count }, (_, i) => makeReport(1000 + i)))), deps);
    expect(result.added).toHaveLength(count);
    const segments = await db.indexSegments.filter((segment) => segment.origin === 'reader').toArray();
    expect(segments).toHaveLength(1);
    expect(segments[0]!.reportIds).toHaveLength(count);
  });
});

describe('concurrency', () => {
  it('an import refuses when a save lands between its read and its write, even after the catalogue was rewritten', async () => {
    for (const refresh of [false, true]) {
      const db = await openTestDb();
      const url = 'https://news1.example.com/story/1';
      let interrupted = false;
      // Reports are analysed between the import's read of the rows and its write: a save (and a catalogue refresh) lands there.
      const racing: typeof deps = {
        ...deps,
        analyze: async (input) => {
          if (!interrupted) {
            interrupted = true;
            await saveReport(db, { text: articleText(77), title: 'Saved', url, published: null, siteName: null, byline: null, lang: null }, deps);
            if (refresh) expect(await refreshCatalogue(db, deps.segmentFormat ?? null)).toBe(true);
          }
          return deps.analyze(input);
        },
      };
      await expect(importPack(db, JSON.stringify(makePack([makeReport(1), makeReport(2)])), racing)).rejects.toThrow(/corpus changed while the pack was being read/);
      expect((await db.reports.toArray()).map((row) => row.url)).toEqual([url]);
    }
  });

  it('an import never purges a trashed report the reader restored while the pack was being read', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    const deleted = await deleteReports(db, ['r1']);
    const racing: typeof deps = {
      ...deps,
      analyze: async (input) => {
        if ((await db.reports.get('r1'))?.deletedAt !== 0) {
          await undoDelete(db, deleted.undo);
          await refreshCatalogue(db, deps.segmentFormat ?? null);
        }
        return deps.analyze(input);
      },
    };
    // The same address under another id: the trashed r1 would be purged to make room.
    await expect(importPack(db, JSON.stringify(makePack([makeReport(1, { id: 'again' })])), racing)).rejects.toThrow(/corpus changed while the pack was being read/);
    const r1 = await db.reports.get('r1');
    expect(r1?.deletedAt).toBe(0);
    expect((await db.transaction('r', [db.bodies, db.bodyGroups], () => readBodies(db, [r1])))[0]?.text).toBe(makeReport(1).text);
  });

  it('an import with nothing written in between skips its clash checks and still adds every report', async () => {
    const db = await openTestDb();
    const bulkGet = vi.spyOn(db.reports, 'bulkGet');
    const result = await importPack(db, JSON.stringify(makePack([makeReport(1), makeReport(2)])), deps);
    expect(result.added).toEqual(['r1', 'r2']);
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('an import and a save of the same URL at once never leave two reports for it', async () => {
    for (let round = 0; round < 5; round++) {
      const db = await openTestDb();
      const url = 'https://news1.example.com/story/1';
      const outcomes = await Promise.allSettled([
        importPack(db, JSON.stringify(makePack([makeReport(1), makeReport(2)])), deps),
        saveReport(db, { text: articleText(50 + round), title: 'Saved', url, published: null, siteName: null, byline: null, lang: null }, deps),
      ]);
      const rows = (await db.reports.toArray()).filter((row) => row.urlKey === 'news1.example.com/story/1' && row.deletedAt === 0);
      expect(rows).toHaveLength(1);
      // A failed import says why and leaves only the saved page.
      if (outcomes[0].status === 'rejected') {
        expect(String(outcomes[0].reason)).toMatch(/corpus changed while the pack was being read/);
        expect(await db.reports.count()).toBe(1);
      }
      expect(outcomes[1].status).toBe('fulfilled');
    }
  });
});

describe('bad files change nothing and say what is wrong and where', () => {
  async function filledDb() {
    const db = await openTestDb();
    await ensureBundledPack(db, makePack([makeReport(1, { id: 'b1', origin: 'bundled', url: null })], 'rev'), deps);
    await importPack(db, JSON.stringify(makePack([makeReport(2)])), deps);
    return db;
  }

  it('truncated JSON', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    const json = JSON.stringify(makePack([makeReport(3)]), null, 1);
    const error = await rejection(importPack(db, json.slice(0, 700), deps));
    expect(error.message).toMatch(/^The file ends in the middle of report \d+ \(after 700 characters, at line \d+, column \d+\): it looks truncated/);
    expect(error.where).toMatch(/^line \d+, column \d+$/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('invalid JSON in the middle names the line and column', async () => {
    const json = JSON.stringify(makePack([makeReport(3)]), null, 1).replace('"outlet"', '"outlet" x');
    const error = await rejection(readPack(json));
    const line = json.slice(0, json.indexOf(' x')).split('\n').length;
    expect(error.message).toContain(`not valid JSON in report 1, at line ${line}`);
    // The text near the error is shown as it is in the file, without JSON escapes.
    expect(error.message).not.toContain('\\"');
    expect(error.where).toMatch(new RegExp(`^line ${line}, column \\d+$`));
  });

  it.each([
    ['an empty file', '', /file is empty/, null],
    ['JSON that is not an object', '[1,2]', /not a Second Source pack/, '(the whole file)'],
    ['another format', JSON.stringify({ format: 'zip', version: 1, reports: [] }), /"format" is "zip"/, 'format'],
    ['a newer version', JSON.stringify({ ...makePack([]), version: 3 }), /version 3, made by a newer Second Source.*Update the extension/, 'version'],
    ['a missing version', JSON.stringify({ format: 'second-source-pack', revision: 'x', reports: [] }), /version is missing/, 'version'],
    ['a wrong field type', JSON.stringify(makePack([makeReport(1), makeReport(2, { headline: 5 as unknown as string })])), /in report 2: headline: Invalid type/, 'reports[1].headline'],
    ['a span past the text', JSON.stringify(makePack([makeReport(1, { sentences: [{ start: 0, end: 99_999 }] })])), /in report 1 \(“Headline number 1”\): sentences\[0\]\.end: 99999 is past the end of the text/, 'reports[0].sentences[0].end'],
    ['a repeated id', JSON.stringify(makePack([makeReport(1), makeReport(2, { id: 'r1' })])), /in report 2 \(“Headline number 2”\): id: "r1" repeats/, 'reports[1].id'],
  ])('%s', async (_name, json, message, where) => {
    const db = await filledDb();
    const before = await snapshot(db);
    const error = await rejection(importPack(db, json, deps));
    expect(error.message).toMatch(message);
    expect(error.where).toBe(where);
    expect(await snapshot(db)).toEqual(before);
  });

  it('an oversized file is refused before it is read', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    const blob = new Blob([JSON.stringify(makePack([makeReport(3)]))]);
    const text = vi.spyOn(blob, 'text');
    const error = await rejection(importPack(db, blob, deps, { maxBytes: 1000 }));
    expect(error.message).toMatch(/too large \(0\.0 MB\); packs up to 0\.0 MB/);
    expect(text).not.toHaveBeenCalled();
    expect(await snapshot(db)).toEqual(before);
  });

  it('a report the extractor cannot analyse stops the whole import', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    const failing = { ...deps, analyze: (input: Parameters<typeof deps.analyze>[0]) => {
      if (input.title === 'Headline number 5') throw new Error('boom');
      return deps.analyze(input);
    } };
    const error = await rejection(importPack(db, JSON.stringify(makePack([makeReport(4), makeReport(5)])), failing));
    expect(error.message).toMatch(/reports\[1\] \("r5"\) could not be analysed: boom/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('disk full', () => {
  it('a quota error while writing gives a clear message and leaves the database as it was', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    const before = await snapshot(db);
    const spy = vi.spyOn(db.bodies, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(importPack(db, JSON.stringify(makePack([2, 3, 4].map((seed) => makeReport(seed)))), deps));
    spy.mockRestore();
    expect(error.message).toMatch(/^Not enough storage space to import 3 reports.*Nothing was changed/);
    // The segment and report rows written before the failure were rolled back with the transaction.
    expect(await snapshot(db)).toEqual(before);
    // And the database still works.
    expect((await importPack(db, JSON.stringify(makePack([makeReport(2)])), deps)).added).toEqual(['r2']);
  });

  it('a quota error while writing the index leaves the reports out too', async () => {
    const db = await openTestDb();
    await importPack(db, JSON.stringify(makePack([makeReport(1)])), deps);
    const before = await snapshot(db);
    const spy = vi.spyOn(db.indexSegments, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(importPack(db, JSON.stringify(makePack([2, 3, 4].map((seed) => makeReport(seed)))), deps));
    spy.mockRestore();
    expect(error.message).toMatch(/^Not enough storage space to import 3 reports/);
    const after = await snapshot(db);
    expect(after.reports).toEqual(before.reports);
    expect(after.bodies).toEqual(before.bodies);
    expect(after.indexSegments).toEqual(before.indexSegments);
    expect((await importPack(db, JSON.stringify(makePack([makeReport(2)])), deps)).added).toEqual(['r2']);
    expect((await loadCorpus(db)).reports.map((report) => report.meta.id)).toEqual(['r1', 'r2']);
  });

  it('a quota error while saving a page says so and stores nothing', async () => {
    const db = await openTestDb();
    const before = await snapshot(db);
    const spy = vi.spyOn(db.reports, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(
      saveReport(db, { text: articleText(1), title: null, url: 'https://x.example/1', published: null, siteName: null, byline: null, lang: null }, deps),
    ).rejects.toThrow(/Not enough storage space to save this page/);
    spy.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });
});
