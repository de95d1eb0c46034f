// Hostile packs and messages (issue 10): deep nesting, 100,000+ spans, hostile-but-valid content, truncation at every
// twentieth, size limits before structure, and the message layer; the database is unchanged after every rejection.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import type { CorpusDb } from '../../utils/corpus/store/schema';
import { checkPackLimits, describeValue, parsePack, PACK_MAX_SPANS } from '../../utils/corpus/pack-schema';
import { PackError } from '../../utils/corpus/format/pack-read';
import { importPack } from '../../utils/corpus/store/import-export';
import { getReport } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { safeHref } from '../../components/reports/format';
import { authorize, checkPayload, type Caller } from '../../utils/message-policy';
import { dispatch, makeRequest, type CallName, type Handlers } from '../../utils/messaging';
import { reportsHandlers } from '../../entrypoints/background/reports-calls';
import { corpusDb } from '../../entrypoints/background/corpus-service';
import { articleText, deps, makePack, makeReport, openTestDb, prng, snapshot } from './helpers';
import { vi } from 'vitest';

/** Counts printed at the end, for the issue note. */
const counts: Record<string, number> = {};
const count = (what: string) => {
  counts[what] = (counts[what] ?? 0) + 1;
};
afterAll(() => {
  console.log(`hostile inputs tried: ${JSON.stringify(counts)}`);
});

let db: CorpusDb;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  db = await openTestDb();
  await ensureBundledPack(db, makePack([makeReport(10, { id: 'b10', origin: 'bundled', url: null })], 'rev'), deps);
  await saveReport(db, { text: articleText(11), title: 'Saved', url: 'https://x.example/11', published: null, siteName: null, byline: null, lang: null }, deps);
  before = await snapshot(db);
});

/** Imports `text`, expects a PackError with a short message, and the database unchanged. */
async function rejected(text: string, what: string): Promise<PackError> {
  const error = await importPack(db, text, deps).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, what).toBeInstanceOf(PackError);
  const message = (error as PackError).message;
  expect(message.length, what).toBeLessThan(600);
  expect(await snapshot(db)).toEqual(before);
  count(what);
  return error as PackError;
}

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('deep nesting', () => {
  const base = makePack([makeReport(1)], 'deep');
  const json = JSON.stringify(base);
  it.each([
    ['format', 100_000],
    ['version', 100_000],
    ['revision', 100_000],
    ['reports', 100_000],
  ])('a %s nested %d deep is refused without a stack overflow', async (field, depth) => {
    const text = json.replace(`"${field}":${JSON.stringify((base as unknown as Record<string, unknown>)[field])}`, `"${field}":${nested(depth)}`);
    expect(text).not.toBe(json);
    const error = await rejected(text, 'deep nesting');
    expect(error.message).not.toMatch(/call stack/i);
  });

  it('a report field nested as objects 50,000 deep is refused', async () => {
    const text = json.replace('"headline":', `"headline":${nestedObject(50_000)},"x":`);
    await rejected(text, 'deep nesting');
  });

  it('describes values without serializing them', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('a list of 1');
    expect(describeValue('x'.repeat(1_000_000)).length).toBeLessThan(100);
    expect(describeValue({ toString: () => 'evil' })).toBe('an object');
  });
});

describe('100,000+ spans', () => {
  /** One report of `n` two-character sentences in one paragraph; the last sentence optionally outside it. */
  function manySpans(n: number, lastOutside: boolean) {
    const text = 'a.'.repeat(n) + (lastOutside ? '\n\nb.' : '');
    const sentences = Array.from({ length: n }, (_, i) => ({ start: 2 * i, end: 2 * i + 2 }));
    if (lastOutside) sentences.push({ start: 2 * n + 2, end: 2 * n + 4 });
    const report = { ...makeReport(1), text, paragraphs: [{ start: 0, end: 2 * n }], sentences };
    return makePack([report], 'spans');
  }

  it('checks 160,000 sentences against their paragraph in one sweep, and finds the one outside', () => {
    const started = performance.now();
    const bad = parsePack(manySpans(160_000, true));
    const good = parsePack(manySpans(160_000, false));
    const ms = performance.now() - started;
    expect(bad).toEqual({ ok: false, error: 'reports[0].sentences[160000]: span 320002–320004 lies in no paragraph' });
    expect(good.ok).toBe(true);
    console.log(`parsePack, 2 packs of 160,000 spans: ${ms.toFixed(0)} ms`);
    count('100,000+ spans');
  });

  it('refuses more spans than a report may have before the structural checks', () => {
    const report = { ...makeReport(1), sentences: Array.from({ length: PACK_MAX_SPANS + 1 }, () => 'not even a span') };
    expect(checkPackLimits(makePack([report as never]))).toMatch(/at most 500000 per report/);
    expect(parsePack(makePack([report as never]))).toMatchObject({ ok: false, error: expect.stringMatching(/at most 500000/) as unknown as string });
    count('too many spans');
  });

  it('refuses 100,001 reports before validating any of them', () => {
    const pack = { format: 'second-source-pack', version: 1, revision: 'r', reports: Array.from({ length: 100_001 }, () => null) };
    expect(parsePack(pack)).toEqual({ ok: false, error: 'reports: the pack holds 100001 reports; at most 100000 can be read' });
    count('too many reports');
  });

  it('refuses a 2,000,001-character text through the import, database unchanged', async () => {
    await rejected(JSON.stringify(makePack([{ ...makeReport(1), text: 'x'.repeat(2_000_001), paragraphs: [], sentences: [] }])), 'text too long');
  });
});

describe('hostile but valid content', () => {
  const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  it('stores markup, javascript: URLs, __proto__ keys and lone surrogates as plain data', async () => {
    const control = await openTestDb();
    const report = makeReport(3, {
      id: '__proto__',
      url: 'javascript:alert(document.cookie)',
      headline: HOSTILE,
      outlet: '\ud800 lone surrogate \udfff',
      dateline: 'constructor',
    });
    const json = JSON.stringify(makePack([report])).replace('"origin":', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"origin":');
    const result = await importPack(control, json, deps);
    expect(result.added).toEqual(['__proto__']);
    const stored = await getReport(control, '__proto__');
    expect(stored?.meta.headline).toBe(HOSTILE);
    expect(stored?.meta.outlet).toBe('\ud800 lone surrogate \udfff');
    expect(stored?.meta.url).toBe('javascript:alert(document.cookie)');
    // Rendered inert: the viewer links only http(s) addresses, and Preact writes text as text.
    expect(safeHref(stored!.meta.url)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    count('hostile but valid (accepted, inert)');
  });

  it('names a hostile id in an error clipped, not whole', async () => {
    const long = `<script>${'x'.repeat(100_000)}</script>`;
    const error = await rejected(JSON.stringify(makePack([makeReport(1, { id: long }), makeReport(2, { id: long })])), 'hostile id repeated');
    expect(error.message).toMatch(/repeats the id/);
  });
});

describe('truncated files', () => {
  const json = JSON.stringify(makePack([makeReport(1), makeReport(2, { url: null })], 'trunc'), null, 1);
  const cuts = Array.from({ length: 19 }, (_, k) => Math.floor((json.length * (k + 1)) / 20));
  it.each(cuts)('cut at %d characters is refused as truncated', async (at) => {
    const error = await rejected(json.slice(0, at), 'truncated at a twentieth');
    expect(error.message).toMatch(/truncated|ends in the middle/);
  });
});

describe('the message layer', () => {
  const extension: Caller = { kind: 'extension' };
  const content: Caller = { kind: 'content', tabId: 1, url: 'https://news.example/a' };
  const random = prng(10_10);
  // Payloads as they arrive: messages are serialized (JSON in Chromium, structured clone in Firefox), so a
  // "__proto__" key is an own key here, never a prototype.
  const junk = (): unknown => {
    const kinds: (() => unknown)[] = [
      () => null,
      () => 42,
      () => 'x'.repeat(Math.floor(random() * 50)),
      () => [],
      () => JSON.parse('{"__proto__":{"ids":["b10"]},"constructor":{"prototype":{"x":1}}}') as unknown,
      () => ({ ids: 'b10' }),
      () => ({ ids: [{ toString: () => 'b10' }] }),
      () => ({ id: ['b10'] }),
      () => ({ transfer: 't', index: -1, count: 2, text: 'x' }),
      () => ({ transfer: 't', index: 0, count: 1e9, text: 'x' }),
      () => ({ text: 12, name: null }),
      () => ({ deleted: 'all', hidden: [], at: 0 }),
      () => ({ count: Number.POSITIVE_INFINITY }),
      () => ({ url: { href: 'https://news.example/a' } }),
    ];
    return kinds[Math.floor(random() * kinds.length)]!();
  };
  // Calls whose every payload field is required (an empty export or a reset with null would be well-formed).
  const CALLS: CallName[] = ['reports/delete', 'reports/hide', 'reports/undo', 'reports/get', 'pack/import', 'pack/put-part', 'report/save', 'report/find'];

  /** The background's listener minus the browser: policy, then payload, then the handler. */
  async function send(call: CallName, payload: unknown, caller: Caller) {
    const refusal = authorize(call, payload, caller) ?? checkPayload(call, payload);
    if (refusal) return { ok: false as const, error: refusal };
    return dispatch(reportsHandlers as Handlers<unknown>, makeRequest(call, payload as never), null);
  }

  it('refuses 300 malformed or unauthorized payloads with the corpus unchanged', async () => {
    const live = await corpusDb();
    const start = await snapshot(live);
    let refusedShape = 0;
    let refusedAuthority = 0;
    for (let i = 0; i < 300; i++) {
      const call = CALLS[i % CALLS.length]!;
      const payload = junk();
      const caller = i % 3 === 0 ? content : extension;
      const reply = await send(call, payload, caller);
      // Every junk payload is refused, whether for its sender or its shape: none of them is a well-formed call.
      if (reply.ok) throw new Error(`${call} accepted ${describeValue(payload)} from ${caller.kind}`);
      if (/own pages|own address/.test(reply.error)) refusedAuthority++;
      else refusedShape++;
      expect(reply.error.length).toBeLessThan(600);
    }
    expect(await snapshot(live)).toEqual(start);
    counts['message layer: refused for the sender'] = refusedAuthority;
    counts['message layer: refused for the shape'] = refusedShape;
    expect(refusedAuthority + refusedShape).toBe(300);
  });
});

describe('a failed index compaction after a committed save', () => {
  it('reports the page as saved', async () => {
    const local = await openTestDb();
    const spy = vi.spyOn(local.reports, 'toArray').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const saved = await saveReport(local, { text: articleText(5), title: 'Kept', url: 'https://x.example/5', published: null, siteName: null, byline: null, lang: null }, deps);
    spy.mockRestore();
    warn.mockRestore();
    expect(saved.updated).toBe(false);
    expect((await getReport(local, saved.id))?.meta.headline).toBe('Kept');
    count('compaction fails after save');
  });
});
