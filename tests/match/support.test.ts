// Small pieces of the matcher: text normalization, URLs, dates, near copies, and the background's two-phase loading.
import { describe, expect, it } from 'vitest';
import { loadBundledCorpus } from '../../scripts/load-corpus';
import type { ArticleAnalysis, ArticleInput } from '../../utils/analysis/types';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { checkArticle, formatDay, planCheck, selfCandidates, type CheckOptions } from '../../utils/match/check-article';
import { createCorpus, inputOfReport, normalizeUrl, type Corpus } from '../../utils/match/corpus';
import { clusterReports } from '../../utils/match/near-copies';
import { allTerms, contentTerms, normalizeText } from '../../utils/match/text';
import { meta } from './helpers';
import { loadPack, makeLoadPage } from '../e2e/load-page';
import { analyzeArticle } from '../../utils/analysis/analyze-article';

describe('text', () => {
  it.each([
    ['We didn’t expect it', 'we did not expect it'],
    ['I can’t say', 'i can not say'],
    ['I cannot say', 'i can not say'],
    ["We won't go, we're here", 'we will not go, we are here'],
    ['Russia’s demands', 'russia demands'],
    ['José Manuel Albares', 'jose manuel albares'],
  ])('normalizes %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('makes spelling and word-form variants meet', () => {
    expect(allTerms('start convincing')).toEqual(allTerms('begin to convince').filter((t) => t !== 'to'));
    expect(contentTerms('Russian soldiers in Kyiv')).toEqual(contentTerms('Russia troops in Kiev'));
    expect(contentTerms('114,000 troops')).toContain('114000');
  });
});

describe('helpers', () => {
  it.each([
    ['https://www.example.org/a/b/?utm_source=x&id=3#top', 'example.org/a/b?id=3'],
    ['https://example.org/a/b', 'example.org/a/b'],
    ['not a url', 'not a url'],
  ])('normalizes the URL %s', (url, expected) => {
    expect(normalizeUrl(url)).toBe(expected);
  });

  it('formats days for people', () => {
    expect(formatDay('2021-12-02')).toBe('2 Dec 2021');
    expect(formatDay('2022-01-21T10:00:00Z')).toBe('21 Jan 2022');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('near copies', () => {
  const s = (texts: string[]) => texts.map((text) => ({ text }));
  const story = [
    'Russia has massed tens of thousands of troops on the Ukrainian border, officials said.',
    'The talks in Geneva lasted ninety minutes and ended without a breakthrough for either side.',
    'Both ministers agreed to keep talking and to meet again in the coming weeks if needed.',
    'Western leaders have repeatedly warned of severe consequences if Russia invades its neighbour.',
  ];
  it('groups reprints, keeps separate stories apart, and accepts a trimmed wire copy credited to the same agency', () => {
    const clusters = clusterReports([
      { meta: meta('a', { published: '2022-01-21', agencies: ['AFP'] }), sentences: s(story) },
      { meta: meta('b', { published: '2022-01-21' }), sentences: s([...story.slice(0, 3), 'A different closing line was written by the local desk here.']) },
      { meta: meta('c', { published: '2022-01-22', agencies: ['AFP'] }), sentences: s([story[0]!, 'Everything else in this report was written anew by its own reporters.', 'It adds a second new sentence of its own to the story.', 'And a third sentence that nobody else carries today.', 'And a fourth one, to make the shared part small.']) },
      { meta: meta('d', { published: '2022-01-22' }), sentences: s([story[0]!, 'Other sentence one that is long enough.', 'Other sentence two that is long enough.', 'Other sentence three that is long enough.', 'Other sentence four that is long enough.', 'Other sentence five that is long enough.']) },
      { meta: meta('e', { published: '2022-01-22' }), sentences: s(['A report about something else entirely, with no sentence in common.']) },
    ]);
    expect(clusters.get('b')).toBe('a');
    expect(clusters.get('c')).toBe('a');
    expect(clusters.get('d')).toBe('d');
    expect(clusters.get('e')).toBe('e');
  });
});

describe('two-phase loading (background)', () => {
  /** The background's way: the reports that may be the page, the plan, then the reports it picked; no other is read. */
  function backgroundCheck(input: ArticleInput, analysis: ArticleAnalysis, whole: Corpus, all: readonly AnalyzedReport[], options: CheckOptions = {}) {
    const partial = (ids: readonly string[]) =>
      createCorpus(
        all.filter((r) => ids.includes(r.meta.id)),
        { searcher: { search: whole.search, documentCount: 0, reportCount: whole.size }, size: whole.size },
      );
    const maybeSelf = selfCandidates(input, analysis, whole);
    const plan = planCheck(input, analysis, partial(maybeSelf), options);
    const read = [...maybeSelf, ...plan.retrieval.reports];
    return { plan, read, result: checkArticle(input, analysis, partial(read), options, plan) };
  }

  it('gives the same result from only the reports the background reads as from the whole corpus', () => {
    const bundled = loadBundledCorpus();
    bundled.packReports.forEach((p, i) => {
      const analysis = bundled.reports[i]!.analysis;
      const input = inputOfReport(p);
      const { result, read } = backgroundCheck(input, analysis, bundled.corpus, bundled.reports);
      expect(result).toEqual(checkArticle(input, analysis, bundled.corpus));
      // The page's own report is recognised, and never among the reports the check reads for links.
      expect(result.article.corpusId).toBe(p.id);
      expect(read.filter((id) => id === p.id)).toHaveLength(1);
    });
  });

  it('reads the capped number of reports plus each query\'s best two, and links no other', () => {
    const bundled = loadBundledCorpus();
    bundled.packReports.forEach((p, i) => {
      const analysis = bundled.reports[i]!.analysis;
      const input = inputOfReport(p);
      const capped = backgroundCheck(input, analysis, bundled.corpus, bundled.reports, { maxReports: 1 });
      const { figureHits, statementHits, reports } = capped.plan.retrieval;
      const queries = figureHits.length + statementHits.length;
      expect(reports.length).toBeLessThanOrEqual(1 + 2 * queries);
      expect(reports).not.toContain(p.id);
      // Every read report is the cap's, or among some query's best two.
      const bestTwo = new Set([...figureHits, ...statementHits].flatMap((hits) => [...new Set(hits.map((h) => h.report))].slice(0, 2)));
      expect(reports.filter((id) => !bestTwo.has(id)).length).toBeLessThanOrEqual(1);
      const linked = new Set(capped.result.figures.flatMap((f) => f.reports.map((r) => r.report)));
      expect(linked.size).toBeGreaterThan(0);
      for (const id of linked) expect(reports).toContain(id);
      // The capped check from only what the background reads equals the capped check over the whole corpus.
      expect(capped.result).toEqual(checkArticle(input, analysis, bundled.corpus, { maxReports: 1 }));
    });
  });

  it('keeps every figure its own source on a long page whose figures come from more reports than the cap', () => {
    const load = makeLoadPage(30, 0);
    const reports = loadPack(load.reports).reports.map((report) => ({ meta: report, analysis: analyzeArticle(inputOfReport(report)) }));
    const whole = createCorpus(reports);
    const analysis = analyzeArticle(load.article);
    const { result, plan } = backgroundCheck(load.article, analysis, whole, reports, { maxReports: 5 });
    expect(plan.retrieval.reports.length).toBeGreaterThan(5);
    const corroborated = result.figures.filter((f) => f.reports.some((r) => r.relation === 'agrees'));
    expect(corroborated.length).toBeGreaterThanOrEqual(30);
  });
});
