// Who may make which background call, and what a payload may hold: least authority for the message protocol.
import * as v from 'valibot';
import { MAX_ARTICLE_CHARS, PACK_FILE_LIMIT, PACK_PART_CHARS, type CallName } from './messaging';

/**
 * Where a message comes from. "extension": one of our own pages or the service worker (its URL lies under the
 * extension's base URL). "content": our content script in a web page's tab; its world is isolated, but the page is
 * hostile ground, so it gets only what a page's own sidebar needs. Anything else is refused outright.
 */
export type Caller = { kind: 'extension' } | { kind: 'content'; tabId: number; url: string } | { kind: 'unknown' };

/** The parts of `runtime.MessageSender` the policy reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * Classifies a sender. `self.id` is runtime.id and `self.base` runtime.getURL('') ("chrome-extension://<id>/").
 * An extension page's URL starts with the base; a content script's URL is the page's. Chrome also gives `origin`,
 * which a page cannot forge either way; when present it must agree with the URL.
 */
export function callerOf(sender: SenderFacts, self: { id: string; base: string }): Caller {
  if (sender.id !== self.id || typeof sender.url !== 'string') return { kind: 'unknown' };
  // The base URL minus its slash: URL's parser gives "null" as the origin of a non-web scheme in some engines.
  const baseOrigin = self.base.replace(/\/$/, '');
  if (sender.url.startsWith(self.base)) {
    if (sender.origin !== undefined && sender.origin !== baseOrigin) return { kind: 'unknown' };
    return { kind: 'extension' };
  }
  const tabId = sender.tab?.id;
  // Only the top frame: the content script is never injected into frames, so a message from one is not ours.
  if (tabId === undefined || tabId < 0 || (sender.frameId ?? 0) !== 0) return { kind: 'unknown' };
  if (sender.origin !== undefined && sender.origin === baseOrigin) return { kind: 'unknown' };
  return { kind: 'content', tabId, url: sender.url };
}

/** Calls a content script may make: what the sidebar of its own page needs, and nothing of the reader's corpus. */
export const CONTENT_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'analyze',
  'badge/set',
  'corpus/stats',
  'report/open',
  'report/save',
  'report/find',
  // The sidebar's "Keep what I read" switch (a page keeps only its own address).
  'report/keep',
  // The automatic keeping script on a listed site (its own address only, like the switch).
  'report/auto-keep',
  // The sidebar's own state: its width and the reader's corrections of its links (storage is closed to content scripts).
  'sidebar/width',
  'corrections/set',
]);

/** A page address without its fragment (the fragment is the page's own client-side state). */
export function pageAddress(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Null when `caller` may make `call` with `payload`, else why not. Content scripts: only CONTENT_CALLS, and a
 * report saved or looked up must be the sender's own page. Extension pages: every call.
 */
export function authorize(call: CallName, payload: unknown, caller: Caller): string | null {
  if (caller.kind === 'unknown') return `"${clip(call, 40)}" was refused: the sender is not part of Second Source.`;
  if (caller.kind === 'extension') return null;
  if (!CONTENT_CALLS.has(call)) return `"${clip(call, 40)}" was refused: only Second Source's own pages may make this call.`;
  if (call === 'report/save' || call === 'report/find' || call === 'report/keep' || call === 'report/auto-keep') {
    const asked = call === 'report/keep' ? (payload as { article?: unknown } | null)?.article : payload;
    const url = (asked as { url?: unknown } | null)?.url;
    if (typeof url !== 'string' || pageAddress(url) !== pageAddress(caller.url)) {
      return `"${call}" was refused: a page may save or look up only its own address.`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Payload shapes and size limits. Each is far above what the extension itself sends and far below what would hurt.

export { MAX_ARTICLE_CHARS };
/** Longest URL accepted. */
export const MAX_URL_CHARS = 8_192;
/** Longest short field (title, outlet, byline, file name, search words). */
export const MAX_FIELD_CHARS = 4_096;
/** Longest report id. */
export const MAX_ID_CHARS = 512;
/** Most ids in one delete, hide, undo or export (a pack's own limit, MAX_PACK_REPORTS, plus the bundled reports). */
export const MAX_IDS = 120_000;
/** Parts an upload may have: the largest pack file in parts of PACK_PART_CHARS. */
export const MAX_UPLOAD_PARTS = Math.ceil(PACK_FILE_LIMIT / PACK_PART_CHARS);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// Missing counts as null: some transports (executeScript's args) drop null members.
const nullableText = (max: number) => v.nullish(text(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_CHARS));
const ids = v.pipe(v.array(id), v.maxLength(MAX_IDS));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const empty = v.nullish(v.null());
const origin = v.picklist(['bundled', 'saved', 'imported']);
const exportOptions = v.nullish(v.object({ ids: v.optional(ids), origins: v.optional(v.array(origin)), includeHidden: v.optional(v.boolean()) }));

const Article = v.object({
  text: text(MAX_ARTICLE_CHARS),
  title: nullableText(MAX_FIELD_CHARS),
  url: nullableText(MAX_URL_CHARS),
  published: nullableText(64),
  siteName: nullableText(MAX_FIELD_CHARS),
  byline: nullableText(MAX_FIELD_CHARS),
  lang: nullableText(64),
});

const CorrectionSide = v.object({ doc: text(MAX_URL_CHARS), text: text(MAX_FIELD_CHARS * 4), label: text(MAX_FIELD_CHARS) });
const Correction = v.object({
  key: text(MAX_URL_CHARS * 2 + MAX_FIELD_CHARS * 8),
  kind: v.picklist(['figure', 'statement']),
  decision: v.picklist(['different', 'same']),
  at: text(64),
  a: CorrectionSide,
  b: CorrectionSide,
});

const PAYLOADS: Record<CallName, v.GenericSchema> = {
  'corpus/stats': empty,
  analyze: Article,
  'badge/set': v.object({ count: count(1_000_000), problem: v.optional(text(500)) }),
  'report/open': v.object({ id, sentence: nullableText(MAX_ARTICLE_CHARS) }),
  'sidebar/width': v.object({ width: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000))) }),
  'corrections/set': v.object({ correction: v.optional(Correction), undo: v.optional(text(MAX_URL_CHARS * 2 + MAX_FIELD_CHARS * 8)) }),
  'report/save': Article,
  'report/find': v.object({ url: text(MAX_URL_CHARS) }),
  'report/keep': v.object({ article: Article, on: v.boolean() }),
  'report/auto-keep': Article,
  'corpus/progress': empty,
  'reports/get': v.object({ id }),
  'reports/list': v.nullish(
    v.object({
      search: v.optional(text(MAX_FIELD_CHARS)),
      origin: v.optional(v.picklist(['bundled', 'saved', 'imported', 'all'])),
      sort: v.optional(v.picklist(['added', 'published', 'outlet', 'headline', 'figures', 'origin'])),
      direction: v.optional(v.picklist(['asc', 'desc'])),
      includeHidden: v.optional(v.boolean()),
    }),
  ),
  'reports/delete': v.object({ ids }),
  'reports/undo': v.object({ deleted: ids, hidden: ids, at: v.pipe(v.number(), v.finite()) }),
  'reports/hide': v.object({ ids: v.nullable(ids) }),
  'reports/reset': empty,
  'pack/import': v.object({
    text: v.optional(text(PACK_PART_CHARS)),
    transfer: v.optional(text(MAX_ID_CHARS)),
    file: v.optional(text(MAX_ID_CHARS)),
    name: nullableText(MAX_FIELD_CHARS),
  }),
  'pack/export': exportOptions,
  'pack/export-files': exportOptions,
  'pack/put-part': v.object({
    transfer: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_CHARS)),
    index: count(MAX_UPLOAD_PARTS - 1),
    count: v.pipe(count(MAX_UPLOAD_PARTS), v.minValue(1)),
    text: text(PACK_PART_CHARS),
  }),
  'pack/get-part': v.object({ transfer: text(MAX_ID_CHARS), index: count(MAX_UPLOAD_PARTS * 16) }),
};

/**
 * Null when the payload has the call's shape and sizes, else a short reason naming the field. The reason never
 * quotes the payload: it may be huge or hostile. Unknown keys are tolerated (valibot's object drops them).
 */
export function checkPayload(call: CallName, payload: unknown): string | null {
  // Own keys only: "constructor" or "__proto__" would find Object.prototype's members.
  const schema = Object.hasOwn(PAYLOADS, call) ? PAYLOADS[call] : undefined;
  if (!schema) return `Unknown request "${clip(call, 40)}".`;
  const result = v.safeParse(schema, payload, { abortEarly: true });
  if (result.success) return null;
  const issue = result.issues[0];
  const path = (issue?.path ?? []).map((item) => clip(String((item as { key?: unknown }).key), 40)).join('.');
  return `"${call}" was refused: ${path || 'the payload'} is not ${describe(issue)}.`;
}

/** What was expected, in words, from the schema's side of an issue only (never the received value). */
function describe(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'valid';
  switch (issue.type) {
    case 'max_length':
      return `at most ${clip(String(issue.requirement), 20)} long`;
    case 'min_length':
      return 'long enough';
    case 'max_value':
    case 'min_value':
    case 'integer':
    case 'finite':
      return 'a number in range';
    default:
      return `of the expected kind (${clip(issue.expected ?? issue.type, 60)})`;
  }
}

/** A string cut to `max` characters, for messages that name untrusted values. */
export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}
