// Background handlers of the reader's corpus, on fake IndexedDB with the real engine and the bundled pack:
// save (same URL updates), recognition, no self-corroboration, delete/undo, hide/reset, import errors, export.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleInput } from '../../utils/analysis/types';
import { dispatch, makeRequest, PACK_FILE_LIMIT, PACK_FILE_UNREADABLE, type BackgroundCalls, type CallName, type Handlers } from '../../utils/messaging';
import { MAX_PACK_BYTES } from '../../utils/corpus/format/pack-read';
import { reportsHandlers, transferLimits, viewerPath } from '../../entrypoints/background/reports-calls';
import { receiveExport, receiveExportFiles, sendPackFileForImport, sendPackForImport, type Ask } from '../../entrypoints/options/pack-files';
import { analyze, stats } from '../../entrypoints/background/corpus-service';

/** Sends one call through dispatch(), as the background's message listener does. */
async function call<K extends Exclude<CallName, 'corpus/stats' | 'analyze' | 'badge/set'>>(name: K, payload: BackgroundCalls[K]['payload']) {
  return dispatch(reportsHandlers as Handlers<unknown>, makeRequest(name, payload), null);
}

async function value<K extends Exclude<CallName, 'corpus/stats' | 'analyze' | 'badge/set'>>(name: K, payload: BackgroundCalls[K]['payload']) {
  const reply = await call(name, payload);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error}`);
  return reply.value as BackgroundCalls[K]['value'];
}

const SAVED_PAGE: ArticleInput = {
  title: 'Dock workers end nine-day strike at Port Calder after pay deal',
  url: 'https://ledger.example/business/port-calder-strike-ends',
  published: '2023-03-14',
  siteName: 'The Morning Ledger',
  byline: 'Ines Varga',
  lang: 'en',
  text: [
    'Dock workers at Port Calder voted on Monday to end a nine-day strike that had left more than 40 container ships waiting offshore. The union said 2,300 of its members took part in the ballot.',
    'The port authority estimated that the stoppage cost local businesses about 18 million euros. Shipping lines diverted at least 12 vessels to other harbours along the coast.',
  ].join('\n\n'),
};

/** Another outlet on the same strike, citing the same number of ships. */
const OTHER_PAGE: ArticleInput = {
  title: 'Port Calder counts the cost of the dock strike',
  url: 'https://coastal-courier.example/port-calder-cost',
  published: '2023-03-15',
  siteName: 'Coastal Courier',
  byline: null,
  lang: 'en',
  text: [
    'Dock workers at Port Calder ended a strike that had left more than 40 container ships waiting offshore, the union said.',
    'Cranes were working again on Tuesday morning at Port Calder, and the authority expects the backlog of ships to clear within two weeks.',
  ].join('\n\n'),
};

let bundledCount = 0;

beforeAll(async () => {
  bundledCount = (await stats()).byOrigin.bundled;
});

describe('report/save and report/find', () => {
  it('saves a page, recognizes it, and updates it on a second save instead of duplicating it', async () => {
    expect(await value('report/find', { url: SAVED_PAGE.url! })).toBeNull();
    const first = await value('report/save', SAVED_PAGE);
    expect(first.updated).toBe(false);
    const found = await value('report/find', { url: `${SAVED_PAGE.url!}?utm_source=newsletter#top` });
    expect(found).toMatchObject({ id: first.id, origin: 'saved', outlet: 'The Morning Ledger', headline: SAVED_PAGE.title });
    const second = await value('report/save', { ...SAVED_PAGE, title: 'Port Calder strike ends' });
    expect(second).toEqual({ id: first.id, updated: true });
    const saved = await value('reports/list', { origin: 'saved' });
    expect(saved.map((item) => [item.id, item.headline])).toEqual([[first.id, 'Port Calder strike ends']]);
    expect((await stats()).byOrigin.saved).toBe(1);
  });

  it('never lists a saved page as corroborating itself, and lists it on another page citing the same figure', async () => {
    const { id } = (await value('report/find', { url: SAVED_PAGE.url! }))!;
    const self = await analyze(SAVED_PAGE);
    expect(self.article.corpusId).toBe(id);
    expect(self.figures.flatMap((finding) => finding.reports.map((link) => link.report))).not.toContain(id);

    const other = await analyze(OTHER_PAGE);
    const ships = other.figures.find((finding) => finding.text.includes('more than 40'));
    expect(ships?.reports.map((link) => [link.report, link.relation])).toContainEqual([id, 'agrees']);
  });

  it('refuses a page without text with a clear message', async () => {
    const reply = await call('report/save', { ...SAVED_PAGE, url: 'https://ledger.example/empty', text: '  ' });
    expect(reply).toEqual({ ok: false, error: 'This page has no article text to save.' });
  });
});

describe('reports/get, delete, undo, hide and reset', () => {
  it('gets a whole report for the viewer, and null for an unknown id', async () => {
    const { id } = (await value('report/find', { url: SAVED_PAGE.url! }))!;
    const report = await value('reports/get', { id });
    expect(report?.text).toBe(SAVED_PAGE.text);
    expect(report?.meta.byline).toBe('Ines Varga');
    expect(await value('reports/get', { id: 'no-such-report' })).toBeNull();
  });

  it('deletes and undoes, and the live corpus follows', async () => {
    const { id } = (await value('report/find', { url: SAVED_PAGE.url! }))!;
    const result = await value('reports/delete', { ids: [id] });
    expect(result.deleted).toEqual([id]);
    expect(await value('report/find', { url: SAVED_PAGE.url! })).toBeNull();
    const ships = (await analyze(OTHER_PAGE)).figures.find((finding) => finding.text.includes('more than 40'));
    expect(ships?.reports.map((link) => link.report) ?? []).not.toContain(id);

    expect(await value('reports/undo', result.undo)).toEqual([id]);
    const back = (await analyze(OTHER_PAGE)).figures.find((finding) => finding.text.includes('more than 40'));
    expect(back?.reports.map((link) => link.report)).toContain(id);
  });

  it('hides every bundled report (never the reader\'s) and reset brings them back', async () => {
    const hidden = await value('reports/hide', { ids: null });
    expect(hidden.hidden).toHaveLength(bundledCount);
    expect(hidden.deleted).toEqual([]);
    expect((await stats()).byOrigin).toMatchObject({ bundled: 0, saved: 1 });
    expect(await value('reports/reset', null)).toBe(bundledCount);
    expect((await stats()).byOrigin.bundled).toBe(bundledCount);
  });

  it('answers a malformed delete or undo with a message, not a crash', async () => {
    expect(await call('reports/delete', { ids: 'all' as unknown as string[] })).toEqual({ ok: false, error: 'Delete: expected a list of report ids.' });
    expect(await call('reports/undo', {} as never)).toEqual({ ok: false, error: 'Nothing to undo.' });
  });
});

/** The parts of a pack file these tests read. */
interface CorpusPackLike {
  format: string;
  reports: { id: string }[];
}

/** askBackground over dispatch(), as the options page talks to the background. */
const ask = (async (name: Parameters<typeof value>[0], payload: never) => value(name, payload)) as unknown as Ask;

describe('pack/import and pack/export', () => {
  it('exports the saved report, and importing that file again reports it as a duplicate', async () => {
    const { text: json, count } = await receiveExport(ask, { origins: ['saved'] });
    expect(count).toBe(1);
    const pack = JSON.parse(json) as { format: string; version: number; reports: { url: string }[] };
    expect(pack.format).toBe('second-source-pack');
    expect(pack.reports.map((report) => report.url)).toEqual([SAVED_PAGE.url]);
    const result = await value('pack/import', { text: json, name: 'mine.json' });
    expect(result.added).toEqual([]);
    expect(result.duplicates.map((duplicate) => duplicate.reason)).toEqual(['url']);
  });

  it('cuts a large export into files that each import alone, together the whole export in order', async () => {
    const whole = JSON.parse((await receiveExport(ask, {})).text) as CorpusPackLike;
    expect(whole.reports.length).toBeGreaterThan(2);
    const normal = transferLimits.exportFileReports;
    transferLimits.exportFileReports = 2;
    const files: { text: string; index: number; total: number }[] = [];
    try {
      const done = await receiveExportFiles(ask, {}, (text, index, total) => files.push({ text, index, total }));
      expect(done).toEqual({ count: whole.reports.length, files: Math.ceil(whole.reports.length / 2) });
    } finally {
      transferLimits.exportFileReports = normal;
    }
    expect(files.map(({ index, total }) => [index, total])).toEqual(files.map((_, index) => [index, files.length]));
    const packs = files.map(({ text }) => JSON.parse(text) as CorpusPackLike);
    expect(packs.every((pack) => pack.format === 'second-source-pack' && pack.reports.length <= 2)).toBe(true);
    expect(packs.flatMap((pack) => pack.reports.map((report) => report.id))).toEqual(whole.reports.map((report) => report.id));
    // Each file imports on its own: every report in it is already here.
    for (const [index, { text }] of files.entries()) {
      const result = await value('pack/import', { text, name: `part-${index + 1}.json` });
      expect(result.added).toEqual([]);
      expect(result.duplicates).toHaveLength(packs[index]!.reports.length);
    }
    // A file no import would take is refused with the reason, not handed to the reader.
    transferLimits.exportMaxChars = 1000;
    try {
      expect(await call('pack/export', {})).toEqual({
        ok: false,
        error: expect.stringMatching(/^These \d+ reports make a file of [\d.]+ MB, over the 0\.0 MB a pack file may hold\. Export fewer reports at a time\.$/),
      });
    } finally {
      transferLimits.exportMaxChars = MAX_PACK_BYTES;
    }
    // A selection is cut the same way, and an empty one says there is nothing to export.
    expect(await value('pack/export-files', { ids: [whole.reports[0]!.id, 'no-such-report'] })).toEqual([[whole.reports[0]!.id]]);
    await expect(receiveExportFiles(ask, { ids: ['no-such-report'] }, () => undefined)).rejects.toThrow('There are no reports to export.');
  });

  it('moves a pack larger than one message in parts, both ways, unchanged', async () => {
    const whole = await receiveExport(ask, {});
    const normal = transferLimits.partChars;
    transferLimits.partChars = 1000;
    try {
      const parted = await receiveExport(ask, {});
      expect(whole.text.length).toBeGreaterThan(3000);
      expect(parted).toEqual(whole);
      // Every part was handed out once: asking again fails clearly.
      const first = await value('pack/export', {});
      expect(first.parts).toBe(Math.ceil(whole.text.length / 1000));
      await value('pack/get-part', { transfer: first.transfer!, index: 1 });
      expect(await call('pack/get-part', { transfer: first.transfer!, index: 1 })).toEqual({
        ok: false,
        error: 'Part of the export is no longer available (the extension may have restarted). Please export again.',
      });
    } finally {
      transferLimits.partChars = normal;
    }
    // Imported in parts of 700 characters: the same reports, all recognized as already present.
    transferLimits.partChars = 700;
    const result = await sendPackForImport(ask, whole.text, 'everything.json', 700).finally(() => {
      transferLimits.partChars = normal;
    });
    expect(result.total).toBe(whole.count);
    expect(result.added).toEqual([]);
    expect(result.duplicates).toHaveLength(whole.count);
  });

  it('offers pages the same size limit the store enforces', () => {
    expect(PACK_FILE_LIMIT).toBe(MAX_PACK_BYTES);
  });

  it('reads a pack file by its address, only an address of the extension, and falls back to the text elsewhere', async () => {
    const pack = JSON.stringify({ format: 'second-source-pack', version: 1, revision: 'by-address', reports: [] });
    // An address of another origin is never read.
    expect(await call('pack/import', { file: 'blob:https://news.example/0b5e', name: 'x.json' })).toEqual({ ok: false, error: PACK_FILE_UNREADABLE });
    // The extension's own address is read by the background itself.
    const address = `blob:${fakeBrowser.runtime.getURL('')}0b5e`;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(pack);
    });
    try {
      const byAddress = await value('pack/import', { file: address, name: 'x.json' });
      expect(byAddress.revision).toBe('by-address');
      expect(fetched).toEqual([address]);
    } finally {
      vi.unstubAllGlobals();
    }
    // Here (Node) the page's blob address is not the extension's: the page sends the text instead, same result.
    // askBackground's way: the reply's error as the message.
    const askLikePage = (async (name: Parameters<typeof call>[0], payload: never) => {
      const reply = await call(name, payload);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    }) as unknown as Ask;
    const result = await sendPackFileForImport(askLikePage, new Blob([pack]), 'x.json');
    expect(result.revision).toBe('by-address');
    expect(result.total).toBe(0);
  });

  it('refuses an import whose parts did not all arrive', async () => {
    await value('pack/put-part', { transfer: 't-1', index: 0, count: 2, text: '{"format": ' });
    expect(await call('pack/import', { transfer: 't-1', name: 'half.json' })).toEqual({
      ok: false,
      error: 'Part of the pack file did not arrive (the extension may have restarted). Nothing was imported; please try again.',
    });
    expect(await call('pack/put-part', { transfer: 't-2', index: 3, count: 2, text: 'x' })).toEqual({
      ok: false,
      error: 'A part of the pack file was out of order. Nothing was imported.',
    });
  });

  it('refuses a truncated file, saying where, and imports nothing', async () => {
    const before = await stats();
    const reply = await call('pack/import', { text: '{"format": "second-source-pack", "version": 1, "reports": [', name: 'cut.json' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/truncated.*line 1, column 60|line 1, column 60.*truncated/);
    expect(await stats()).toEqual(before);
  });
});

describe('report/open', () => {
  it('opens the viewer in a new tab at the report and sentence', async () => {
    const opened: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => opened.push(tab.url ?? ''));
    await value('report/open', { id: 'r 1', sentence: 'About 18 million euros & more.' });
    expect(viewerPath('r 1', 'About 18 million euros & more.')).toBe('/report.html?id=r+1&sentence=About+18+million+euros+%26+more.');
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.pathname).toBe('/report.html');
    expect(url.searchParams.get('id')).toBe('r 1');
    expect(url.searchParams.get('sentence')).toBe('About 18 million euros & more.');
  });
});
