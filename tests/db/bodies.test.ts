// Bodies an import writes ten to a record: every reader finds them, and every writer and deleter keeps them in one place.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../utils/analysis/types';
import { BODY_GROUP_SIZE, readBodies } from '../../utils/corpus/store/bodies';
import { exportPack, importPack } from '../../utils/corpus/store/import-export';
import { getAnalyzedReports, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { getReport } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, emptyTrash } from '../../utils/corpus/store/trash';
import type { CorpusDb } from '../../utils/corpus/store/schema';
import { deps, makePack, makeReport, openTestDb } from './helpers';

const COUNT = 25;
const reports = Array.from({ length: COUNT }, (_, index) => makeReport(index + 1));

async function imported(): Promise<CorpusDb> {
  const db = await openTestDb();
  await importPack(db, JSON.stringify(makePack(reports)), deps);
  return db;
}

/** Where each report's body is stored: 'group' or 'own' (or 'nowhere'), and how many times it is stored. */
async function placesOf(db: CorpusDb, id: string): Promise<string[]> {
  const places: string[] = [];
  if (await db.bodies.get(id)) places.push('own');
  for (const group of await db.bodyGroups.toArray()) if (group.bodies.some((body) => body.id === id)) places.push('group');
  return places;
}

describe('bodies written by an import', () => {
  it('are stored ten to a record, and the viewer, the matcher and the export read each one back', async () => {
    const db = await imported();
    expect(await db.bodyGroups.count()).toBe(Math.ceil(COUNT / BODY_GROUP_SIZE));
    expect(await db.bodies.count()).toBe(0);
    for (const report of reports) {
      expect((await getReport(db, report.id))?.text).toBe(report.text);
      expect(await placesOf(db, report.id)).toEqual(['group']);
    }
    const analysed = await getAnalyzedReports(db, [reports[3]!.id, reports[17]!.id]);
    expect(analysed.map((report) => report.analysis.text)).toEqual([reports[3]!.text, reports[17]!.text]);
    expect((await exportPack(db)).reports.map((report) => report.text)).toEqual(reports.map((report) => report.text));
  });

  it('keep their texts as UTF-8 bytes in the group, and give back every character', async () => {
    const db = await openTestDb();
    const text = `\ufeff${makeReport(90).text} “Prices rose 5% — a record,” she said in Zürich; 北京 answered 😀.`;
    await importPack(db, JSON.stringify(makePack([makeReport(90, { text })])), deps);
    const [group] = await db.bodyGroups.toArray();
    expect(group!.bodies[0]!.text).toBeInstanceOf(Uint8Array);
    expect((await getReport(db, 'r90'))?.text).toBe(text);
  });

  it('leave their group when emptied from the trash, and an emptied group is deleted', async () => {
    const db = await imported();
    const first = reports.slice(0, BODY_GROUP_SIZE).map((report) => report.id);
    await deleteReports(db, [first[0]!, reports[20]!.id], 1000);
    await emptyTrash(db);
    expect(await placesOf(db, first[0]!)).toEqual([]);
    expect(await placesOf(db, reports[20]!.id)).toEqual([]);
    expect((await getReport(db, first[1]!))?.text).toBe(reports[1]!.text);
    expect((await getReport(db, reports[21]!.id))?.text).toBe(reports[21]!.text);
    const groups = await db.bodyGroups.count();
    await deleteReports(db, first.slice(1), 2000);
    await emptyTrash(db);
    expect(await db.bodyGroups.count()).toBe(groups - 1);
  });

  it('move to their own records when a new extractor analyses them again, leaving no copy behind', async () => {
    const db = await imported();
    await maintainCorpus(db, { ...deps, extractorVersion: 'x2' });
    expect(await db.bodyGroups.count()).toBe(0);
    for (const report of reports) {
      expect(await placesOf(db, report.id)).toEqual(['own']);
      expect((await db.reports.get(report.id))?.bodyGroup).toBeUndefined();
    }
    const [row] = await db.reports.bulkGet([reports[0]!.id]);
    const [body] = await db.transaction('r', [db.bodies, db.bodyGroups], () => readBodies(db, [row]));
    expect(body?.extractor).toBe('x2');
  });

  it('move to their own record when the reader saves the same page again', async () => {
    const db = await imported();
    const report = reports[4]!;
    const page: ArticleInput = { text: `${report.text} An update.`, title: 'Again', url: report.url, published: null, siteName: null, byline: null, lang: 'en' };
    const saved = await saveReport(db, page, deps, 5000);
    expect(saved).toEqual({ id: report.id, updated: true });
    expect(await placesOf(db, report.id)).toEqual(['own']);
    expect((await getReport(db, report.id))?.text).toBe(page.text);
    expect((await getReport(db, reports[5]!.id))?.text).toBe(reports[5]!.text);
  });
});
