// The one key for "the same page": every part of the extension compares page addresses through normalizeUrl.

/** Query parameters that only track the click; dropped so the same article is recognized from any link. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmpid|ref|ref_src|smid|ito)$/i;

/**
 * The key for "the same page": lower-case host without "www.", no fragment, no tracking parameters,
 * no trailing slash, remaining parameters sorted. Non-http(s) URLs are kept as written; null stays null.
 */
export function normalizeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim() || null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const params = [...parsed.searchParams.entries()].filter(([key]) => !TRACKING.test(key));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '') || '';
  return `${host}${port}${path}${query}`;
}
