// Schema upgrades: a database filled at every previous version opens with the newest code without losing a row.
import { describe, expect, it } from 'vitest';
import { leadTitle } from '../../utils/corpus/format/display-name';
import { defineSchema, SCHEMA_VERSION, SCHEMA_VERSIONS, type AnalysisRowV1, type ReportRowV1, type SegmentRowV1 } from '../../utils/corpus/store/schema';
import { loadCorpus, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { getReport, listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deps, makeReport, openTestDb, rawDexie, stubAnalyze, uniqueName } from './helpers';

/** Fills a database at schema version 1 with bundled, saved and imported reports, analyses and segments. */
async function fillV1(name: string, count: number): Promise<{ reports: ReportRowV1[]; analyses: AnalysisRowV1[] }> {
  const db = rawDexie(name);
  defineSchema(db, 1);
  await db.open();
  const origins = ['bundled', 'saved', 'imported'] as const;
  const reports: ReportRowV1[] = [];
  const analyses: AnalysisRowV1[] = [];
  for (let i = 0; i < count; i++) {
    const pack = makeReport(i, { origin: origins[i % 3]!, url: i % 3 === 0 ? null : `https://www.site.example/a/${i}/?utm_source=x` });
    const { text, paragraphs, sentences, ...meta } = pack;
    reports.push({ ...meta, text, paragraphs, sentences, addedAt: 1_000 + i, hidden: i === 3 ? 1 : 0 });
    // One report (the last) was never analysed in v1: it must survive without an analysis.
    if (i < count - 1) analyses.push({ id: pack.id, analysis: stubAnalyze({ text, title: null, url: null, published: null, siteName: null, byline: null, lang: null }), extractor: 'x1' });
  }
  const segments: SegmentRowV1[] = [
    { id: 'seg-old', reportIds: reports.slice(0, 10).map((r) => r.id), bytes: new Uint8Array([1, 2, 3]), format: 's1', createdAt: 1 },
    { id: 'seg-new', reportIds: reports.slice(5).map((r) => r.id), bytes: new Uint8Array([4, 5]), format: 's1', createdAt: 2 },
  ];
  await db.table('reports').bulkAdd(reports);
  await db.table('analyses').bulkAdd(analyses);
  await db.table('indexSegments').bulkAdd(segments);
  await db.table('meta').put({ key: 'bundledRevision', value: 'rev-v1' });
  db.close();
  return { reports, analyses };
}

describe('schema upgrades', () => {
  it('lists every version in order, ending at SCHEMA_VERSION', () => {
    expect(SCHEMA_VERSIONS.map((entry) => entry.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    // Every version after the first carries an upgrade function.
    expect(SCHEMA_VERSIONS.slice(1).every((entry) => typeof entry.upgrade === 'function')).toBe(true);
  });

  it('upgrades a full version 1 database to the newest without losing a row', async () => {
    const name = uniqueName();
    const { reports } = await fillV1(name, 40);
    const db = await openTestDb(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['bodies', 'bodyGroups', 'indexSegments', 'meta', 'reports']);

    expect(await db.reports.count()).toBe(40);
    expect(await db.bodies.count()).toBe(40);
    for (const old of reports) {
      const report = await getReport(db, old.id);
      expect(report, old.id).toBeDefined();
      expect(report!.text).toBe(old.text);
      expect(report!.paragraphs).toEqual(old.paragraphs);
      expect(report!.sentences).toEqual(old.sentences);
      expect(report!.meta).toEqual(Object.fromEntries(Object.entries(old).filter(([key]) => !['text', 'paragraphs', 'sentences', 'addedAt', 'hidden'].includes(key))));
      expect(report!.addedAt).toBe(old.addedAt);
      expect(report!.hidden).toBe(old.hidden === 1);
    }
    // The upgrade filled the new fields.
    const row = (await db.reports.get('r1'))!;
    expect(row.urlKey).toBe('site.example/a/1');
    expect(row.figureCount).toBe(stubAnalyze({ text: reports[1]!.text, title: null, url: null, published: null, siteName: null, byline: null, lang: null }).figures.length);
    expect(row.figureCount).toBeGreaterThan(0);
    expect(row.sketch.length).toBeGreaterThan(0);
    expect(row.deletedAt).toBe(0);
    expect((await db.reports.toArray()).sort((a, b) => a.seq - b.seq).map((row) => row.id)).toEqual(reports.map((r) => r.id));
    // The newest segment naming a report owns it; the analysis of the unanalysed report is marked missing.
    expect((await db.reports.get('r7'))!.segment).toBe('seg-new');
    expect((await db.reports.get('r2'))!.segment).toBe('seg-old');
    expect((await db.reports.get('r39'))!.segment).toBe('seg-new');
    expect((await db.bodies.get('r39'))!.analysis).toBeNull();
    expect((await db.indexSegments.get('seg-old'))!.origin).toBe('reader');
    expect((await db.meta.get('bundledRevision'))!.value).toBe('rev-v1');
    expect((await loadCorpus(db)).stale).toContain('r39');
    // maintainCorpus analyses it; the others keep their v1 analysis (same extractor version).
    expect((await maintainCorpus(db, deps)).reanalyzed).toBe(1);
    expect((await db.bodies.get('r39'))!.analysis).not.toBeNull();
    // A page saved again after the upgrade updates its report (found through the new URL key), no duplicate.
    const saved = await saveReport(db, { text: 'New text of page one. It has 5 words.', title: 't', url: 'https://site.example/a/1', published: null, siteName: null, byline: null, lang: null }, deps);
    expect(saved).toEqual({ id: 'r1', updated: true });
    expect((await listReports(db)).length).toBe(40); // the hidden bundled report r3 is listed, flagged hidden
    expect((await listReports(db, { includeHidden: false })).length).toBe(39);
  });

  it('upgrades a full version 2 database to version 3: every report is marked not kept, nothing else changes', async () => {
    const name = uniqueName();
    await fillV1(name, 30);
    // Bring it to version 2 with the version 2 code path, then close it as an older extension would.
    const v2 = rawDexie(name);
    defineSchema(v2, 2);
    await v2.open();
    const before = await v2.table('reports').toArray();
    const bodiesBefore = await v2.table('bodies').toArray();
    expect(before).toHaveLength(30);
    expect(before.every((row: Record<string, unknown>) => !('kept' in row))).toBe(true);
    v2.close();

    const db = await openTestDb(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const after = await db.reports.toArray();
    expect(after.map(({ kept: _kept, lead: _lead, ...rest }) => rest)).toEqual(before);
    expect(after.every((row) => row.kept === 0)).toBe(true);
    // Each row now holds its lead (the title of a report without a headline), taken from its body.
    const first = bodiesBefore.find((body: { id: string }) => body.id === after[0]!.id) as { text: string; sentences: { start: number; end: number }[] };
    expect(after[0]!.lead).toBe(leadTitle(first.text, first.sentences));
    expect(after[0]!.lead.slice(0, 30)).toBe(first.text.slice(0, 30));
    expect(await db.bodies.toArray()).toEqual(bodiesBefore);
    // The new index answers: no report is kept yet.
    expect(await db.reports.where('kept').equals(1).count()).toBe(0);
  });

  it('upgrades a full version 3 database to version 4: the unused indexes go, every row and body stays', async () => {
    const name = uniqueName();
    await fillV1(name, 12);
    const v3 = rawDexie(name);
    defineSchema(v3, 3);
    await v3.open();
    const before = await v3.table('reports').toArray();
    const bodiesBefore = await v3.table('bodies').toArray();
    expect(v3.table('reports').schema.indexes.map((index) => index.name)).toContain('seq');
    v3.close();

    const db = await openTestDb(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.reports.toArray()).toEqual(before);
    expect(await db.bodies.toArray()).toEqual(bodiesBefore);
    expect(db.reports.schema.indexes.map((index) => index.name).sort()).toEqual(['kept', 'origin', 'urlKey']);
    expect(await db.reports.where('origin').equals('bundled').count()).toBeGreaterThan(0);
  });

  it('upgrades an empty version 1 database', async () => {
    const name = uniqueName();
    await fillV1(name, 0);
    const db = await openTestDb(name);
    expect(await db.reports.count()).toBe(0);
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});
