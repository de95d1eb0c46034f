// The one typed message protocol between the content script, extension pages and the background.
import type { ArticleInput } from './analysis/types';
import type { CheckResult } from './match/types';
// The corpus shapes come from a Dexie-free module: the protocol never imports the store (no import cycle).
import type {
  CorpusStats,
  DeleteResult,
  ExportOptions,
  ImportResult,
  ReportListItem,
  ReportQuery,
  SaveResult,
  StoredReport,
  UndoToken,
} from './corpus/protocol-types';
import type { Correction } from './corrections/corrections';

export type { CorpusStats };

/** Every request the background answers, with its payload and the value of its reply. */
export interface BackgroundCalls {
  /** Corpus size, read from the database. */
  'corpus/stats': { payload: null; value: CorpusStats };
  /** Cross-check an article against the corpus; the reply also says whether the reader wants highlights. */
  analyze: { payload: ArticleInput; value: AnalyzeReply };
  /**
   * Badge count of figures that differ, for the sender's tab; with `problem`, the badge shows "!" and the button's
   * tooltip says why the sidebar could not be shown.
   */
  'badge/set': { payload: { count: number; problem?: string }; value: null };
  /** Open the report viewer on a report, optionally at one sentence. */
  'report/open': { payload: { id: string; sentence: string | null }; value: null };
  /** The sidebar's remembered width (`width` null: read it), or remember a new one; the width stored, or null. */
  'sidebar/width': { payload: { width: number | null }; value: number | null };
  /** The reader's correction of a link: store one, or undo the one of `undo` (its key); every correction stored. */
  'corrections/set': { payload: { correction?: Correction; undo?: string }; value: Correction[] };

  // --- The reader's own corpus ("My reports", the report viewer, the sidebar's save button) ---------------------
  // Handlers: entrypoints/background/reports-calls.ts. Every write makes the background reload its live corpus.
  /**
   * "Keep what I read" turned on in the sidebar after the check: keep this article now, as later ones are kept after
   * their check. Not kept when keeping is off or the site is on the never-keep list (the reason says which).
   */
  'report/keep': { payload: { article: ArticleInput; on: boolean }; value: { kept: boolean; reason: string | null } };
  /**
   * An article the reader opened on a site listed "to keep automatically", read without a click by the thin script the
   * background registers there (entrypoints/auto-keep.ts). Kept by the same rules as a checked article (keeping on,
   * never-keep sites, retention), and only when its site is on the list; the reason says why not.
   */
  'report/auto-keep': { payload: ArticleInput; value: { kept: boolean; reason: string | null } };
  /** Save the page's Readability article as the reader's report; the same URL again updates it. */
  'report/save': { payload: ArticleInput; value: SaveResult };
  /** The live report stored for a page address (the reader's own first), or null: "already in your reports". */
  'report/find': { payload: { url: string }; value: ReportListItem | null };
  /** One whole report for the viewer, or null when there is no such id. */
  'reports/get': { payload: { id: string }; value: StoredReport | null };
  /** Reports for "My reports": searched, filtered and sorted. */
  'reports/list': { payload: ReportQuery; value: ReportListItem[] };
  /** Delete reports (the reader's go to the trash, bundled ones are hidden); the token undoes it. */
  'reports/delete': { payload: { ids: string[] }; value: DeleteResult };
  /** Put back what a delete or hide removed; the ids restored. */
  'reports/undo': { payload: UndoToken; value: string[] };
  /** Hide bundled reports (null: all of them) from checks and the list; reset brings them back. */
  'reports/hide': { payload: { ids: string[] | null }; value: DeleteResult };
  /** Show every hidden bundled report again; how many came back. */
  'reports/reset': { payload: null; value: number };
  /**
   * Import a pack file: all or nothing, duplicates skipped and listed. `file` is the page's blob: address of the file,
   * which the background reads itself (no copy through messages); where it cannot (PACK_FILE_UNREADABLE), small files
   * come as `text`, and a file larger than PACK_PART_CHARS is first sent in parts ('pack/put-part') and named by `transfer`.
   */
  'pack/import': { payload: { text?: string; transfer?: string; file?: string; name: string | null }; value: ImportResult };
  /**
   * Export reports (all, or `ids`) as the JSON text of a pack file, in parts of at most PACK_PART_CHARS:
   * `text` is the first part; when `parts` > 1 the rest come from 'pack/get-part' with the `transfer` id.
   */
  'pack/export': { payload: ExportOptions; value: PackParts };
  /**
   * The ids an export writes, in order, cut into files that each import alone (a pack file holds at most
   * PACK_FILE_LIMIT): the page exports each list with 'pack/export' `ids` and saves one file per list.
   */
  'pack/export-files': { payload: ExportOptions; value: string[][] };
  /** Where the background analysis of imported reports stands (reports done, reports to do); null when none runs. */
  'corpus/progress': { payload: null; value: { done: number; total: number } | null };
  /** One part of a large pack file sent to the background before 'pack/import'. */
  'pack/put-part': { payload: { transfer: string; index: number; count: number; text: string }; value: null };
  /** One later part (index >= 1) of an export. */
  'pack/get-part': { payload: { transfer: string; index: number }; value: string };
  // --- end of the reader's own corpus ------------------------------------------------------------------------------
}

/**
 * Characters of a pack file per message. Chromium refuses messages over 64 MiB once serialized, and escaping a JSON
 * text inside a message can double it, so large packs travel in parts of this size.
 */
export const PACK_PART_CHARS = 16 * 1024 * 1024;

/** The background's answer when it cannot read a pack file by its address: the page then sends the text itself. */
export const PACK_FILE_UNREADABLE = 'The pack file could not be read from its address. Nothing was imported.';

/** Longest article text a message may carry, in characters (a report's own limit, MAX_REPORT_CHARS). */
export const MAX_ARTICLE_CHARS = 2_000_000;

/**
 * Largest pack file a page offers for import: MAX_PACK_BYTES of utils/corpus/pack-transfer.ts (which imports Dexie,
 * so pages do not import it); tests/options/reports-calls.test.ts keeps the two equal.
 */
export const PACK_FILE_LIMIT = 256 * 1024 * 1024;

/** An exported pack file, or its first part. */
export interface PackParts {
  text: string;
  parts: number;
  /** Id for 'pack/get-part' when parts > 1; null otherwise. */
  transfer: string | null;
  /** Reports in the pack. */
  count: number;
}

/**
 * What 'analyze' answers: the check, and the settings the page needs. The content script does not read
 * storage itself: settings sit behind storage's TRUSTED_CONTEXTS level, out of reach of the page's world.
 */
export type AnalyzeReply = CheckResult & { highlights: boolean; /** "Keep what I read" is on. */ keeping: boolean };

export type CallName = keyof BackgroundCalls;

export interface Request<K extends CallName = CallName> {
  channel: 'second-source';
  call: K;
  payload: BackgroundCalls[K]['payload'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function makeRequest<K extends CallName>(call: K, payload: BackgroundCalls[K]['payload']): Request<K> {
  return { channel: 'second-source', call, payload };
}

export function isRequest(message: unknown): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'second-source' &&
    typeof (message as { call?: unknown }).call === 'string'
  );
}

export type Handlers<Context> = {
  [K in CallName]: (payload: BackgroundCalls[K]['payload'], context: Context) => Promise<BackgroundCalls[K]['value']>;
};

/**
 * Runs the handler for a request and wraps its outcome in a serializable reply.
 * Errors become `{ ok: false, error }` with the error's message, never a thrown exception across the channel.
 */
export async function dispatch<Context>(
  handlers: Handlers<Context>,
  request: Request,
  context: Context,
): Promise<Reply<unknown>> {
  // Own keys only: "constructor" or "__proto__" must not reach Object.prototype's functions.
  const handler = Object.hasOwn(handlers, request.call)
    ? (handlers[request.call] as ((p: unknown, c: Context) => Promise<unknown>) | undefined)
    : undefined;
  if (typeof handler !== 'function') return { ok: false, error: `Unknown request "${String(request.call).slice(0, 40)}".` };
  try {
    return { ok: true, value: await handler(request.payload, context) };
  } catch (error) {
    // Clipped: an error may quote a hostile payload, and the reply crosses into a page's world.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.length > 2_000 ? `${message.slice(0, 2_000)}…` : message };
  }
}
