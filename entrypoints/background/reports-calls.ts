// Background handlers of the reader's own corpus: save a page, list/get/delete/undo/hide/reset reports, import/export packs.
import { browser } from 'wxt/browser';
import { isQuotaError, quotaMessage } from '../../utils/corpus/store/schema';
import { MAX_PACK_BYTES } from '../../utils/corpus/format/pack-read';
import { packJson } from '../../utils/corpus/format/pack-write';
import { EXPORT_FILE_REPORTS, exportFiles, exportPack, importPack } from '../../utils/corpus/store/import-export';
import { findReportByUrl, getReport, listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, resetBundled, undoDelete } from '../../utils/corpus/store/trash';
import { PACK_FILE_UNREADABLE, PACK_PART_CHARS, type Handlers, type PackParts } from '../../utils/messaging';
import { analyseInBackground, analysisProgress, corpusChanged, corpusDb, CORPUS_DEPS } from './corpus-service';

/** The calls this file answers. */
export type ReportsCallName =
  | 'report/save'
  | 'report/find'
  | 'report/open'
  | 'reports/get'
  | 'reports/list'
  | 'reports/delete'
  | 'reports/undo'
  | 'reports/hide'
  | 'reports/reset'
  | 'pack/import'
  | 'corpus/progress'
  | 'pack/export'
  | 'pack/export-files'
  | 'pack/put-part'
  | 'pack/get-part';

/** Runs a write and turns the browser's "disk full" into the store's message; the live corpus reloads after it. */
async function write<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(quotaMessage(what), { cause: error });
    throw error;
  } finally {
    // Even a failed write may have been partly seen by a concurrent one; reloading is always safe.
    corpusChanged();
  }
}

/** Plain string arrays only: messages come from our own pages, but a malformed payload must fail clearly. */
function stringIds(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    throw new Error(`${what}: expected a list of report ids.`);
  }
  return value as string[];
}

/** The report viewer's address for a report and, optionally, the sentence to highlight. */
export function viewerPath(id: string, sentence: string | null): string {
  const query = new URLSearchParams({ id });
  if (sentence) query.set('sentence', sentence);
  return `/report.html?${query.toString()}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Large pack files travel in parts (a message is limited to 64 MiB); the parts wait here, in memory, briefly.

interface Transfer {
  parts: (string | undefined)[];
  bytes: number;
  /** Dropped after this moment, so an abandoned transfer does not hold memory for the worker's life. */
  expires: number;
}

/**
 * Characters per part, both ways: exports are cut at it, and an upload may have at most ceil(MAX_PACK_BYTES / it)
 * parts of at most it characters each. Reports per export file ('pack/export-files'), and the largest export file
 * (what an import takes). Tests lower them, to cross part and file boundaries with small packs.
 */
export const transferLimits = { partChars: PACK_PART_CHARS, exportFileReports: EXPORT_FILE_REPORTS, exportMaxChars: MAX_PACK_BYTES };

/** How long the parts of an unfinished transfer are kept. */
const TRANSFER_MS = 5 * 60_000;
const uploads = new Map<string, Transfer>();
const downloads = new Map<string, Transfer>();

function sweep(now = Date.now()): void {
  for (const table of [uploads, downloads]) {
    for (const [id, transfer] of table) if (transfer.expires < now) table.delete(id);
  }
}

/**
 * Stores one part of an upload. One upload at a time: a part of a new transfer drops any other unfinished one, so
 * at most one file's parts (MAX_PACK_BYTES) are ever held. Its count is bounded before anything is allocated.
 */
function putPart(id: unknown, index: unknown, count: unknown, text: unknown): void {
  sweep();
  if (typeof id !== 'string' || !id || typeof text !== 'string') throw new Error('A part of the pack file was malformed. Nothing was imported.');
  if (
    !Number.isInteger(count) ||
    !Number.isInteger(index) ||
    (count as number) < 1 ||
    (count as number) > Math.ceil(MAX_PACK_BYTES / transferLimits.partChars) ||
    (index as number) < 0 ||
    (index as number) >= (count as number) ||
    text.length > transferLimits.partChars
  ) {
    uploads.delete(id);
    throw new Error('A part of the pack file was out of order. Nothing was imported.');
  }
  let upload = uploads.get(id);
  if (!upload) {
    uploads.clear();
    upload = { parts: Array.from<string | undefined>({ length: count as number }), bytes: 0, expires: 0 };
    uploads.set(id, upload);
  }
  if (upload.parts.length !== count) {
    uploads.delete(id);
    throw new Error('The parts of the pack file do not agree on their number. Nothing was imported.');
  }
  upload.bytes += text.length - (upload.parts[index as number]?.length ?? 0);
  upload.parts[index as number] = text;
  upload.expires = Date.now() + TRANSFER_MS;
  if (upload.bytes > MAX_PACK_BYTES) {
    uploads.delete(id);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    throw new Error(`The file is too large; packs up to ${mb(MAX_PACK_BYTES)} can be imported. Nothing was imported.`);
  }
}

/** Uploads waiting for their import call (for tests: at most one). */
export function pendingUploads(): number {
  return uploads.size;
}

function takeUpload(id: string): string {
  const upload = uploads.get(id);
  uploads.delete(id);
  if (!upload || upload.parts.some((part) => part === undefined)) {
    throw new Error('Part of the pack file did not arrive (the extension may have restarted). Nothing was imported; please try again.');
  }
  return upload.parts.join('');
}

function offerDownload(text: string, count: number): PackParts {
  sweep();
  const size = transferLimits.partChars;
  if (text.length <= size) return { text, parts: 1, transfer: null, count };
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  const id = crypto.randomUUID();
  // One export at a time, as for uploads: an earlier unfinished one is dropped.
  downloads.clear();
  downloads.set(id, { parts, bytes: text.length, expires: Date.now() + TRANSFER_MS });
  return { text: parts[0]!, parts: parts.length, transfer: id, count };
}

function takeDownloadPart(id: string, index: number): string {
  const download = downloads.get(id);
  const part = download?.parts[index];
  if (!download || part === undefined || index < 1) {
    throw new Error('Part of the export is no longer available (the extension may have restarted). Please export again.');
  }
  download.parts[index] = undefined;
  download.expires = Date.now() + TRANSFER_MS;
  if (download.parts.every((entry, n) => n === 0 || entry === undefined)) downloads.delete(id);
  return part;
}

/**
 * Reads a pack file that an extension page holds, by its blob: address: a file of hundreds of megabytes is then never
 * copied through messages, which costs seconds per part. Only this extension's own addresses are read.
 */
async function readPageFile(address: string): Promise<Blob> {
  if (!address.startsWith(`blob:${browser.runtime.getURL('')}`)) throw new Error(PACK_FILE_UNREADABLE);
  const response = await fetch(address).catch(() => null);
  if (!response?.ok) throw new Error(PACK_FILE_UNREADABLE);
  return response.blob();
}

/** Handlers for the reader's corpus calls; spread into the background's handler table. */
export const reportsHandlers: Pick<Handlers<unknown>, ReportsCallName> = {
  'report/save': async (article) => {
    const db = await corpusDb();
    // saveReport's own quota handling already says "save this page"; write() covers the rest.
    return write('save this page', () => saveReport(db, article, CORPUS_DEPS));
  },

  'report/find': async ({ url }) => findReportByUrl(await corpusDb(), url),

  'report/open': async ({ id, sentence }) => {
    if (typeof id !== 'string' || !id) throw new Error('No report to open.');
    // The viewer page reads the report itself; the cast is needed because WXT types getURL with bare paths only.
    const url = browser.runtime.getURL(viewerPath(id, sentence) as '/report.html');
    await browser.tabs.create({ url });
    return null;
  },

  'reports/get': async ({ id }) => (await getReport(await corpusDb(), id)) ?? null,

  'reports/list': async (query) => listReports(await corpusDb(), query ?? {}),

  'reports/delete': async ({ ids }) => {
    const db = await corpusDb();
    const list = stringIds(ids, 'Delete');
    return write('delete these reports', () => deleteReports(db, list));
  },

  'reports/undo': async (token) => {
    const db = await corpusDb();
    if (!token || !Array.isArray(token.deleted) || !Array.isArray(token.hidden) || typeof token.at !== 'number') {
      throw new Error('Nothing to undo.');
    }
    return write('undo the delete', () => undoDelete(db, token));
  },

  'reports/hide': async ({ ids }) => {
    const db = await corpusDb();
    const bundled = await listReports(db, { origin: 'bundled', includeHidden: false });
    const wanted = ids === null ? bundled.map((item) => item.id) : stringIds(ids, 'Hide');
    const bundledIds = new Set(bundled.map((item) => item.id));
    // Only bundled reports are hidden; the reader's own reports are deleted instead (with undo).
    const hideable = wanted.filter((id) => bundledIds.has(id));
    return write('hide these reports', () => deleteReports(db, hideable));
  },

  'reports/reset': async () => {
    const db = await corpusDb();
    return write('restore the bundled reports', () => resetBundled(db));
  },

  'pack/put-part': async ({ transfer, index, count, text }) => {
    putPart(transfer, index, count, text);
    return null;
  },

  'pack/import': async ({ text, transfer, file }) => {
    const source =
      typeof text === 'string' ? text : typeof transfer === 'string' ? takeUpload(transfer) : typeof file === 'string' ? await readPageFile(file) : null;
    if (source === null) throw new Error('No pack file was sent.');
    const db = await corpusDb();
    // importPack checks the size, is all or nothing, and already says "disk full" and where a pack is wrong.
    // Reports whose pack carried no trusted analysis are stored at once and analysed afterwards, in batches.
    const result = await write('import this pack', () => importPack(db, source, CORPUS_DEPS, { analysis: 'later' }));
    if (result.pending > 0) void analyseInBackground();
    return result;
  },

  'corpus/progress': async () => analysisProgress(),

  'pack/export': async (options) => {
    const db = await corpusDb();
    const pack = await exportPack(db, options ?? {}, CORPUS_DEPS);
    const json = packJson(pack);
    // A file no import would take is refused here, not discovered by the reader later ('pack/export-files' sizes
    // files to stay under it; only very long reports could still pass it).
    if (json.length > transferLimits.exportMaxChars) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new Error(
        `These ${pack.reports.length} reports make a file of ${mb(json.length)}, over the ${mb(transferLimits.exportMaxChars)} a pack file may hold. Export fewer reports at a time.`,
      );
    }
    return offerDownload(json, pack.reports.length);
  },

  'pack/export-files': async (options) => exportFiles(await corpusDb(), options ?? {}, transferLimits.exportFileReports),

  'pack/get-part': async ({ transfer, index }) => takeDownloadPart(transfer, index),
};
