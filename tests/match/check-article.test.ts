// checkArticle on the bundled reports: the page never corroborates itself, wire copies count once, declined pages stay empty.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { checkArticle } from '../../utils/match/check-article';
import { createCorpus, inputOfReport } from '../../utils/match/corpus';
import { loadBundledCorpus } from '../../scripts/load-corpus';

const bundled = loadBundledCorpus();
const pack = (id: string) => bundled.packReports.find((p) => p.id.startsWith(id))!;
const D000 = pack('000');
const D002 = pack('002');

function withCopy(): AnalyzedReport[] {
  // A reprint of report 002 on another site: same wire story, a few words changed.
  const text = D002.text.replace('many fear Moscow is preparing', 'many fear that Moscow is preparing').replace('Source: PA', 'Photo: PA');
  const copy: AnalyzedReport = {
    meta: { ...bundled.reports.find((r) => r.meta.id === D002.id)!.meta, id: 'zz-copy-of-002', outlet: 'Reprint Daily', url: 'https://reprint.example.com/story' },
    analysis: analyzeArticle({ ...inputOfReport(D002), text }),
  };
  return [...bundled.reports, copy];
}

describe('checkArticle', () => {
  it('recognizes a corpus report by its URL, even without tracking parameters and www', () => {
    const reports = bundled.reports.map((r) => (r.meta.id === D002.id ? { ...r, meta: { ...r.meta, url: 'https://www.example.org/geneva-talks' } } : r));
    const corpus = createCorpus(reports);
    // The text of another report (000), so only the URL can say the page is 002.
    const input = { ...inputOfReport(D000), url: 'https://example.org/geneva-talks/?utm_source=feed#top' };
    const result = checkArticle(input, analyzeArticle(input), corpus);
    expect(result.article.corpusId).toBe(D002.id);
    expect(result.figures.flatMap((f) => f.reports).some((l) => l.report === D002.id)).toBe(false);
    const unrelated = checkArticle({ ...input, url: 'https://example.org/other' }, analyzeArticle(input), corpus);
    expect(unrelated.article.corpusId).toBe(D000.id);
    expect(unrelated.figures.flatMap((f) => f.reports).some((l) => l.report === D002.id)).toBe(true);
  });

  it('recognizes a corpus report by near-identical text and never lists it', () => {
    const input = { ...inputOfReport(D000), url: 'https://elsewhere.example.net/x', title: 'Another title' };
    const result = checkArticle(input, analyzeArticle(input), bundled.corpus);
    expect(result.article.corpusId).toBe(D000.id);
    const linked = [...result.figures.flatMap((f) => f.reports), ...result.statements.flatMap((s) => s.reports)];
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((l) => l.report !== D000.id)).toBe(true);
  });

  it('leaves corpusId null for a page that is not in the corpus', () => {
    const text = [
      'Officials in Lisbon said on Monday that more than 2,000 firefighters were battling wildfires in central Portugal.',
      'The fires have burned more than 10,000 hectares since Friday, according to the civil protection agency, which said three villages had been evacuated as a precaution.',
      'Prime Minister António Costa said the government would ask the European Union for help with water-bombing aircraft.',
    ].join('\n\n');
    const input = { text, title: 'Fires in Portugal', url: null, published: '2022-07-11', siteName: null, byline: null, lang: 'en' };
    const result = checkArticle(input, analyzeArticle(input), bundled.corpus);
    expect(result.article.corpusId).toBeNull();
    expect(result.figures.every((f) => f.reports.length === 0)).toBe(true);
    expect(result.summary.onlyHere).toBe(result.figures.length);
  });

  it('counts near copies of one wire story once', () => {
    const corpus = createCorpus(withCopy());
    const input = inputOfReport(D000);
    const result = checkArticle(input, bundled.reports.find((r) => r.meta.id === D000.id)!.analysis, corpus);
    const f = result.figures.find((x) => x.text === 'more than 100,000')!;
    const copy = f.reports.find((l) => l.report === 'zz-copy-of-002')!;
    const original = f.reports.find((l) => l.report === D002.id)!;
    expect(copy.cluster).toBe(original.cluster);
    expect(f.reportCount).toBe(new Set(f.reports.map((l) => l.report)).size);
    expect(f.independent).toBeLessThan(f.reportCount!);
    expect(f.independent).toBe(new Set(f.reports.map((l) => l.cluster)).size);
  });

  it('puts a changed figure on a timeline with its date and attribution', () => {
    const result = checkArticle(inputOfReport(D000), bundled.reports.find((r) => r.meta.id === D000.id)!.analysis, bundled.corpus);
    const f = result.figures.find((x) => x.text === 'more than 100,000')!;
    const earlier = f.reports.find((l) => l.text === 'more than 114,000')!;
    expect(earlier).toMatchObject({ relation: 'differs', vague: false, timeline: 'earlier' });
    expect(earlier.reasons).toContain(
      'Earlier report, 2 Dec 2021: more than 114,000 (according to US intelligence services). The figure may have changed over time.',
    );
    expect(earlier.sentence.slice(earlier.figureStart, earlier.figureEnd)).toBe('more than 114,000');
    expect(f.verdict).toBe('differs');
  });

  it('returns no findings for a declined page', () => {
    const input = { ...inputOfReport(D000) };
    const analysis = { ...analyzeArticle(input), declined: 'The page is not in English.' };
    const result = checkArticle(input, analysis, bundled.corpus);
    expect(result).toMatchObject({ figures: [], statements: [], declined: 'The page is not in English.', corpusSize: 5 });
  });
});

describe('checkArticle on an article the corpus does not hold', () => {
  // Written for this test in the style of a wire report: every expectation below was read and checked by hand.
  const text = [
    'Russia has stationed about 100,000 soldiers near its border with Ukraine, US officials said on Monday, as diplomats prepared for talks in Geneva.',
    'The United States has put 8,500 US troops on heightened alert for possible deployment to Eastern Europe, the Pentagon said.',
    'The conflict in eastern Ukraine has killed some 15,000 people since 2014, according to the United Nations.',
    'Blinken and Lavrov met for about an hour and a half in Geneva on Friday.',
    '“We didn’t expect any major breakthroughs today,” Blinken told reporters after the meeting.',
    'Russia annexed Crimea in 2014, and Bulgaria joined Nato in 2004.',
  ].join('\n\n');
  const input = { text, title: 'Test article', url: null, published: '2022-01-24', siteName: 'Test', byline: null, lang: 'en' };
  const result = checkArticle(input, analyzeArticle(input), bundled.corpus);
  const finding = (t: string, sentence?: string) =>
    result.figures.find((f) => f.text === t && (!sentence || f.sentence.includes(sentence)))!;
  const linked = (t: string, sentence?: string) => finding(t, sentence).reports.map((l) => `${l.report.slice(0, 3)} ${l.relation} ${l.text}`);

  it('links the troop count to the same quantity elsewhere, with the earlier, higher figure as a difference', () => {
    expect(linked('about 100,000')).toEqual(
      expect.arrayContaining(['002 agrees an estimated 100,000', '000 agrees more than 100,000', '001 differs more than 114,000']),
    );
    expect(finding('about 100,000').verdict).toBe('differs');
  });

  it('does not link US troops to Russian troops', () => {
    expect(linked('8,500')).toEqual([]);
  });

  it('links the meeting’s length to the 90-minute Geneva meeting, not to the 50-minute phone call', () => {
    expect(linked('about an hour and a half')).toEqual(['003 agrees 90 minutes']);
  });

  it('keeps 2014 (Crimea) and 2004 (NATO accession) apart', () => {
    const crimea = linked('2014', 'annexed Crimea');
    expect(crimea.length).toBeGreaterThan(0);
    expect(crimea.every((l) => l.endsWith(' 2014'))).toBe(true);
    expect(linked('2004')).toEqual(['003 agrees 2004']);
  });

  it('corroborates the quote in both reports that carry it', () => {
    const st = result.statements.find((s) => s.text.startsWith('We didn’t expect'))!;
    expect(st.reports.map((l) => [l.report.slice(0, 3), l.relation])).toEqual([
      ['002', 'corroborates'],
      ['003', 'corroborates'],
    ]);
  });

  it('leaves figures no other report gives as only here', () => {
    expect(result.article.corpusId).toBeNull();
    expect(result.summary.onlyHere).toBe(result.figures.filter((f) => f.reports.length === 0).length);
    expect(result.summary.onlyHere).toBeGreaterThan(0);
  });
});
