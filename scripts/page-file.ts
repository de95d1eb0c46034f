// Node-only: a saved page's file (.html through Readability, .txt with its header block) as the core's input and as a report.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import type { ArticleInput } from '../utils/analysis/types';
import { readArticle } from '../utils/article/read-article';
import { parseTextPage } from '../utils/article/text-page';
import { reportOfArticle } from '../utils/corpus/format/report-of-article';
import type { AnalyzedReport } from '../utils/corpus/types';

/** The page's own URL as it states it (canonical link or og:url). */
export function pageUrl(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const url = canonical ?? og ?? null;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The article of one saved page: Readability for .html, the header block and text for .txt. Throws on an unreadable file. */
export function articleOfFile(path: string): ArticleInput | { skip: string } {
  const source = readFileSync(path, 'utf8');
  if (!source.trim()) return { skip: 'the file is empty' };
  if (extname(path).toLowerCase() === '.txt') {
    const page = parseTextPage(source);
    if (!page.text) return { skip: 'no text after the header' };
    return { text: page.text, title: page.title, url: page.url, published: page.published, siteName: page.outlet, byline: null, lang: 'en' };
  }
  const doc = parseHTML(source).document as unknown as Document;
  if (!doc.documentElement || !doc.body) return { skip: 'not an HTML page' };
  const outcome = readArticle(doc, pageUrl(doc), { readerableCheck: false });
  return outcome.ok ? outcome.article : { skip: outcome.reason };
}

/** A page read from a file as a corpus report with the core's analysis, through the same page-to-report step as saving. */
export function analyzedReportOf(input: ArticleInput, id: string): AnalyzedReport {
  const { text: _text, paragraphs: _p, sentences: _s, ...meta } = reportOfArticle(input, id, 'imported');
  return { meta, analysis: analyzeArticle(input) };
}
