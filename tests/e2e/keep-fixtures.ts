// What the two "keep" end-to-end tests share: the three Port Calder pages, "My reports", and the sidebar's linked outlets.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { POLL, sidebar, type ExtensionBrowser, type Route } from './harness';
import { renderNewsPage } from './news-page';
import { COURIER, GAZETTE, HARBOUR_STRIKE } from './stories';

/** Three outlets on one story, each citing the others' figures: /ledger, /courier, /gazette. */
export function portCalderPages(): Record<string, Route> {
  return {
    '/ledger': { body: renderNewsPage(HARBOUR_STRIKE) },
    '/courier': { body: renderNewsPage(COURIER) },
    '/gazette': { body: renderNewsPage(GAZETTE) },
  };
}

/** Opens "My reports" (the options page) once it lists reports, which proves the background answers. */
export async function openMyReports(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await expect.poll(() => page.getByTestId('report-row').count(), POLL).toBeGreaterThan(0);
  return page;
}

/** The outlets of every report the sidebar links to, each once, sorted. */
export async function linkedOutlets(page: Page): Promise<string[]> {
  return [...new Set(await sidebar(page).getByTestId('link-outlet').allTextContents())].sort();
}
