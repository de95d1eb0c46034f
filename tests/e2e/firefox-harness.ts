// Firefox end-to-end harness: Debian's Firefox ESR over WebDriver BiDi (puppeteer-core), the built add-on, a real toolbar click.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { RESULTS_DIR } from './harness';
import { ROOT } from './news-page';

/** The built Firefox add-on that the global setup writes (`wxt build -b firefox --mv3`). */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');

/** The add-on's id, as wxt.config.ts sets it in browser_specific_settings. */
export const GECKO_ID = 'second-source@example.org';

/**
 * The add-on's internal UUID, fixed through a pref so that its pages have a known moz-extension:// origin
 * (Firefox otherwise draws a random one per profile and tells no BiDi client).
 */
export const EXTENSION_UUID = '5ec0ad50-0dce-4e2b-9a8e-5ec0ad50ce12';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Places Firefox usually lives, after FIREFOX_PATH. */
export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** The first Firefox found: FIREFOX_PATH, then the usual places; null when there is none. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * The id Firefox gives the add-on's toolbar widget: its id lowercased, every character other than a-z, 0-9, _ and -
 * turned into _ (makeWidgetId in Firefox's ExtensionCommon.sys.mjs), then "-browser-action".
 */
export function widgetId(geckoId: string = GECKO_ID): string {
  return `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
}

export interface FirefoxWithExtension {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launches headless Firefox ESR in a fresh profile and installs the built add-on as a temporary add-on; `prefs` add to its own. */
export async function launchFirefox({ prefs = {} }: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found. Install one with: sudo apt-get install -y firefox-esr');
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built add-on at ${FIREFOX_EXTENSION_DIR}`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    // Lets BiDi run code in the browser window itself, the only way to click the toolbar (see clickToolbarButton).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      ...prefs,
    },
  });
  try {
    // A temporary add-on: no signing needed, gone with the profile.
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, close: () => browser.close() };
}

/** The slice of Puppeteer's BiDi connection used here; it is internal, so it is typed by hand. */
interface BidiConnection {
  send: (method: string, params: object) => Promise<{ result: unknown }>;
}

function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('This Puppeteer browser has no BiDi connection (is it Firefox over WebDriver BiDi?).');
  return connection;
}

/** What a chrome-scope script.callFunction returns, in BiDi's serialization. */
interface BidiEvaluation {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * Runs `source` (a function declaration taking one string) in the browser window's own chrome context, where
 * CustomizableUI and synthesizeMouseEvent live, and returns its string result.
 */
async function inBrowserWindow(browser: Browser, source: string, argument: string): Promise<string> {
  const connection = bidi(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No browser.xhtml window among the chrome contexts.');
  const evaluation = (await connection.send('script.callFunction', {
    functionDeclaration: source,
    arguments: [{ type: 'string', value: argument }],
    target: { context: window.context },
    awaitPromise: true,
  })).result as BidiEvaluation;
  if (evaluation.type === 'exception') throw new Error(`In the browser window: ${evaluation.exceptionDetails?.text ?? 'exception'}`);
  return typeof evaluation.result?.value === 'string' ? evaluation.result.value : '';
}

/**
 * Pins the add-on's button to the toolbar and clicks it with a synthesized mouse down and up at its centre. This
 * runs Firefox's own click handling, so action.onClicked fires with the activeTab grant, as for a person's click.
 * Runs in browser.xhtml, where `window`, `document` and `CustomizableUI` are the browser's own.
 */
const CLICK_BUTTON = `function (widget) {
  CustomizableUI.addWidgetToArea(widget, CustomizableUI.AREA_NAVBAR);
  const button = document.getElementById(widget)?.querySelector('.unified-extensions-item-action-button');
  if (!button) throw new Error('No toolbar button for ' + widget);
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  for (const type of ['mousedown', 'mouseup']) {
    window.synthesizeMouseEvent(type, x, y, { button: 0, clickCount: 1 },
      { isDOMEventSynthesized: true, isWidgetEventSynthesized: false, isAsyncEnabled: false });
  }
  return 'clicked';
}`;

/** What the button shows for the selected tab: its badge and its tooltip, read from the toolbar itself. */
const READ_BUTTON = `function (widget) {
  CustomizableUI.addWidgetToArea(widget, CustomizableUI.AREA_NAVBAR);
  const button = document.getElementById(widget)?.querySelector('.unified-extensions-item-action-button');
  if (!button) throw new Error('No toolbar button for ' + widget);
  return JSON.stringify({ badge: button.getAttribute('badge') ?? '', title: button.getAttribute('tooltiptext') ?? '' });
}`;

/** The address of the selected tab and whether it is still loading, as the browser window knows them. */
const READ_TAB = `function () {
  const tab = gBrowser.selectedBrowser;
  return JSON.stringify({ url: tab.currentURI.spec, loading: Boolean(tab.webProgress?.isLoadingDocument) });
}`;

/**
 * The selected tab's address and loading state, read in the browser window: Firefox's privileged about: pages refuse
 * the scripts Puppeteer would run in them, and Puppeteer is not told of navigations to moz-extension:// pages.
 */
export async function selectedTab(browser: Browser): Promise<{ url: string; loading: boolean }> {
  return JSON.parse(await inBrowserWindow(browser, READ_TAB, '')) as { url: string; loading: boolean };
}

/** Brings the page's tab to the front and clicks the add-on's toolbar button for it. */
export async function clickToolbarButton(browser: Browser, page: Page): Promise<void> {
  await page.bringToFront();
  await inBrowserWindow(browser, CLICK_BUTTON, widgetId());
}

/** The badge text and tooltip of the toolbar button, as shown for the selected tab. */
export async function toolbarButton(browser: Browser): Promise<{ badge: string; title: string }> {
  return JSON.parse(await inBrowserWindow(browser, READ_BUTTON, widgetId())) as { badge: string; title: string };
}

/** Saves a screenshot under test-results/ as firefox-<name>.png and returns its path. */
export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `firefox-${name}.png`) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}
