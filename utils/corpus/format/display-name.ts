// One name and one title for a report, the same in the sidebar, "My reports" and the viewer; never its id.
import type { Span } from '../../analysis/types';
import type { ReportMeta } from '../types';
import { hostOf } from './report-of-article';

/** Longest derived title, in characters, before it is cut at a word and ends with "…". */
const TITLE_CHARS = 90;

/**
 * The name of a report's source: its outlet; else the wire agencies it credits ("AFP copy"); else its site's host
 * name; else "Unnamed outlet". Shown wherever a report is named, so a reader recognises it from one place to the next.
 */
export function sourceName(meta: Pick<ReportMeta, 'outlet' | 'agencies' | 'url'>): string {
  const outlet = meta.outlet?.trim();
  if (outlet) return outlet;
  if (meta.agencies.length > 0) return `${meta.agencies.join('/')} copy`;
  return hostOf(meta.url) ?? 'Unnamed outlet';
}

/**
 * A headline made from a report's first sentence, for a report that states none: whitespace collapsed, cut at a
 * word near TITLE_CHARS with "…". '' when the text has no words. `sentences` (spans) are used when known.
 */
export function leadTitle(text: string, sentences: readonly Span[] = []): string {
  const first = sentences[0];
  let lead = first ? text.slice(first.start, first.end) : (/^\s*[\s\S]*?[.!?](?=["”’)]?\s|$)/.exec(text)?.[0] ?? text);
  lead = lead.replace(/\s+/g, ' ').trim();
  if (lead.length <= TITLE_CHARS) return lead;
  const cut = lead.slice(0, TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** A report's title as shown: its headline, or its lead marked `derived`, or "Untitled report" (never its id). */
export interface DisplayTitle {
  text: string;
  /** True when the report states no headline and the title is made from its first sentence. */
  derived: boolean;
}

export function displayTitle(headline: string | null, lead: string): DisplayTitle {
  if (headline?.trim()) return { text: headline.trim(), derived: false };
  if (lead) return { text: lead, derived: true };
  return { text: 'Untitled report', derived: true };
}
