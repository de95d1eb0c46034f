// Gold-dev mentions: each figure is read from its context alone and from its whole report, with the right value.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleAnalysis, Figure } from '../../utils/analysis/types';

const FIXTURE = fileURLToPath(new URL('../fixtures/extraction/gold-dev/expected.json', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../corpus/reports/', import.meta.url));
const GOLD = fileURLToPath(new URL('../../../shared/gold-dev.json', import.meta.url));

interface Mention {
  id: string;
  doc: string;
  figure: string;
  context: string;
  kind: string;
  low?: number;
  high?: number | null;
  point?: number;
  vague?: boolean;
  qualifier?: string | null;
  unit?: string;
  countedKey?: string;
  countedModifiers?: string[];
  verb?: string;
}
interface StatementCase {
  id: string;
  doc: string;
  context: string;
  speakerKey?: string;
}
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  published: Record<string, string>;
  mentions: Mention[];
  statements: StatementCase[];
};

function analyze(text: string, published: string | null): ArticleAnalysis {
  return analyzeArticle({ text, title: null, url: null, published, siteName: null, byline: null, lang: null });
}

function check(f: Figure | undefined, m: Mention): void {
  expect(f, `${m.id}: no figure containing "${m.figure}"`).toBeDefined();
  const fig = f!;
  expect(fig.kind).toBe(m.kind);
  if (m.low !== undefined) expect(fig.value.low).toBe(m.low);
  if (m.high !== undefined) expect(fig.value.high).toBe(m.high);
  if (m.point !== undefined) expect(fig.value.point).toBe(m.point);
  if (m.vague !== undefined) expect(fig.value.vague).toBe(m.vague);
  if (m.qualifier !== undefined) expect(fig.qualifier).toBe(m.qualifier);
  if (m.unit !== undefined) expect(fig.unit).toBe(m.unit);
  if (m.countedKey !== undefined) expect(fig.countedKey).toBe(m.countedKey);
  if (m.countedModifiers !== undefined) expect(fig.countedModifiers).toEqual(m.countedModifiers);
  if (m.verb !== undefined) expect(fig.verb).toBe(m.verb);
}

describe('gold-dev mentions', () => {
  it.each(fixture.mentions.map((m) => [m.id, m] as const))('%s read from its context alone', (_, m) => {
    const a = analyze(`${m.context}.`, fixture.published[m.doc] ?? null);
    check(
      a.figures.find((f) => f.text.includes(m.figure)),
      m,
    );
  });

  it.each(fixture.mentions.map((m) => [m.id, m] as const))('%s read from its whole report', (_, m) => {
    const text = readFileSync(`${REPORTS}${m.doc}.txt`, 'utf8');
    const at = text.indexOf(m.context);
    expect(at, `context of ${m.id} not in ${m.doc}`).toBeGreaterThanOrEqual(0);
    const a = analyze(text, fixture.published[m.doc] ?? null);
    check(
      a.figures.find((f) => f.start >= at && f.end <= at + m.context.length && f.text.includes(m.figure)),
      m,
    );
  });

  it.each(fixture.statements.map((s) => [s.id, s] as const))('statement %s is a quote', (_, s) => {
    const a = analyze(readFileSync(`${REPORTS}${s.doc}.txt`, 'utf8'), fixture.published[s.doc] ?? null);
    const found = a.statements.find((st) => st.kind === 'quote' && st.text.includes(s.context));
    expect(found, `no quote containing "${s.context}"`).toBeDefined();
    if (s.speakerKey) expect(found!.speakerKey).toBe(s.speakerKey);
  });

  it.skipIf(!existsSync(GOLD))('copies its contexts from ../shared/gold-dev.json unchanged', () => {
    const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { mentions: Record<string, { doc: string; figure: string; context: string }> };
    for (const m of fixture.mentions) {
      expect(gold.mentions[m.id], m.id).toBeDefined();
      expect([gold.mentions[m.id]!.doc, gold.mentions[m.id]!.figure, gold.mentions[m.id]!.context]).toEqual([m.doc, m.figure, m.context]);
    }
  });
});
