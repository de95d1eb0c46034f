// Words for report metadata on the "My reports" page and in the report viewer (pure, fixed English).
import type { ReportOrigin } from '../../utils/corpus/types';
import { formatDate } from '../sidebar';

export { formatDate };

/** How each origin is named to the reader: a word, never only a colour. */
export const ORIGIN_LABELS: Record<ReportOrigin, string> = {
  bundled: 'Bundled',
  saved: 'Saved',
  imported: 'Imported',
};

/** One sentence explaining each origin (the viewer's metadata). */
export const ORIGIN_EXPLANATIONS: Record<ReportOrigin, string> = {
  bundled: 'Shipped with Second Source.',
  saved: 'You saved it from a page you were reading.',
  imported: 'Imported from a pack file.',
};

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment (epoch milliseconds) as "23 Nov 2026, 10:55" in the reader's time zone, or in UTC when `utc` (tests).
 * Fixed English like the sidebar, so the page reads the same on every machine.
 */
export function formatMoment(ms: number, utc = false): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'unknown';
  const parts = utc
    ? [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear(), date.getUTCHours(), date.getUTCMinutes()]
    : [date.getDate(), date.getMonth(), date.getFullYear(), date.getHours(), date.getMinutes()];
  const [day, month, year, hours, minutes] = parts as [number, number, number, number, number];
  return `${day} ${SHORT_MONTHS[month]} ${year}, ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "1 report", "3 reports", "9,000 reports". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : many}`;
}

/** A link target only for http(s) addresses: corpus URLs are untrusted, and a javascript: URL must never be a link. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * File name of an exported pack: "second-source-pack-2026-11-23.json" ("-selection-" for a selection), with
 * "-part-2-of-3" when the export was cut into files.
 */
export function exportFileName(now: Date, selection: boolean, part: { index: number; total: number } | null = null): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `second-source-${selection ? 'selection' : 'pack'}-${day}${part ? `-part-${part.index + 1}-of-${part.total}` : ''}.json`;
}
