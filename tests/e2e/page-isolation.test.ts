// A UI the page cannot read, forge or disable, in the production shape (closed shadow root, random host name): the
// page sees no shadow root and no corpus text; a page that pre-defines the old element name or fires WXT's old start
// event still gets a working sidebar; a page that cannot hold one gets "!" on the button and the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickNow, launchWithExtension, POLL, servePages, settle, type ExtensionBrowser, type PageServer } from './harness';
import { renderNewsPage } from './news-page';
import { HARBOUR_STRIKE } from './stories';

let browser: ExtensionBrowser;
let server: PageServer;

/** A page script that tries to take the extension over the ways the old build allowed. */
const HOSTILE_SCRIPT = `
window.__startEvents = 0;
window.__stolen = [];
// 1. Pre-define the old host name: the old build's sidebar became this page's element and never showed.
customElements.define('second-source-sidebar', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }); }
});
// 2. Watch for WXT's start event, and fire it ourselves to close the sidebar.
window.__fireStart = (id) => document.dispatchEvent(new CustomEvent(id + ':content:wxt:content-script-started',
  { detail: { contentScriptName: 'content', messageId: 'forged' } }));
window.__watchStart = (id) => document.addEventListener(id + ':content:wxt:content-script-started', () => { window.__startEvents++; });
// 3. Read whatever shadow roots appear, and force open every later attachShadow in this world.
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { const root = attach.call(this, { ...init, mode: 'open' }); window.__stolen.push(root); return root; };
`;

function hostilePage(): string {
  return renderNewsPage(HARBOUR_STRIKE).replace('</head>', `<script>${HOSTILE_SCRIPT}</script></head>`);
}

beforeAll(async () => {
  server = await servePages({
    '/harbour': { body: renderNewsPage(HARBOUR_STRIKE) },
    '/hostile': { body: hostilePage() },
    '/picture.svg': { body: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="50" height="50"/></svg>', type: 'image/svg+xml' },
  });
  browser = await launchWithExtension({ closedShadow: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every text node under closed shadow roots, read through the DevTools protocol (DOM.getDocument, pierce). */
async function closedShadowText(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    interface DomNode {
      nodeType: number;
      nodeValue?: string;
      children?: DomNode[];
      shadowRoots?: (DomNode & { shadowRootType?: string })[];
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const texts: string[] = [];
    const walk = (node: DomNode, inClosed: boolean) => {
      if (inClosed && node.nodeType === 3 && node.nodeValue?.trim()) texts.push(node.nodeValue.trim());
      for (const child of node.children ?? []) walk(child, inClosed);
      for (const shadow of node.shadowRoots ?? []) walk(shadow, inClosed || shadow.shadowRootType === 'closed');
    };
    walk(root, false);
    return texts;
  } finally {
    await cdp.detach();
  }
}

/** Clicks and waits for a closed-root sidebar that shows the corpus size (the check has answered). */
async function openSidebar(page: Page): Promise<string[]> {
  await settle(page);
  await clickNow(browser, page);
  let texts: string[] = [];
  await expect.poll(async () => {
    texts = await closedShadowText(page);
    return texts.some((text) => /Corpus|reports?/i.test(text)) && texts.includes(HARBOUR_STRIKE.headline);
  }, POLL).toBe(true);
  return texts;
}

interface ChromeActionApi {
  tabs: { query: (query: object) => Promise<{ id?: number }[]> };
  action: { getBadgeText: (d: { tabId: number }) => Promise<string>; getTitle: (d: { tabId: number }) => Promise<string> };
}

async function buttonState(url: string): Promise<{ badge: string; title: string }> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: ChromeActionApi }).chrome;
    const [tab] = await api.tabs.query({ url });
    if (tab?.id === undefined) return { badge: '?', title: '?' };
    return { badge: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
  }, url);
}

describe('the sidebar seen from the page', () => {
  it('has a closed shadow root, an unpredictable name, and adds no text to the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/harbour'));
    const textBefore = await page.evaluate(() => document.body.textContent);
    const texts = await openSidebar(page);
    expect(texts.length).toBeGreaterThan(5);
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((element) => element.localName.includes('-'));
      return {
        names: hosts.map((element) => element.localName),
        shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot !== null).length,
        text: document.body.textContent,
      };
    });
    expect(seen.shadowRoots).toBe(0);
    expect(seen.names).toHaveLength(1);
    expect(seen.names[0]).not.toBe('second-source-sidebar');
    expect(seen.names[0]).toMatch(/^[a-z]{8}-[a-z]{12}$/);
    // Not one character of the sidebar or of a tooltip is in the light DOM: the page's text is what it was.
    expect(seen.text).toBe(textBefore);
    // Marks carry the relation and a count, never another report's words.
    const descriptions = await page.locator('mark[data-second-source]').evaluateAll((marks) =>
      marks.map((mark) => mark.getAttribute('aria-description')).filter((text): text is string => text !== null),
    );
    for (const description of descriptions) expect(description).toMatch(/^(differs from|confirmed by) \d+ other reports?; Enter for details$/);

    // A second click closes it; the host name differs on the next open.
    await clickNow(browser, page);
    await expect.poll(() => closedShadowText(page).then((all) => all.length), POLL).toBe(0);
    await openSidebar(page);
    const second = await page.evaluate(() => [...document.querySelectorAll('*')].find((element) => element.localName.includes('-'))?.localName);
    expect(second).not.toBe(seen.names[0]);
    await page.close();
  });

  it('works on a page that pre-defines the old element, forces shadow roots open and fires the old start event', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/hostile'));
    await page.evaluate((id) => (window as unknown as { __watchStart: (id: string) => void }).__watchStart(id), browser.extensionId);
    await openSidebar(page);
    const seen = await page.evaluate(() => ({
      starts: (window as unknown as { __startEvents: number }).__startEvents,
      stolen: (window as unknown as { __stolen: ShadowRoot[] }).__stolen.length,
      shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot !== null).length,
    }));
    // No start event to watch; the page's patched attachShadow never ran for our host (we call our own world's).
    expect(seen).toEqual({ starts: 0, stolen: 0, shadowRoots: 0 });

    // Firing the old start event does not close the sidebar, and the next click still toggles it.
    await page.evaluate((id) => (window as unknown as { __fireStart: (id: string) => void }).__fireStart(id), browser.extensionId);
    expect((await closedShadowText(page)).includes(HARBOUR_STRIKE.headline)).toBe(true);
    await clickNow(browser, page);
    await expect.poll(() => closedShadowText(page).then((all) => all.length), POLL).toBe(0);
    await openSidebar(page);
    await page.close();
  });

  it('shows "!" on the button, and why, when the page cannot hold a sidebar', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/picture.svg'));
    await settle(page);
    await clickNow(browser, page);
    await expect.poll(() => buttonState(page.url()), POLL).toEqual({
      badge: '!',
      title: expect.stringMatching(/could not show its sidebar here: .*no body/) as unknown as string,
    });
    await page.close();
  });
});
