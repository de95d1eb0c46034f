// Import and export of corpus packs: validated, all-or-nothing import with duplicate detection; stable export.
import {
  buildSegments,
  hashHex,
  isQuotaError,
  metaOfRow,
  NEAR_DUPLICATE,
  normalizeUrl,
  prepareReport,
  quotaMessage,
  reserveSeq,
  sketchSimilarity,
  textSketch,
  unanalyzedRows,
  type BodyRow,
  type CorpusDb,
  type CorpusDeps,
  type PreparedReport,
  type ReportRow,
  type SegmentRow,
} from './database';
import { parsePack } from './pack-schema';
import { checkCompactAnalysis, expandAnalysis } from './compact-analysis';
import { PACK_FORMAT, PACK_VERSION, PACK_VERSIONS, type CorpusPack, type PackReport, type PackVersion, type ReportOrigin } from './types';
import type { ArticleAnalysis } from '../analysis/types';

/** Largest pack file accepted, in bytes (a 10,000-report pack is about 60 MB). */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
/** Most reports one pack may hold. */
export const MAX_PACK_REPORTS = 100_000;
/** Longest report text accepted, in characters. */
export const MAX_REPORT_CHARS = 2_000_000;
export { NEAR_DUPLICATE };

/** A pack that cannot be read or imported. `where` locates the problem ("line 3, column 17", "reports[4].text"). */
export class PackError extends Error {
  readonly where: string | null;
  constructor(message: string, where: string | null = null) {
    super(message);
    this.name = 'PackError';
    this.where = where;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating

/** Line and column (1-based) of a character offset. */
function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `source` (source.length when the text ends too early), -1 when valid.
 * JSON.parse says where it failed only in some engines and some messages, so the reader's "where" comes from here.
 * Iterative, so deeply nested garbage cannot overflow the stack.
 */
export function jsonErrorOffset(source: string): number {
  const stack: string[] = [];
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value';
  let i = 0;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = (): number => {
    // Returns the offset after the closing quote, or -(error offset) - 1.
    for (let j = i + 1; j < source.length; j++) {
      const code = source.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code < 0x20) return -j - 1;
      if (code === 92) {
        const next = source[j + 1];
        if (next === undefined) return -source.length - 1;
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6))) return source.length < j + 6 ? -source.length - 1 : -j - 1;
          j += 5;
        } else if ('"\\/bfnrt'.includes(next)) j++;
        else return -j - 1;
      }
    }
    return -source.length - 1;
  };
  for (;;) {
    while (i < source.length && ' \n\r\t'.includes(source[i]!)) i++;
    if (i >= source.length) return state === 'after' && stack.length === 0 ? -1 : source.length;
    const c = source[i]!;
    if (state === 'value' || state === 'valueOrClose') {
      if (state === 'valueOrClose' && c === ']') {
        stack.pop();
        i++;
        state = 'after';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      } else if (c === '"') {
        const end = string();
        if (end < 0) return -end - 1;
        i = end;
        state = 'after';
      } else {
        number.lastIndex = i;
        const literal = ['true', 'false', 'null'].find((word) => source.startsWith(word, i));
        const match = number.exec(source);
        if (literal) i += literal.length;
        else if (match) i += match[0].length;
        else {
          const partial = ['true', 'false', 'null'].some((word) => word.startsWith(source.slice(i)));
          return partial ? source.length : i;
        }
        state = 'after';
      }
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === '}') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (c !== '"') return i;
      const end = string();
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else if (state === 'colon') {
      if (c !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** Turns a JSON.parse failure into a message saying where the file breaks. */
function jsonError(source: string): PackError {
  let offset = jsonErrorOffset(source);
  if (offset < 0) offset = source.length; // JSON.parse failed where the scanner did not: report the end
  const ended = offset >= source.length;
  const { line, column } = lineColumn(source, offset);
  const where = `line ${line}, column ${column}`;
  if (ended) {
    return new PackError(
      `The file ends in the middle of the pack (after ${source.length} characters, at ${where}): it looks truncated, ` +
        'perhaps by an interrupted download. Nothing was imported.',
      where,
    );
  }
  const near = JSON.stringify(source.slice(Math.max(0, offset - 20), offset + 20));
  return new PackError(`The file is not valid JSON at ${where} (character ${offset + 1}), near ${near}. Nothing was imported.`, where);
}

/**
 * Reads a pack file: size, JSON, format and version, schema, then offsets and ids. Throws a PackError that says
 * what is wrong and where. Pure: touches no database.
 */
export async function readPack(source: string | Blob, maxBytes: number = MAX_PACK_BYTES): Promise<CorpusPack> {
  const size = typeof source === 'string' ? source.length : source.size;
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new PackError(`The file is too large (${mb(size)}); packs up to ${mb(maxBytes)} can be imported. Nothing was imported.`);
  }
  const raw = typeof source === 'string' ? source : await source.text();
  const json = raw.replace(/^\uFEFF/, '');
  if (!json.trim()) throw new PackError('The file is empty. Nothing was imported.');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw jsonError(json);
  }
  return validatePack(value);
}

/** Validates a parsed value as a corpus pack (see readPack). */
export function validatePack(value: unknown): CorpusPack {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PackError('The file is JSON but not a Second Source pack: it should be an object with "format", "version" and "reports".', '(the whole file)');
  }
  const envelope = value as { format?: unknown; version?: unknown };
  if (envelope.format !== PACK_FORMAT) {
    throw new PackError(
      `The file is not a Second Source pack: its "format" is ${JSON.stringify(envelope.format) ?? 'missing'}, expected "${PACK_FORMAT}".`,
      'format',
    );
  }
  if (!PACK_VERSIONS.includes(envelope.version as PackVersion)) {
    const newer = typeof envelope.version === 'number' && envelope.version > PACK_VERSION;
    throw new PackError(
      newer
        ? `This pack is version ${envelope.version}, made by a newer Second Source; this one reads version ${PACK_VERSION}. Update the extension to import it.`
        : `This pack's version is ${JSON.stringify(envelope.version) ?? 'missing'}; this Second Source reads version ${PACK_VERSIONS.join(' and ')} packs.`,
      'version',
    );
  }
  // The pack schema (utils/corpus/pack-schema.ts) checks structure, ids, spans and inferred fields, naming the path.
  const parsed = parsePack(value);
  if (!parsed.ok) {
    const where = /^([^\s:]+):/.exec(parsed.error)?.[1] ?? null;
    throw new PackError(`The pack does not match the pack format: ${parsed.error}. Nothing was imported.`, where);
  }
  const pack = parsed.pack;
  if (pack.reports.length > MAX_PACK_REPORTS) {
    throw new PackError(`The pack holds ${pack.reports.length} reports; at most ${MAX_PACK_REPORTS} can be imported at once. Nothing was imported.`, 'reports');
  }
  const long = pack.reports.findIndex((report) => report.text.length > MAX_REPORT_CHARS);
  if (long >= 0) {
    throw new PackError(
      `reports[${long}].text is ${pack.reports[long]!.text.length} characters long; reports up to ${MAX_REPORT_CHARS} characters can be imported. Nothing was imported.`,
      `reports[${long}].text`,
    );
  }
  return pack;
}

// ---------------------------------------------------------------------------------------------------------------
// Import

export interface ImportDuplicate {
  /** Position in the pack. */
  index: number;
  id: string;
  headline: string | null;
  /** Same page address, or nearly the same text. */
  reason: 'url' | 'text';
  /** Id of the report it duplicates (already stored, or earlier in the same pack). */
  existing: string;
  /** True when `existing` is an earlier report of the same pack. */
  inPack: boolean;
  /** Estimated share of text in common (for reason "text"). */
  similarity: number | null;
}

export interface ImportResult {
  revision: string;
  /** Reports in the pack. */
  total: number;
  /** Ids of the reports stored. */
  added: string[];
  /** Reports skipped as duplicates, each with what it duplicates. */
  duplicates: ImportDuplicate[];
  /** Pack ids already used by a different stored report, and the ids they were stored under. */
  renamed: { from: string; to: string }[];
  /** Reports stored with the analysis the pack carried (its stamp matched the running extractor). */
  trusted: number;
  /** Reports stored without an analysis yet: maintainCorpus analyses and indexes them in the background. */
  pending: number;
  /** One paragraph for the reader. */
  summary: string;
}

interface KnownReport {
  id: string;
  urlKey: string | null;
  sketch: number[];
}

/** A sketch hash shared by more reports than this is common text (a wire lead, boilerplate): it finds no candidates. */
const COMMON_HASH = 64;
/** Sketch hashes a candidate must share before its similarity is estimated (a 0.9 near copy shares ~55 of 64). */
const MIN_SHARED = 16;

/**
 * Finds earlier reports whose text is nearly the same. Candidates are reports sharing many sketch hashes, counted
 * through an inverted list of hashes; hashes common to many reports are skipped so the cost stays linear.
 */
class NearDuplicateIndex {
  private readonly byHash = new Map<number, KnownReport[]>();
  /** Identical sketches (the same text, give or take punctuation and case), however common the text. */
  private readonly bySketch = new Map<string, KnownReport>();
  add(report: KnownReport): void {
    const key = report.sketch.join(',');
    if (!this.bySketch.has(key)) this.bySketch.set(key, report);
    for (const hash of report.sketch) {
      const list = this.byHash.get(hash);
      if (!list) this.byHash.set(hash, [report]);
      else if (list.length <= COMMON_HASH) list.push(report);
    }
  }
  find(sketch: readonly number[]): { report: KnownReport; similarity: number } | null {
    const same = sketch.length > 0 ? this.bySketch.get(sketch.join(',')) : undefined;
    if (same) return { report: same, similarity: 1 };
    const counts = new Map<KnownReport, number>();
    for (const hash of sketch) {
      const list = this.byHash.get(hash);
      if (!list || list.length > COMMON_HASH) continue;
      for (const candidate of list) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
    }
    const needed = Math.min(MIN_SHARED, Math.ceil(sketch.length / 2));
    let best: { report: KnownReport; similarity: number } | null = null;
    for (const [candidate, count] of counts) {
      if (count < needed) continue;
      const similarity = sketchSimilarity(sketch, candidate.sketch);
      if (similarity >= NEAR_DUPLICATE && (!best || similarity > best.similarity)) best = { report: candidate, similarity };
    }
    return best;
  }
}

function summarize(result: Omit<ImportResult, 'summary'>): string {
  const parts = [`Imported ${result.added.length} of ${result.total} report${result.total === 1 ? '' : 's'}.`];
  if (result.duplicates.length > 0) {
    const shown = result.duplicates.slice(0, 5).map((dup) => {
      const what = dup.reason === 'url' ? 'has the same address as' : `has nearly the same text (${Math.round((dup.similarity ?? 1) * 100)}%) as`;
      return `reports[${dup.index}] "${dup.headline ?? dup.id}" ${what} ${dup.inPack ? 'an earlier report in the pack' : 'your report'} ${dup.existing}`;
    });
    const more = result.duplicates.length > 5 ? `; and ${result.duplicates.length - 5} more` : '';
    parts.push(`${result.duplicates.length} skipped as duplicates: ${shown.join('; ')}${more}.`);
  }
  if (result.renamed.length > 0) parts.push(`${result.renamed.length} stored under a new id because the id was taken.`);
  if (result.pending > 0) {
    parts.push(`${result.pending} ${result.pending === 1 ? 'is' : 'are'} being analysed in the background; they join your checks as each batch is done.`);
  }
  return parts.join(' ');
}

export interface ImportOptions {
  now?: number;
  maxBytes?: number;
  /**
   * "now" (default): analyse and index every report before the write, so the import is searchable when it returns.
   * "later": store the reports unanalysed (fast: analysis is most of an import's time) and let maintainCorpus analyse
   * and index them in batches; they join the cross-check as each batch completes.
   * Either way, an analysis the pack carries with the running extractor's stamp is used as it is, and indexed now.
   */
  analysis?: 'now' | 'later';
}

/**
 * The analysis a pack report carries, when it can be trusted: stamped by the running extractor (deps.extractorVersion)
 * and of the shape the matcher relies on. Null means "analyse it again".
 */
export function trustedAnalysis(report: PackReport, deps: Pick<CorpusDeps, 'extractorVersion'>): ArticleAnalysis | null {
  const carried = report.analysis;
  if (!carried || carried.extractor !== (deps.extractorVersion ?? '0')) return null;
  if (checkCompactAnalysis(carried.data, report.text.length) !== null) return null;
  return expandAnalysis(carried.data, report.text);
}

/**
 * Imports a pack (file or JSON text) as the reader's "imported" reports, with analyses and index segments.
 * All or nothing: a file that fails validation, a failed analysis or a storage error (disk full) changes nothing
 * and throws a PackError saying what is wrong and where. Reports already present (same URL, or nearly the same
 * text) are skipped and listed in the result; a pack id already used by another report is stored under a new id.
 */
export async function importPack(
  db: CorpusDb,
  source: string | Blob,
  deps: CorpusDeps,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const pack = await readPack(source, options.maxBytes);
  const now = options.now ?? Date.now();

  // What is stored now (deleted reports count as gone; a clashing one is purged when the import is written).
  const stored = await db.reports.toArray();
  const live = stored.filter((row) => row.deletedAt === 0);
  const takenIds = new Set(live.map((row) => row.id));
  const trash = stored.filter((row) => row.deletedAt !== 0);
  const byUrl = new Map<string, string>();
  const near = new NearDuplicateIndex();
  for (const row of live) {
    if (row.urlKey && !byUrl.has(row.urlKey)) byUrl.set(row.urlKey, row.id);
    near.add({ id: row.id, urlKey: row.urlKey, sketch: row.sketch });
  }
  const packIds = new Set<string>();

  const duplicates: ImportDuplicate[] = [];
  const renamed: { from: string; to: string }[] = [];
  const accepted: { report: PackReport; sketch: number[]; index: number }[] = [];
  pack.reports.forEach((report, index) => {
    const urlKey = normalizeUrl(report.url);
    const sketch = textSketch(report.text);
    const sameUrl = urlKey ? byUrl.get(urlKey) : undefined;
    const dupOf = sameUrl ? null : near.find(sketch);
    if (sameUrl || dupOf) {
      const existing = sameUrl ?? dupOf!.report.id;
      duplicates.push({
        index,
        id: report.id,
        headline: report.headline,
        reason: sameUrl ? 'url' : 'text',
        existing,
        inPack: packIds.has(existing),
        similarity: dupOf ? dupOf.similarity : null,
      });
      return;
    }
    let id = report.id;
    for (let n = 2; takenIds.has(id); n++) id = `${report.id}-${n}`;
    if (id !== report.id) renamed.push({ from: report.id, to: id });
    takenIds.add(id);
    packIds.add(id);
    if (urlKey) byUrl.set(urlKey, id);
    near.add({ id, urlKey, sketch });
    accepted.push({ report: id === report.id ? report : { ...report, id }, sketch, index });
  });

  // Analysis and index building happen before the transaction (IndexedDB transactions cannot wait on them).
  // Carried analyses with the running extractor's stamp are used as they are; the rest are analysed now or later.
  const rows: ReportRow[] = [];
  const bodies: BodyRow[] = [];
  const prepared: PreparedReport[] = [];
  let trusted = 0;
  for (const { report, sketch, index } of accepted) {
    const carried = trustedAnalysis(report, deps);
    if (carried) trusted++;
    if (!carried && options.analysis === 'later') {
      const built = unanalyzedRows(report, 'imported', now, sketch);
      rows.push(built.row);
      bodies.push(built.body);
      continue;
    }
    try {
      prepared.push(await prepareReport(report, 'imported', deps, now, sketch, carried ?? undefined));
    } catch (error) {
      const where = `reports[${index}]`;
      throw new PackError(`${where} ("${report.id}") could not be analysed: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`, where);
    }
  }
  const segments: SegmentRow[] = await buildSegments(prepared, deps, 'reader', now);
  // From here on only the rows are needed: let the full analyses (with sentence texts) be collected.
  rows.push(...prepared.map((entry) => entry.row));
  bodies.push(...prepared.map((entry) => entry.body));
  const pending = rows.length - prepared.length;

  const acceptedIds = new Set(rows.map((row) => row.id));
  const acceptedUrls = new Set(rows.map((row) => row.urlKey).filter((key): key is string => key !== null));
  const purge = trash.filter((row) => acceptedIds.has(row.id) || (row.urlKey !== null && acceptedUrls.has(row.urlKey))).map((row) => row.id);

  try {
    await db.transaction('rw', [db.reports, db.bodies, db.indexSegments, db.meta], async () => {
      const clash = (await db.reports.bulkGet([...acceptedIds])).find((row) => row !== undefined && row.deletedAt === 0);
      const purging = new Set(purge);
      const sameUrl = acceptedUrls.size === 0 ? [] : await db.reports.where('urlKey').anyOf([...acceptedUrls]).toArray();
      const urlClash = sameUrl.find((row) => row.deletedAt === 0 && !purging.has(row.id));
      const changed = clash ?? urlClash;
      // Another tab saved or imported one of these reports after the pack was checked: start again rather than duplicate.
      if (changed) throw new PackError(`The corpus changed while the pack was being read (report ${changed.id} appeared). Nothing was imported; try again.`);
      await db.reports.bulkDelete(purge);
      await db.bodies.bulkDelete(purge);
      const first = await reserveSeq(db, rows.length);
      rows.forEach((row, index) => {
        row.seq = first + index;
      });
      await db.indexSegments.bulkPut(segments);
      await db.reports.bulkPut(rows);
      await db.bodies.bulkPut(bodies);
    });
  } catch (error) {
    if (error instanceof PackError) throw error;
    if (isQuotaError(error)) throw new PackError(quotaMessage(`import ${rows.length} reports`));
    throw new PackError(`The import failed and nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
  }

  // Rows were written unanalysed first, then analysed ones: report them in pack order.
  const order = new Map(accepted.map((entry, position) => [entry.report.id, position]));
  const added = rows.map((row) => row.id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const result = { revision: pack.revision, total: pack.reports.length, added, duplicates, renamed, trusted, pending };
  return { ...result, summary: summarize(result) };
}

// ---------------------------------------------------------------------------------------------------------------
// Export

export interface ExportOptions {
  /** Export exactly these reports (hidden ones included, deleted ones not), in the order they were added. */
  ids?: readonly string[];
  /** Without ids: only these origins. Default all. */
  origins?: readonly ReportOrigin[];
  /** Without ids: include hidden bundled reports. Default false. */
  includeHidden?: boolean;
}

/** A stored report as a pack report, keys in the documented order. */
function packReportOf(row: ReportRow, body: BodyRow): PackReport {
  const meta = metaOfRow(row);
  const report: PackReport = {
    id: meta.id,
    origin: row.packOrigin ?? row.origin,
    url: meta.url,
    outlet: meta.outlet,
    headline: meta.headline,
    published: meta.published,
    dateline: meta.dateline,
    agencies: meta.agencies,
    translatedFrom: meta.translatedFrom,
    event: meta.event,
    inferred: meta.inferred,
    text: body.text,
    paragraphs: body.paragraphs.map(({ start, end }) => ({ start, end })),
    sentences: body.sentences.map(({ start, end }) => ({ start, end })),
  };
  // Optional keys only when stored, placed before the text so the JSON reads metadata first.
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'text') {
      if (meta.eventDate !== undefined) ordered.eventDate = meta.eventDate;
      if (meta.republished !== undefined) ordered.republished = meta.republished;
      if (meta.byline !== undefined) ordered.byline = meta.byline;
    }
    ordered[key] = value;
  }
  // Version 2: the analysis rides along with its extractor's stamp, so an importer on the same version skips the work.
  if (body.analysis && body.extractor) ordered.analysis = { extractor: body.extractor, data: body.analysis };
  return ordered as unknown as PackReport;
}

/**
 * Exports reports as a versioned pack. The revision is a hash of the content, so exporting the same reports
 * twice gives the same file, and exporting a pack just imported into an empty corpus gives the pack back.
 */
export async function exportPack(db: CorpusDb, options: ExportOptions = {}): Promise<CorpusPack> {
  const { rows, bodies } = await db.transaction('r', [db.reports, db.bodies], async () => {
    let rows: ReportRow[];
    if (options.ids) {
      rows = (await db.reports.bulkGet([...new Set(options.ids)])).filter((row): row is ReportRow => row !== undefined);
    } else {
      rows = await db.reports.toArray();
      rows = rows.filter(
        (row) => (options.includeHidden === true || row.hidden === 0) && (!options.origins || options.origins.includes(row.origin)),
      );
    }
    rows = rows.filter((row) => row.deletedAt === 0).sort((a, b) => a.seq - b.seq);
    return { rows, bodies: await db.bodies.bulkGet(rows.map((row) => row.id)) };
  });
  const reports: PackReport[] = [];
  rows.forEach((row, index) => {
    const body = bodies[index];
    if (body) reports.push(packReportOf(row, body));
  });
  return { format: PACK_FORMAT, version: PACK_VERSION, revision: `export-${hashHex(JSON.stringify(reports))}`, reports };
}

/** exportPack as the JSON text of a pack file. */
export async function exportPackJson(db: CorpusDb, options: ExportOptions = {}): Promise<string> {
  return JSON.stringify(await exportPack(db, options));
}
