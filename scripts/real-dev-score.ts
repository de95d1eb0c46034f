// Scores the engine on ../shared/real-dev: every article checked against all the others, every labelled pair judged both ways.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzedReport } from '../utils/corpus/types';
import { checkArticle } from '../utils/match/check-article';
import { createCorpus } from '../utils/match/corpus';
import type { CheckResult } from '../utils/match/types';
import { analyzedReportOf, articleOfFile } from './page-file';

export const REAL_DEV = fileURLToPath(new URL('../../shared/real-dev', import.meta.url));

export type RealRelation = 'agrees' | 'differs' | 'either' | 'unrelated';

interface Mention {
  doc: string;
  figure: string;
  context: string;
}

interface StorySet {
  name: string;
  docs: string[];
  mentions: Record<string, Mention>;
  pairs: { a: string; b: string; relation: RealRelation; why: string }[];
}

/** One labelled pair judged with one side as the page. */
export interface PairOutcome {
  set: string;
  id: string;
  page: string;
  relation: RealRelation;
  passed: boolean;
  detail: string;
}

/** A link between articles of different story sets: always wrong. */
export interface CrossLink {
  page: string;
  report: string;
  figure: string;
  theirs: string;
  relation: string;
}

export interface RealDevScore {
  outcomes: PairOutcome[];
  crossLinks: CrossLink[];
  /** Per relation class: passed / total. */
  byRelation: Record<RealRelation, { passed: number; total: number }>;
}

const fold = (s: string) => s.replace(/[“”«»„"]/g, '"').replace(/[‘’]/g, "'").replace(/\u00a0/g, ' ');

/** Reads every story set of the folder (skips a folder without gold.json). */
export function readStorySets(root: string = REAL_DEV): { sets: StorySet[]; reports: AnalyzedReport[] } {
  const sets: StorySet[] = [];
  const reports = new Map<string, AnalyzedReport>();
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'gold.json'))) continue;
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Omit<StorySet, 'name' | 'docs'>;
    const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
    for (const doc of docs) {
      if (reports.has(doc)) continue;
      const input = articleOfFile(join(dir, `${doc}.txt`));
      if ('skip' in input) throw new Error(`real-dev ${name}/${doc}: ${input.skip}`);
      reports.set(doc, analyzedReportOf(input, doc));
    }
    sets.push({ name, docs, mentions: gold.mentions, pairs: gold.pairs });
  }
  return { sets, reports: [...reports.values()] };
}

/** Span of a mention's figure in a text, or null when its context is not there. */
function locate(text: string, m: Mention): [number, number] | null {
  const at = fold(text).indexOf(fold(m.context));
  if (at < 0) return null;
  const inner = fold(m.context).indexOf(fold(m.figure));
  return [at + inner, at + inner + m.figure.length];
}

/** Checks every article against all the others and judges every labelled pair in both directions. */
export function scoreRealDev(root: string = REAL_DEV): RealDevScore {
  const { sets, reports } = readStorySets(root);
  const textOf = new Map(reports.map((r) => [r.meta.id, r.analysis.text]));
  const corpus = createCorpus(reports);
  const results = new Map<string, CheckResult>();
  for (const r of reports) {
    const input = { text: r.analysis.text, title: r.meta.headline, url: r.meta.url, published: r.meta.published, siteName: r.meta.outlet, byline: null, lang: 'en' };
    results.set(r.meta.id, checkArticle(input, r.analysis, corpus, { exclude: [r.meta.id] }));
  }
  const setsOf = new Map<string, Set<string>>();
  for (const s of sets) for (const d of s.docs) setsOf.set(d, (setsOf.get(d) ?? new Set()).add(s.name));

  const outcomes: PairOutcome[] = [];
  for (const set of sets) {
    for (const p of set.pairs) {
      const ma = set.mentions[p.a];
      const mb = set.mentions[p.b];
      if (!ma || !mb) throw new Error(`real-dev ${set.name}: unknown mention in ${p.a}~${p.b}`);
      for (const [page, other] of [
        [ma, mb],
        [mb, ma],
      ] as const) {
        const base = { set: set.name, id: `${p.a}~${p.b}`, page: page.doc, relation: p.relation };
        const result = results.get(page.doc);
        const span = locate(textOf.get(page.doc) ?? '', page);
        if (!result || !span) {
          outcomes.push({ ...base, passed: false, detail: `context not found in ${page.doc}` });
          continue;
        }
        const finding = result.figures.find((f) => f.start < span[1] && f.end > span[0]);
        const link = finding?.reports.find((l) => {
          if (l.report !== other.doc) return false;
          const inSentence = locate(l.sentence, other);
          return inSentence !== null && l.figureStart < inSentence[1] && l.figureEnd > inSentence[0];
        });
        let passed: boolean;
        if (p.relation === 'unrelated') passed = !link;
        else if (p.relation === 'either') passed = Boolean(link);
        else passed = link?.relation === p.relation;
        const got = !finding ? `“${page.figure}” not extracted` : link ? `${link.relation}${link.vague ? ' (vague)' : ''} “${link.text}”` : 'not linked';
        const why = link && !passed ? ` (${link.reasons.join(' ')})` : '';
        outcomes.push({ ...base, passed, detail: `“${page.figure}” → ${other.doc}: ${got}${why}` });
      }
    }
  }

  const crossLinks: CrossLink[] = [];
  for (const [page, result] of results) {
    const mine = setsOf.get(page) ?? new Set();
    for (const f of result.figures) {
      for (const l of f.reports) {
        const theirs = setsOf.get(l.report) ?? new Set();
        if ([...mine].some((s) => theirs.has(s))) continue;
        crossLinks.push({ page, report: l.report, figure: f.text, theirs: l.text, relation: l.relation });
      }
    }
  }
  const byRelation = { agrees: { passed: 0, total: 0 }, differs: { passed: 0, total: 0 }, either: { passed: 0, total: 0 }, unrelated: { passed: 0, total: 0 } };
  for (const o of outcomes) {
    byRelation[o.relation].total++;
    if (o.passed) byRelation[o.relation].passed++;
  }
  return { outcomes, crossLinks, byRelation };
}
