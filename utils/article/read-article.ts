// Runs Mozilla Readability on a document (browser or Node DOM) and returns the article for the core.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleInput } from '../analysis/types';

export type ReadOutcome = { ok: true; article: ArticleInput } | { ok: false; reason: string };

/**
 * Reads the article of `doc`. Readability mutates what it is given, so it parses a clone.
 * `readerableCheck` is off for the command-line tool, which is asked about one file explicitly.
 */
export function readArticle(
  doc: Document,
  url: string | null,
  { readerableCheck = true }: { readerableCheck?: boolean } = {},
): ReadOutcome {
  if (readerableCheck && !isProbablyReaderable(doc)) {
    return { ok: false, reason: 'This page does not look like an article.' };
  }
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back Readability's element itself, so its text is read without re-parsing HTML.
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  const text = parsed?.content ? withoutBylineBlock(articleText(parsed.content), parsed.byline ?? null) : '';
  if (!parsed || text.trim().length < 200) {
    return { ok: false, reason: 'No article text was found on this page.' };
  }
  return {
    ok: true,
    article: {
      text,
      title: parsed.title?.trim() || null,
      url,
      published: normalizeDate(parsed.publishedTime ?? metaDate(doc)),
      siteName: parsed.siteName?.trim() || null,
      byline: parsed.byline?.trim() || null,
      lang: parsed.lang?.trim() || doc.documentElement.getAttribute('lang') || null,
    },
  };
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dt, dd';

/** Text of Readability's article element with one blank line between innermost blocks. */
function articleText(root: Element): string {
  const blocks = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  const parts = (blocks.length > 0 ? blocks : [root]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  return parts.filter((p) => p.length > 0).join('\n\n');
}

/**
 * Drops a leading byline block ("By Jane Doe · 2 May 2022") that Readability keeps as a paragraph when the page also
 * names its author in metadata: it is not a sentence of the article and would count as one.
 */
export function withoutBylineBlock(text: string, byline: string | null): string {
  const name = byline?.replace(/^by\s+/i, '').trim();
  if (!name) return text;
  const paragraphs = text.split('\n\n');
  const index = paragraphs.findIndex((p, i) => i < 3 && p.length <= name.length + 60 && p.includes(name) && !/[.!?]["”’]?$/.test(p));
  if (index === -1) return text;
  paragraphs.splice(index, 1);
  return paragraphs.join('\n\n');
}

function metaDate(doc: Document): string | null {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="dc.date"]',
  ];
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content');
    if (value) return value;
  }
  return doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
}

/** ISO date (YYYY-MM-DD) of a date string, or null when it is not a date. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}
