// Background service worker: wires the toolbar click, the database and the analysis core together.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectionReached, isClosedPage } from '../../utils/closed-pages';
import { dispatch, isRequest, type Handlers } from '../../utils/messaging';
import { authorize, callerOf, checkPayload, type Caller } from '../../utils/message-policy';
import { afterFirstAnswer, analyze, corpusDb, maintainStoredCorpus, prepareIndex, resumePendingAnalysis, stats } from './corpus-service';
import { keepAfterCheck, keepNow, keepsSettled } from './keep-service';
import { reportsHandlers } from './reports-calls';
import { syncAutoKeepScript, keepVisited } from './auto-keep-service';
import { settingsItem } from '../../utils/settings/settings.browser';
import { injectOnClick } from './click-injection';
import { loadSidebarWidth, saveSidebarWidth } from '../../utils/settings/sidebar-width.browser';
import { loadCorrections, saveCorrection, undoCorrection } from '../../utils/corrections/corrections.browser';

/** Full-corpus upkeep waits this long for a first check before it starts anyway. */
const UPKEEP_WAIT_MS = 5000;

/** The injected script's built file: entrypoints/page-check.ts (an unlisted script) becomes page-check.js. */
const CONTENT_SCRIPT = '/page-check.js';

/** Trusted-only storage key the end-to-end harness sets to have the sidebar's shadow root open (see sidebar-host.ts). */
const TESTING_OPEN_SHADOW = 'testing:openShadowRoot';

/** The button's tooltip on a page the browser does not let extensions read. */
const CANNOT_RUN = 'Second Source cannot read this page: the browser keeps its own pages and the extension store closed to extensions.';

/** The button's tooltip when an ordinary page refused the click twice (while loading, and once loaded). */
const CLICK_AGAIN = 'Second Source could not start while this page was loading. Click the button again to check it.';

/** The button's own tooltip, from the manifest. */
function defaultTitle(): string {
  const manifest = browser.runtime.getManifest();
  return (manifest.action ?? manifest.browser_action)?.default_title ?? 'Second Source';
}

interface Context {
  tabId: number | null;
  caller: Caller;
}

/** Firefox MV2 builds have browserAction where MV3 has action. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

const handlers: Handlers<Context> = {
  'corpus/stats': () => stats(),
  // A kept article from the previous check is in the corpus first; this one is kept after its own check.
  analyze: async (article) => {
    await keepsSettled();
    return analyze(article, (input, settings) => keepAfterCheck(input, settings.keep));
  },
  'report/keep': ({ article, on }) => keepNow(article, on),
  // Sent by the keeping script registered on the reader's listed sites (auto-keep-service.ts), never by a click.
  'report/auto-keep': (article) => keepVisited(article),
  'badge/set': async ({ count, problem }, { tabId }) => {
    if (tabId == null) return null;
    if (problem) {
      // The sidebar failed to mount: say so on the button rather than leave the click without an answer.
      await toolbarAction().setBadgeText({ tabId, text: '!' });
      await toolbarAction().setTitle({ tabId, title: `Second Source could not show its sidebar here: ${problem}` });
      return null;
    }
    await toolbarAction().setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    return null;
  },
  'sidebar/width': async ({ width }) => {
    if (width === null) return loadSidebarWidth();
    await saveSidebarWidth(width);
    return Math.round(width);
  },
  'corrections/set': async ({ correction, undo }) => {
    if (correction) return saveCorrection(correction);
    if (undo) return undoCorrection(undo);
    return loadCorrections();
  },
  // The reader's own corpus and the report viewer ('report/open' included): reports-calls.ts.
  ...reportsHandlers,
};

/** storage.local.setAccessLevel where the browser has it (Chromium 102+); elsewhere a no-op. */
async function restrictStorage(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (details: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return;
  await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => {
    console.warn('Second Source could not restrict its storage to its own pages:', error);
  });
}

/** Resolves when the tab has finished loading, at once when it already has, or after `ms`. */
function loaded(tabId: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      resolve();
    };
    const listener = (updated: number, change: { status?: string }) => {
      if (updated === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, ms);
    browser.tabs.onUpdated.addListener(listener);
    void browser.tabs.get(tabId).then(
      (tab) => {
        if (tab.status === 'complete') done();
      },
      () => done(),
    );
  });
}

/**
 * Injects the page script into the tab for one click: first the click's id (and the testing flag when the harness
 * asked for an open shadow root), then the script, which acts once per click id (see entrypoints/content/open.tsx).
 */
async function inject(tabId: number, click: string): Promise<void> {
  const stored = await browser.storage.local.get(TESTING_OPEN_SHADOW).catch(() => ({}) as Record<string, unknown>);
  await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the extension's isolated world, where page-check.js will run: the page never sees these.
    func: (id: string, testing: boolean) => {
      const world = globalThis as Record<symbol, unknown>;
      world[Symbol.for('second-source/click')] = id;
      if (testing) world[Symbol.for('second-source/testing-open-shadow')] = true;
    },
    args: [click, stored[TESTING_OPEN_SHADOW] === true],
  });
  const results = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  // Firefox resolves an injection that did not run (about: pages) instead of rejecting it.
  if (!injectionReached(results)) throw new Error('The injection did not reach the page.');
}

export default defineBackground(() => {
  // Load the bundled pack on install, on update and on every start; it is idempotent and cheap when unchanged.
  corpusDb().catch((error: unknown) => console.error('Second Source could not load its corpus:', error));
  // An analysis of imported reports that a stopped service worker left unfinished carries on, after the first answer.
  afterFirstAnswer(UPKEEP_WAIT_MS).then(resumePendingAnalysis).catch((error: unknown) => console.error('Second Source could not resume analysing imported reports:', error));
  browser.runtime.onInstalled.addListener(() => {
    afterFirstAnswer(UPKEEP_WAIT_MS).then(maintainStoredCorpus).catch((error: unknown) => console.error('Second Source could not bring its corpus up to date:', error));
    void syncAutoKeepScript();
  });

  // The keeping script on the reader's listed sites follows the settings and the permissions the browser granted.
  browser.runtime.onStartup.addListener(() => void syncAutoKeepScript());
  browser.permissions.onAdded.addListener(() => void syncAutoKeepScript());
  browser.permissions.onRemoved.addListener(() => void syncAutoKeepScript());
  settingsItem.watch(() => void syncAutoKeepScript());

  // The click grants activeTab for this tab only; the content script is injected into it, nowhere else.
  toolbarAction().onClicked.addListener((tab) => {
    const tabId = tab.id;
    if (tabId == null) return;
    // Firefox does not reject an injection into its about: pages (it resolves, or never settles): judge the address first.
    if (isClosedPage(tab.url)) {
      console.warn('Second Source could not run on this page:', `${tab.url ?? ''} is closed to extensions`);
      void toolbarAction().setBadgeText({ tabId, text: '!' }).catch(() => undefined);
      void toolbarAction().setTitle({ tabId, title: CANNOT_RUN }).catch(() => undefined);
      return;
    }
    // The title is reset before the injection, not after: a sidebar that fails to mount says why on the button, and
    // a reset arriving after that must not erase it.
    void toolbarAction().setTitle({ tabId, title: defaultTitle() }).catch(() => undefined);
    prepareIndex();
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    void injectOnClick(tab, { inject, loaded, sleep, log: (message, error) => console.warn(message, error) }).then((outcome) => {
      if (outcome.ok) {
        if (outcome.retried) console.warn('Second Source ran on the second try.');
        return;
      }
      if (outcome.reason === 'gone') return;
      // Browser pages, the extension store and PDF viewers are closed to extensions: say so on the button itself.
      // An ordinary page that refused twice is not closed: the reader is told to click again.
      console.warn('Second Source could not run on this page:', outcome.error);
      void toolbarAction().setBadgeText({ tabId, text: '!' }).catch(() => undefined);
      void toolbarAction().setTitle({ tabId, title: outcome.reason === 'closed' ? CANNOT_RUN : CLICK_AGAIN }).catch(() => undefined);
    });
  });

  // The badge counts differing figures of the page it was set on: a navigation in that tab clears it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
    void toolbarAction().setTitle({ tabId, title: defaultTitle() }).catch(() => undefined);
  });

  // Settings and anything else in storage.local: extension pages and this worker only, never a content script
  // (whose world a hostile page shares the DOM with). Chromium only; Firefox has no access levels.
  void restrictStorage();

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return undefined;
    // Least authority: who sent it decides which calls it may make; then the payload's shape and size are checked.
    const caller = callerOf(sender, { id: browser.runtime.id, base: browser.runtime.getURL('') });
    const refusal = authorize(message.call, message.payload, caller) ?? checkPayload(message.call, message.payload);
    if (refusal) {
      console.warn('Second Source refused a message:', refusal);
      sendResponse({ ok: false, error: refusal });
      return undefined;
    }
    // sendResponse + `return true` answers asynchronously on both Chrome and Firefox.
    void dispatch(handlers, message, { tabId: sender.tab?.id ?? null, caller }).then(sendResponse);
    return true;
  });
});
