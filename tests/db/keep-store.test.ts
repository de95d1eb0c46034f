// "Keep what I read" in the store: kept reports, updates instead of duplicates, never-keep sites, retention.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../utils/analysis/types';
import { applyRetention, keepArticle } from '../../utils/corpus/store/keep';
import { listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { defaultKeep, type KeepSettings } from '../../utils/settings/keep';
import { articleText, deps, openTestDb } from './helpers';

function page(seed: number, url: string, text: string = articleText(seed)): ArticleInput {
  return { text, title: `Page ${seed}`, url, published: '2022-01-22', siteName: 'Example News', byline: null, lang: 'en' };
}

const ON: KeepSettings = { ...defaultKeep(), enabled: true };

describe('keepArticle', () => {
  it('keeps nothing while keeping is off (the default)', async () => {
    const db = await openTestDb();
    expect(await keepArticle(db, page(1, 'https://a.example/1'), defaultKeep(), deps)).toEqual({ kept: false, reason: 'Keeping is off.' });
    expect(await db.reports.count()).toBe(0);
  });

  it('keeps a checked article as a kept report, and the same URL again updates it', async () => {
    const db = await openTestDb();
    const first = await keepArticle(db, page(1, 'https://a.example/1'), ON, deps, 1000);
    expect(first).toMatchObject({ kept: true, updated: false });
    const again = await keepArticle(db, page(2, 'https://www.a.example/1/?utm_source=x'), ON, deps, 2000);
    expect(again).toMatchObject({ kept: true, updated: true });
    const rows = await db.reports.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kept: 1, origin: 'saved', addedAt: 1000, updatedAt: 2000 });
  });

  it('updates a report of nearly the same text at another address instead of duplicating it', async () => {
    const db = await openTestDb();
    const text = articleText(7);
    await keepArticle(db, page(7, 'https://a.example/story'), ON, deps, 1000);
    const copy = await keepArticle(db, page(7, 'https://amp.b.example/story', `${text}\n\nShared on the B site.`), ON, deps, 2000);
    expect(copy).toMatchObject({ kept: true, updated: true });
    expect(await db.reports.count()).toBe(1);
    // An unrelated text is a new report.
    await keepArticle(db, page(8, 'https://a.example/other'), ON, deps, 3000);
    expect(await db.reports.count()).toBe(2);
  });

  it('never keeps a site on the never-keep list, subdomains included', async () => {
    const db = await openTestDb();
    const keep = { ...ON, neverSites: ['bank.example'] };
    expect(await keepArticle(db, page(1, 'https://www.online.bank.example/news'), keep, deps)).toEqual({
      kept: false,
      reason: 'bank.example is on your list of sites never to keep.',
    });
    expect(await db.reports.count()).toBe(0);
  });

  it('a page the reader saved by hand stays theirs: keeping it again does not make it trimmable', async () => {
    const db = await openTestDb();
    const saved = await saveReport(db, page(1, 'https://a.example/1'), deps, 1000);
    await keepArticle(db, page(1, 'https://a.example/1'), { ...ON, retention: { kind: 'days', days: 1 } }, deps, 2000);
    expect((await db.reports.get(saved.id))!.kept).toBe(0);
    expect(await applyRetention(db, { kind: 'days', days: 1 }, 10 * 86_400_000)).toBe(0);
    expect(await db.reports.count()).toBe(1);
  });
});

describe('retention', () => {
  it('by number: keeps the newest N kept reports, the one just kept always among them', async () => {
    const db = await openTestDb();
    const keep: KeepSettings = { ...ON, retention: { kind: 'count', count: 2 } };
    for (let i = 1; i <= 4; i++) await keepArticle(db, page(i, `https://a.example/${i}`), keep, deps, i * 1000);
    expect((await listReports(db)).map((item) => item.headline).sort()).toEqual(['Page 3', 'Page 4']);
  });

  it('by days since last read: older kept reports go, bodies included', async () => {
    const db = await openTestDb();
    const day = 86_400_000;
    await keepArticle(db, page(1, 'https://a.example/1'), ON, deps, 1 * day);
    await keepArticle(db, page(2, 'https://a.example/2'), ON, deps, 9 * day);
    expect(await applyRetention(db, { kind: 'days', days: 5 }, 10 * day)).toBe(1);
    expect((await listReports(db)).map((item) => item.headline)).toEqual(['Page 2']);
    expect(await db.bodies.count()).toBe(1);
  });
});

describe('names in "My reports"', () => {
  it('lists a report without outlet or headline by its wire agency and its first sentence, never its id', async () => {
    const db = await openTestDb();
    const { importPack } = await import('../../utils/corpus/store/import-export');
    const { makePack, makeReport } = await import('./helpers');
    await importPack(db, JSON.stringify(makePack([makeReport(5, { id: '002_f5573d1949718a5b', outlet: null, headline: null })])), deps);
    const [item] = await listReports(db);
    expect(item).toMatchObject({ source: 'AFP copy', titleDerived: true });
    expect(item!.title.slice(0, 40)).toBe(articleText(5).slice(0, 40));
    expect(JSON.stringify([item!.source, item!.title])).not.toContain('f5573d');
  });
});
