// Background service worker: wires the toolbar click, the database and the analysis core together.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectionReached, isClosedPage } from '../../utils/closed-pages';
import { dispatch, isRequest, type Handlers } from '../../utils/messaging';
import { analyze, corpusDb, maintainStoredCorpus, resumePendingAnalysis, stats } from './corpus-service';
import { keepAfterCheck, keepNow, keepsSettled } from './keep-service';
import { reportsHandlers } from './reports-calls';

/** The content script's built file: entrypoints/content/index.tsx becomes content-scripts/content.js. */
const CONTENT_SCRIPT = '/content-scripts/content.js';

/** The button's tooltip on a page the browser does not let extensions read. */
const CANNOT_RUN = 'Second Source cannot read this page: the browser keeps its own pages and the extension store closed to extensions.';

/** The button's own tooltip, from the manifest. */
function defaultTitle(): string {
  const manifest = browser.runtime.getManifest();
  return (manifest.action ?? manifest.browser_action)?.default_title ?? 'Second Source';
}

interface Context {
  tabId: number | null;
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
  'report/keep': (article) => keepNow(article),
  'badge/set': async ({ count }, { tabId }) => {
    if (tabId == null) return null;
    await toolbarAction().setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    return null;
  },
  // The reader's own corpus and the report viewer ('report/open' included): reports-calls.ts.
  ...reportsHandlers,
};

export default defineBackground(() => {
  // Load the bundled pack on install, on update and on every start; it is idempotent and cheap when unchanged.
  corpusDb().catch((error: unknown) => console.error('Second Source could not load its corpus:', error));
  // An analysis of imported reports that a stopped service worker left unfinished carries on.
  resumePendingAnalysis().catch((error: unknown) => console.error('Second Source could not resume analysing imported reports:', error));
  browser.runtime.onInstalled.addListener(() => {
    maintainStoredCorpus().catch((error: unknown) => console.error('Second Source could not bring its corpus up to date:', error));
  });

  // The click grants activeTab for this tab only; the content script is injected into it, nowhere else.
  toolbarAction().onClicked.addListener((tab) => {
    const tabId = tab.id;
    if (tabId == null) return;
    // Browser pages, the extension store and PDF viewers are closed to extensions: say so on the button itself.
    const closed = (why: unknown) => {
      console.warn('Second Source could not run on this page:', why);
      void toolbarAction().setBadgeText({ tabId, text: '!' }).catch(() => undefined);
      void toolbarAction().setTitle({ tabId, title: CANNOT_RUN }).catch(() => undefined);
    };
    // Firefox does not reject an injection into its about: pages (it resolves, or never settles): judge the address first.
    if (isClosedPage(tab.url)) return closed(`${tab.url ?? ''} is closed to extensions`);
    browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] }).then(
      (results) =>
        injectionReached(results)
          ? toolbarAction().setTitle({ tabId, title: defaultTitle() }).catch(() => undefined)
          : closed(`the injection did not reach the page: ${JSON.stringify(results)}`),
      closed,
    );
  });

  // The badge counts differing figures of the page it was set on: a navigation in that tab clears it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
    void toolbarAction().setTitle({ tabId, title: defaultTitle() }).catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return undefined;
    // sendResponse + `return true` answers asynchronously on both Chrome and Firefox.
    void dispatch(handlers, message, { tabId: sender.tab?.id ?? null }).then(sendResponse);
    return true;
  });
});
