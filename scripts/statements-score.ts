// Scores statement matching on the labelled pairs (tests/fixtures/statements/pairs.json) and the seed gold statements: shared by `npm run eval:statements` and the vitest suite.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import type { ArticleInput } from '../utils/analysis/types';
import { checkArticle } from '../utils/match/check-article';
import { createCorpus } from '../utils/match/corpus';
import { readGoldFixture, scoreGold } from './gold-score';
import { loadBundledCorpus } from './load-corpus';

export const PAIRS_FIXTURE = fileURLToPath(new URL('../tests/fixtures/statements/pairs.json', import.meta.url));

export type PairLabel = 'corroborates' | 'conflicts' | 'unrelated';

export interface StatementPair {
  id: string;
  domain: string;
  label: PairLabel;
  a: string;
  b: string;
  note: string;
  /** Written after the rules of the batch before it, and first scored untouched (1 when absent). */
  batch?: number;
}

/** One pair judged with one side as the page and the other as the only report. */
export interface PairOutcome {
  id: string;
  /** Which side was the page. */
  page: 'a' | 'b' | 'gold';
  /** The pair's batch; 0 for the seed gold statements. */
  batch: number;
  label: PairLabel;
  got: PairLabel;
  detail: string;
}

export function readPairs(path: string = PAIRS_FIXTURE): StatementPair[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { pairs: StatementPair[] }).pairs;
}

/**
 * A plain paragraph after each snippet, another for each side (the same one would make the two texts near copies):
 * a one-sentence text is too short for the language guess, which would decline it as another language.
 * Neither holds a statement or a figure.
 */
const FILLERS = {
  a: 'This paragraph is plain text written so that the extractor reads the whole as a short article and nothing more.',
  b: 'More details about the events described above were not available when this short report was published online.',
};

function input(snippet: string, id: string, side: 'a' | 'b'): ArticleInput {
  const text = `${snippet}\n\n${FILLERS[side]}`;
  return { text, title: null, url: `https://example.org/${id}`, published: '2024-03-04', siteName: null, byline: null, lang: 'en' };
}

/** Runs the whole engine (extraction, retrieval, matching) with `page` as the page and `other` as the corpus. */
function judge(pair: StatementPair, page: 'a' | 'b'): PairOutcome {
  const other = page === 'a' ? 'b' : 'a';
  const report = { meta: { id: `${pair.id}-${other}`, origin: 'bundled' as const, url: `https://example.org/${pair.id}-${other}`, outlet: 'Other', headline: null, published: '2024-03-04', dateline: null, agencies: [], translatedFrom: null, event: null, inferred: [] }, analysis: analyzeArticle(input(pair[other], `${pair.id}-${other}`, other)) };
  const pageInput = input(pair[page], `${pair.id}-${page}`, page);
  const analysis = analyzeArticle(pageInput);
  const result = checkArticle(pageInput, analysis, createCorpus([report]));
  const links = result.statements.flatMap((s) => s.reports.map((l) => ({ ...l, text: s.text })));
  const conflict = links.find((l) => l.relation === 'conflicts');
  const corroboration = links.find((l) => l.relation === 'corroborates');
  const link = conflict ?? corroboration;
  const got: PairLabel = conflict ? 'conflicts' : corroboration ? 'corroborates' : 'unrelated';
  const found = analysis.statements.map((s) => `[${s.speakerKey ?? '?'}] ${s.text}`).join(' | ') || 'no statement extracted';
  return { id: pair.id, page, batch: pair.batch ?? 1, label: pair.label, got, detail: link ? `${link.reasons.join(' ')}` : found };
}

/** Every pair in both directions, then the seed gold statements (each counted as a corroboration to find). */
export function scoreStatementPairs(pairs: StatementPair[] = readPairs()): PairOutcome[] {
  const out = pairs.flatMap((p) => [judge(p, 'a'), judge(p, 'b')]);
  const gold = readGoldFixture();
  const cases = gold.cases.filter((c) => c.kind === 'statements');
  for (const o of scoreGold({ ...gold, cases }, loadBundledCorpus())) {
    out.push({ id: `gold ${o.id}`, page: 'gold', batch: 0, label: 'corroborates', got: o.passed ? 'corroborates' : 'unrelated', detail: `page ${o.page}: ${o.detail}` });
  }
  return out;
}

export interface StatementScore {
  /** counts[label][got] */
  counts: Record<PairLabel, Record<PairLabel, number>>;
  /** Share of "conflicts" verdicts that were labelled conflicts (1 when none was given). */
  conflictPrecision: number;
  conflictRecall: number;
  corroborationPrecision: number;
  corroborationRecall: number;
  /** Share of unrelated judgements left without any link. */
  unrelatedLeftAlone: number;
}

export function summarize(outcomes: PairOutcome[]): StatementScore {
  const labels: PairLabel[] = ['corroborates', 'conflicts', 'unrelated'];
  const counts = Object.fromEntries(labels.map((l) => [l, Object.fromEntries(labels.map((g) => [g, 0]))])) as StatementScore['counts'];
  for (const o of outcomes) counts[o.label][o.got] += 1;
  const given = (g: PairLabel) => labels.reduce((n, l) => n + counts[l][g], 0);
  const total = (l: PairLabel) => labels.reduce((n, g) => n + counts[l][g], 0);
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    counts,
    conflictPrecision: ratio(counts.conflicts.conflicts, given('conflicts')),
    conflictRecall: ratio(counts.conflicts.conflicts, total('conflicts')),
    corroborationPrecision: ratio(counts.corroborates.corroborates, given('corroborates')),
    corroborationRecall: ratio(counts.corroborates.corroborates, total('corroborates')),
    unrelatedLeftAlone: ratio(counts.unrelated.unrelated, total('unrelated')),
  };
}

function main(): number {
  const outcomes = scoreStatementPairs();
  const score = summarize(outcomes);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('label          → corroborates  conflicts  unrelated');
  for (const [label, row] of Object.entries(score.counts)) {
    console.log(`${label.padEnd(14)}   ${String(row.corroborates).padStart(12)} ${String(row.conflicts).padStart(10)} ${String(row.unrelated).padStart(10)}`);
  }
  console.log(`\nconflicts: precision ${pct(score.conflictPrecision)}, recall ${pct(score.conflictRecall)}`);
  console.log(`corroborates: precision ${pct(score.corroborationPrecision)}, recall ${pct(score.corroborationRecall)}`);
  console.log(`unrelated left alone: ${pct(score.unrelatedLeftAlone)}`);
  const batches = [...new Set(outcomes.map((o) => o.batch))].sort();
  for (const b of batches) {
    const part = summarize(outcomes.filter((o) => o.batch === b));
    const right = outcomes.filter((o) => o.batch === b && o.got === o.label).length;
    const all = outcomes.filter((o) => o.batch === b).length;
    console.log(
      `${b === 0 ? 'seed gold' : `batch ${b}`}: ${right}/${all} right; conflicts precision ${pct(part.conflictPrecision)} recall ${pct(part.conflictRecall)}, corroborates recall ${pct(part.corroborationRecall)}, unrelated left alone ${pct(part.unrelatedLeftAlone)}`,
    );
  }
  const misses = outcomes.filter((o) => o.got !== o.label);
  console.log(`\n${misses.length} misses of ${outcomes.length} judgements:`);
  for (const m of misses) console.log(`  ${m.id.padEnd(10)} page ${m.page.padEnd(4)} expect ${m.label.padEnd(12)} got ${m.got.padEnd(12)} ${m.detail}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
