// "Keep articles on my sites without a click" in Firefox ESR: the site added in "My reports" is granted from that
// click, and an article opened there is kept with no toolbar click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { HOST, POLL, servePages, type PageServer } from './harness';
import { EXTENSION_ORIGIN, firefoxScreenshot, launchFirefox, type FirefoxWithExtension } from './firefox-harness';
import { portCalderPages } from './keep-fixtures';
import { COURIER } from './stories';

let ff: FirefoxWithExtension;
let server: PageServer;

beforeAll(async () => {
  server = await servePages(portCalderPages());
  // Headless Firefox has no one to answer the permission prompt: this pref of Firefox's grants optional permissions
  // without one. The request is still made from the reader's click in the options page, as in use.
  ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** "My reports", once it lists reports. Firefox never reports a moz-extension:// load as finished: no lifecycle wait. */
async function myReports(): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/options.html`, { waitUntil: [] });
  await page.waitForSelector('[data-testid="report-row"]', { timeout: 60_000 });
  return page;
}

async function text(page: Page, selector: string): Promise<string> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? '').join(''));
}

describe('Firefox: keep articles on listed sites without a click', () => {
  it('asks for the listed site from the click, then keeps an article opened there without drawing anything', async () => {
    const options = await myReports();
    await options.click('#rp-keep-on');
    await expect.poll(() => text(options, '[data-testid="keep-status"]'), POLL).toBe('Saved: every article you check is kept in your reports.');
    await options.type('#rp-auto-site', '127.0.0.1');
    await options.click('[data-testid="auto-keep-sites"] button[type="submit"]');
    await expect.poll(() => text(options, '[data-testid="auto-site-state"]'), POLL).toBe('✓ allowed by the browser');
    await firefoxScreenshot(options, 'keep-sites-options');
    await options.close();

    const page = await ff.browser.newPage();
    await page.goto(server.url('/courier'));
    const kept = async () => {
      const list = await myReports();
      try {
        return await text(list, '[data-testid="report-row"]');
      } finally {
        await list.close();
      }
    };
    await expect.poll(kept, { ...POLL, timeout: 30_000 }).toContain(COURIER.headline);
    expect(await page.$(HOST)).toBeNull();
    await page.close();
  });
});
