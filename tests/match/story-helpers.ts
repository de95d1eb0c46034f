// Written stories for the matcher's tests: an article input, its analysed report, and the links of one page figure.
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleInput } from '../../utils/analysis/types';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { checkArticle } from '../../utils/match/check-article';
import { createCorpus } from '../../utils/match/corpus';
import { meta } from './helpers';

export function input(title: string, paragraphs: string[], published: string): ArticleInput {
  return { text: paragraphs.join('\n\n'), title, url: null, published, siteName: null, byline: null, lang: 'en' };
}

export function asReport(id: string, article: ArticleInput): AnalyzedReport {
  return { meta: meta(id, { headline: article.title, published: article.published }), analysis: analyzeArticle(article) };
}

/** Links of the page's figure written `text`, as "report relation their-text". */
export function linksOf(page: ArticleInput, reports: AnalyzedReport[], text: string): string[] {
  const result = checkArticle(page, analyzeArticle(page), createCorpus(reports));
  const found = result.figures.find((f) => f.text === text);
  if (!found) throw new Error(`"${text}" not extracted: ${result.figures.map((f) => f.text).join(', ')}`);
  return found.reports.map((l) => `${l.report} ${l.relation} ${l.text}`);
}
