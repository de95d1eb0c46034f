// Least authority for the message protocol: who may call what, payload shapes and sizes, and bounded uploads.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  callerOf,
  checkPayload,
  CONTENT_CALLS,
  MAX_ARTICLE_CHARS,
  MAX_UPLOAD_PARTS,
  type Caller,
} from '../../utils/message-policy';
import { dispatch, makeRequest, PACK_FILE_LIMIT, PACK_PART_CHARS, type CallName, type Handlers } from '../../utils/messaging';
import { pendingUploads, reportsHandlers } from '../../entrypoints/background/reports-calls';

const SELF = { id: 'abcdefghijklmnop', base: 'chrome-extension://abcdefghijklmnop/' };
const PAGE = 'https://news.example/story?id=4#comments';
const content: Caller = { kind: 'content', tabId: 7, url: PAGE };
const extension: Caller = { kind: 'extension' };

const ARTICLE = { text: 'Some text.', title: 'T', url: PAGE, published: null, siteName: null, byline: null, lang: 'en' };

/** Every call, with a payload of the right shape. */
const VALID: Record<CallName, unknown> = {
  'corpus/stats': null,
  analyze: ARTICLE,
  'badge/set': { count: 3 },
  'report/open': { id: 'r1', sentence: null },
  'sidebar/width': { width: 420 },
  'corrections/set': { undo: 'figure\u0001a\u0000x\u0001b\u0000y' },
  'report/save': ARTICLE,
  'report/find': { url: PAGE },
  'report/keep': { article: ARTICLE, on: true },
  'report/auto-keep': ARTICLE,
  'corpus/progress': null,
  'reports/get': { id: 'r1' },
  'reports/list': { origin: 'all' },
  'reports/delete': { ids: ['r1'] },
  'reports/undo': { deleted: ['r1'], hidden: [], at: 5 },
  'reports/hide': { ids: null },
  'reports/reset': null,
  'pack/import': { text: '{}', name: null },
  'pack/export': {},
  'pack/export-files': {},
  'pack/put-part': { transfer: 't', index: 0, count: 1, text: '{}' },
  'pack/get-part': { transfer: 't', index: 1 },
};
const CALLS = Object.keys(VALID) as CallName[];

describe('callerOf', () => {
  it.each([
    ['an extension page', { id: SELF.id, url: `${SELF.base}options.html`, origin: 'chrome-extension://abcdefghijklmnop' }, 'extension'],
    ['the report viewer in a tab', { id: SELF.id, url: `${SELF.base}report.html?id=x`, tab: { id: 3 } }, 'extension'],
    ['the content script in a page', { id: SELF.id, url: PAGE, origin: 'https://news.example', tab: { id: 7 }, frameId: 0 }, 'content'],
    ['a content script in a frame', { id: SELF.id, url: PAGE, tab: { id: 7 }, frameId: 3 }, 'unknown'],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' }, 'unknown'],
    ['a page URL that only looks like ours', { id: SELF.id, url: `https://evil.example/${SELF.base}`, tab: { id: 7 }, frameId: 0 }, 'content'],
    ['our base URL with a foreign origin', { id: SELF.id, url: `${SELF.base}options.html`, origin: 'https://evil.example' }, 'unknown'],
    ['no URL at all', { id: SELF.id, tab: { id: 7 } }, 'unknown'],
    ['no tab and a web URL', { id: SELF.id, url: PAGE }, 'unknown'],
  ])('%s is "%s"', (_name, sender, kind) => {
    expect(callerOf(sender, SELF).kind).toBe(kind);
  });
});

describe('authorize', () => {
  it('lets a content script make exactly the calls of its own sidebar', () => {
    expect([...CONTENT_CALLS].sort()).toEqual([
      'analyze',
      'badge/set',
      'corpus/stats',
      'corrections/set',
      'report/auto-keep',
      'report/find',
      'report/keep',
      'report/open',
      'report/save',
      'sidebar/width',
    ]);
  });

  it('lets a page keep only its own article with the sidebar switch', () => {
    expect(authorize('report/keep', { article: ARTICLE, on: true }, content)).toBeNull();
    expect(authorize('report/keep', { article: { ...ARTICLE, url: 'https://elsewhere.example/x' }, on: true }, content)).toMatch(/only its own address/);
  });

  it('lets the automatic keeping script keep only the page it runs in, never another address', () => {
    expect(authorize('report/auto-keep', ARTICLE, content)).toBeNull();
    expect(authorize('report/auto-keep', { ...ARTICLE, url: `${PAGE.replace('#comments', '')}#top` }, content)).toBeNull();
    expect(authorize('report/auto-keep', { ...ARTICLE, url: 'https://elsewhere.example/x' }, content)).toMatch(/only its own address/);
    expect(authorize('report/auto-keep', { ...ARTICLE, url: 'https://news.example/story?id=5' }, content)).toMatch(/only its own address/);
    expect(authorize('report/auto-keep', { ...ARTICLE, url: null }, content)).toMatch(/only its own address/);
    expect(authorize('report/auto-keep', ARTICLE, { kind: 'unknown' })).toMatch(/not part of Second Source/);
  });

  it.each(CALLS.filter((call) => !CONTENT_CALLS.has(call)))('refuses "%s" from a content script and allows it from a page', (call) => {
    expect(authorize(call, VALID[call], content)).toMatch(/only Second Source's own pages/);
    expect(authorize(call, VALID[call], extension)).toBeNull();
  });

  it('lets a content script save and find only its own address (the fragment aside)', () => {
    expect(authorize('report/save', ARTICLE, content)).toBeNull();
    expect(authorize('report/find', { url: 'https://news.example/story?id=4' }, content)).toBeNull();
    expect(authorize('report/save', { ...ARTICLE, url: 'https://other.example/' }, content)).toMatch(/only its own address/);
    expect(authorize('report/save', { ...ARTICLE, url: null }, content)).toMatch(/only its own address/);
    expect(authorize('report/find', { url: 'https://news.example/story?id=5' }, content)).toMatch(/only its own address/);
  });

  it('refuses everything from an unknown sender', () => {
    for (const call of CALLS) expect(authorize(call, VALID[call], { kind: 'unknown' })).toMatch(/not part of Second Source/);
  });
});

describe('checkPayload', () => {
  it.each(CALLS)('accepts a well-formed "%s"', (call) => {
    expect(checkPayload(call, VALID[call])).toBeNull();
  });

  const hostile: [string, CallName, unknown][] = [
    ['an article over the size limit', 'analyze', { ...ARTICLE, text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) }],
    ['an article that is not text', 'analyze', { ...ARTICLE, text: { toString: 1 } }],
    ['an automatic keep over the size limit', 'report/auto-keep', { ...ARTICLE, text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) }],
    ['a badge count of a billion', 'badge/set', { count: 1e9 }],
    ['a negative badge count', 'badge/set', { count: -1 }],
    ['a badge count that is a string', 'badge/set', { count: '3' }],
    ['30,000,000 upload parts', 'pack/put-part', { transfer: 't', index: 0, count: 30_000_000, text: 'x' }],
    ['an upload part past the last', 'pack/put-part', { transfer: 't', index: MAX_UPLOAD_PARTS, count: MAX_UPLOAD_PARTS, text: 'x' }],
    ['an upload part too long', 'pack/put-part', { transfer: 't', index: 0, count: 1, text: 'x'.repeat(PACK_PART_CHARS + 1) }],
    ['an id list of a million', 'reports/delete', { ids: Array.from({ length: 1_000_000 }, () => 'a') }],
    ['an id that is an object', 'reports/get', { id: { length: 1 } }],
    ['an id of a megabyte', 'reports/get', { id: 'x'.repeat(1 << 20) }],
    ['an undo token with NaN', 'reports/undo', { deleted: [], hidden: [], at: Number.NaN }],
    ['an export of an unknown origin', 'pack/export', { origins: ['everything'] }],
    ['a list query sorted by a script', 'reports/list', { sort: '<img src=x onerror=alert(1)>' }],
    ['stats with a payload', 'corpus/stats', { evil: true }],
  ];
  it.each(hostile)('refuses %s, without quoting it', (_name, call, payload) => {
    const reason = checkPayload(call, payload);
    expect(reason).toMatch(/was refused/);
    expect(reason!.length).toBeLessThan(300);
    expect(reason).not.toMatch(/xxxxxxxxxx|onerror/);
  });

  it('bounds an upload at the largest pack file in parts', () => {
    expect(MAX_UPLOAD_PARTS).toBe(Math.ceil(PACK_FILE_LIMIT / PACK_PART_CHARS));
  });

  it('names no handler for an inherited key', async () => {
    for (const call of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(checkPayload(call as CallName, null)).toMatch(/Unknown request/);
      const reply = await dispatch(reportsHandlers as Handlers<unknown>, makeRequest(call as CallName, null as never), null);
      expect(reply).toEqual({ ok: false, error: `Unknown request "${call}".` });
    }
  });
});

describe('uploads', () => {
  const put = (transfer: string, index: number, count: number, text: string) =>
    dispatch(reportsHandlers as Handlers<unknown>, makeRequest('pack/put-part', { transfer, index, count, text }), null);

  it('refuses a part count beyond the largest file, holding nothing', async () => {
    expect(await put('huge', 0, 30_000_000, 'x')).toEqual({ ok: false, error: 'A part of the pack file was out of order. Nothing was imported.' });
    expect(pendingUploads()).toBe(0);
  });

  it('holds one upload at a time: a new transfer drops the unfinished one', async () => {
    expect((await put('first', 0, 2, '{"a":')).ok).toBe(true);
    expect((await put('second', 0, 2, '{"b":')).ok).toBe(true);
    expect(pendingUploads()).toBe(1);
    const reply = await dispatch(reportsHandlers as Handlers<unknown>, makeRequest('pack/import', { transfer: 'first', name: null }), null);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/did not arrive/) as unknown as string });
  });
});
