// The store with the real pieces: the bundled corpus/pack.json, analyzeArticle and the utils/match index segments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import type { CorpusDeps } from '../../utils/corpus/store/schema';
import { parsePack } from '../../utils/corpus/pack-schema';
import { trustedCompactAnalysis } from '../../utils/corpus/format/pack-read';
import { expandAnalysis } from '../../utils/corpus/format/compact-analysis';
import { exportPack, exportPackJson, importPack } from '../../utils/corpus/store/import-export';
import { articleInputOf } from '../../utils/corpus/store/schema';
import { loadCorpus } from '../../utils/corpus/store/index-upkeep';
import { getReport } from '../../utils/corpus/store/list';
import { decodeIndex, encodeSegment, INDEX_FORMAT } from '../../utils/match/sentence-index';
import { openTestDb } from './helpers';

const parsed = parsePack(JSON.parse(readFileSync(new URL('../../corpus/pack.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const pack = parsed.pack;
const realDeps: CorpusDeps = { analyze: analyzeArticle, extractorVersion: 'test', buildSegment: encodeSegment, segmentFormat: INDEX_FORMAT };

describe('the bundled pack with the real extractor and index', () => {
  it('loads, stores analyses that come back identical, and indexes every report', async () => {
    const db = await openTestDb();
    const result = await ensureBundledPack(db, pack, realDeps);
    expect(result.added).toBe(pack.reports.length);
    const corpus = await loadCorpus(db, realDeps);
    expect(corpus.stale).toEqual([]);
    expect(corpus.reports.map((report) => report.meta.id)).toEqual(pack.reports.map((report) => report.id));
    for (const report of pack.reports) {
      // The compacted, stored analysis expands to exactly what the extractor produced.
      const stored = await getReport(db, report.id);
      expect(stored!.analysis).toEqual(analyzeArticle({ text: report.text, title: report.headline, url: report.url, published: report.published, siteName: report.outlet, byline: report.byline ?? null, lang: null }));
    }
    const segment = decodeIndex(corpus.segments[0]!.bytes);
    expect([...segment.reports].sort()).toEqual(pack.reports.map((report) => report.id).sort());
  });

  it('exports the bundled reports as they are in the pack, and re-imports them as duplicates', async () => {
    const db = await openTestDb();
    await ensureBundledPack(db, pack, realDeps);
    const exported = await exportPack(db);
    expect(exported.reports.map(({ analysis: _analysis, ...report }) => report)).toEqual(pack.reports);
    // Every real analysis passes the shape check an importer runs, and comes back as the extractor made it.
    for (const report of exported.reports) {
      const carried = trustedCompactAnalysis(report, realDeps);
      const analysis = carried && expandAnalysis(carried, report.text);
      expect(analysis, report.id).not.toBeNull();
      expect(analysis).toEqual(realDeps.analyze(articleInputOf(report)));
    }
    const again = await importPack(db, await exportPackJson(db), realDeps);
    expect(again.added).toEqual([]);
    expect(again.duplicates.every((dup) => dup.reason === 'text' && dup.similarity === 1)).toBe(true);
  });
});
