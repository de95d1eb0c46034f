// Pages a browser keeps closed to extensions: told by a tab's address, or by what an injection into it returned.

/**
 * Address schemes whose pages no extension may script, in Chromium or in Firefox: the browsers' own pages,
 * other extensions' pages and source views. Firefox's about: pages are the reason this list exists: there,
 * scripting.executeScript resolves (about:blank, about:robots) or never settles (about:support, about:addons)
 * instead of rejecting, so the injection alone cannot tell that nothing was read.
 */
export const CLOSED_SCHEMES: readonly string[] = [
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'jar:',
  'moz-extension:',
  'resource:',
  'view-source:',
];

/** The extension stores, closed to every extension in both browsers (as host, optional path prefix). */
export const CLOSED_SITES: readonly { host: string; path?: string }[] = [
  { host: 'addons.mozilla.org' },
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/**
 * Whether the page at `url` is one the browser keeps closed to extensions. An unknown address (undefined, or one
 * that does not parse) is not judged here: the injection's own outcome decides then.
 */
export function isClosedPage(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (CLOSED_SCHEMES.includes(parsed.protocol)) return true;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return CLOSED_SITES.some(
    (site) =>
      parsed.hostname === site.host &&
      (site.path === undefined || parsed.pathname === site.path || parsed.pathname.startsWith(`${site.path}/`)),
  );
}

/** One entry of scripting.executeScript's result, as both browsers give it. */
export interface InjectionOutcome {
  frameId?: number;
  /** Set by Firefox when the script could not run in that frame. */
  error?: unknown;
}

/**
 * Whether an injection into the top frame ran: a result for frame 0 with no error. An empty list, a list without
 * the top frame, or an error there means the script never ran in the page, though the promise resolved.
 */
export function injectionReached(results: readonly InjectionOutcome[] | undefined): boolean {
  return (results ?? []).some((result) => (result.frameId ?? 0) === 0 && result.error === undefined);
}
