// Builds a corpus from articles written for this project (several outlets on one invented event) plus the bundled pack.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { loadBundledCorpus } from '../../scripts/load-corpus';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleInput } from '../../utils/analysis/types';
import { readArticle } from '../../utils/article/read-article';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { checkArticle } from '../../utils/match/check-article';
import { createCorpus } from '../../utils/match/corpus';
import type { CheckResult, FigureFinding } from '../../utils/match/types';

/** One article of a story: its id (the file name without ".html"), its story and what Readability gave. */
export interface StoryArticle {
  id: string;
  story: string;
  input: ArticleInput;
}

/** Reads every `<story>/<id>.html` under `root` with Readability, as the extension would. */
export function readStories(root: string): StoryArticle[] {
  const out: StoryArticle[] = [];
  for (const story of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(`${root}${story}`).filter((f) => f.endsWith('.html')).sort()) {
      const doc = parseHTML(readFileSync(`${root}${story}/${file}`, 'utf8')).document as unknown as Document;
      const read = readArticle(doc, null, { readerableCheck: false });
      if (!read.ok) throw new Error(`${story}/${file}: ${read.reason}`);
      out.push({ id: file.replace(/\.html$/, ''), story, input: read.article });
    }
  }
  return out;
}

/** A story article as a corpus report, analysed by the same core as the bundled ones. */
export function asReport(article: StoryArticle): AnalyzedReport {
  const { input } = article;
  return {
    meta: {
      id: article.id,
      origin: 'saved',
      url: input.url,
      outlet: input.siteName,
      headline: input.title,
      published: input.published,
      dateline: null,
      agencies: [],
      translatedFrom: null,
      event: null,
      inferred: [],
    },
    analysis: analyzeArticle(input),
  };
}

/**
 * Checks `page` against a corpus of the bundled reports and every other story article (all stories, so that a
 * figure of one event linked to another event's report shows up as a wrong link).
 */
export function checkAgainstStories(page: StoryArticle, articles: readonly StoryArticle[]): CheckResult {
  const reports = [...loadBundledCorpus().reports, ...articles.filter((a) => a.id !== page.id).map(asReport)];
  return checkArticle(page.input, analyzeArticle(page.input), createCorpus(reports));
}

/**
 * A report's relation to a figure: a report may give the quantity twice ("tens of thousands" and "more than
 * 100,000"); its specific figures speak for it, and one that differs makes the report differ.
 */
export function relationsByReport(found: FigureFinding): Map<string, 'agrees' | 'differs'> {
  const out = new Map<string, 'agrees' | 'differs'>();
  for (const report of new Set(found.reports.map((l) => l.report))) {
    const links = found.reports.filter((l) => l.report === report);
    const specific = links.filter((l) => !l.vague);
    const speaking = specific.length > 0 ? specific : links;
    out.set(report, speaking.some((l) => l.relation === 'differs') ? 'differs' : 'agrees');
  }
  return out;
}
