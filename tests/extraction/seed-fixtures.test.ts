// Seed reports against hand-written expectations: every figure (in order), key statements, and noise left out.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { Figure } from '../../utils/analysis/types';

const FIXTURES = fileURLToPath(new URL('../fixtures/extraction/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../corpus/reports/', import.meta.url));

interface ExpectedFigure {
  text: string;
  kind: string;
  low?: number;
  high?: number | null;
  point?: number;
  vague?: boolean;
  qualifier?: string | null;
  unit?: string | null;
  counted?: string;
  countedKey?: string;
  countedModifiers?: string[];
  verb?: string;
  attribution?: string;
  attributionKey?: string;
  place?: string;
  date?: string;
  alternate?: string;
  alternatePoint?: number;
}
interface ExpectedStatement {
  kind: 'quote' | 'reported';
  includes: string;
  speakerKey?: string;
  negated?: boolean;
}
interface Fixture {
  report: string;
  published: string;
  figures: ExpectedFigure[];
  statements: ExpectedStatement[];
  absent: string[];
}

/** The fields of `f` that the expectation names, so that a fixture states only what was checked by hand. */
function observed(f: Figure, e: ExpectedFigure): ExpectedFigure {
  const all: Required<ExpectedFigure> = {
    text: f.text,
    kind: f.kind,
    low: f.value.low,
    high: f.value.high as number,
    point: f.value.point,
    vague: f.value.vague,
    qualifier: f.qualifier as string,
    unit: f.unit as string,
    counted: f.counted as string,
    countedKey: f.countedKey as string,
    countedModifiers: f.countedModifiers,
    verb: f.verb as string,
    attribution: f.attribution as string,
    attributionKey: f.attributionKey as string,
    place: f.place as string,
    date: f.date ? `${f.date.start}/${f.date.end}/${f.date.granularity}` : (null as unknown as string),
    alternate: f.alternate?.text as string,
    alternatePoint: f.alternate?.value.point as number,
  };
  return Object.fromEntries(Object.keys(e).map((k) => [k, all[k as keyof ExpectedFigure]])) as unknown as ExpectedFigure;
}

const fixtures: Fixture[] = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{3}_/.test(d.name))
  .map((d) => JSON.parse(readFileSync(`${FIXTURES}${d.name}/expected.json`, 'utf8')) as Fixture);

describe.each(fixtures.map((f) => [f.report, f] as const))('seed report %s', (id, fixture) => {
  const text = readFileSync(`${REPORTS}${id}.txt`, 'utf8');
  const analysis = analyzeArticle({ text, title: null, url: null, published: fixture.published, siteName: null, byline: null, lang: null });

  it('is read in English', () => {
    expect(analysis.declined).toBeNull();
  });

  it('finds exactly the expected figures, in order, with their values', () => {
    expect(analysis.figures.map((f) => f.text)).toEqual(fixture.figures.map((e) => e.text));
    fixture.figures.forEach((e, i) => {
      expect(observed(analysis.figures[i]!, e), `figure ${i} "${e.text}"`).toEqual(e);
    });
  });

  it('gives figure offsets that point at the figure text', () => {
    for (const f of analysis.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it.each(fixture.statements.map((s) => [s.includes, s] as const))('finds the statement "%s"', (_, e) => {
    const found = analysis.statements.find((s) => s.kind === e.kind && s.text.includes(e.includes));
    expect(found, `no ${e.kind} containing "${e.includes}"`).toBeDefined();
    if (e.speakerKey !== undefined) expect(found!.speakerKey).toBe(e.speakerKey);
    if (e.negated !== undefined) expect(found!.negated).toBe(e.negated);
    expect(text.slice(found!.start, found!.end)).toBe(found!.text);
  });

  it('takes no figure from bylines, tickers or embeds', () => {
    for (const noise of fixture.absent) expect(analysis.figures.map((f) => f.text)).not.toContain(noise);
  });
});
