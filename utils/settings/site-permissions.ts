// The browser permissions "keep automatically" needs: one host match pattern per listed site (pure).

/** IPv4 addresses and localhost have no subdomains: their pattern names the host alone. */
const BARE_HOST = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3})$/;

/**
 * The match pattern that grants a listed site (a host name as siteHost gives it): http and https, every path and
 * port, the host and its subdomains, as the site lists cover subdomains. Exactly the site, never more.
 */
export function sitePattern(host: string): string {
  return BARE_HOST.test(host) ? `*://${host}/*` : `*://*.${host}/*`;
}

/** The patterns of `sites`, deduplicated, in the list's order. */
export function sitePatterns(sites: readonly string[]): string[] {
  return [...new Set(sites.map(sitePattern))];
}

/** Where the automatic keeping script runs, as registerContentScripts takes it. */
export interface AutoKeepScope {
  matches: string[];
  excludeMatches: string[];
}

/**
 * The listed sites the browser has granted, minus the never-keep sites (a never-keep subdomain of a listed site is
 * never read). Null while keeping is off or nothing is granted: the script is then unregistered, so no page runs it.
 */
export function autoKeepScope(
  keep: { enabled: boolean; autoSites: readonly string[]; neverSites: readonly string[] },
  granted: ReadonlySet<string>,
): AutoKeepScope | null {
  if (!keep.enabled) return null;
  const matches = sitePatterns(keep.autoSites).filter((pattern) => granted.has(pattern));
  return matches.length === 0 ? null : { matches, excludeMatches: sitePatterns(keep.neverSites) };
}
