// "Keep automatically" in the background: registers the thin keeping script on the granted sites, and keeps what it sends.
import { browser } from 'wxt/browser';
import type { ArticleInput } from '../../utils/analysis/types';
import { autoKeepDecision } from '../../utils/settings/keep';
import { autoKeepScope, sitePatterns } from '../../utils/settings/site-permissions';
import { loadSettings } from '../../utils/settings/settings.browser';
import { CORPUS_DEPS } from './corpus-service';
import { keepChecked } from './keep-service';

/** The registered script's id, and its built file (entrypoints/auto-keep.ts). */
const SCRIPT_ID = 'second-source-auto-keep';
const SCRIPT_FILE = 'auto-keep.js';

/** The sync in progress: syncs run one after another, so two quick changes never register the script twice. */
let syncing: Promise<void> = Promise.resolve();

/**
 * Registers the keeping script for exactly the listed sites the browser has granted (never-keep sites excluded), or
 * unregisters it when keeping is off or nothing is granted. Run at start-up, on install and on every change of the
 * settings or the permissions; the registration also persists across browser restarts.
 */
export function syncAutoKeepScript(): Promise<void> {
  syncing = syncing.then(async () => {
    try {
      const { keep } = await loadSettings();
      const granted = new Set<string>();
      for (const pattern of sitePatterns(keep.autoSites)) {
        if (await browser.permissions.contains({ origins: [pattern] })) granted.add(pattern);
      }
      const scope = autoKeepScope(keep, granted);
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
      if (!scope) {
        if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
        return;
      }
      const script = {
        id: SCRIPT_ID,
        js: [SCRIPT_FILE],
        matches: scope.matches,
        // Always given, empty too: an update keeps whatever an omitted key held before.
        excludeMatches: scope.excludeMatches,
        runAt: 'document_idle' as const,
        allFrames: false,
        persistAcrossSessions: true,
      };
      if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
      else await browser.scripting.registerContentScripts([script]);
    } catch (error) {
      console.warn('Second Source could not set up keeping on your listed sites:', error);
    }
  });
  return syncing;
}

/**
 * An article the keeping script sent from a page the reader opened: kept under the same rules as a checked one, and
 * only when its site is still on the list (a change since the script was registered is honoured). Pages the core
 * declines to read (another language, not an article) are not kept, as after a check.
 */
export async function keepVisited(article: ArticleInput): Promise<{ kept: boolean; reason: string | null }> {
  const { keep } = await loadSettings();
  const decision = autoKeepDecision(article.url, keep);
  if (!decision.keep) return { kept: false, reason: decision.reason };
  const { declined } = await CORPUS_DEPS.analyze(article);
  if (declined) return { kept: false, reason: declined };
  return keepChecked(article, keep);
}
