// The reader's own corpus in real Chromium: save a page from the sidebar, see it in "My reports", see it cited on a
// second page (never on itself), open it in the viewer, and import a pack then export it unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CorpusPack, PackReport } from '../../utils/corpus/types';
import { clickToolbar, launchWithExtension, POLL, screenshot, servePages, sidebar, textOf, type ExtensionBrowser, type PageServer, waitForBackground } from './harness';
import { renderNewsPage, type NewsStory } from './news-page';
import { HARBOUR_STRIKE } from './stories';
import { axeCheck } from './axe-check';

/** Another outlet on the Port Calder strike: it cites the same "more than 40 container ships" as HARBOUR_STRIKE. */
const COURIER: NewsStory = {
  headline: 'Port Calder counts the cost of the dock strike',
  outlet: 'Coastal Courier',
  published: '2023-03-15',
  byline: 'Mara Olsen',
  dateline: 'Port Calder',
  paragraphs: [
    'Dock workers at Port Calder ended a strike that had left more than 40 container ships waiting offshore, the union said on Tuesday. Traders in the town said the dispute had emptied their shelves.',
    'Cranes were working again on Tuesday morning at Port Calder, and the port authority expects the backlog of ships to clear within two weeks. Hauliers said queues at the gates were already shorter.',
    'Local shopkeepers welcomed the end of the stoppage. "We lost a fortnight of trade, but the deal looks fair," said Ana Brook, who runs a chandlery near the quay.',
  ],
};

/** A pack report from paragraphs, with its spans worked out the way the pack format wants them. */
function packReport(id: string, url: string, outlet: string, headline: string, published: string, paragraphs: string[]): PackReport {
  const text = paragraphs.join('\n\n');
  const paragraphSpans: { start: number; end: number }[] = [];
  const sentenceSpans: { start: number; end: number }[] = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    paragraphSpans.push({ start: at, end: at + paragraph.length });
    for (const match of paragraph.matchAll(/[^.!?]+[.!?]+["”]?/g)) {
      const lead = match[0].length - match[0].trimStart().length;
      sentenceSpans.push({ start: at + match.index + lead, end: at + match.index + match[0].length });
    }
    at += paragraph.length + 2;
  }
  return {
    id,
    origin: 'saved',
    url,
    outlet,
    headline,
    published,
    dateline: null,
    agencies: [],
    translatedFrom: null,
    event: null,
    inferred: [{ field: 'outlet', reason: 'Named in the page footer.' }],
    text,
    paragraphs: paragraphSpans,
    sentences: sentenceSpans,
  };
}

/** A colleague's pack: two reports on events the bundled corpus does not cover. */
const COLLEAGUE_PACK: CorpusPack = {
  format: 'second-source-pack',
  version: 1,
  revision: 'colleague-1',
  reports: [
    packReport('colleague-bridge', 'https://valley-news.example/bridge-reopens', 'Valley News', 'Old river bridge reopens after two-year repair', '2023-05-02', [
      'The old river bridge at Marlow Ford reopened on Monday after a repair that took two years and cost 14 million pounds. About 9,000 vehicles are expected to cross it each day.',
      'Engineers replaced 312 steel cables and the whole road deck, the county council said. A weight limit of 18 tonnes will stay in place until the autumn.',
    ]),
    packReport('colleague-library', 'https://valley-news.example/library-vote', 'Valley News', 'Council votes to keep village libraries open', '2023-05-09', [
      'The county council voted by 41 to 17 on Thursday to keep all 23 village libraries open for another three years. Campaigners had gathered 12,500 signatures against the closures.',
      '"Libraries are where our villages meet," said councillor Priya Shah after the vote. The plan will cost about 1.1 million pounds a year.',
    ]),
  ],
};

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    '/harbour': { body: renderNewsPage(HARBOUR_STRIKE) },
    '/courier': { body: renderNewsPage(COURIER) },
  });
  browser = await launchWithExtension();
  await waitForBackground(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  return page;
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBeGreaterThan(0);
  return page;
}

/** The sidebar once the check has finished. */
async function settledSidebar(page: Page) {
  await clickToolbar(browser, page);
  const panel = sidebar(page);
  await expect.poll(() => panel.getAttribute('data-state'), POLL).toBe('done');
  return panel;
}

let savedId = '';

describe('save to my reports', () => {
  it('saves the page from the sidebar and announces it', async () => {
    const page = await openPage('/harbour');
    const panel = await settledSidebar(page);
    const button = panel.getByRole('button', { name: 'Save to my reports' });
    expect(await button.count()).toBe(1);
    // Keyboard: the button is reachable and pressed with Enter.
    await button.focus();
    await page.keyboard.press('Enter');
    const status = panel.getByTestId('save-report-status');
    await expect.poll(() => textOf(status), POLL).toBe('Saved to your reports.');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await panel.getByTestId('save-report-button').textContent()).toContain('Update in my reports');
    await screenshot(page, 'reports-sidebar-saved');
    await page.close();
  });

  it('lists the saved page in "My reports" with its outlet, headline, date and origin', async () => {
    const page = await openOptions();
    const row = page.getByTestId('report-row').filter({ hasText: HARBOUR_STRIKE.headline });
    await expect.poll(() => row.count(), POLL).toBe(1);
    savedId = (await row.getAttribute('data-report-id')) ?? '';
    expect(savedId).toMatch(/^saved-/);
    expect(await row.getByTestId('report-outlet').textContent()).toBe('The Morning Ledger');
    expect(await row.getByTestId('report-origin').textContent()).toBe('Saved');
    expect(await row.textContent()).toContain('14 March 2023');
    expect(Number(await row.getByTestId('report-figures').textContent())).toBeGreaterThan(5);
    expect(await page.getByRole('table').locator('caption').textContent()).toMatch(/^Your reports: \d+ reports$/);
    await screenshot(page, 'reports-options');
    await page.close();
  });

  it('recognizes the saved page on the next visit and never lists it as corroborating itself', async () => {
    const page = await openPage('/harbour');
    const panel = await settledSidebar(page);
    await expect.poll(() => textOf(panel.getByTestId('save-report-status')), POLL).toMatch(/^In your reports since /);
    expect(await panel.locator(`[data-testid="report-link"][data-report="${savedId}"]`).count()).toBe(0);
    await page.close();
  });

  it('lists the saved report on a second page that cites the same figure, and opens it in the viewer', async () => {
    const page = await openPage('/courier');
    const panel = await settledSidebar(page);
    const link = panel.locator(`[data-testid="report-link"][data-report="${savedId}"]`).first();
    await expect.poll(() => link.count(), POLL).toBe(1);
    expect(await link.getByTestId('link-outlet').textContent()).toBe('The Morning Ledger');
    expect(await link.textContent()).toContain('more than 40');
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-second-page');

    const [viewer] = await Promise.all([
      browser.context.waitForEvent('page'),
      link.getByRole('button', { name: /Open report/ }).click(),
    ]);
    await viewer.waitForLoadState();
    expect(viewer.url()).toContain(`chrome-extension://${browser.extensionId}/report.html?id=${savedId}`);
    const mark = viewer.getByTestId('viewer-match');
    await expect.poll(() => mark.count(), POLL).toBe(1);
    expect(await mark.textContent()).toContain('more than 40 container ships');
    expect(await viewer.getByTestId('viewer-headline').textContent()).toBe(HARBOUR_STRIKE.headline);
    // The mark is in view (the viewer scrolled to it) and has focus.
    expect(await mark.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await viewer.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('viewer-match');
    await screenshot(viewer, 'reports-viewer');
    await viewer.close();
    await page.close();
  });
});

describe('import and export', () => {
  it('imports a pack, and exporting those reports gives the same reports back', async () => {
    const page = await openOptions();
    const json = JSON.stringify(COLLEAGUE_PACK, null, 2);
    await page.getByLabel('Import a pack file').setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    // A version 1 pack carries no analyses: its reports are stored at once and analysed in the background.
    await expect.poll(() => textOf(page.getByTestId('pack-notice')), POLL).toBe(
      'Imported 2 of 2 reports. 2 are being analysed in the background; they join your checks as each batch is done.',
    );

    await page.getByLabel('Origin').selectOption('imported');
    await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBe(2);
    // The background analyses them within moments: asked as the page asks, their figures appear.
    type Runtime = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ value: { figureCount: number }[] }> } } };
    const figureCounts = () =>
      page.evaluate(async () => {
        const reply = await (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ channel: 'second-source', call: 'reports/list', payload: { origin: 'imported' } });
        return reply.value.map((item) => item.figureCount);
      });
    await expect.poll(async () => (await figureCounts()).every((count) => count > 0), POLL).toBe(true);
    await page.getByLabel('Select all shown reports').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-selected').click()]);
    expect(download.suggestedFilename()).toMatch(/^second-source-selection-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as CorpusPack;
    expect(exported.format).toBe(COLLEAGUE_PACK.format);
    // Export writes version 2: the same reports, down to the order of their keys, each with its stamped analysis.
    expect(exported.version).toBe(2);
    expect(JSON.stringify(exported.reports.map(({ analysis: _analysis, ...report }) => report))).toBe(JSON.stringify(COLLEAGUE_PACK.reports));
    expect(exported.reports.every((report) => typeof report.analysis?.extractor === 'string' && report.analysis.data.figures.length > 0)).toBe(true);
    await expect.poll(() => textOf(page.getByTestId('list-notice')), POLL).toMatch(/^Exported 2 reports to second-source-selection-/);

    // The same file again: both are recognized as duplicates, nothing is added.
    await page.getByLabel('Import a pack file').setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect.poll(() => textOf(page.getByTestId('pack-notice')), POLL).toMatch(/^Imported 0 of 2 reports\. 2 skipped as duplicates/);
    await screenshot(page, 'reports-imported');
    await page.close();
  });

  it('refuses a damaged file with a message saying where, and changes nothing', async () => {
    const page = await openOptions();
    const before = await page.getByTestId('report-row').count();
    const broken = JSON.stringify(COLLEAGUE_PACK).replace('"sentences"', '"sentences":');
    await page.getByLabel('Import a pack file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(() => textOf(page.getByTestId('pack-notice')), POLL).toMatch(/^Error: “broken\.json” was not imported\. The file is not valid JSON in report 1, at line 1, column \d+ \(character \d+\), near “[^\\]*”\. Nothing was imported\.$/);
    expect(await page.getByTestId('report-row').count()).toBe(before);
    await screenshot(page, 'reports-import-error');
    await page.close();
  });

  it('deletes the imported reports with undo, keyboard focus landing on Undo', async () => {
    const page = await openOptions();
    await page.getByLabel('Origin').selectOption('imported');
    await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBe(2);
    await page.getByLabel('Select all shown reports').check();
    await page.getByTestId('delete-selected').click();
    await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Undo');
    await screenshot(page, 'reports-deleted');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBe(2);
    await page.close();
  });
});

describe('settings', () => {
  it('stores the settings in a versioned storage item that survives a reload', async () => {
    const page = await openOptions();
    const highlights = page.getByLabel('Highlight checked figures in the page');
    await expect.poll(() => highlights.isChecked(), POLL).toBe(true);
    await highlights.uncheck();
    await expect.poll(() => textOf(page.getByTestId('settings-status')), POLL).toBe('Saved: no highlights in the page.');
    const tolerance = page.getByLabel('Tolerance for “agrees”, in percent');
    await tolerance.fill('40');
    await tolerance.press('Enter');
    await expect.poll(() => textOf(page.getByTestId('tolerance-error')), POLL).toBe('Error: The tolerance must be between 0% and 25%.');
    await page.getByTestId('settings-status').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-settings');
    await tolerance.fill('5');
    await tolerance.press('Enter');
    await expect.poll(() => textOf(page.getByTestId('settings-status')), POLL).toBe('Saved: figures within 5% of each other agree.');

    await page.reload();
    await expect.poll(() => page.getByLabel('Tolerance for “agrees”, in percent').inputValue(), POLL).toBe('5');
    expect(await page.getByLabel('Highlight checked figures in the page').isChecked()).toBe(false);
    // The item lives in storage.local under "settings", where the content script and the background can read it.
    type Local = { chrome: { storage: { local: { get: (keys: string[]) => Promise<unknown> } } } };
    const stored = await page.evaluate(() => (globalThis as unknown as Local).chrome.storage.local.get(['settings']));
    expect(stored).toEqual({
      settings: {
        highlights: false,
        relations: { differs: true, agrees: true, statements: true },
        agreeTolerancePercent: 5,
        keep: { enabled: false, neverSites: [], retention: { kind: 'forever' }, autoSites: [] },
      },
    });
    await page.close();
  });
});

describe('accessibility', () => {
  it('"My reports" passes an axe-core check, with a selection, an error and an Undo on screen', async () => {
    const page = await openOptions();
    await page.getByTestId('report-row').first().getByRole('checkbox').check();
    await page.getByLabel('Tolerance for “agrees”, in percent').fill('x');
    await page.getByLabel('Tolerance for “agrees”, in percent').press('Enter');
    await page.getByRole('button', { name: /^(Delete|Hide) “/ }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count(), POLL).toBe(1);
    const { violations, passes } = await axeCheck(page);
    expect(violations).toEqual([]);
    expect(passes).toEqual(expect.arrayContaining(['color-contrast', 'label', 'button-name', 'th-has-data-cells', 'aria-allowed-attr']));
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.close();
  });

  it('the report viewer passes an axe-core check with the sentence marked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/report.html?id=${encodeURIComponent(savedId)}&sentence=${encodeURIComponent('The union said 2,300 of its members took part in the ballot.')}`);
    await expect.poll(() => page.getByTestId('viewer-match').count(), POLL).toBe(1);
    const { violations, passes } = await axeCheck(page);
    expect(violations).toEqual([]);
    expect(passes).toEqual(expect.arrayContaining(['color-contrast', 'definition-list', 'dlitem', 'link-name']));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reports-viewer-top');
    await page.close();
  });
});
