// Where report bodies live: one record each, or, for an import, ten to a record, which IndexedDB writes faster.
import type { BodyGroupRow, BodyRow, CorpusDb, GroupedBody, ReportRow } from './schema';
import { newId } from './schema';

/**
 * Bodies per record when an import writes them. In headless Chromium, 10,000 bodies of about 15 KB took 9.3–9.9 s one
 * to a record and 4.1 s ten to a record (larger records go to files, not the database's log). A cold check reading
 * 60 reports then reads up to 600 bodies; warm checks keep the reports they read in memory.
 */
export const BODY_GROUP_SIZE = 10;

/**
 * Puts the bodies in groups of BODY_GROUP_SIZE and points each row at its group. Rows and bodies are in the same order.
 * Texts go in as UTF-8 bytes: a text with one curly quote is stored two bytes a character otherwise. In headless
 * Chromium, 10,000 bodies in groups wrote in 2.2–2.9 s instead of 3.8 s (plus 0.9–1.1 s of encoding), and reading 60
 * groups took 66–122 ms instead of 184–188 ms, since a check decodes only the texts it asked for. In the bench, the
 * cold answer at 10,000 reports was 1,732 and 2,368 ms against 1,999 and 2,698 ms, in back-to-back pairs.
 */
export function groupBodies(rows: readonly ReportRow[], bodies: readonly BodyRow[], size: number = BODY_GROUP_SIZE): BodyGroupRow[] {
  const groups: BodyGroupRow[] = [];
  const encoder = new TextEncoder();
  for (let start = 0; start < bodies.length; start += size) {
    const members = bodies.slice(start, start + size).map((body): GroupedBody => ({ ...body, text: encoder.encode(body.text) }));
    const group: BodyGroupRow = { id: newId('bodies'), bodies: members };
    for (let index = start; index < start + group.bodies.length; index++) rows[index]!.bodyGroup = group.id;
    groups.push(group);
  }
  return groups;
}

/**
 * The bodies of these rows, in their order (undefined for a missing row or body). A row with a `bodyGroup` has its
 * body in that group, else in its own record. Call inside a transaction that includes `bodies` and `bodyGroups`.
 */
export async function readBodies(db: CorpusDb, rows: readonly (ReportRow | undefined)[]): Promise<(BodyRow | undefined)[]> {
  const singleIds = rows.filter((row): row is ReportRow => row !== undefined && !row.bodyGroup).map((row) => row.id);
  const groupIds = [...new Set(rows.map((row) => row?.bodyGroup).filter((id): id is string => typeof id === 'string'))];
  const [singles, groups] = await Promise.all([
    singleIds.length > 0 ? db.bodies.bulkGet(singleIds) : Promise.resolve([]),
    groupIds.length > 0 ? db.bodyGroups.bulkGet(groupIds) : Promise.resolve([]),
  ]);
  const byId = new Map<string, BodyRow>();
  for (const body of singles) if (body) byId.set(body.id, body);
  const grouped = new Map<string, GroupedBody>();
  for (const group of groups) for (const body of group?.bodies ?? []) grouped.set(`${group!.id}\n${body.id}`, body);
  // A text may begin with a byte-order mark: kept, or every offset into the text would be one off.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return rows.map((row) => {
    if (!row) return undefined;
    if (!row.bodyGroup) return byId.get(row.id);
    const body = grouped.get(`${row.bodyGroup}\n${row.id}`);
    return body && { ...body, text: typeof body.text === 'string' ? body.text : decoder.decode(body.text) };
  });
}

/** The rows with these ids and their bodies, in one read transaction (undefined where there is none). */
export async function rowsWithBodies(db: CorpusDb, ids: readonly string[]): Promise<readonly [(ReportRow | undefined)[], (BodyRow | undefined)[]]> {
  return db.transaction('r', [db.reports, db.bodies, db.bodyGroups], async () => {
    const rows = await db.reports.bulkGet([...ids]);
    return [rows, await readBodies(db, rows)] as const;
  });
}

/**
 * Deletes the bodies of these rows wherever they are: their own records, and their places in groups (a group left
 * empty is deleted). Call inside a rw transaction that includes `bodies` and `bodyGroups`, before the rows change.
 */
export async function dropBodies(db: CorpusDb, rows: readonly (ReportRow | undefined)[]): Promise<void> {
  const present = rows.filter((row): row is ReportRow => row !== undefined);
  if (present.length === 0) return;
  await db.bodies.bulkDelete(present.map((row) => row.id));
  const leaving = new Map<string, Set<string>>();
  for (const row of present) {
    if (!row.bodyGroup) continue;
    const ids = leaving.get(row.bodyGroup) ?? new Set<string>();
    ids.add(row.id);
    leaving.set(row.bodyGroup, ids);
  }
  if (leaving.size === 0) return;
  const kept: BodyGroupRow[] = [];
  const emptied: string[] = [];
  for (const group of await db.bodyGroups.bulkGet([...leaving.keys()])) {
    if (!group) continue;
    const ids = leaving.get(group.id)!;
    const left = group.bodies.filter((body) => !ids.has(body.id));
    if (left.length > 0) kept.push({ id: group.id, bodies: left });
    else emptied.push(group.id);
  }
  await db.bodyGroups.bulkPut(kept);
  await db.bodyGroups.bulkDelete(emptied);
}
