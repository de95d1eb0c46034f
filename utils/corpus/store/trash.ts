// Deleting with undo: the reader's reports go to the trash, bundled ones are hidden; reset and emptying the trash.
import type { DeleteResult, UndoToken } from '../protocol-types';
import { type CorpusDb, type ReportRow } from './schema';
import { dropBodies } from './bodies';

// ---------------------------------------------------------------------------------------------------------------
// Delete, undo, hide, reset

/**
 * Deletes reports: the reader's reports go to the trash (restorable with undoDelete until emptyTrash),
 * bundled reports are hidden (reset brings them back). One transaction: all of them or none.
 */
export async function deleteReports(db: CorpusDb, ids: readonly string[], now: number = Date.now()): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], hidden: [], missing: [], undo: { deleted: [], hidden: [], at: now } };
  const unique = [...new Set(ids)];
  await db.transaction('rw', [db.reports, db.meta], async () => {
    const rows = await db.reports.bulkGet(unique);
    const changed: ReportRow[] = [];
    rows.forEach((row, index) => {
      const id = unique[index] as string;
      if (!row || row.deletedAt !== 0 || (row.origin === 'bundled' && row.hidden === 1)) {
        result.missing.push(id);
      } else if (row.origin === 'bundled') {
        changed.push({ ...row, hidden: 1 });
        result.hidden.push(id);
      } else {
        changed.push({ ...row, deletedAt: now });
        result.deleted.push(id);
      }
    });
    await db.reports.bulkPut(changed);
  });
  result.undo = { deleted: [...result.deleted], hidden: [...result.hidden], at: now };
  return result;
}

/** Puts back what deleteReports removed. Returns the ids restored (a report deleted again later is left alone). */
export async function undoDelete(db: CorpusDb, token: UndoToken): Promise<string[]> {
  const restored: string[] = [];
  await db.transaction('rw', [db.reports, db.meta], async () => {
    const deleted = await db.reports.bulkGet(token.deleted);
    const hidden = await db.reports.bulkGet(token.hidden);
    const changed: ReportRow[] = [];
    for (const row of deleted) {
      if (row && row.deletedAt === token.at) {
        changed.push({ ...row, deletedAt: 0 });
        restored.push(row.id);
      }
    }
    for (const row of hidden) {
      if (row && row.hidden === 1) {
        changed.push({ ...row, hidden: 0 });
        restored.push(row.id);
      }
    }
    await db.reports.bulkPut(changed);
  });
  return restored;
}

/** Shows every hidden bundled report again. Returns how many came back. */
export async function resetBundled(db: CorpusDb): Promise<number> {
  return db.transaction('rw', [db.reports, db.meta], async () =>
    db.reports
      .where('origin')
      .equals('bundled')
      .and((row) => row.hidden === 1)
      .modify({ hidden: 0 }),
  );
}

/** Removes for good the reports deleted at or before `before` (default: all of the trash). Returns how many. */
export async function emptyTrash(db: CorpusDb, before: number = Number.POSITIVE_INFINITY): Promise<number> {
  return db.transaction('rw', [db.reports, db.bodies, db.bodyGroups, db.meta], async () => {
    const gone = await db.reports.filter((row) => row.deletedAt !== 0 && row.deletedAt <= before).toArray();
    await dropBodies(db, gone);
    await db.reports.bulkDelete(gone.map((row) => row.id));
    return gone.length;
  });
}

