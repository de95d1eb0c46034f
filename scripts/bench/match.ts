// Cross-check benchmark: time per article against the bundled corpus and synthetic corpora of 1,000 and 10,000 reports.
import os from 'node:os';
import type { Figure } from '../../utils/analysis/types';
import type { AnalyzedReport } from '../../utils/corpus/types';
import { checkArticle } from '../../utils/match/check-article';
import { createCorpus, inputOfReport } from '../../utils/match/corpus';
import { buildIndex, decodeIndex, encodeIndex, SegmentedIndex, segmentBytes } from '../../utils/match/sentence-index';
import { contentTerms } from '../../utils/match/text';
import { loadBundledCorpus } from '../load-corpus';

const MONTHS = new Set('January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '));

/** A small deterministic PRNG (mulberry32), so every run builds the same synthetic corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up capitalized name of exactly `length` letters (same length keeps every offset of the analysis valid). */
function pseudoName(length: number, rand: () => number): string {
  const cons = 'bcdfghklmnprstvz';
  const vow = 'aeiou';
  let s = '';
  for (let i = 0; i < length; i++) s += i % 2 === 0 ? cons[Math.floor(rand() * cons.length)] : vow[Math.floor(rand() * vow.length)];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** First number written in digits in a figure's text, or null. */
function digitsOf(text: string): number | null {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/**
 * A variant of an analysed real report: about half of its names replaced by made-up names of the same length,
 * every number and year given other digits, and another publication date. Offsets stay valid, so the analysis
 * is rewritten in place instead of being recomputed (10,000 fresh analyses would take minutes).
 */
function variant(base: AnalyzedReport, id: string, rand: () => number): AnalyzedReport {
  const names = new Map<string, string>();
  const text = base.analysis.text
    .replace(/\b[A-Z][a-z]{3,}\b/g, (w) => {
      if (MONTHS.has(w)) return w;
      let r = names.get(w);
      if (r === undefined) names.set(w, (r = rand() < 0.5 ? pseudoName(w.length, rand) : w));
      return r;
    })
    .replace(/\d/g, (d, at: number, all: string) => {
      const first = at === 0 || !/\d/.test(all[at - 1] ?? '');
      return first ? String(1 + Math.floor(rand() * 9)) : d === '0' && rand() < 0.7 ? '0' : String(Math.floor(rand() * 10));
    });
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  const rename = (key: string) => names.get(key.charAt(0).toUpperCase() + key.slice(1))?.toLowerCase() ?? key;
  const figures = base.analysis.figures.map((f): Figure => {
    const newText = slice(f);
    const before = digitsOf(f.text);
    const after = digitsOf(newText);
    const scale = before && after ? after / before : 1;
    const year = (iso: string) => (f.kind === 'year' && after ? `${String(after).padStart(4, '0').slice(0, 4)}${iso.slice(4)}` : iso);
    return {
      ...f,
      text: newText,
      value: { ...f.value, low: f.value.low * scale, high: f.value.high === null ? null : f.value.high * scale, point: f.value.point * scale },
      entities: f.entities.map(rename),
      date: f.date ? { ...f.date, start: year(f.date.start), end: year(f.date.end) } : null,
    };
  });
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 1800) * 86400000).toISOString().slice(0, 10);
  return {
    meta: { ...base.meta, id, url: null, outlet: `Outlet ${id.slice(-3)}`, published: day, eventDate: day },
    analysis: {
      ...base.analysis,
      text,
      published: day,
      sentences: base.analysis.sentences.map((s) => ({ ...s, text: slice(s) })),
      figures,
      statements: base.analysis.statements.map((s) => ({ ...s, text: slice(s) })),
    },
  };
}

/**
 * The bundled reports plus variants of them, `n` reports in all (deterministic). `first` numbers the variants from
 * there and seeds them apart, so several calls give parts of one larger corpus (a 100,000-report bench in packs).
 */
export function syntheticReports(seeds: readonly AnalyzedReport[], n: number, first = 0): AnalyzedReport[] {
  const rand = rng(n + first);
  const reports: AnalyzedReport[] = [...seeds];
  for (let i = reports.length; i < n; i++) {
    const base = seeds[i % seeds.length] as AnalyzedReport;
    reports.push(variant(base, `syn-${String(first + i).padStart(5, '0')}`, rand));
  }
  return reports;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/**
 * Median time of checkArticle for each seed report read as the page, over a few rounds: wall clock, and the
 * process's CPU time, which other work on a busy machine disturbs less.
 */
function timeChecks(bundled: ReturnType<typeof loadBundledCorpus>, corpus: ReturnType<typeof createCorpus>, rounds: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  let links = 0;
  for (let r = 0; r < rounds; r++) {
    bundled.packReports.forEach((p, i) => {
      const analysis = bundled.reports[i]?.analysis;
      if (!analysis) return;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = checkArticle(inputOfReport(p), analysis, corpus);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      if (r === 0) links += result.figures.reduce((n, f) => n + f.reports.length, 0);
    });
  }
  return { median: median(times), cpu: median(cpu), links };
}

/** Printable lines for `npm run bench`. */
export async function benchMatch(): Promise<string[]> {
  const lines: string[] = [];
  const bundled = loadBundledCorpus();
  // Warm up the JIT on the bundled corpus before measuring anything.
  timeChecks(bundled, bundled.corpus, 3);
  const small = timeChecks(bundled, bundled.corpus, 10);
  lines.push(`cross-check one article (checkArticle, analysis done), median over the 5 seed reports read as pages;`);
  lines.push(`synthetic corpora: the real reports with names, numbers and dates varied (load average ${os.loadavg()[0]?.toFixed(1)}):`);
  const header = ['reports', 'sentences', 'per article (wall)', 'per article (CPU)', 'links', 'index build', 'index record', 'decode (wake)', 'first query', 'heap'];
  const rows: string[][] = [header];
  const seedSentences = bundled.reports.reduce((n, r) => n + r.analysis.sentences.length, 0);
  rows.push([String(bundled.reports.length), String(seedSentences), `${ms(small.median)} ms`, `${ms(small.cpu)} ms`, String(small.links), '', '', '', '', '']);
  // BENCH_100K=1 adds 100,000 reports: about four minutes, most of it building their index.
  for (const n of [1_000, 10_000, ...(process.env.BENCH_100K === '1' ? [100_000] : [])]) {
    const reports = syntheticReports(bundled.reports, n);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const segment = buildIndex(reports);
    const build = performance.now() - t0;
    const bytes = encodeIndex(segment);
    const t1 = performance.now();
    const searcher = new SegmentedIndex([decodeIndex(bytes)]);
    const decode = performance.now() - t1;
    const t2 = performance.now();
    searcher.search(contentTerms('Russian troops massed on the border with Ukraine'), 10);
    const first = performance.now() - t2;
    const corpus = createCorpus(reports, { searcher });
    timeChecks(bundled, corpus, 1);
    const timed = timeChecks(bundled, corpus, 6);
    const heap = process.memoryUsage().heapUsed - heap0;
    rows.push([
      n.toLocaleString('en-US'),
      searcher.documentCount.toLocaleString('en-US'),
      `${ms(timed.median)} ms`,
      `${ms(timed.cpu)} ms`,
      String(timed.links),
      `${ms(build)} ms`,
      `${mb(bytes.byteLength)} MB (${mb(segmentBytes(segment))} MB in memory)`,
      `${ms(decode)} ms`,
      `${ms(first)} ms`,
      `${mb(Math.max(0, heap))} MB`,
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) lines.push(`  ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()}`);
  lines.push('  "index record" is the one binary record stored in IndexedDB; "decode (wake)" is reading it back;');
  lines.push('  "heap" includes the synthetic reports themselves. Cold start in Chromium is measured by the browser stage.');
  return lines;
}

// `npx tsx scripts/bench/match.ts` runs this stage alone.
if (process.argv[1]?.endsWith('bench/match.ts')) {
  for (const line of await benchMatch()) console.log(line);
}
