// The reader's settings change what a check shows: highlights off leaves the page untouched, a relation switched off
// leaves its section empty. Settings are written to storage.local the way the options page writes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToolbar, HOST, launchWithExtension, POLL, servePages, sidebar, type ExtensionBrowser, type PageServer } from './harness';
import { loadPack, renderNewsPage, storyFromPack } from './news-page';

/** The report whose troop figure later reports give differently: its check has a "differs" item. */
const EARLIEST = 'more than 114,000';
const pack = loadPack();
const report = pack?.reports.find((r) => r.text.includes(EARLIEST));

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  if (!report) return;
  server = await servePages({ '/story': { body: renderNewsPage(storyFromPack(report)) } });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Storage = { chrome: { storage: { local: { set: (items: object) => Promise<void>; remove: (key: string) => Promise<void> } } } };

/** Writes the settings item from an extension page, as the options page does. */
async function storeSettings(settings: object | null): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(async (value) => {
    const local = (globalThis as unknown as Storage).chrome.storage.local;
    // Only the settings item: the harness's own testing key stays.
    if (value === null) await local.remove('settings');
    else await local.set({ settings: value });
  }, settings);
  await page.close();
}

async function checkStory(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('/story'));
  await clickToolbar(browser, page);
  await page.locator(`${HOST} [data-state="done"]`).waitFor({ timeout: POLL.timeout });
  return page;
}

const marks = (page: Page) => page.locator('mark[data-second-source="figure"]');
const differing = (page: Page) => sidebar(page).getByTestId('section-differs').getByTestId('figure-item');

describe.skipIf(!report)('settings in a real check', () => {
  it('highlights the differing figure with the default settings', async () => {
    await storeSettings(null);
    const page = await checkStory();
    await expect.poll(() => marks(page).count(), POLL).toBeGreaterThan(0);
    expect(await differing(page).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('leaves the page untouched when highlights are off, and still lists the findings', async () => {
    await storeSettings({ highlights: false, relations: { differs: true, agrees: true, statements: true }, agreeTolerancePercent: 3 });
    const page = await checkStory();
    expect(await differing(page).count()).toBeGreaterThan(0);
    expect(await marks(page).count()).toBe(0);
    await page.close();
  });

  it('shows no differing figure when the reader switched "differs" off', async () => {
    await storeSettings({ highlights: true, relations: { differs: false, agrees: true, statements: true }, agreeTolerancePercent: 3 });
    const page = await checkStory();
    expect(await differing(page).count()).toBe(0);
    await expect.poll(() => page.locator('mark[data-second-source="figure"][data-relation="differs"]').count(), POLL).toBe(0);
    await page.close();
  });

  it('reads a 25% tolerance: figures 14% apart then agree instead of differing', async () => {
    await storeSettings({ highlights: true, relations: { differs: true, agrees: true, statements: true }, agreeTolerancePercent: 25 });
    const page = await checkStory();
    const item = sidebar(page).locator(`[data-testid="figure-item"][data-figure="${EARLIEST}"]`);
    await expect.poll(() => item.count(), POLL).toBeGreaterThan(0);
    expect(await sidebar(page).getByTestId('section-differs').locator(`[data-figure="${EARLIEST}"]`).count()).toBe(0);
    await page.close();
  });
});
