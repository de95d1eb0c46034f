// A toolbar click's injection, with one recovery: an ordinary web page that refused it (a click while it was loading)
// is tried again once the page has loaded; only pages closed to extensions get the "cannot read" answer.

/** What the background needs from the browser, passed in so the policy can be tested without one. */
export interface InjectionDeps {
  /** Injects for click `click`: the page script acts once per click id, so a retry never toggles twice. */
  inject: (tabId: number, click: string) => Promise<void>;
  /** Resolves once the tab has finished loading (or at once if it has), or after `ms` at most. */
  loaded: (tabId: number, ms: number) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  log: (message: string, error: unknown) => void;
}

export type InjectionOutcome =
  | { ok: true; retried: boolean }
  /**
   * `closed`: the browser keeps this page closed to extensions; `again`: an ordinary page the reader may click
   * again; `gone`: the tab was closed meanwhile (nobody to tell).
   */
  | { ok: false; reason: 'closed' | 'again' | 'gone'; error: unknown };

/** How long a retry waits for a loading page to finish. */
export const RETRY_WAIT_MS = 10_000;
/**
 * Pauses before each retry, after the load. In Chromium 156 a refused click's grant came into force up to about
 * two seconds later (one refused click injected fine 1.8 s after); an immediate retry was refused again.
 */
export const RETRY_DELAYS_MS = [300, 800, 1_500];

/** A refusal that says the page is one the browser keeps closed to extensions, whatever its address. */
export const CLOSED_REFUSAL = /cannot access a chrome|chrome(?:-extension|-untrusted)?:\/\/|extensions gallery|web store|cannot be scripted|about:|moz-extension:|view-source:|devtools:/i;

/** True for addresses every extension may be granted by a click: http(s) pages. Unknown (undefined) counts too. */
export function isOrdinaryPage(url: string | undefined): boolean {
  return url === undefined || url === '' || /^https?:/i.test(url);
}

/**
 * Injects into the clicked tab. When Chromium refuses an ordinary page ("Cannot access contents of the page": the
 * click came while the page was still loading, and the fresh grant was not yet, or no longer, in force for it),
 * waits for the load to finish and tries again a few times over the next seconds, as the click's grant comes into
 * force. Each try carries the same click id, so a try that did run although the browser reported an error ("Frame
 * with ID 0 was removed") is not toggled back by the next.
 */
export async function injectOnClick(tab: { id?: number; url?: string; pendingUrl?: string }, deps: InjectionDeps): Promise<InjectionOutcome> {
  const tabId = tab.id;
  if (tabId === undefined) return { ok: false, reason: 'closed', error: new Error('The click named no tab.') };
  const click = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    await deps.inject(tabId, click);
    return { ok: true, retried: false };
  } catch (first) {
    // Without the tabs permission a browser page's address is not given (tab.url is undefined): the browser's own
    // refusal names it ("Cannot access a chrome:// URL", "The extensions gallery cannot be scripted").
    if (!isOrdinaryPage(tab.pendingUrl ?? tab.url) || CLOSED_REFUSAL.test(String(first))) return { ok: false, reason: 'closed', error: first };
    deps.log('Second Source was refused on a loading page; trying again once it has loaded:', first);
    await deps.loaded(tabId, RETRY_WAIT_MS);
    let last: unknown = first;
    for (const delay of RETRY_DELAYS_MS) {
      await deps.sleep(delay);
      try {
        await deps.inject(tabId, click);
        return { ok: true, retried: true };
      } catch (error) {
        last = error;
        // A closed tab will not come back, and has no button to explain anything on.
        if (/no tab with id/i.test(String(error))) return { ok: false, reason: 'gone', error };
      }
    }
    return { ok: false, reason: 'again', error: last };
  }
}
