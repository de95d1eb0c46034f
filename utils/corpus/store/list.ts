// Reading the reader's reports: the "My reports" list (search, filter, sort), one whole report, a page's report, counts.
import type { CorpusStats, ReportListItem, ReportQuery, StoredReport } from '../protocol-types';
import { expandAnalysis } from '../format/compact-analysis';
import { displayTitle, sourceName } from '../format/display-name';
import { normalizeUrl } from '../format/url-key';
import { statsOfRows, storedCatalogue } from './catalogue';
import { metaOfRow, type CorpusDb, type ReportRow } from './schema';
import { rowsWithBodies } from './bodies';

// ---------------------------------------------------------------------------------------------------------------
// Read

function listItem(row: ReportRow): ReportListItem {
  const title = displayTitle(row.headline, row.lead ?? '');
  return {
    id: row.id,
    origin: row.origin,
    url: row.url,
    outlet: row.outlet,
    headline: row.headline,
    published: row.published,
    figureCount: row.figureCount,
    statementCount: row.statementCount,
    addedAt: row.addedAt,
    hidden: row.hidden === 1,
    source: sourceName(row),
    title: title.text,
    titleDerived: title.derived,
  };
}

/** Lists the reports that are not deleted, searched, filtered by origin and sorted. Reads only the light rows. */
export async function listReports(db: CorpusDb, query: ReportQuery = {}): Promise<ReportListItem[]> {
  const origin = query.origin ?? 'all';
  const rows = origin === 'all' ? await db.reports.toArray() : await db.reports.where('origin').equals(origin).toArray();
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (row.deletedAt !== 0) return false;
    if (row.hidden === 1 && query.includeHidden === false) return false;
    if (words.length === 0) return true;
    const haystack = [row.headline ?? row.lead, sourceName(row), row.url, row.byline, row.dateline, row.event].filter(Boolean).join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const sort = query.sort ?? 'added';
  const textual = sort === 'outlet' || sort === 'headline' || sort === 'origin';
  const sign = (query.direction ?? (textual ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
  const key = (row: ReportRow): string | number | null => {
    switch (sort) {
      case 'added':
        return row.addedAt;
      case 'published':
        return row.published;
      case 'outlet':
        return sourceName(row).toLowerCase();
      case 'headline':
        return displayTitle(row.headline, row.lead ?? '').text.toLowerCase();
      case 'figures':
        return row.figureCount;
      case 'origin':
        return row.origin;
    }
  };
  kept.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? a.seq - b.seq : ka === null ? 1 : -1; // missing values last
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return sign * (a.seq - b.seq);
  });
  return kept.map(listItem);
}

/** Reads one report with its text and analysis; undefined when there is no such id. */
export async function getReport(db: CorpusDb, id: string): Promise<StoredReport | undefined> {
  const [[row], [body]] = await rowsWithBodies(db, [id]);
  if (!row || !body) return undefined;
  return {
    meta: metaOfRow(row),
    text: body.text,
    paragraphs: body.paragraphs,
    sentences: body.sentences,
    analysis: body.analysis ? expandAnalysis(body.analysis, body.text) : null,
    addedAt: row.addedAt,
    updatedAt: row.updatedAt,
    hidden: row.hidden === 1,
    deleted: row.deletedAt !== 0,
  };
}

/**
 * The live report (not deleted) for a page address, the reader's own first; null when the page is not in the corpus.
 * The background uses it to recognize a saved page and to keep it from corroborating itself.
 */
export async function findReportByUrl(db: CorpusDb, url: string | null): Promise<ReportListItem | null> {
  const urlKey = normalizeUrl(url);
  if (!urlKey) return null;
  const rows = (await db.reports.where('urlKey').equals(urlKey).toArray()).filter((row) => row.deletedAt === 0);
  rows.sort((a, b) => Number(a.origin === 'bundled') - Number(b.origin === 'bundled') || a.seq - b.seq);
  return rows[0] ? listItem(rows[0]) : null;
}

/** Number of reports in the corpus (not deleted, not hidden), by origin: from the catalogue when one is stored. */
export async function corpusStats(db: CorpusDb): Promise<CorpusStats> {
  return (await storedCatalogue(db))?.stats ?? statsOfRows(await db.reports.toArray());
}
