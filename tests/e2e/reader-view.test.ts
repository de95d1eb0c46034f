// Issue 13 in real Chromium: the findings first, honest precision, a figure's timeline, and the sidebar beside the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickToolbar, HOST, launchWithExtension, POLL, screenshot, servePages, sidebar, textOf, type ExtensionBrowser, type PageServer } from './harness';
import { loadPack, renderNewsPage, ROOT, storyFromPack } from './news-page';

const pack = loadPack();
/** The report of 2 December 2021: its "more than 114,000" troops differ from the later reports' 100,000. */
const DEC_2 = '001_894e524890745626';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages();
  for (const report of pack?.reports ?? []) server.set(`/report/${report.id}`, { body: renderNewsPage(storyFromPack(report)) });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(server.url(path));
  return page;
}

/** Clicks the toolbar and waits until the sidebar has its final content. */
async function check(page: Page): Promise<void> {
  await clickToolbar(browser, page);
  await page.locator(`${HOST} [data-state="done"]`).waitFor({ timeout: POLL.timeout });
}

/** Runs axe-core on the sidebar (and the page's marks) and returns its violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async (host) => {
    type Rule = { id: string; help: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[] }> } }).axe;
    const result = await axe.run(
      { include: [[host], ['mark[data-second-source]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  }, HOST);
}

describe.skipIf(!pack)('the findings first', () => {
  it('shows a one-line header, the summary and the first differing figure above the fold at 900 px', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    await check(page);
    const panel = sidebar(page);
    const line = panel.getByTestId('article-line');
    expect(await line.textContent()).toMatch(/^.+ · \d+ \w+ \d{4} · \d+ reports checked$/);
    // One line: no taller than two lines of its own text would be.
    const lineBox = await line.boundingBox();
    expect(lineBox!.height).toBeLessThan(30);
    // The detail is one click away and closed at first.
    expect(await panel.getByTestId('article-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    const fold = 900;
    const summary = await panel.getByTestId('summary').boundingBox();
    expect(summary!.y + summary!.height).toBeLessThanOrEqual(fold);
    const first = panel.getByTestId('section-differs').getByTestId('figure-item').first();
    // The figure, the page's sentence and the first other report that gives it differently.
    const firstDiffering = first.locator('[data-testid="report-link"][data-relation="differs"] blockquote').first();
    const box = await firstDiffering.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(fold);
    await screenshot(page, 'reader-view-fold-900');

    // Opening the disclosure shows the title and the counts.
    await line.click();
    expect(await panel.getByTestId('title').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!pack)("a figure's timeline", () => {
  it('draws the values of a figure given by three or more reports at different dates, with the same facts as a list', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    await check(page);
    const panel = sidebar(page);
    const item = panel.locator('[data-testid="figure-item"][data-figure="more than 114,000"]');
    const chart = item.getByTestId('figure-timeline');
    expect(await chart.count()).toBe(1);
    const points = chart.getByTestId('timeline-point');
    expect(await points.count()).toBeGreaterThanOrEqual(4);
    expect(await chart.locator('[data-testid="timeline-point"][data-page="true"]').count()).toBe(1);
    const label = (await chart.getByRole('img').getAttribute('aria-label')) ?? '';
    expect(label).toContain('This article, 2 Dec 2021: more than 114,000');
    expect(label).toContain('an estimated 100,000');
    // The keyboard reaches the list: Tab to its disclosure, Enter opens it.
    const summary = chart.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const list = chart.getByTestId('timeline-list');
    await expect.poll(() => list.isVisible(), POLL).toBe(true);
    expect(await list.locator('li').count()).toBe(await points.count());
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'reader-view-timeline');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** Widths that a reflow changes and a restore must bring back: the root, the body, the article and its column. */
function widths(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    ['html', 'body', 'main', 'article', 'article p'].map((selector) => {
      const element = document.querySelector(selector);
      return element ? Number(getComputedStyle(element).width.replace('px', '')) : -1;
    }),
  );
}

/** The sidebar's layout width. Not its bounding box: while it slides in, a transform leaves that a float error off (463.99994 for 464). */
const panelWidth = (page: Page) =>
  sidebar(page).evaluate((panel) => Number(getComputedStyle(panel).width.replace('px', '')));

describe.skipIf(!pack)('side by side', () => {
  it('reflows a wide page to leave the sidebar room, and closing restores the page exactly', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const widthsBefore = await widths(page);
    await check(page);
    const panel = sidebar(page);
    expect(await panel.getAttribute('data-mode')).toBe('side');
    const width = await panelWidth(page);
    // The article's right edge is left of the sidebar: nothing of it is hidden.
    const articleRight = await page.locator('article').evaluate((a) => a.getBoundingClientRect().right);
    expect(articleRight).toBeLessThanOrEqual(1280 - width);
    expect((await widths(page))[0]).toBe(1280 - width);
    await clickToolbar(browser, page, 'closed');
    // Compared where they first differ: a failure would otherwise print two whole pages.
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    let at = 0;
    while (at < before.length && before[at] === after[at]) at++;
    expect(after.slice(Math.max(0, at - 80), at + 160)).toBe(before.slice(Math.max(0, at - 80), at + 160));
    expect(after.length).toBe(before.length);
    expect(await widths(page)).toEqual(widthsBefore);
    // Open again for the screenshot and axe: both leave traces in the page (Playwright's screenshot sets an empty
    // style attribute on the textarea; axe's script stays), so only after the comparison.
    await check(page);
    await screenshot(page, 'reader-view-side-by-side');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the overlay on a narrow window, with a collapse handle that the keyboard can use', async () => {
    const page = await openPage(`/report/${DEC_2}`, { width: 700, height: 900 });
    const widthsBefore = await widths(page);
    await check(page);
    const panel = sidebar(page);
    expect(await panel.getAttribute('data-mode')).toBe('overlay');
    // The page did not reflow: the sidebar lies over it.
    expect(await widths(page)).toEqual(widthsBefore);
    await page.getByRole('button', { name: 'Collapse Second Source' }).click();
    await expect.poll(() => panel.isVisible(), POLL).toBe(false);
    const expand = page.getByRole('button', { name: 'Expand Second Source' });
    expect(await expand.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await screenshot(page, 'reader-view-collapsed');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);
    expect(await page.getByRole('button', { name: 'Expand Second Source' }).count()).toBe(0);
    await screenshot(page, 'reader-view-overlay-700');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('takes a dragged width, reflows the page to it, and remembers it the next time', async () => {
    const page = await openPage(`/report/${DEC_2}`);
    await check(page);
    const start = await panelWidth(page);
    const handle = sidebar(page).getByTestId('resize');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => panelWidth(page), POLL).toBe(start + 100);
    expect((await widths(page))[0]).toBe(1280 - start - 100);
    // The keyboard does the same with the arrow keys.
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => panelWidth(page), POLL).toBe(start + 100 - 16);
    expect(await handle.getAttribute('aria-valuenow')).toBe(String(start + 84));
    await clickToolbar(browser, page, 'closed');
    await page.close();

    const next = await openPage(`/report/${DEC_2}`);
    await check(next);
    expect(await panelWidth(next)).toBe(start + 84);
    // Back to the default for the tests that follow.
    await sidebar(next).getByTestId('resize').focus();
    await next.keyboard.press('Home');
    await next.close();
  });
});

/** The AFP report of 21 January 2022: four of its quoted statements are also in the AFP/Reuters report of 22 January. */
const JAN_21 = '002_f5573d1949718a5b';

describe.skipIf(!pack)('statements in the page', () => {
  it('marks corroborated statements in the article with their own style, a tooltip naming the reports, and a keyboard stop', async () => {
    const page = await openPage(`/report/${JAN_21}`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await check(page);
    const said = page.locator('mark[data-second-source="statement"][tabindex="0"]');
    await expect.poll(() => said.count(), POLL).toBeGreaterThanOrEqual(2);
    const first = said.first();
    expect(await first.getAttribute('data-relation')).toBe('corroborates');
    expect(await first.evaluate((m) => m.closest('article') !== null)).toBe(true);
    // A different marker style from the figures': a dotted underline, and a quotation-mark badge as the second cue.
    expect(await first.evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('dotted');
    expect(await first.evaluate((m) => getComputedStyle(m, '::before').content)).toContain('“');

    expect(await first.getAttribute('aria-description')).toMatch(/^statement also in 1 other report; Enter for details$/);
    await first.focus();
    const tip = page.locator(`${HOST} second-source-tip:not([hidden])`);
    await expect.poll(() => tip.count(), POLL).toBe(1);
    expect(await tip.textContent()).toMatch(/also in 1 other report/);
    expect(await tip.textContent()).toContain('AFP/Reuters copy');
    await clickToolbar(browser, page, 'closed');
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    expect(after === before, 'the DOM is as it was after the statements were unmarked').toBe(true);

    // Again, for the keyboard, the screenshot and axe (each leaves traces of its own in the page).
    await check(page);
    await said.first().focus();
    await expect.poll(() => page.locator('second-source-tip:not([hidden])').count(), POLL).toBe(1);
    await screenshot(page, 'reader-view-statement-tooltip');

    // j and k walk through figures and statements alike, in page order.
    await page.locator('article h1').evaluate((h1) => {
      (h1 as HTMLElement).tabIndex = -1;
      (h1 as HTMLElement).focus();
    });
    const stops = await page.locator('mark[data-second-source][tabindex="0"]').count();
    const visited = new Set<string>();
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('j');
      visited.add((await page.evaluate(() => document.activeElement?.getAttribute('data-second-source'))) ?? 'none');
    }
    expect(visited.has('statement')).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!pack)("the reader's correction", () => {
  it('takes "Not the same thing" at once, keeps it on the next check and after a browser restart, and undoes it from My reports', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'second-source-restart-'));
    let own = await launchWithExtension({ profile });
    const openOn = async (b: ExtensionBrowser) => {
      const page = await b.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(server.url(`/report/${DEC_2}`));
      await clickToolbar(b, page);
      await page.locator(`${HOST} [data-state="done"]`).waitFor({ timeout: POLL.timeout });
      return page;
    };
    try {
      let page = await openOn(own);
      const panel = sidebar(page);
      expect(await textOf(panel.getByTestId('summary'))).toMatch(/1 differs from other reports/);
      const item = panel.locator('[data-testid="figure-item"][data-figure="more than 114,000"]');
      // Links the reader dismissed stay in the card (folded, with Undo): counted apart.
      const differing = item.locator('[data-testid="report-link"][data-relation="differs"]:not([data-dismissed])');
      expect(await differing.count()).toBe(2);
      // Both differing reports: "not the same thing". The figure is then confirmed (by the vague reports) only.
      await differing.first().getByTestId('correct-different').click();
      await expect.poll(() => differing.count(), POLL).toBe(1);
      await differing.first().getByTestId('correct-different').click();
      await expect.poll(() => textOf(panel.getByTestId('summary')), POLL).toMatch(/0 differ from other reports/);
      expect(await page.locator('mark[data-second-source="figure"][data-relation="differs"]').count()).toBe(0);
      const dismissed = panel.locator('[data-testid="figure-item"][data-figure="more than 114,000"] [data-testid="dismissed"]');
      expect(await dismissed.locator(':scope > summary').textContent()).toBe('You marked 2 links as not the same thing');
      // Both decisions are shown: the engine's reasons and the reader's.
      await dismissed.locator(':scope > summary').click();
      expect(await textOf(dismissed.getByTestId('reader-decision').first())).toMatch(/You marked these as different quantities on \d+ \w+ \d{4}/);
      await dismissed.scrollIntoViewIfNeeded();
      await screenshot(page, 'reader-view-correction');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();

      // A browser restart on the same profile: the next check follows what the reader said.
      await own.close();
      own = await launchWithExtension({ profile });
      page = await openOn(own);
      expect(await textOf(sidebar(page).getByTestId('summary'))).toMatch(/0 differ from other reports/);
      expect(await sidebar(page).getByTestId('dismissed').count()).toBe(1);

      // My reports lists both corrections; Undo there brings the link back on the next check.
      const options = await own.context.newPage();
      await options.goto(`chrome-extension://${own.extensionId}/options.html`);
      const rows = options.getByTestId('correction-row');
      await expect.poll(() => rows.count(), POLL).toBe(2);
      expect(await rows.first().textContent()).toMatch(/^Not the same thing: “more than 114,000”/);
      await rows.first().getByRole('button', { name: /Undo/ }).click();
      await expect.poll(() => rows.count(), POLL).toBe(1);
      await options.close();
      await clickToolbar(own, page, 'closed');
      await clickToolbar(own, page);
      await page.locator(`${HOST} [data-state="done"]`).waitFor({ timeout: POLL.timeout });
      expect(await textOf(sidebar(page).getByTestId('summary'))).toMatch(/1 differs from other reports/);
      await page.close();
    } finally {
      await own.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
