// The toolbar click in real Chromium: the sidebar's facts, toggling off, strict CSP, style isolation, non-article pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickToolbar,
  HOST,
  POLL,
  EXTENSION_DIR,
  launchWithExtension,
  screenshot,
  servePages,
  sidebar,
  textOf,
  type ExtensionBrowser,
  type PageServer,
} from './harness';
import { loadPack, renderNewsPage, renderSectionFront, SITE_CSS, storyFromPack } from './news-page';
import { HARBOUR_STRIKE } from './stories';

const STRICT_CSP = "default-src 'self'; script-src 'none'; style-src 'self'";

let browser: ExtensionBrowser;
let server: PageServer;
const pack = loadPack();

beforeAll(async () => {
  server = await servePages({
    '/site.css': { body: SITE_CSS, type: 'text/css' },
    '/harbour': { body: renderNewsPage(HARBOUR_STRIKE, { withScript: true }) },
    '/harbour-csp': {
      body: renderNewsPage(HARBOUR_STRIKE, { stylesheetHref: '/site.css', withScript: true }),
      headers: { 'content-security-policy': STRICT_CSP },
    },
    '/front': { body: renderSectionFront() },
  });
  for (const report of pack?.reports ?? []) {
    server.set(`/report/${report.id}`, { body: renderNewsPage(storyFromPack(report)) });
  }
  browser = await launchWithExtension();
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

/** The number of reports the sidebar must show: the bundled pack's, once the corpus build has written it. */
const expectedCorpusSize = pack?.reports.length ?? 0;

describe('the built manifest', () => {
  it('asks for activeTab, scripting and storage only, with no host permissions (optional ones only) or static content scripts', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });
});

describe('a toolbar click on a news article', () => {
  it('shows the title, outlet, date, sentence count and corpus size', async () => {
    const page = await openPage('/harbour');
    await clickToolbar(browser, page);
    const panel = sidebar(page);
    await expect.poll(() => textOf(panel.getByTestId('corpus-size')), POLL).toBe(String(expectedCorpusSize));
    expect(await panel.getByTestId('title').textContent()).toBe(HARBOUR_STRIKE.headline);
    expect(await panel.getByTestId('outlet').textContent()).toBe('The Morning Ledger');
    expect(await panel.getByTestId('published').first().getAttribute('datetime')).toBe('2023-03-14');
    expect(await panel.getByTestId('published').first().textContent()).toBe('14 March 2023');
    expect(await panel.getByTestId('sentences').textContent()).toBe('14');
    // A labelled landmark with a heading and a named close button.
    expect(await page.getByRole('complementary', { name: 'Second Source' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Close Second Source' }).count()).toBe(1);
    await screenshot(page, 'sidebar-harbour');
    await page.close();
  });

  it.skipIf(!pack)('shows the metadata of every bundled report rendered as a news page', async () => {
    for (const report of pack?.reports ?? []) {
      const page = await openPage(`/report/${report.id}`);
      await clickToolbar(browser, page);
      const panel = sidebar(page);
      await expect.poll(() => textOf(panel.getByTestId('corpus-size')), POLL).toBe(String(expectedCorpusSize));
      // Where the pack has no headline or outlet, the page shows the generator's stand-ins and the sidebar must too.
      const story = storyFromPack(report);
      expect(await panel.getByTestId('title').textContent()).toBe(story.headline);
      expect(await panel.getByTestId('outlet').textContent()).toBe(story.outlet);
      if (report.published) {
        expect(await panel.getByTestId('published').first().getAttribute('datetime')).toBe(report.published);
      }
      expect(Number(await panel.getByTestId('sentences').textContent())).toBeGreaterThan(report.sentences.length / 2);
      await screenshot(page, `sidebar-report-${report.id}`);
      await page.close();
    }
  });

  it('removes everything on a second click and leaves the DOM exactly as it was', async () => {
    const page = await openPage('/harbour');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await clickToolbar(browser, page);
    await expect.poll(() => sidebar(page).getByTestId('corpus-size').count(), POLL).toBe(1);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(before);
    await clickToolbar(browser, page, 'closed');
    await expect.poll(() => page.locator(HOST).count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    // A third click opens it again.
    await clickToolbar(browser, page);
    await expect.poll(() => sidebar(page).getByTestId('title').count(), POLL).toBe(1);
    await page.close();
  });

  it('closes with Esc and with the close button, and opens again on the next click', async () => {
    const page = await openPage('/harbour');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await clickToolbar(browser, page);
    await expect.poll(() => sidebar(page).getByTestId('title').count(), POLL).toBe(1);
    // Focus moved into the sidebar's heading.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('second-source-host');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(HOST).count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

    await clickToolbar(browser, page);
    await expect.poll(() => sidebar(page).getByTestId('title').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Close Second Source' }).click();
    await expect.poll(() => page.locator(HOST).count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('does not close while the reader types Esc in a field of the page', async () => {
    const page = await openPage('/harbour');
    await clickToolbar(browser, page);
    await expect.poll(() => sidebar(page).getByTestId('title').count(), POLL).toBe(1);
    await page.locator('textarea[name="comment"]').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.type('x');
    expect(await page.locator('textarea[name="comment"]').inputValue()).toBe('x');
    expect(await page.locator(HOST).count()).toBe(1);
    await page.close();
  });
});

describe('style isolation', () => {
  it('keeps the page styles out of the sidebar and the sidebar styles out of the page', async () => {
    const page = await openPage('/harbour');
    const pageStyles = () =>
      page.evaluate(() => {
        const pick = (selector: string) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return [style.color, style.fontFamily, style.fontSize, style.backgroundColor, style.boxSizing].join('|');
        };
        return ['body', 'article p', 'aside', 'h1', 'button', 'time'].map(pick);
      });
    const before = await pageStyles();
    await clickToolbar(browser, page);
    const panel = sidebar(page);
    await expect.poll(() => panel.getByTestId('corpus-size').count(), POLL).toBe(1);
    expect(await pageStyles()).toEqual(before);

    // The site styles bare aside, h2, h3, button and time loudly; none of it reaches the sidebar.
    const inside = await panel.evaluate((aside) => {
      const root = aside.getRootNode() as ShadowRoot;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        asideBackground: style('aside').backgroundColor,
        asideBorder: style('aside').borderLeftStyle,
        asideFont: style('aside').fontSize,
        h2Color: style('h2').color,
        h3Transform: style('h3').textTransform,
        buttonBackground: style('button').backgroundColor,
        timeColor: style('time').color,
      };
    });
    expect(inside.asideBackground).toBe('rgb(255, 255, 255)');
    expect(inside.asideBorder).toBe('solid');
    expect(inside.asideFont).toBe('14px');
    expect(inside.h2Color).not.toBe('rgb(0, 128, 0)');
    expect(inside.h3Transform).toBe('none');
    expect(inside.buttonBackground).not.toBe('rgb(255, 0, 0)');
    expect(inside.timeColor).not.toBe('rgb(255, 0, 0)');
    await page.close();
  });

  it('still shows a styled sidebar on a page with a strict Content-Security-Policy', async () => {
    const page = await openPage('/harbour-csp');
    // The page's own inline script was blocked: the policy is in force.
    expect(await page.locator('.comment[data-n]').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(250, 248, 240)');
    await clickToolbar(browser, page);
    const panel = sidebar(page);
    await expect.poll(() => textOf(panel.getByTestId('corpus-size')), POLL).toBe(String(expectedCorpusSize));
    expect(await panel.getByTestId('title').textContent()).toBe(HARBOUR_STRIKE.headline);
    const styled = await panel.evaluate((aside) => {
      const style = getComputedStyle(aside);
      return { position: style.position, width: style.width, background: style.backgroundColor };
    });
    expect(styled).toEqual({ position: 'fixed', width: '380px', background: 'rgb(255, 255, 255)' });
    await screenshot(page, 'sidebar-strict-csp');
    await page.close();
  });
});

describe('a page that is not an article', () => {
  it('gets a clear, friendly message instead of an empty panel', async () => {
    const page = await openPage('/front');
    await clickToolbar(browser, page);
    const panel = sidebar(page);
    await expect.poll(() => panel.getByTestId('no-article').count(), POLL).toBe(1);
    expect(await panel.getByRole('heading', { name: 'No article found on this page' }).count()).toBe(1);
    expect(await panel.getByTestId('title').count()).toBe(0);
    await screenshot(page, 'sidebar-no-article');
    await page.close();
  });
});

describe('where the corpus is stored', () => {
  it('keeps the database rows in the extension origin and none in the page origin', async () => {
    const page = await openPage('/harbour');
    await clickToolbar(browser, page);
    await expect.poll(() => textOf(sidebar(page).getByTestId('corpus-size')), POLL).toBe(String(expectedCorpusSize));
    const worker = browser.context.serviceWorkers()[0]!;
    const extension = await worker.evaluate(async () => {
      const names = (await indexedDB.databases()).map((db) => db.name);
      const rows = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('second-source');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('reports').objectStore('reports').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      });
      return { origin: self.location.origin, names, rows };
    });
    expect(extension.origin).toBe(`chrome-extension://${browser.extensionId}`);
    expect(extension.names).toContain('second-source');
    expect(extension.rows).toBe(expectedCorpusSize);
    expect(expectedCorpusSize).toBeGreaterThan(0);
    const inPage = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
    expect(inPage).toEqual([]);
    await page.close();
  });
});
