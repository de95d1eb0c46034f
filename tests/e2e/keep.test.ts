// "Keep what I read" in real Chromium: with keeping on, three related articles checked in turn, and the third one's
// sidebar lists the first two, without a single click on "Save"; the page itself is never listed, and nothing doubles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToolbar, launchWithExtension, POLL, screenshot, servePages, sidebar, textOf, type ExtensionBrowser, type PageServer, waitForBackground } from './harness';
import { renderNewsPage } from './news-page';
import { COURIER, GAZETTE, HARBOUR_STRIKE } from './stories';
import { linkedOutlets, openMyReports, portCalderPages } from './keep-fixtures';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages(portCalderPages());
  browser = await launchWithExtension();
  await waitForBackground(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, clicks the toolbar and waits for the finished check. */
async function check(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await clickToolbar(browser, page);
  await expect.poll(() => sidebar(page).getAttribute('data-state'), POLL).toBe('done');
  return page;
}

describe('keep what I read', () => {
  it('is off by default: a checked article is not kept', async () => {
    const page = await check('/ledger');
    const toggle = sidebar(page).getByRole('switch', { name: 'Keep what I read' });
    await expect.poll(() => toggle.isEnabled(), POLL).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await page.close();
    const options = await openMyReports(browser);
    await options.getByLabel('Origin').selectOption('saved');
    await expect.poll(() => options.getByTestId('report-row').count(), POLL).toBe(0);
    await options.close();
  });

  it('turned on in the sidebar, it keeps this article at once', async () => {
    const page = await check('/ledger');
    const toggle = sidebar(page).getByRole('switch', { name: 'Keep what I read' });
    await expect.poll(() => toggle.isEnabled(), POLL).toBe(true);
    await toggle.check();
    await expect.poll(() => textOf(sidebar(page).getByTestId('keep-switch-status')), POLL).toBe(
      'On: this article and the ones you check next are kept in your reports, on this computer only.',
    );
    await screenshot(page, 'keep-sidebar-on');
    await page.close();
  });

  it('keeps the second article after its check, and the third one lists the first two', async () => {
    const second = await check('/courier');
    expect(await linkedOutlets(second)).toContain('The Morning Ledger');
    await second.close();

    const third = await check('/gazette');
    await expect.poll(() => linkedOutlets(third), POLL).toEqual(expect.arrayContaining(['Coastal Courier', 'The Morning Ledger']));
    expect(await linkedOutlets(third)).not.toContain('Harbour Gazette');
    await screenshot(third, 'keep-third-article');
    await third.close();
  });

  it('never lists a kept page as its own corroboration, and reading it again updates instead of duplicating', async () => {
    const again = await check('/courier');
    const outlets = await linkedOutlets(again);
    expect(outlets).toEqual(expect.arrayContaining(['The Morning Ledger', 'Harbour Gazette']));
    expect(outlets).not.toContain('Coastal Courier');
    await again.close();

    const options = await openMyReports(browser);
    await options.getByLabel('Origin').selectOption('saved');
    await expect.poll(() => options.getByTestId('report-row').count(), POLL).toBe(3);
    const headlines = await options.getByTestId('report-row').locator('td').allTextContents();
    for (const story of [HARBOUR_STRIKE, COURIER, GAZETTE]) expect(headlines.join(' ')).toContain(story.headline);
    // The options page shows the same switch on, and the storage used.
    expect(await options.getByRole('switch', { name: 'Keep every article I check in my reports' }).isChecked()).toBe(true);
    await expect.poll(() => textOf(options.getByTestId('storage-used')), POLL).toMatch(/^Storage used by Second Source: [\d.]+ (KB|MB) of [\d.]+ (MB|GB) the browser allows\.$/);
    await options.getByTestId('keep-settings').scrollIntoViewIfNeeded();
    await screenshot(options, 'keep-options');
    await options.close();
  });

  it('keeps nothing from a site on the never-keep list', async () => {
    const options = await openMyReports(browser);
    const box = options.getByLabel('Sites never to keep, one per line');
    await box.fill('127.0.0.1');
    await box.blur();
    await expect.poll(() => textOf(options.getByTestId('keep-status')), POLL).toBe('Saved: 1 site is never kept.');
    await options.close();
    server.set('/fourth', { body: renderNewsPage({ ...GAZETTE, headline: 'A fourth report, never kept', url: 'https://fourth.example/a', paragraphs: ['Port officials said 12 more ships were expected on Thursday.', ...GAZETTE.paragraphs.slice(1).map((p) => `${p} Officials repeated it on Thursday.`)] }) });
    const page = await check('/fourth');
    await page.close();
    // The next check waits for any keep in progress, so the list below is final once it has answered.
    const next = await check('/ledger');
    await next.close();
    const after = await openMyReports(browser);
    await after.getByLabel('Origin').selectOption('saved');
    await expect.poll(() => after.getByTestId('report-row').count(), POLL).toBe(3);
    await after.close();
  });
});
