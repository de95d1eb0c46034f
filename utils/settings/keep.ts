// "Keep what I read": its settings (off by default), the never-keep site list and the retention rule (pure).

/** How long automatically kept articles stay: forever, for a number of days since last read, or the newest N. */
export type Retention = { kind: 'forever' } | { kind: 'days'; days: number } | { kind: 'count'; count: number };

/** The reader's choices for keeping the articles they check. */
export interface KeepSettings {
  /** Save every checked article to the reader's reports after the check. Default false: nothing is kept unasked. */
  enabled: boolean;
  /** Sites never kept: host names ("bank.example"); a host also covers its subdomains. */
  neverSites: string[];
  /** Default forever: a reader who turns keeping on decides when to trim it. */
  retention: Retention;
  /**
   * Sites whose articles are kept when the reader merely opens them, without a click: host names, as `neverSites`.
   * Only sites the browser also gave permission for (site-permissions.ts) are read, and only while keeping is on.
   */
  autoSites: string[];
}

/** Bounds of the retention numbers: a day to ten years, one to a million articles. */
export const RETENTION_LIMITS = { days: { min: 1, max: 3650 }, count: { min: 1, max: 1_000_000 } } as const;

export function defaultKeep(): KeepSettings {
  return { enabled: false, neverSites: [], retention: { kind: 'forever' }, autoSites: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One site of the never-keep list as its host name, lower-case, without "www." or a port: the reader may paste
 * a whole address ("https://www.bank.example/login") or type a bare host. Null when nothing host-like is there.
 */
export function siteHost(entry: string): string | null {
  const trimmed = entry.trim().toLowerCase();
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : host === 'localhost' ? host : null;
}

/** The never-keep list from the reader's text (one site per line, or separated by commas/spaces), deduplicated. */
export function parseSiteList(text: string): { sites: string[]; rejected: string[] } {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const entry of text.split(/[\s,]+/)) {
    if (!entry) continue;
    const host = siteHost(entry);
    if (!host) rejected.push(entry);
    else if (!sites.includes(host)) sites.push(host);
  }
  return { sites, rejected };
}

/** Why an article is or is not kept; `reason` is said to the reader when it is not. */
export type KeepDecision = { keep: true } | { keep: false; reason: string };

/**
 * Whether a checked article at `url` is kept: keeping must be on, the page must have a web address (http or https)
 * and its host must not be on the never-keep list (a listed host covers its subdomains).
 */
export function keepDecision(url: string | null, keep: KeepSettings): KeepDecision {
  if (!keep.enabled) return { keep: false, reason: 'Keeping is off.' };
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { keep: false, reason: 'This page has no web address.' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { keep: false, reason: 'Only web pages are kept.' };
  const listed = listedSite(parsed.hostname, keep.neverSites);
  return listed ? { keep: false, reason: `${listed} is on your list of sites never to keep.` } : { keep: true };
}

/** The entry of `sites` that covers `hostname` (the host itself or a parent domain), or undefined. */
export function listedSite(hostname: string, sites: readonly string[]): string | undefined {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return sites.find((site) => host === site || host.endsWith(`.${site}`));
}

/**
 * Whether an article the reader opened, without a click, is kept: the rules of keepDecision, and its site must be
 * on the reader's list of sites to keep automatically. A page elsewhere is refused, whoever asked.
 */
export function autoKeepDecision(url: string | null, keep: KeepSettings): KeepDecision {
  const decision = keepDecision(url, keep);
  if (!decision.keep) return decision;
  const host = new URL(url ?? '').hostname;
  return listedSite(host, keep.autoSites) ? decision : { keep: false, reason: 'This site is not on your list of sites to keep automatically.' };
}

/** The kept articles to remove under a retention rule, oldest first; rows are { id, updatedAt } (last read). */
export function retentionVictims<T extends { id: string; updatedAt: number }>(rows: readonly T[], retention: Retention, now: number): T[] {
  if (retention.kind === 'forever') return [];
  if (retention.kind === 'days') {
    const cutoff = now - retention.days * 86_400_000;
    return rows.filter((row) => row.updatedAt < cutoff).sort((a, b) => a.updatedAt - b.updatedAt);
  }
  const newestFirst = [...rows].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  return newestFirst.slice(retention.count).reverse();
}

/** Reads a stored or entered retention; anything invalid gives `forever` and a problem in words. */
export function checkRetention(value: unknown): { retention: Retention; problem: string | null } {
  if (!isRecord(value)) return { retention: { kind: 'forever' }, problem: 'keep.retention must be an object; kept articles stay until you delete them.' };
  const limit = (key: 'days' | 'count', n: unknown) => {
    const { min, max } = RETENTION_LIMITS[key];
    return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
  };
  if (value.kind === 'forever') return { retention: { kind: 'forever' }, problem: null };
  if (value.kind === 'days' && limit('days', value.days)) return { retention: { kind: 'days', days: value.days as number }, problem: null };
  if (value.kind === 'count' && limit('count', value.count)) return { retention: { kind: 'count', count: value.count as number }, problem: null };
  return { retention: { kind: 'forever' }, problem: 'keep.retention was not a valid number of days or articles; kept articles stay until you delete them.' };
}

/** Reads any stored value as KeepSettings, naming each field that had to fall back to its default. */
export function checkKeep(value: unknown): { keep: KeepSettings; problems: string[] } {
  const keep = defaultKeep();
  const problems: string[] = [];
  if (value === undefined) return { keep, problems };
  if (!isRecord(value)) return { keep, problems: ['keep must be an object; keeping stays off.'] };
  if ('enabled' in value) {
    if (typeof value.enabled === 'boolean') keep.enabled = value.enabled;
    else problems.push('keep.enabled must be true or false; keeping stays off.');
  }
  if ('neverSites' in value) {
    if (Array.isArray(value.neverSites) && value.neverSites.every((site) => typeof site === 'string')) {
      keep.neverSites = parseSiteList((value.neverSites as string[]).join('\n')).sites;
    } else problems.push('keep.neverSites must be a list of sites; the list is empty.');
  }
  if ('autoSites' in value) {
    if (Array.isArray(value.autoSites) && value.autoSites.every((site) => typeof site === 'string')) {
      keep.autoSites = parseSiteList((value.autoSites as string[]).join('\n')).sites;
    } else problems.push('keep.autoSites must be a list of sites; no site is kept automatically.');
  }
  if ('retention' in value) {
    const { retention, problem } = checkRetention(value.retention);
    keep.retention = retention;
    if (problem) problems.push(problem);
  }
  return { keep, problems };
}

/** "for 30 days", "the newest 500 articles", "until you delete them": the retention in the reader's words. */
export function describeRetention(retention: Retention): string {
  if (retention.kind === 'days') return `for ${retention.days} day${retention.days === 1 ? '' : 's'} after you last read them`;
  if (retention.kind === 'count') return `the newest ${retention.count} article${retention.count === 1 ? '' : 's'}`;
  return 'until you delete them';
}
