// One way to turn an article the core read (a page, a saved file) into a corpus report: the store and `npm run pack` share it.
import type { ArticleAnalysis, ArticleInput, Span } from '../../analysis/types';
import { compactAnalysis } from './compact-analysis';
import type { PackReport, ReportOrigin } from '../types';

/**
 * The core's input for a pack report: what the page would have given had the report been read in a browser.
 * Reports are in English (a pack states `translatedFrom` for translations, whose text is the English one), so the
 * core reads them as English instead of guessing from a few words; the byline is the report's own when it has one.
 */
export function inputOfReport(report: PackReport): ArticleInput {
  return {
    text: report.text,
    title: report.headline,
    url: report.url,
    published: report.published,
    siteName: report.outlet,
    byline: report.byline ?? null,
    lang: 'en',
  };
}

/** Paragraph spans of text whose paragraphs are separated by blank lines (the ArticleInput convention). */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return spans;
}

/** The host name of an address without "www.", or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "2022-01-22T10:00:00Z" → "2022-01-22"; anything that does not start with an ISO date → null. */
export function isoDay(value: string | null): string | null {
  const match = value?.match(/^\d{4}-\d{2}-\d{2}/);
  return match ? match[0] : null;
}

/**
 * A report of an article as the reader's browser (or a saved file) gave it: its outlet falls back to the host name,
 * its date is the day only, and its paragraphs are the blank-line blocks of the text. Sentences are left to the
 * analysis (see withAnalysis).
 */
export function reportOfArticle(page: ArticleInput, id: string, origin: ReportOrigin): PackReport {
  return {
    id,
    origin,
    url: page.url,
    outlet: page.siteName?.trim() || hostOf(page.url),
    headline: page.title?.trim() || null,
    published: isoDay(page.published),
    dateline: null,
    agencies: [],
    translatedFrom: null,
    event: null,
    inferred: [],
    byline: page.byline?.trim() || null,
    text: page.text,
    paragraphs: paragraphSpans(page.text),
    sentences: [],
  };
}

/**
 * The report with the core's sentences and, for a version 2 pack, its analysis stamped with `extractor`.
 * Sentences are kept only when the analysis read this very text and each lies inside a paragraph (as packs require).
 */
export function withAnalysis(report: PackReport, analysis: ArticleAnalysis, extractor: string): PackReport {
  const sentences =
    analysis.text === report.text
      ? analysis.sentences
          .map(({ start, end }) => ({ start, end }))
          .filter((s) => report.paragraphs.some((p) => p.start <= s.start && s.end <= p.end))
      : [];
  return { ...report, sentences, analysis: { extractor, data: compactAnalysis(analysis, report.text) } };
}
