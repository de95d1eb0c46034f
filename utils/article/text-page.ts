// Reads a plain-text page: an optional header block of `Key: value` lines (Title, Outlet, Date, Address) ended by a line of dashes.

/** What a text page says about itself, and its article text. */
export interface TextPage {
  title: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) taken from the start of the `Date:` line, when it begins with one. */
  published: string | null;
  url: string | null;
  /** The article text: everything after the dashes line, or the whole file when there is no header. */
  text: string;
}

/** A line of 20 or more dashes ends the header block. */
const RULE = /^-{20,}\s*$/m;
const HEADER_LINE = /^([A-Za-z][A-Za-z ]{0,40}):\s*(.*)$/;

/**
 * Splits a text page into its header fields and its text. A file whose lines before the first dashes line are not
 * all `Key: value` lines has no header: all of it is text.
 */
export function parseTextPage(source: string): TextPage {
  const page: TextPage = { title: null, outlet: null, published: null, url: null, text: source.trim() };
  const rule = RULE.exec(source);
  if (!rule) return page;
  const head = source.slice(0, rule.index).split(/\r?\n/).filter((l) => l.trim() !== '');
  if (head.length === 0 || !head.every((l) => HEADER_LINE.test(l))) return page;
  for (const line of head) {
    const m = HEADER_LINE.exec(line);
    if (!m) continue;
    const key = (m[1] as string).trim().toLowerCase();
    const value = (m[2] as string).trim();
    if (value === '') continue;
    if (key === 'title' || key === 'headline') page.title = value;
    else if (key === 'outlet' || key === 'source' || key === 'site') page.outlet ??= value.replace(/\s*\([^)]*\)\s*$/, '') || value;
    else if (key === 'date' || key === 'published') page.published = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
    else if (key === 'address' || key === 'url') page.url = /^https?:\/\/\S+/i.exec(value)?.[0] ?? null;
  }
  page.text = source.slice(rule.index + rule[0].length).trim();
  return page;
}
