// Least authority in real Chromium: code in the content-script world asks for every privileged call and is refused,
// with the database and the settings unchanged; the calls its sidebar needs still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToolbar, launchWithExtension, servePages, type ExtensionBrowser, type PageServer } from './harness';
import { renderNewsPage } from './news-page';
import { HARBOUR_STRIKE } from './stories';

let browser: ExtensionBrowser;
let server: PageServer;
let page: Page;

interface ChromeApi {
  tabs: { query: (query: object) => Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript: (details: {
      target: { tabId: number };
      func: (...args: never[]) => unknown;
      args?: unknown[];
    }) => Promise<{ result?: unknown }[]>;
  };
}

/**
 * Runs a probe in the extension's content-script world of the page's tab (the world our content script lives in),
 * through scripting.executeScript from the service worker. The probes are written inside the evaluated function:
 * the worker's CSP forbids compiling code from text.
 */
async function inContentWorld<T>(probe: 'send' | 'storage', args: unknown[]): Promise<T> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(
    async ({ url, probe, args }) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
      type Chrome = {
        runtime: { sendMessage: (m: unknown) => Promise<unknown> };
        storage: { local: { set: (v: object) => Promise<void>; get: (k: null) => Promise<unknown> } };
      };
      const send = async (name: string, body: unknown) => {
        const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
        try {
          return await chrome.runtime.sendMessage({ channel: 'second-source', call: name, payload: body });
        } catch (error) {
          return { thrown: String(error) };
        }
      };
      const storage = async () => {
        const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
        const results: string[] = [];
        for (const attempt of [() => chrome.storage.local.set({ settings: { highlights: false } }), () => chrome.storage.local.get(null)]) {
          try {
            await attempt();
            results.push('allowed');
          } catch {
            results.push('refused');
          }
        }
        return results.join(',');
      };
      const func = (probe === 'send' ? send : storage) as (...a: never[]) => unknown;
      const [frame] = await api.scripting.executeScript({ target: { tabId: tab.id }, func, args });
      return frame?.result as T;
    },
    { url: page.url(), probe, args },
  );
}

/** Sends one protocol message from the content-script world; its reply (or the thrown error's message). */
function sendFromContent(call: string, payload: unknown): Promise<unknown> {
  return inContentWorld('send', [call, payload]);
}

/**
 * Every row of every store of the extension's database, and storage.local, as one JSON text (read in the worker).
 * The catalogue (store/catalogue.ts) is left out: a summary of the other rows that the background rewrites on its own
 * schedule after any check, so it may appear between two snapshots without any row changing.
 */
async function snapshot(): Promise<string> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('second-source');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, unknown> = {};
    for (const name of [...db.objectStoreNames].sort()) {
      out[name] = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    out.meta = (out.meta as { key: string }[]).filter((row) => row.key !== 'catalogue');
    db.close();
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get: (k: null) => Promise<unknown> } } } }).chrome.storage;
    out['storage.local'] = await storage.local.get(null);
    return JSON.stringify(out);
  });
}

beforeAll(async () => {
  server = await servePages({ '/harbour': { body: renderNewsPage(HARBOUR_STRIKE) } });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(server.url('/harbour'));
  // The click injects the content script and grants activeTab: the content-script world exists from here on.
  await clickToolbar(browser, page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PRIVILEGED: [string, unknown][] = [
  ['pack/export', {}],
  ['pack/export-files', {}],
  ['pack/import', { text: '{"format":"second-source-pack","version":1,"revision":"x","reports":[]}', name: null }],
  ['pack/put-part', { transfer: 't', index: 0, count: 2, text: '{' }],
  ['pack/get-part', { transfer: 't', index: 1 }],
  ['reports/list', {}],
  ['reports/get', { id: 'anything' }],
  ['reports/delete', { ids: ['anything'] }],
  ['reports/hide', { ids: null }],
  ['reports/undo', { deleted: [], hidden: [], at: 0 }],
  ['reports/reset', null],
];

describe('the content-script world', () => {
  it('is refused every privileged call, and nothing changes', async () => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(1000);
    const refused: string[] = [];
    for (const [call, payload] of PRIVILEGED) {
      const reply = (await sendFromContent(call, payload)) as { ok?: boolean; error?: string };
      expect(reply, call).toMatchObject({ ok: false });
      expect(reply.error, call).toMatch(/only Second Source's own pages/);
      refused.push(call);
    }
    expect(refused).toHaveLength(PRIVILEGED.length);
    expect(await snapshot()).toBe(before);
  });

  it('may not save or look up another address, nor hand over a huge or malformed payload', async () => {
    const before = await snapshot();
    const article = { text: 'A text.', title: 'Forged', url: 'https://elsewhere.example/forged', published: null, siteName: null, byline: null, lang: null };
    expect(await sendFromContent('report/save', article)).toMatchObject({ ok: false, error: expect.stringMatching(/only its own address/) });
    expect(await sendFromContent('report/find', { url: 'https://elsewhere.example/forged' })).toMatchObject({ ok: false });
    expect(await sendFromContent('badge/set', { count: 1e12 })).toMatchObject({ ok: false, error: expect.stringMatching(/was refused/) });
    expect(await sendFromContent('analyze', { ...article, url: page.url(), text: 'x'.repeat(2_000_001) })).toMatchObject({ ok: false });
    expect(await sendFromContent('constructor', null)).toMatchObject({ ok: false, error: expect.stringMatching(/was refused/) });
    expect(await snapshot()).toBe(before);
  });

  it('cannot read or write the settings in storage.local', async () => {
    const before = await snapshot();
    const outcome = await inContentWorld<string>('storage', []);
    expect(outcome).toBe('refused,refused');
    expect(await snapshot()).toBe(before);
  });

  it('still gets what its own sidebar needs', async () => {
    expect(await sendFromContent('corpus/stats', null)).toMatchObject({ ok: true });
    expect(await sendFromContent('report/find', { url: `${page.url()}#section` })).toMatchObject({ ok: true });
    expect(await sendFromContent('badge/set', { count: 2 })).toEqual({ ok: true, value: null });
  });
});
