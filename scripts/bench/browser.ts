// Browser benchmark: click-to-populated-sidebar time in headless Chromium on the seed pages and the largest Readability page.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clickNow, findChromium, launchWithExtension, servePages, settle, type ExtensionBrowser } from '../../tests/e2e/harness';
import { loadPack, renderNewsPage, ROOT, storyFromPack } from '../../tests/e2e/news-page';
import { importLoadReports, loadPack as loadPagePack, makeLoadPage } from '../../tests/e2e/load-page';

const RUNS = 5;
const READABILITY_PAGES = join(ROOT, '..', 'shared', 'readability-pages');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One click on a freshly loaded page: ms from the click to the populated sidebar, and Readability's ms inside it. */
async function once(browser: ExtensionBrowser, url: string): Promise<{ total: number; readability: number } | null> {
  const page: Page = await browser.context.newPage();
  try {
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const refused = browser.injectionFailures.length;
    const start = performance.now();
    await clickNow(browser, page);
    // Polled every animation frame in the page (the sidebar's shadow root is open), until done or the click is refused.
    let watching = true;
    const refusal = (async () => {
      while (watching && browser.injectionFailures.length === refused) await new Promise((r) => setTimeout(r, 20));
      return 'refused' as const;
    })();
    const done = page
      .waitForFunction(
        () => document.querySelector('[data-testid="second-source-host"]')?.shadowRoot?.querySelector('[data-state="done"]') != null,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      )
      .then(() => 'done' as const);
    const outcome = await Promise.race([done, refusal]).finally(() => {
      watching = false;
    });
    const total = performance.now() - start;
    // A click Chromium refused (no activeTab grant) is not a measurement.
    if (outcome === 'refused') return null;
    const readability = await page.evaluate(
      () => performance.getEntriesByName('second-source:readability')[0]?.duration ?? Number.NaN,
    );
    return { total, readability };
  } finally {
    await page.close();
  }
}

/** Median click-to-populated time per page (after one warm-up click), with Readability's share beside it. */
export async function benchBrowser(): Promise<string[]> {
  if (!findChromium()) return ['(not measured: no Chromium; install one with: sudo apt-get install -y chromium)'];
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const pack = loadPack();
  const routes: Record<string, { body: string }> = {};
  const pages: { label: string; path: string }[] = [];
  for (const report of pack?.reports ?? []) {
    const words = report.text.split(/\s+/).filter(Boolean).length;
    routes[`/report/${report.id}`] = { body: renderNewsPage(storyFromPack(report)) };
    pages.push({ label: `seed ${report.id.slice(0, 3)} (${report.outlet ?? 'no outlet'}, ${words} words)`, path: `/report/${report.id}` });
  }
  if (existsSync(READABILITY_PAGES)) {
    const largest = readdirSync(READABILITY_PAGES)
      .map((name) => join(READABILITY_PAGES, name, 'source.html'))
      .filter((path) => existsSync(path))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (largest) {
      const name = largest.split('/').at(-2) ?? 'page';
      routes[`/readability/${name}/`] = { body: readFileSync(largest, 'utf8') };
      pages.push({ label: `readability ${name} (${Math.round(statSync(largest).size / 1024)} KB HTML)`, path: `/readability/${name}/` });
    }
  }
  // The freeze case of issue 10: 500 KB of page, 150 figures that 150 imported reports confirm; "populated" here
  // means every highlight is placed (the sidebar shows "done" only after the sliced highlighting).
  const load = makeLoadPage();
  routes['/load'] = { body: load.html };
  pages.push({ label: `load page (${Math.round(load.html.length / 1024)} KB, 150 corroborated figures), click to highlights`, path: '/load' });
  const server = await servePages(routes);
  const browser = await launchWithExtension();
  await importLoadReports(browser, JSON.stringify(loadPagePack(load.reports)));
  const lines: string[] = [`median of ${RUNS} clicks, ms from the toolbar click to the populated sidebar (Readability's part)`];
  try {
    for (const { label, path } of pages) {
      await once(browser, server.url(path));
      const samples: { total: number; readability: number }[] = [];
      for (let i = 0; i < RUNS * 2 && samples.length < RUNS; i++) {
        const sample = await once(browser, server.url(path));
        if (sample) samples.push(sample);
      }
      const total = median(samples.map((s) => s.total));
      const readability = median(samples.map((s) => s.readability));
      lines.push(`${label}: ${total.toFixed(0)} ms (Readability ${readability.toFixed(0)} ms)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}
