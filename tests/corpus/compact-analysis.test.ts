// The stored analysis: smaller than the analysis, and restored to exactly it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCorpus } from '../../scripts/load-corpus';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleAnalysis } from '../../utils/analysis/types';
import { checkCompactAnalysis, compactAnalysis, expandAnalysis } from '../../utils/corpus/format/compact-analysis';
import { makeFigure } from '../../utils/analysis/make-figure';

const STORIES = join(import.meta.dirname, '../fixtures/unseen/stories');

/** Analyses of every bundled report and every written story's pages (plain text of the HTML is enough here). */
function analyses(): ArticleAnalysis[] {
  const out = loadBundledCorpus().reports.map((report) => report.analysis);
  for (const story of readdirSync(STORIES)) {
    for (const file of readdirSync(join(STORIES, story)).filter((name) => name.endsWith('.html'))) {
      const text = readFileSync(join(STORIES, story, file), 'utf8').replace(/<[^>]+>/g, '\n').replace(/\n{2,}/g, '\n\n').trim();
      out.push(analyzeArticle({ text, title: null, url: null, published: '2025-03-05', siteName: null, byline: null, lang: 'en' }));
    }
  }
  return out;
}

describe('the stored analysis', () => {
  const all = analyses();

  it('restores every analysis exactly, figures, statements and sentences included', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.reduce((n, a) => n + a.figures.length, 0)).toBeGreaterThan(100);
    for (const analysis of all) {
      const stored = compactAnalysis(analysis, analysis.text);
      expect(checkCompactAnalysis(JSON.parse(JSON.stringify(stored)), analysis.text.length)).toBeNull();
      expect(expandAnalysis(JSON.parse(JSON.stringify(stored)), analysis.text)).toEqual(analysis);
    }
  });

  it('leaves out texts that are slices, sentence numbers and empty figure fields', () => {
    let full = 0;
    let stored = 0;
    for (const analysis of all) {
      full += JSON.stringify({ ...analysis, text: undefined }).length;
      const compact = compactAnalysis(analysis, analysis.text);
      stored += JSON.stringify(compact).length;
      expect(compact.statements.every((statement) => statement.text === undefined)).toBe(true);
      expect(compact.sentences.every((sentence) => sentence.index === undefined && sentence.text === undefined)).toBe(true);
      // Optional fields (absent or null) are kept as they are, so that absent and null stay apart.
      const optional = ['attributionKey', 'zone', 'event'];
      for (const figure of compact.figures) expect(Object.entries(figure).filter(([key, value]) => value === null && !optional.includes(key))).toEqual([]);
    }
    expect(stored).toBeLessThan(full * 0.6);
  });

  it('keeps a text that is not its slice, and fields that are not empty', () => {
    const text = 'Prices rose 5% in May.';
    const figure = makeFigure({ start: 12, end: 14, text: '5 per cent', sentence: 0, kind: 'percent', value: { low: 5, high: 5, point: 5, vague: false }, unit: '%' });
    const analysis: ArticleAnalysis = {
      text,
      published: null,
      language: 'en',
      declined: null,
      sentences: [{ index: 0, paragraph: 0, start: 0, end: text.length, text }],
      figures: [figure],
      statements: [],
    };
    const compact = compactAnalysis(analysis, text);
    expect(compact.figures[0]).toMatchObject({ text: '5 per cent', unit: '%' });
    expect(compact.figures[0]).not.toHaveProperty('qualifier');
    expect(expandAnalysis(compact, text)).toEqual(analysis);
  });

  it.each([
    ['a number as a unit', (f: Record<string, unknown>) => (f.unit = 5), /unit is not text/],
    ['an empty date', (f: Record<string, unknown>) => (f.date = {}), /date is not a date/],
    ['a value without its vagueness', (f: Record<string, unknown>) => (f.value = { low: 1, high: null, point: 1 }), /has no value/],
    ['an alternate without a value', (f: Record<string, unknown>) => (f.alternate = { text: 'x', unit: null, consistent: true }), /alternate is not a value/],
  ])('refuses a packed figure with %s (it would throw during a check)', (_name, spoil, message) => {
    const analysis = all.find((a) => a.figures.length > 0 && a.statements.length > 0)!;
    const packed = JSON.parse(JSON.stringify(compactAnalysis(analysis, analysis.text))) as { figures: Record<string, unknown>[] };
    spoil(packed.figures[0]!);
    expect(checkCompactAnalysis(packed, analysis.text.length)).toMatch(message);
  });

  it('refuses a packed statement whose negation or speaker is not what the matcher reads', () => {
    const analysis = all.find((a) => a.statements.length > 0)!;
    for (const spoil of [{ negated: 'no' }, { speaker: 3 }, { kind: 'rumour' }]) {
      const packed = JSON.parse(JSON.stringify(compactAnalysis(analysis, analysis.text))) as { statements: Record<string, unknown>[] };
      Object.assign(packed.statements[0]!, spoil);
      expect(checkCompactAnalysis(packed, analysis.text.length), JSON.stringify(spoil)).toMatch(/statements\[0\]/);
    }
  });

  it('still reads the fuller form earlier versions stored and packed', () => {
    for (const analysis of all.slice(0, 3)) {
      const { text: _text, ...older } = analysis;
      expect(checkCompactAnalysis(older, analysis.text.length)).toBeNull();
      expect(expandAnalysis(older, analysis.text)).toEqual(analysis);
    }
  });
});
