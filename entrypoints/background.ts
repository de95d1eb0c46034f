// Background service worker: wires the toolbar click, the database and the analysis core together.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch, isRequest, type Handlers, type CorpusStats } from '../utils/messaging';
import type { CorpusPack } from '../utils/corpus/types';

/** The content script's built file: entrypoints/content/index.tsx becomes content-scripts/content.js. */
const CONTENT_SCRIPT = '/content-scripts/content.js';

// The bundled pack, when the corpus build has written it. A glob (not an import) so that a checkout without the
// pack still builds; the database replaces this once it lands.
const bundled = import.meta.glob<CorpusPack>('../corpus/pack.json', { eager: true, import: 'default' });

interface Context {
  tabId: number | null;
}

const handlers: Handlers<Context> = {
  'corpus/stats': async () => statsOf(Object.values(bundled)[0] ?? null),
  analyze: async () => {
    throw new Error('The cross-check engine is not wired in yet.');
  },
  'badge/set': async ({ count }, { tabId }) => {
    if (tabId == null) return null;
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    return null;
  },
  'report/open': async () => {
    throw new Error('The report viewer is not built yet.');
  },
};

function statsOf(pack: CorpusPack | null): CorpusStats {
  const byOrigin: CorpusStats['byOrigin'] = { bundled: 0, saved: 0, imported: 0 };
  for (const report of pack?.reports ?? []) byOrigin[report.origin] += 1;
  return { reports: pack?.reports.length ?? 0, byOrigin };
}

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  // The click grants activeTab for this tab only; the content script is injected into it, nowhere else.
  action.onClicked.addListener((tab) => {
    if (tab.id == null) return;
    browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] })
      .catch((error: unknown) => console.warn('Second Source could not run on this page:', error));
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return undefined;
    // sendResponse + `return true` answers asynchronously on both Chrome and Firefox.
    void dispatch(handlers, message, { tabId: sender.tab?.id ?? null }).then(sendResponse);
    return true;
  });
});
