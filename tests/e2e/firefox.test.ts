// The reader's core paths in Firefox ESR, headless, with the built add-on and a real toolbar click (see firefox-harness.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { HOST, POLL, servePages, type PageServer } from './harness';
import {
  clickToolbarButton,
  EXTENSION_ORIGIN,
  firefoxScreenshot,
  launchFirefox,
  selectedTab,
  toolbarButton,
  type FirefoxWithExtension,
} from './firefox-harness';
import { loadPack, renderNewsPage, SITE_CSS, storyFromPack } from './news-page';
import { HARBOUR_STRIKE } from './stories';

const pack = loadPack();
/** The report of 2 December 2021: its "more than 114,000" troops differ from the later reports' 100,000. */
const DEC_2 = '001_894e524890745626';
/** A page that allows no script and only its own styles: the sidebar's and the highlights' CSS must still apply. */
const STRICT_CSP = "default-src 'self'; script-src 'none'; style-src 'self'";

let ff: FirefoxWithExtension;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    '/harbour': { body: renderNewsPage(HARBOUR_STRIKE) },
    '/site.css': { body: SITE_CSS, type: 'text/css' },
  });
  for (const report of pack?.reports ?? []) {
    server.set(`/report/${report.id}`, { body: renderNewsPage(storyFromPack(report)) });
    server.set(`/csp/${report.id}`, {
      body: renderNewsPage(storyFromPack(report), { stylesheetHref: '/site.css' }),
      headers: { 'content-security-policy': STRICT_CSP },
    });
  }
  ff = await launchFirefox();
  // A page that lists reports proves the background has loaded its corpus and is answering (its listeners are
  // registered at the top of its script), so the first toolbar click reaches a listener.
  const options = await openExtensionPage('/options.html');
  await options.waitForSelector('[data-testid="report-row"]', { timeout: 60_000 });
  // The sidebar's shadow root is closed and its host's name random; this trusted-only key (set from an extension
  // page) has the background open it and give the host HOST's test id, as the Chromium harness does.
  await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { storage: { local: { set: (items: object) => Promise<void> } } } }).browser;
    await api.storage.local.set({ 'testing:openShadowRoot': true });
  });
  await options.close();
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(server.url(path));
  return page;
}

/** An add-on page. Firefox never reports a moz-extension:// load to Puppeteer as finished: no lifecycle wait. */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}${path}`, { waitUntil: [] });
  return page;
}

/** The first button inside `scope` (a selector in the sidebar's shadow root) whose text contains `label`, or null. */
async function sidebarButton(page: Page, scope: string, label: string): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle(
    (hosts, inner, text) =>
      [...(document.querySelector(hosts)?.shadowRoot?.querySelectorAll(`${inner} button`) ?? [])].find((b) =>
        (b.textContent ?? '').includes(text),
      ) ?? null,
    HOST,
    scope,
    label,
  );
  return handle.asElement() as ElementHandle<Element> | null;
}

/** The text of every element matching `selector` inside the sidebar's shadow root (none: []). */
function sidebarTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (hosts, inner) => [...(document.querySelector(hosts)?.shadowRoot?.querySelectorAll(inner) ?? [])].map((el) => el.textContent ?? ''),
    HOST,
    selector,
  );
}

/** Clicks the toolbar button and waits until the sidebar has its final content. */
async function check(page: Page): Promise<void> {
  await clickToolbarButton(ff.browser, page);
  await page.waitForFunction((hosts) => document.querySelector(hosts)?.shadowRoot?.querySelector('[data-state="done"]') != null, POLL, HOST);
}

/** The tooltip on show (in the sidebar's shadow tree), or null when none is. */
function shownTooltip(page: Page): Promise<{ role: string | null; text: string; position: string } | null> {
  return page.evaluate((hosts) => {
    const tips = [...(document.querySelector(hosts)?.shadowRoot?.querySelectorAll('second-source-tip:not([hidden])') ?? [])];
    const tip = tips.find((t) => t.getBoundingClientRect().width > 0);
    if (!tip) return null;
    return { role: tip.getAttribute('role'), text: tip.textContent ?? '', position: getComputedStyle(tip).position };
  }, HOST);
}

/** The focusable highlight of `figure` in the page (exactly one expected). */
async function highlight(page: Page, figure: string): Promise<ElementHandle<Element>> {
  const marks = await page.$$('mark[data-second-source="figure"][tabindex="0"]');
  const matching: ElementHandle<Element>[] = [];
  for (const mark of marks) {
    if ((await mark.evaluate((m) => (m.textContent ?? '').replace(/\s+/g, ' '))) === figure) matching.push(mark);
  }
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe.skipIf(!pack)('Firefox: a seed report rendered as a news page', () => {
  it('lists "more than 114,000" as differing, highlights it in the article and explains it in a tooltip; the badge counts it', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    await check(page);
    const [summary] = await sidebarTexts(page, '[data-testid="summary"]');
    expect(summary).toMatch(/^\d+ figures checked: 1 differs from other reports, \d+ confirmed, \d+ only here$/);
    const item = '[data-testid="section-differs"] [data-testid="figure-item"][data-figure="more than 114,000"]';
    expect(await sidebarTexts(page, item)).toHaveLength(1);
    const differing = await sidebarTexts(page, `${item} [data-testid="report-link"][data-relation="differs"] blockquote`);
    expect(differing.some((sentence) => sentence.includes('an estimated 100,000'))).toBe(true);
    // The page never corroborates itself.
    expect(await sidebarTexts(page, `[data-report="${DEC_2}"]`)).toEqual([]);

    // The highlight sits on the right words, in the article, marked as differing.
    const mark = await highlight(page, 'more than 114,000');
    expect(await mark.evaluate((m) => m.getAttribute('data-relation'))).toBe('differs');
    expect(await mark.evaluate((m) => m.closest('article') !== null)).toBe(true);
    await firefoxScreenshot(page, 'sidebar-dec-2');

    // Focus shows the tooltip, naming the other reports; the mark's own description (which the page can read) gives
    // only the relation and the number of reports.
    expect(await mark.evaluate((m) => m.getAttribute('aria-description'))).toMatch(/^differs from \d+ other reports?; Enter for details$/);
    await mark.focus();
    await expect.poll(async () => (await shownTooltip(page)) !== null, POLL).toBe(true);
    const tip = await shownTooltip(page);
    expect(tip?.role).toBe('tooltip');
    expect(tip?.text).toMatch(/Differs from \d+ of \d+ other reports/);
    expect(tip?.text).toContain('Dawn');
    await firefoxScreenshot(page, 'tooltip-dec-2');

    // The toolbar button itself shows the count of differing figures for this tab.
    await expect.poll(async () => (await toolbarButton(ff.browser)).badge, POLL).toBe('1');
    await page.close();
  });

  it('styles the highlights, tooltip and sidebar on a page with a strict Content-Security-Policy', async () => {
    const page = await openPage(`/csp/${DEC_2}`);
    await check(page);
    const mark = await highlight(page, 'more than 114,000');
    // The page's CSP allows only its own stylesheet: these styles come from the extension (page-style.ts, sidebar.css).
    expect(await mark.evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('wavy');
    expect(await mark.evaluate((m) => getComputedStyle(m).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await mark.focus();
    await expect.poll(async () => (await shownTooltip(page))?.position, POLL).toBe('fixed');
    const panel = await page.evaluate((hosts) => {
      const root = document.querySelector(hosts)?.shadowRoot?.querySelector('[data-testid="second-source-sidebar"]');
      return root ? { position: getComputedStyle(root).position, width: root.getBoundingClientRect().width } : null;
    }, HOST);
    expect(panel?.position).toBe('fixed');
    expect(panel?.width).toBeGreaterThan(200);
    await firefoxScreenshot(page, 'tooltip-strict-csp');
    await page.close();
  });

  it('leaves the DOM identical after a second click', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await check(page);
    expect((await page.$$('mark[data-second-source="figure"]')).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(before);
    await clickToolbarButton(ff.browser, page);
    await page.waitForFunction((hosts) => document.querySelector(hosts) === null, POLL, HOST);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    // The text nodes were joined again, not only serialized alike.
    const split = await page.evaluate(() =>
      [...document.querySelectorAll('article p')].some((p) => [...p.childNodes].some((n, i, all) => n.nodeType === 3 && all[i + 1]?.nodeType === 3)),
    );
    expect(split).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('article p').length)).toBeGreaterThan(0);
    await page.close();
  });

  it('opens the report viewer from "Open report", at the matching sentence', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    await check(page);
    const button = await sidebarButton(page, '[data-figure="more than 114,000"] [data-testid="report-link"][data-relation="differs"]', 'Open report');
    expect(button).not.toBeNull();
    // The viewer opens in a new tab. Puppeteer sees it appear but is not told when it reaches its moz-extension://
    // address, so the address is read in the page itself.
    const before = new Set(ff.browser.targets());
    await button!.click();
    const target = await ff.browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), POLL);
    const viewer = await target.page();
    expect(viewer).not.toBeNull();
    const href = () => viewer!.evaluate(() => location.href).catch(() => '');
    await expect.poll(href, POLL).toMatch(new RegExp(`^${EXTENSION_ORIGIN}/report\\.html\\?`));
    const url = new URL(await href());
    expect(url.searchParams.get('id')).toMatch(/^00[0-4]_/);
    expect(url.searchParams.get('sentence')).toBeTruthy();
    await expect.poll(() => viewer!.evaluate(() => document.querySelectorAll('[data-testid="viewer-match"]').length), POLL).toBe(1);
    expect(await viewer!.$eval('[data-testid="viewer-match"]', (m) => m.textContent)).toContain('100,000');
    expect(await viewer!.$eval('[data-testid="viewer-headline"]', (h) => (h.textContent ?? '').length)).toBeGreaterThan(0);
    await firefoxScreenshot(viewer!, 'report-viewer');
    await viewer!.close();
    await page.close();
  });
});

describe('Firefox: save to my reports', () => {
  it('saves the page from the sidebar, and "My reports" lists it', async () => {
    const page = await openPage('/harbour');
    await check(page);
    const button = await sidebarButton(page, '[data-testid="save-report"]', 'Save to my reports');
    expect(button).not.toBeNull();
    await button!.click();
    await expect.poll(async () => (await sidebarTexts(page, '[data-testid="save-report-status"]')).join(''), POLL).toBe('Saved to your reports.');
    await firefoxScreenshot(page, 'sidebar-saved');
    await page.close();

    const options = await openExtensionPage('/options.html');
    await options.waitForSelector('[data-testid="report-row"]', POLL);
    const row = async () =>
      options.$$eval(
        '[data-testid="report-row"]',
        (rows, headline) =>
          rows
            .filter((r) => (r.textContent ?? '').includes(headline))
            .map((r) => ({
              id: r.getAttribute('data-report-id') ?? '',
              outlet: r.querySelector('[data-testid="report-outlet"]')?.textContent ?? '',
              origin: r.querySelector('[data-testid="report-origin"]')?.textContent ?? '',
            })),
        HARBOUR_STRIKE.headline,
      );
    await expect.poll(async () => (await row()).length, POLL).toBe(1);
    const [saved] = await row();
    expect(saved?.id).toMatch(/^saved-/);
    expect(saved?.outlet).toBe('The Morning Ledger');
    expect(saved?.origin).toBe('Saved');
    await firefoxScreenshot(options, 'my-reports');
    await options.close();
  });
});

describe('Firefox: a page the browser keeps closed to extensions', () => {
  // about:support is a privileged page (executeScript never settles there); about:robots an ordinary about: page.
  it.each(['about:support', 'about:robots'])('a click on %s marks the button "!" and says why in its tooltip', async (url) => {
    const page = await ff.browser.newPage();
    await page.goto(url, { waitUntil: [] });
    // Click once the tab shows the page, not the blank page it opened on. Read in the browser window: about:support
    // refuses the scripts Puppeteer would run in it.
    await expect.poll(() => selectedTab(ff.browser), POLL).toEqual({ url, loading: false });
    expect((await toolbarButton(ff.browser)).badge).toBe('');
    await clickToolbarButton(ff.browser, page);
    await expect.poll(() => toolbarButton(ff.browser), POLL).toEqual({
      badge: '!',
      title: expect.stringContaining('cannot read this page') as unknown as string,
    });
    await page.close();
  });
});
