// Hand-made figures and reports for the matcher's unit tests (no extractor needed).
import type { ArticleAnalysis, Figure, FigureKind, Sentence } from '../../utils/analysis/types';
import type { AnalyzedReport, ReportMeta } from '../../utils/corpus/types';
import { makeFigure } from '../../utils/analysis/make-figure';

/** A figure found as `text` inside `sentence` (offsets relative to a text that starts with that sentence). */
export function fig(
  sentence: string,
  text: string,
  kind: FigureKind,
  point: number,
  extra: Partial<Figure> = {},
): Figure {
  const start = sentence.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in "${sentence}"`);
  return makeFigure({
    start,
    end: start + text.length,
    text,
    sentence: 0,
    kind,
    value: { low: point, high: point, point, vague: false },
    ...extra,
  });
}

export function meta(id: string, extra: Partial<ReportMeta> = {}): ReportMeta {
  return {
    id,
    origin: 'bundled',
    url: null,
    outlet: `Outlet ${id}`,
    headline: null,
    published: null,
    dateline: null,
    agencies: [],
    translatedFrom: null,
    event: null,
    inferred: [],
    ...extra,
  };
}

/** An analysis of sentences joined by spaces; figures are given per sentence with offsets relative to it. */
export function analysis(sentences: string[], figures: Figure[][] = [], published: string | null = null): ArticleAnalysis {
  const out: Sentence[] = [];
  const figs: Figure[] = [];
  let at = 0;
  sentences.forEach((text, index) => {
    out.push({ index, paragraph: index, start: at, end: at + text.length, text });
    for (const f of figures[index] ?? []) figs.push({ ...f, sentence: index, start: f.start + at, end: f.end + at });
    at += text.length + 2;
  });
  return {
    text: sentences.join('\n\n'),
    published,
    language: 'en',
    declined: null,
    sentences: out,
    figures: figs,
    statements: [],
  };
}

export function report(id: string, sentences: string[], figures: Figure[][] = [], extra: Partial<ReportMeta> = {}): AnalyzedReport {
  return { meta: meta(id, extra), analysis: analysis(sentences, figures, extra.published ?? null) };
}
