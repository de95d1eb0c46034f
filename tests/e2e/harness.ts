// End-to-end harness: Debian Chromium with the built extension, a local page server, and the real toolbar click.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { ROOT } from './news-page';

/** The built Chrome extension that the global setup writes. */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const RESULTS_DIR = join(ROOT, 'test-results');

/** expect.poll options: the browser answers in well under a second, but a loaded CI machine may not. */
export const POLL = { timeout: 15_000, interval: 50 };

/** Places Chromium usually lives, after CHROMIUM_PATH. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** The first Chromium found: CHROMIUM_PATH, then the usual places; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Flags for Chromium with only our extension loaded, on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  // Playwright passes --disable-extensions itself; this is what lets ours load.
  `--disable-extensions-except=${EXTENSION_DIR}`,
  `--load-extension=${EXTENSION_DIR}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium keeps calling hosts that a closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Messages of the background's failed injections (lost clicks), as its console logged them. */
  injectionFailures: string[];
  /** Clicks Chromium refused at first and the background recovered by injecting again once the page had loaded. */
  recoveredClicks: string[];
  close: () => Promise<void>;
}

/**
 * The sidebar's host element, in tests. In production its name is random and its shadow root closed; the harness
 * sets the trusted-only storage key `testing:openShadowRoot`, and then the host is open and carries this test id
 * so that locators reach the sidebar. Tests of the closed root launch with `{ closedShadow: true }`.
 */
export const HOST = '[data-testid="second-source-host"]';

/**
 * Launches Chromium with only our extension, in a fresh profile, and waits for its service worker. With `profile`,
 * that folder is the profile instead and is kept on close, so a second launch on it is a browser restart.
 */
export async function launchWithExtension({
  headless = true,
  closedShadow = false,
  profile: kept,
}: { headless?: boolean; closedShadow?: boolean; profile?: string } = {}): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found. Install one with: sudo apt-get install -y chromium');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}`);
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'second-source-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The worker's script has run (and registered its toolbar listener) once it can evaluate something.
  await worker.evaluate(() => true);
  if (!closedShadow) {
    await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set: (items: object) => Promise<void> } } } }).chrome;
      await api.storage.local.set({ 'testing:openShadowRoot': true });
    });
  }
  const injectionFailures: string[] = [];
  const recoveredClicks: string[] = [];
  const watch = (w: Worker) =>
    w.on('console', (message) => {
      if (message.text().includes('could not run on this page')) injectionFailures.push(message.text());
      if (message.text().includes('ran on the second try')) recoveredClicks.push(message.text());
    });
  watch(worker);
  // A service worker that went idle and restarted is a new Worker object.
  context.on('serviceworker', watch);
  return {
    context,
    extensionId,
    injectionFailures,
    recoveredClicks,
    close: async () => {
      // Said out loud: a click the background had to repeat is a recovered refusal, not a lost click.
      if (recoveredClicks.length > 0) console.warn(`Chromium refused ${recoveredClicks.length} toolbar click(s) at first; the extension recovered each.`);
      await context.close();
      if (!kept) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks the extension's toolbar button for `page`, as a person would: through the DevTools protocol, which grants
 * activeTab exactly like a real click. The page is settled first (see `settle`).
 */
/**
 * Waits until the background answers: the service worker exists before its script has run, and a toolbar click in that
 * gap reaches no listener. A page that lists reports proves the listeners are registered (they are at the top of its
 * script).
 */
export async function waitForBackground(browser: ExtensionBrowser): Promise<void> {
  const ready = await browser.context.newPage();
  await ready.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ready.getByTestId('report-row').first().waitFor({ timeout: 60_000 });
  await ready.close();
}

export async function triggerToolbar(browser: ExtensionBrowser, page: Page): Promise<void> {
  await settle(page);
  await clickNow(browser, page);
}

/**
 * Brings the page's tab to the front and waits until its network is idle, as a person clicks the button of the tab
 * in front once it has loaded. A click within a few hundred ms of the load event was refused now and then (Chromium
 * 156 seems to finish its navigation bookkeeping after Playwright's "load", revoking the fresh activeTab grant); once
 * the network was idle, not one of 40 clicks was refused.
 */
export async function settle(page: Page): Promise<void> {
  await page.bringToFront();
  await page.waitForLoadState('networkidle');
}

/** The DevTools toolbar click itself, on the page's TAB target (not its page target), without settling first. */
export async function clickNow(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdpBrowser = browser.context.browser();
  if (!cdpBrowser) throw new Error('The persistent context has no browser handle for CDP.');
  const cdp = await cdpBrowser.newBrowserCDPSession();
  try {
    // During a navigation the tab target's address can lag the page's by a moment: look again briefly. This finds
    // the tab to click; it never repeats a click the extension refused.
    let tab: { targetId: string } | undefined;
    for (let attempt = 0; attempt < 20 && !tab; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      tab = targetInfos.find((target) => target.url === page.url());
    }
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the toolbar button once and waits until the sidebar is `expected` ("open": its host is in the page;
 * "closed": it is gone). No retries: a click the extension lost (the background logged "could not run on this
 * page") fails the test at once, with the browser's message.
 */
export async function clickToolbar(
  browser: ExtensionBrowser,
  page: Page,
  expected: 'open' | 'closed' = 'open',
): Promise<void> {
  const host = page.locator(HOST);
  const failuresBefore = browser.injectionFailures.length;
  await triggerToolbar(browser, page);
  const deadline = Date.now() + POLL.timeout;
  while (Date.now() < deadline) {
    if (browser.injectionFailures.length > failuresBefore) {
      throw new Error(`The toolbar click was lost: ${browser.injectionFailures.at(-1) ?? ''}`);
    }
    if ((await host.count()) === (expected === 'open' ? 1 : 0)) return;
    await page.waitForTimeout(POLL.interval);
  }
  throw new Error(`The sidebar did not become ${expected} after a toolbar click.`);
}

/**
 * Gives the extension access to the sites of `pattern` through chrome://extensions ("Site access", the browser's own
 * page), as a reader accepting the browser's permission prompt would. Headless Chromium shows that prompt with no one
 * to answer it (a chrome.permissions.request then never settles) and has no switch to accept it; once the browser's
 * page has granted the site, the extension's own request for it is answered at once, without a prompt.
 */
export async function grantSiteAccess(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
    type DeveloperPrivate = { chrome: { developerPrivate: { addHostPermission: (id: string, host: string) => Promise<void> } } };
    await page.evaluate(
      ([id, host]) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.addHostPermission(id!, host!),
      [browser.extensionId, pattern],
    );
  } finally {
    await page.close();
  }
}

/** One response of the fixture server. */
export interface Route {
  body: string;
  type?: string;
  headers?: Record<string, string>;
  status?: number;
  /** Answer after this many ms: a slow image keeps a page loading. */
  delayMs?: number;
}

export interface PageServer {
  origin: string;
  url: (path: string) => string;
  /** Adds or replaces a route while the server runs. */
  set: (path: string, route: Route) => void;
  close: () => Promise<void>;
}

/** Serves fixed pages from 127.0.0.1 on a free port. Unknown paths get a plain 404. */
export async function servePages(routes: Record<string, Route> = {}): Promise<PageServer> {
  const table = new Map(Object.entries(routes));
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const route = table.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const answer = () =>
      response
        .writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers })
        .end(route.body);
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, route) => table.set(path, route),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Saves a screenshot of the page under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  // Animations are fast-forwarded so the picture shows the settled sidebar, not a frame of its slide-in.
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/** The sidebar as Playwright sees it (locators pierce the open shadow root). */
export function sidebar(page: Page) {
  return page.locator(`${HOST} [data-testid="second-source-sidebar"]`);
}

/** The text of whatever the locator matches now, without waiting for it ("" when nothing matches): for expect.poll. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.allTextContents()).join('');
}
