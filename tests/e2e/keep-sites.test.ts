// "Keep articles on my sites without a click" in real Chromium: a site listed and granted in the options page has its
// articles kept as the reader opens them, with no toolbar click and nothing drawn on the page; keeping off, never-keep
// sites and removing the site (which gives the permission back) stop it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToolbar, grantSiteAccess, HOST, launchWithExtension, POLL, screenshot, servePages, sidebar, textOf, type ExtensionBrowser, type PageServer } from './harness';
import { COURIER, GAZETTE, HARBOUR_STRIKE } from './stories';
import { renderNewsPage } from './news-page';
import { linkedOutlets, openMyReports, portCalderPages } from './keep-fixtures';
import { axeCheck } from './axe-check';

/** The pattern the options page asks for when the reader adds the test server's host, 127.0.0.1 (any port). */
const SITE_PATTERN = '*://127.0.0.1/*';

let browser: ExtensionBrowser;
let server: PageServer;
/** A kept profile, so that one test can restart the browser on it. */
const profile = mkdtempSync(join(tmpdir(), 'second-source-keep-sites-'));

beforeAll(async () => {
  server = await servePages(portCalderPages());
  browser = await launchWithExtension({ profile });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

type Chrome = {
  chrome: {
    scripting: { getRegisteredContentScripts: () => Promise<{ id: string; matches?: string[]; excludeMatches?: string[] }[]> };
    permissions: { contains: (permissions: { origins: string[] }) => Promise<boolean> };
  };
};

/** The keeping scripts the background has registered, as the service worker sees them. */
async function registered(): Promise<{ matches: string[]; excludeMatches: string[] }[]> {
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const scripts = await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.scripting.getRegisteredContentScripts());
  return scripts.map((script) => ({ matches: script.matches ?? [], excludeMatches: script.excludeMatches ?? [] }));
}

/** Headlines of the reader's own reports ("saved", kept ones included), as "My reports" lists them. */
async function savedHeadlines(): Promise<string[]> {
  const options = await openMyReports(browser);
  try {
    await options.getByLabel('Origin').selectOption('saved');
    return (await options.getByTestId('report-row').locator('td').allTextContents()).filter((cell) => cell.trim().length > 0);
  } finally {
    await options.close();
  }
}

/** Opens a page the way a reader does: no toolbar click. */
async function visit(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  return page;
}

/** True when the page's DOM is exactly the served document: nothing was drawn, added or moved. */
async function untouched(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return served.documentElement.outerHTML === document.documentElement.outerHTML;
  });
}

describe('keep articles on listed sites without a click', () => {
  it('registers nothing by default: the manifest grants no site and no script runs in pages', async () => {
    expect(await registered()).toEqual([]);
    const page = await visit('/ledger');
    expect(await untouched(page)).toBe(true);
    await page.close();
  });

  it('lists a site from the options page, with the permission the browser granted for exactly that site', async () => {
    const options = await openMyReports(browser);
    await options.getByRole('switch', { name: 'Keep every article I check in my reports' }).check();
    await expect.poll(() => textOf(options.getByTestId('keep-status')), POLL).toBe('Saved: every article you check is kept in your reports.');
    // The browser's own Site access page grants the host; the extension's request, from the click, then needs no prompt.
    await grantSiteAccess(browser, SITE_PATTERN);
    const field = options.getByLabel('Site to keep automatically');
    await field.fill('127.0.0.1');
    await field.press('Enter');
    await expect.poll(() => textOf(options.getByTestId('auto-status')), POLL).toBe('127.0.0.1: allowed. Articles you open there are kept.');
    await expect.poll(() => textOf(options.getByTestId('auto-site-state')), POLL).toBe('✓ allowed by the browser');
    await expect.poll(registered, POLL).toEqual([{ matches: [SITE_PATTERN], excludeMatches: [] }]);
    // The section passes axe-core with a site listed, and a refused entry's error on screen.
    await field.fill('not a site');
    await field.press('Enter');
    await expect.poll(() => textOf(options.getByTestId('auto-site-error')), POLL).toBe('Error: Not a site name: not a site. Write a site such as news.example.');
    expect((await axeCheck(options)).violations).toEqual([]);
    await options.getByTestId('auto-keep-sites').scrollIntoViewIfNeeded();
    await screenshot(options, 'keep-sites-options');
    await options.close();
  });

  it('keeps the articles opened there, drawing nothing, and a checked third article lists them', async () => {
    for (const path of ['/ledger', '/courier']) {
      const page = await visit(path);
      await page.waitForLoadState('load');
      await page.close();
    }
    await expect.poll(savedHeadlines, POLL).toEqual(expect.arrayContaining([HARBOUR_STRIKE.headline, COURIER.headline]));

    const third = await visit('/gazette');
    await expect.poll(savedHeadlines, POLL).toEqual(expect.arrayContaining([GAZETTE.headline]));
    expect(await third.locator(HOST).count()).toBe(0);
    expect(await untouched(third)).toBe(true);
    await clickToolbar(browser, third);
    await expect.poll(() => sidebar(third).getAttribute('data-state'), POLL).toBe('done');
    const outlets = await linkedOutlets(third);
    expect(outlets).toEqual(expect.arrayContaining(['Coastal Courier', 'The Morning Ledger']));
    expect(outlets).not.toContain('Harbour Gazette');
    await third.close();
    // Kept on the visit and again after its check, the third page updated its report: three reports, not four.
    const options = await openMyReports(browser);
    await options.getByLabel('Origin').selectOption('saved');
    await expect.poll(() => options.getByTestId('report-row').count(), POLL).toBe(3);
    await options.close();
  });

  it('reads nothing on a never-keep site, nor anywhere while keeping is off', async () => {
    const options = await openMyReports(browser);
    const box = options.getByLabel('Sites never to keep, one per line');
    await box.fill('127.0.0.1');
    await box.blur();
    await expect.poll(() => textOf(options.getByTestId('keep-status')), POLL).toBe('Saved: 1 site is never kept.');
    await expect.poll(registered, POLL).toEqual([{ matches: [SITE_PATTERN], excludeMatches: [SITE_PATTERN] }]);
    await box.fill('');
    await box.blur();
    await expect.poll(() => textOf(options.getByTestId('keep-status')), POLL).toBe('Saved: no site is excluded.');
    await expect.poll(registered, POLL).toEqual([{ matches: [SITE_PATTERN], excludeMatches: [] }]);

    await options.getByRole('switch', { name: 'Keep every article I check in my reports' }).uncheck();
    await expect.poll(registered, POLL).toEqual([]);
    expect(await textOf(options.getByTestId('auto-keep-off'))).toMatch(/^Keeping is off/);
    await options.getByRole('switch', { name: 'Keep every article I check in my reports' }).check();
    await expect.poll(registered, POLL).toEqual([{ matches: [SITE_PATTERN], excludeMatches: [] }]);
    await options.close();
  });

  it('still keeps after a browser restart: the registration and the permission persist', async () => {
    await browser.close();
    browser = await launchWithExtension({ profile });
    await expect.poll(registered, POLL).toEqual([{ matches: [SITE_PATTERN], excludeMatches: [] }]);
    server.set('/after-restart', { body: renderNewsPage({ ...COURIER, headline: 'Port Calder traders restock after the strike', url: 'https://courier.example/restock' }) });
    const page = await visit('/after-restart');
    await expect.poll(savedHeadlines, POLL).toEqual(expect.arrayContaining(['Port Calder traders restock after the strike']));
    await page.close();
  });

  it('removing the site gives its permission back and unregisters the script', async () => {
    const options = await openMyReports(browser);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => textOf(options.getByTestId('auto-status')), POLL).toMatch(/^127\.0\.0\.1 removed: its permission is given back/);
    await expect.poll(() => options.getByTestId('auto-site').count(), POLL).toBe(0);
    await expect.poll(() => options.evaluate((pattern) => (globalThis as unknown as Chrome).chrome.permissions.contains({ origins: [pattern] }), SITE_PATTERN), POLL).toBe(false);
    await expect.poll(registered, POLL).toEqual([]);
    // Focus is back on the field, ready for the keyboard.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('rp-auto-site');
    await options.close();
  });
});
