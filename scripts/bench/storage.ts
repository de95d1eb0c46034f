// Storage benchmark: import and export of a 10,000-report pack through the corpus database, on fake-indexeddb in Node.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { ArticleAnalysis, ArticleInput, Figure, Sentence } from '../../utils/analysis/types';
import type { AnalyzedReport, CorpusPack, PackReport } from '../../utils/corpus/types';
import { openCorpusDb, type CorpusDeps } from '../../utils/corpus/store/schema';
import { exportPackJson, importPack } from '../../utils/corpus/store/import-export';
import { loadCorpus, loadIndex, maintainCorpus } from '../../utils/corpus/store/index-upkeep';
import { makeFigure } from '../../utils/analysis/make-figure';

/** Reports in the benchmark pack (BENCH_STORAGE_REPORTS overrides, for a quick run). */
const REPORTS = Number(process.env.BENCH_STORAGE_REPORTS) || 10_000;
/** Reports run through the real extractor (analysis is the slow part of an import, measured on a sample). */
const ANALYSED_SAMPLE = Math.min(1_000, REPORTS);

/** Deterministic PRNG (mulberry32), so every run imports the same pack. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real news sentences (the bundled seed reports), recombined into distinct 30-sentence reports with varied numbers. */
function sentencePool(): string[] {
  const folder = fileURLToPath(new URL('../../corpus/reports/', import.meta.url));
  const pool: string[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt'))) {
    const text = readFileSync(folder + file, 'utf8');
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const clean = sentence.replace(/\s+/g, ' ').trim();
      if (clean.length > 40 && clean.length < 400) pool.push(clean);
    }
  }
  return pool;
}

function makePack(count: number): CorpusPack {
  const pool = sentencePool();
  const random = prng(42);
  const reports: PackReport[] = [];
  for (let r = 0; r < count; r++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 10; p++) {
      const sentences = Array.from({ length: 3 }, () =>
        (pool[Math.floor(random() * pool.length)] as string).replace(/\d+/g, (digits) => String(Math.floor(random() * 10 ** digits.length))),
      );
      paragraphs.push(sentences.join(' '));
    }
    const text = paragraphs.join('\n\n');
    const paragraphSpans: { start: number; end: number }[] = [];
    const sentenceSpans: { start: number; end: number }[] = [];
    let offset = 0;
    for (const paragraph of paragraphs) {
      paragraphSpans.push({ start: offset, end: offset + paragraph.length });
      for (const match of paragraph.matchAll(/\S[^]*?(?:[.!?](?=\s|$)|$)/g)) {
        sentenceSpans.push({ start: offset + match.index, end: offset + match.index + match[0].length });
      }
      offset += paragraph.length + 2;
    }
    reports.push({
      id: `bench-${r}`,
      origin: 'saved',
      url: `https://news${r % 50}.example.com/2022/01/story-${r}`,
      outlet: `Outlet ${r % 50}`,
      headline: `Benchmark report ${r}`,
      published: '2022-01-22',
      dateline: null,
      agencies: [],
      translatedFrom: null,
      event: null,
      inferred: [],
      text,
      paragraphs: paragraphSpans,
      sentences: sentenceSpans,
    });
  }
  return { format: 'second-source-pack', version: 1, revision: 'bench', reports };
}

/** A cheap stand-in for the extractor (sentences from the pack's split, every number a count), to time storage alone. */
function quickAnalysis(input: ArticleInput): ArticleAnalysis {
  const sentences: Sentence[] = [];
  const figures: Figure[] = [];
  let paragraph = 0;
  for (const match of input.text.matchAll(/\S[^]*?(?:[.!?](?=\s|$)|$)|\n\n/g)) {
    if (match[0] === '\n\n') {
      paragraph++;
      continue;
    }
    const index = sentences.length;
    const start = match.index;
    sentences.push({ index, paragraph, start, end: start + match[0].length, text: match[0] });
    for (const number of match[0].matchAll(/\d[\d,]*/g)) {
      const value = Number(number[0].replace(/,/g, ''));
      figures.push(
        makeFigure({
          start: start + number.index,
          end: start + number.index + number[0].length,
          text: number[0],
          sentence: index,
          kind: 'count',
          value: { low: value, high: value, point: value, vague: false },
        }),
      );
    }
  }
  return { text: input.text, published: input.published, language: 'en', declined: null, sentences, figures, statements: [] };
}

/** A full garbage collection, so each phase's memory is measured from a clean baseline (Node's documented trick). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Samples heap and resident memory while `run` works; returns its result, the time and the peaks above the start. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; heapGrowth: number; rssGrowth: number }> {
  collectGarbage();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const timer = setInterval(sample, 25);
  const start = performance.now();
  try {
    const value = await run();
    sample();
    return { value, ms: performance.now() - start, heapGrowth: peakHeap - base.heapUsed, rssGrowth: peakRss - base.rss };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')} reports/s`;

/** The index builder from utils/match when present; otherwise a stand-in that says so. */
async function segmentBuilder(): Promise<{ build: CorpusDeps['buildSegment']; format: string; real: boolean }> {
  try {
    const index = (await import('../../utils/match/sentence-index')) as {
      encodeSegment?: (reports: readonly AnalyzedReport[]) => Uint8Array;
      INDEX_FORMAT?: string;
    };
    if (index.encodeSegment) return { build: index.encodeSegment, format: index.INDEX_FORMAT ?? '0', real: true };
  } catch {
    // fall through to the stand-in
  }
  return { build: (reports) => new TextEncoder().encode(JSON.stringify(reports.map((report) => report.meta.id))), format: 'stub', real: false };
}

/** `npm run bench` stage: import and export of a 10,000-report pack, and the extractor's share of an import. */
export async function benchStorage(): Promise<string[]> {
  const lines: string[] = [
    'NOTE: fake-indexeddb (pure JS, in memory) in Node, not Chromium IndexedDB: absolute figures differ in the browser.',
  ];
  const segment = await segmentBuilder();
  const pack = makePack(REPORTS);
  const json = JSON.stringify(pack);
  lines.push(`pack: ${REPORTS.toLocaleString('en-US')} reports of 30 sentences, ${mb(json.length)} of JSON`);

  // 1. Storage and index: the real segment builder, a quick stand-in extractor.
  const db = await openCorpusDb({ name: `bench-${Date.now()}`, indexedDB, IDBKeyRange });
  const deps: CorpusDeps = { analyze: quickAnalysis, buildSegment: segment.build, segmentFormat: segment.format, extractorVersion: 'bench' };
  const imported = await measured(() => importPack(db, json, deps));
  if (imported.value.added.length !== REPORTS) throw new Error(`imported ${imported.value.added.length} of ${REPORTS} reports`);
  lines.push(
    `import (validate + store + index${segment.real ? '' : ' [STUB index builder]'}, stand-in extractor): ` +
      `${(imported.ms / 1000).toFixed(2)} s, ${rate(REPORTS, imported.ms)}, peak memory +${mb(imported.heapGrowth)} heap ` +
      `(+${mb(imported.rssGrowth)} RSS; fake-indexeddb's stored copy of the data is part of it)`,
  );

  const exported = await measured(() => exportPackJson(db));
  const same = JSON.stringify((JSON.parse(exported.value) as CorpusPack).reports) === JSON.stringify(pack.reports);
  lines.push(
    `export: ${(exported.ms / 1000).toFixed(2)} s, ${rate(REPORTS, exported.ms)}, ${mb(exported.value.length)}, ` +
      `peak memory +${mb(exported.heapGrowth)} heap; round trip identical: ${same ? 'yes' : 'NO'}`,
  );

  const wake = await measured(() => loadIndex(db));
  lines.push(
    `loadIndex (what a service-worker wake reads: rows + ${wake.value.segments.length} segments, no bodies): ${(wake.ms / 1000).toFixed(2)} s, ` +
      `peak memory +${mb(wake.heapGrowth)} heap`,
  );
  const loaded = await measured(() => loadCorpus(db));
  lines.push(
    `loadCorpus (every analysis + ${loaded.value.segments.length} segments, for comparison): ${(loaded.ms / 1000).toFixed(2)} s, ` +
      `peak memory +${mb(loaded.heapGrowth)} heap`,
  );
  // fake-indexeddb keeps every database in this process's memory: delete each one so phases do not add up.
  await db.delete();

  // Import that stores now and analyses later (maintainCorpus), then the catch-up with the stand-in extractor.
  const later = await openCorpusDb({ name: `bench-later-${Date.now()}`, indexedDB, IDBKeyRange });
  const stored = await measured(() => importPack(later, json, deps, { analysis: 'later' }));
  const caughtUp = await measured(() => maintainCorpus(later, deps));
  await later.delete();
  lines.push(
    `import with analysis later (validate + store; searchable after maintainCorpus): ${(stored.ms / 1000).toFixed(2)} s, ` +
      `${rate(REPORTS, stored.ms)}, peak memory +${mb(stored.heapGrowth)} heap; maintainCorpus then analyses + indexes ` +
      `${caughtUp.value.reanalyzed.toLocaleString('en-US')} in ${(caughtUp.ms / 1000).toFixed(2)} s (stand-in extractor)`,
  );

  // 2. The same pipeline with the real extractor, on a sample: what a reader's import costs end to end.
  let analyze: CorpusDeps['analyze'] | null = null;
  try {
    analyze = ((await import('../../utils/analysis/analyze-article')) as { analyzeArticle?: CorpusDeps['analyze'] }).analyzeArticle ?? null;
  } catch {
    analyze = null;
  }
  if (analyze) {
    const sample = JSON.stringify({ ...pack, reports: pack.reports.slice(0, ANALYSED_SAMPLE) });
    const full = await openCorpusDb({ name: `bench-full-${Date.now()}`, indexedDB, IDBKeyRange });
    const run = await measured(() => importPack(full, sample, { ...deps, analyze: analyze! }));
    await full.delete();
    lines.push(
      `import with the real analyzeArticle (${ANALYSED_SAMPLE.toLocaleString('en-US')} reports): ${(run.ms / 1000).toFixed(2)} s, ` +
        `${rate(ANALYSED_SAMPLE, run.ms)}; the extractor takes ${(run.ms / ANALYSED_SAMPLE - imported.ms / REPORTS).toFixed(2)} ms of ` +
        `${(run.ms / ANALYSED_SAMPLE).toFixed(2)} ms per report`,
    );
  } else {
    lines.push('import with the real extractor: not measured (utils/analysis/analyze-article.ts missing)');
  }
  return lines;
}
