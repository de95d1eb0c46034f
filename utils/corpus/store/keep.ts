// "Keep what I read" in the store: save a checked article as a kept report, then trim kept reports by retention.
import type { ArticleInput } from '../../analysis/types';
import { keepDecision, retentionVictims, type KeepSettings, type Retention } from '../../settings/keep';
import type { CorpusDb, CorpusDeps } from './schema';
import { type SaveResult } from '../protocol-types';
import { saveReport } from './save';
import { dropBodies } from './bodies';

/** What keeping did with a checked article: kept (new or updated), or not kept and why. */
export type KeepOutcome = ({ kept: true } & SaveResult & { trimmed: number }) | { kept: false; reason: string };

/**
 * Keeps a checked article when the reader's settings allow it: saved with `kept` (same URL or nearly the same text
 * updates the existing report), then the retention rule applied. Call after the check, so the page is never its own
 * corroboration on the check that kept it (later checks exclude it by URL and text, see checkArticle).
 */
export async function keepArticle(
  db: CorpusDb,
  page: ArticleInput,
  keep: KeepSettings,
  deps: CorpusDeps,
  now: number = Date.now(),
): Promise<KeepOutcome> {
  const decision = keepDecision(page.url, keep);
  if (!decision.keep) return { kept: false, reason: decision.reason };
  if (!page.text.trim()) return { kept: false, reason: 'The page has no article text.' };
  const saved = await saveReport(db, page, deps, now, { kept: true });
  const trimmed = await applyRetention(db, keep.retention, now, saved.id);
  return { kept: true, ...saved, trimmed };
}

/**
 * Removes for good the kept reports the retention rule no longer allows (by days since last read, or beyond the
 * newest N). Reports the reader saved by hand or imported are never touched; `spare` (the article just kept) stays.
 * Returns how many were removed. Reads through the `kept` index, not the whole table.
 */
export async function applyRetention(db: CorpusDb, retention: Retention, now: number = Date.now(), spare: string | null = null): Promise<number> {
  if (retention.kind === 'forever') return 0;
  return db.transaction('rw', [db.reports, db.bodies, db.bodyGroups, db.meta], async () => {
    const rows = (await db.reports.where('kept').equals(1).toArray()).filter((row) => row.deletedAt === 0 && row.id !== spare);
    const budget: Retention = retention.kind === 'count' && spare ? { kind: 'count', count: Math.max(0, retention.count - 1) } : retention;
    const victims = retentionVictims(rows, budget, now);
    await dropBodies(db, victims);
    await db.reports.bulkDelete(victims.map((row) => row.id));
    return victims.length;
  });
}
