// Scores the cross-check engine on the gold fixture (tests/fixtures/gold/dev.json): shared by `npm run eval` and the vitest suite.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkArticle } from '../utils/match/check-article';
import type { CheckResult } from '../utils/match/types';
import { inputOfReport } from '../utils/match/corpus';
import type { BundledCorpus } from './load-corpus';

export const GOLD_SOURCE = fileURLToPath(new URL('../../shared/gold-dev.json', import.meta.url));
export const GOLD_FIXTURE = fileURLToPath(new URL('../tests/fixtures/gold/dev.json', import.meta.url));

/** A place in a seed report: the figure (or quote) as written inside a short context that occurs in the text. */
export interface GoldMention {
  doc: string;
  context: string;
  /** For figures: the figure as written, a substring of `context`. */
  figure?: string;
}

/** One scored case of the fixture. `expect` says what the engine must do when either side is the page. */
export interface GoldCase {
  id: string;
  kind: 'figures' | 'statements';
  a: GoldMention;
  b: GoldMention;
  expect: 'agrees' | 'differs' | 'linked' | 'not-linked' | 'corroborates';
}

export interface GoldFixture {
  about: string;
  cases: GoldCase[];
}

/** Converts the shared gold file (mentions + pairs + statements) into the project's case list. */
export function convertGold(gold: {
  mentions: Record<string, { doc: string; figure: string; context: string }>;
  pairs: { a: string; b: string; relation: string }[];
  statements: { id: string; relation: string; a: { doc: string; context: string }; b: { doc: string; context: string } }[];
}): GoldFixture {
  const mention = (id: string): GoldMention => {
    const m = gold.mentions[id];
    if (!m) throw new Error(`gold: unknown mention ${id}`);
    return { doc: m.doc, figure: m.figure, context: m.context };
  };
  const expectOf: Record<string, GoldCase['expect']> = { agrees: 'agrees', differs: 'differs', either: 'linked', unrelated: 'not-linked' };
  const cases: GoldCase[] = gold.pairs.map((p) => {
    const expect = expectOf[p.relation];
    if (!expect) throw new Error(`gold: unknown relation ${p.relation}`);
    return { id: `${p.a}~${p.b}`, kind: 'figures', a: mention(p.a), b: mention(p.b), expect };
  });
  for (const s of gold.statements) {
    if (s.relation !== 'corroborates') throw new Error(`gold: unknown statement relation ${s.relation}`);
    cases.push({ id: s.id, kind: 'statements', a: { ...s.a }, b: { ...s.b }, expect: 'corroborates' });
  }
  return {
    about:
      'Converted from ../shared/gold-dev.json by `npm run eval`. Each case is scored twice, once with a.doc read as the page and once with b.doc. expect: agrees/differs = linked with that relation; linked = linked with any relation (one side vague); not-linked = must not be linked; corroborates = the statement is linked as corroborating.',
    cases,
  };
}

const norm = (s: string) => s.replace(/[“”«»„"]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** Outcome of one case in one direction. */
export interface CaseOutcome {
  id: string;
  page: string;
  expect: GoldCase['expect'];
  passed: boolean;
  detail: string;
}

/** Span [start, end) of a mention's figure in a text, or null when the context is not in it. */
function locate(text: string, m: GoldMention): [number, number] | null {
  // Quote folding keeps lengths, so offsets in the folded text are offsets in the original.
  const fold = (s: string) => s.replace(/[“”«»„"]/g, '"').replace(/[‘’]/g, "'");
  const at = fold(text).indexOf(fold(m.context));
  if (at < 0) return null;
  const inner = m.figure ? fold(m.context).indexOf(fold(m.figure)) : 0;
  return [at + inner, at + inner + (m.figure ?? m.context).length];
}

function scoreFigures(c: GoldCase, page: GoldMention, other: GoldMention, result: CheckResult, pageText: string): CaseOutcome {
  const base = { id: c.id, page: page.doc, expect: c.expect };
  const span = locate(pageText, page);
  if (!span) return { ...base, passed: false, detail: `context not found in ${page.doc}` };
  const finding = result.figures.find((f) => f.start < span[1] && f.end > span[0] && norm(f.sentence).includes(norm(page.context)));
  if (!finding) {
    const ok = c.expect === 'not-linked';
    return { ...base, passed: ok, detail: `figure “${page.figure}” not extracted on the page` };
  }
  const links = finding.reports.filter((l) => {
    if (l.report !== other.doc || !norm(l.sentence).includes(norm(other.context))) return false;
    const inSentence = locate(l.sentence, other);
    return inSentence !== null && l.figureStart < inSentence[1] && l.figureEnd > inSentence[0];
  });
  const link = links[0];
  const got = link ? `${link.relation}${link.vague ? ' (vague)' : ''} “${link.text}”` : 'not linked';
  let passed: boolean;
  if (c.expect === 'not-linked') passed = !link;
  else if (c.expect === 'linked') passed = Boolean(link);
  else passed = link?.relation === c.expect;
  const why = link && !passed ? ` (${link.reasons.join(' ')})` : '';
  return { ...base, passed, detail: `“${finding.text}” → ${other.doc}: ${got}${why}` };
}

function scoreStatements(c: GoldCase, page: GoldMention, other: GoldMention, result: CheckResult): CaseOutcome {
  const base = { id: c.id, page: page.doc, expect: c.expect };
  const findings = result.statements.filter((s) => norm(s.sentence).includes(norm(page.context)) || norm(page.context).includes(norm(s.text)));
  const link = findings
    .flatMap((s) => s.reports)
    .find((l) => l.report === other.doc && norm(l.sentence).includes(norm(other.context)) && l.relation === 'corroborates');
  if (findings.length === 0) return { ...base, passed: false, detail: `no corroborated statement holds “${page.context}”` };
  return { ...base, passed: Boolean(link), detail: link ? `corroborated by ${other.doc}` : `not linked to ${other.doc}` };
}

/** Scores every case in both directions against the bundled corpus. */
export function scoreGold(fixture: GoldFixture, bundled: BundledCorpus): CaseOutcome[] {
  const results = new Map<string, { result: CheckResult; text: string }>();
  const pageResult = (doc: string) => {
    let r = results.get(doc);
    if (!r) {
      const index = bundled.packReports.findIndex((p) => p.id === doc);
      const pack = bundled.packReports[index];
      const analyzed = bundled.reports[index];
      if (!pack || !analyzed) throw new Error(`gold: ${doc} is not in the bundled corpus`);
      const input = inputOfReport(pack);
      r = { result: checkArticle(input, analyzed.analysis, bundled.corpus), text: analyzed.analysis.text };
      results.set(doc, r);
    }
    return r;
  };
  const out: CaseOutcome[] = [];
  for (const c of fixture.cases) {
    for (const [page, other] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const) {
      const { result, text } = pageResult(page.doc);
      if (result.article.corpusId !== page.doc) {
        out.push({ id: c.id, page: page.doc, expect: c.expect, passed: false, detail: `page not recognized as ${page.doc} (got ${String(result.article.corpusId)})` });
        continue;
      }
      out.push(c.kind === 'figures' ? scoreFigures(c, page, other, result, text) : scoreStatements(c, page, other, result));
    }
  }
  return out;
}

/** Reads the committed fixture. */
export function readGoldFixture(path: string = GOLD_FIXTURE): GoldFixture {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldFixture;
}

