// Every click works: the first click after a browser start, then 100 open/close cycles across 25 pages, half of them
// first clicked while the page is still loading; no click is lost, and refusals the extension recovered are counted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickNow, HOST, launchWithExtension, POLL, servePages, type ExtensionBrowser, type PageServer } from './harness';
import { renderNewsPage } from './news-page';
import { HARBOUR_STRIKE, longStory } from './stories';

let browser: ExtensionBrowser;
let server: PageServer;

/** A page that keeps loading for 1.5 s after its DOM is ready (a slow image). */
const slow = (html: string) => html.replace('</body>', '<img src="/slow.png" alt=""></body>');

beforeAll(async () => {
  server = await servePages({
    '/harbour': { body: renderNewsPage(HARBOUR_STRIKE) },
    '/long': { body: renderNewsPage(longStory()) },
    '/slow-harbour': { body: slow(renderNewsPage(HARBOUR_STRIKE)) },
    '/slow-long': { body: slow(renderNewsPage(longStory())) },
    '/slow.png': { body: '', type: 'image/png', delayMs: 1500 },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One click and the wait for its outcome: true when the sidebar reached `expected`, false when the click was lost. */
async function click(page: Page, expected: 'open' | 'closed'): Promise<boolean> {
  const failures = browser.injectionFailures.length;
  await page.bringToFront();
  await clickNow(browser, page);
  const deadline = Date.now() + POLL.timeout * 2;
  while (Date.now() < deadline) {
    if (browser.injectionFailures.length > failures) return false;
    if ((await page.locator(HOST).count()) === (expected === 'open' ? 1 : 0)) return true;
    await page.waitForTimeout(POLL.interval);
  }
  return false;
}

it('loses none of 201 clicks: the first after a start, and 100 open/close cycles on 25 pages, half of them first clicked during load', async () => {
  browser = await launchWithExtension();
  const log: string[] = [];
  const worker = browser.context.serviceWorkers()[0]!;
  worker.on('console', (message) => log.push(`${new Date().toISOString().slice(11, 23)} ${message.text().slice(0, 300)}`));
  const lost: string[] = [];
  // The first click after the browser started, on the first page it shows, as soon as the page has committed.
  const first = await browser.context.newPage();
  await first.goto(server.url('/slow-harbour'), { waitUntil: 'commit' });
  if (!(await click(first, 'open'))) lost.push('first click after start');
  await first.close();

  const paths = ['/harbour', '/slow-long', '/long', '/slow-harbour'];
  let cycles = 0;
  let duringLoad = 0;
  for (let p = 0; cycles < 100; p++) {
    const path = paths[p % paths.length]!;
    const page = await browser.context.newPage();
    const loading = path.startsWith('/slow');
    // Slow pages are clicked as soon as the navigation commits, while their image still loads.
    await page.goto(server.url(path), { waitUntil: loading ? 'commit' : 'load' });
    for (let c = 0; c < 4 && cycles < 100; c++, cycles++) {
      if (loading && c === 0) duringLoad++;
        log.push(`${new Date().toISOString().slice(11, 23)} click open ${path} ${cycles}`);
      if (!(await click(page, 'open'))) lost.push(`${path} cycle ${cycles} open`);
      log.push(`${new Date().toISOString().slice(11, 23)} click close ${path} ${cycles}`);
      if (!(await click(page, 'closed'))) lost.push(`${path} cycle ${cycles} close`);
    }
    await page.close();
  }
  console.log(
    `click cycles: ${cycles} (first click of ${duringLoad} pages during load) + the first click after start; ` +
      `lost ${lost.length}; refused at first and recovered ${browser.recoveredClicks.length}`,
  );
  if (lost.length > 0 || browser.injectionFailures.length > 0 || browser.recoveredClicks.length > 0) console.log(log.join('\n'));
  expect(lost).toEqual([]);
  expect(browser.injectionFailures).toEqual([]);
}, 900_000);
