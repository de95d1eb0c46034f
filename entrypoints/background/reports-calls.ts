// Background handlers of the reader's own corpus: save a page, list/get/delete/undo/hide/reset reports, import/export packs.
import { browser } from 'wxt/browser';
import { isQuotaError, quotaMessage } from '../../utils/corpus/database';
import { exportPackJson, importPack, MAX_PACK_BYTES } from '../../utils/corpus/pack-transfer';
import {
  deleteReports,
  findReportByUrl,
  getReport,
  listReports,
  resetBundled,
  saveReport,
  undoDelete,
} from '../../utils/corpus/reports-store';
import { PACK_MESSAGE_LIMIT, type Handlers } from '../../utils/messaging';
import { corpusChanged, corpusDb, CORPUS_DEPS } from './corpus-service';

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
  | 'pack/export';

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

  'pack/import': async ({ text }) => {
    if (typeof text !== 'string') throw new Error('No pack file was sent.');
    if (text.length > Math.min(MAX_PACK_BYTES, PACK_MESSAGE_LIMIT)) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new Error(`The file is too large (${mb(text.length)}); packs up to ${mb(PACK_MESSAGE_LIMIT)} can be imported here. Nothing was imported.`);
    }
    const db = await corpusDb();
    // importPack is all or nothing and already says "disk full" and where a pack is wrong.
    return write('import this pack', () => importPack(db, text, CORPUS_DEPS));
  },

  'pack/export': async (options) => {
    const db = await corpusDb();
    const json = await exportPackJson(db, options ?? {});
    if (json.length > PACK_MESSAGE_LIMIT) {
      throw new Error('The export is too large to hand to this page in one piece; export a selection of reports instead.');
    }
    return json;
  },
};
