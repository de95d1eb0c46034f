// A click on a page the browser keeps closed to extensions: the button itself says why nothing opened.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clickNow, HOST, launchWithExtension, POLL, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

interface ChromeActionApi {
  tabs: { query: (query: object) => Promise<{ id?: number }[]> };
  action: {
    getBadgeText: (details: { tabId: number }) => Promise<string>;
    getTitle: (details: { tabId: number }) => Promise<string>;
  };
}

/** Badge text and title of the active tab, read in the service worker. */
async function buttonState(): Promise<{ badge: string; title: string }> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeActionApi }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return { badge: '?', title: '?' };
    return { badge: await api.action.getBadgeText({ tabId: tab.id }), title: await api.action.getTitle({ tabId: tab.id }) };
  });
}

it('marks the button and explains in its tooltip when the page is closed to extensions', async () => {
  const page = await browser.context.newPage();
  await page.goto('chrome://version');
  await page.bringToFront();
  expect((await buttonState()).badge).toBe('');
  await clickNow(browser, page);
  await expect.poll(() => buttonState(), POLL).toEqual({
    badge: '!',
    title: expect.stringContaining('cannot read this page') as unknown as string,
  });
  expect(await page.locator(HOST).count()).toBe(0);
});
