// loadIndex: what a service-worker wake reads (segments and ids, no bodies) agrees with the full loadCorpus.
import { describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../utils/analysis/types';
import { loadCorpus, loadIndex } from '../../utils/corpus/store/index-upkeep';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports } from '../../utils/corpus/store/trash';
import { articleText, deps, openTestDb } from './helpers';

function page(seed: number, url: string): ArticleInput {
  return { text: articleText(seed), title: `Page ${seed}`, url, published: '2022-01-22', siteName: 'Example News', byline: null, lang: 'en' };
}

describe('loadIndex', () => {
  it('lists the live indexed reports with their page keys and the same segments as loadCorpus', async () => {
    const db = await openTestDb();
    const a = await saveReport(db, page(1, 'https://example.com/a'), deps, 1000);
    const b = await saveReport(db, page(2, 'https://example.com/b'), deps, 2000);
    await saveReport(db, page(3, 'https://example.com/a?utm_source=x'), deps, 3000); // updates a
    const index = await loadIndex(db);
    const full = await loadCorpus(db);
    expect(index.reports).toEqual([
      { id: a.id, urlKey: 'example.com/a' },
      { id: b.id, urlKey: 'example.com/b' },
    ]);
    expect(index.segments).toEqual(full.segments);
    expect(index.reports.map((r) => r.id)).toEqual(full.reports.map((r) => r.meta.id));
  });

  it('leaves deleted reports out', async () => {
    const db = await openTestDb();
    const a = await saveReport(db, page(1, 'https://example.com/a'), deps, 1000);
    const b = await saveReport(db, page(2, 'https://example.com/b'), deps, 2000);
    await deleteReports(db, [a.id], 3000);
    expect((await loadIndex(db)).reports.map((r) => r.id)).toEqual([b.id]);
  });
});
