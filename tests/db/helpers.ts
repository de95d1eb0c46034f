// Test helpers for the corpus database: fake IndexedDB databases, stub analysis and index builders, packs, snapshots.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import Dexie from 'dexie';
import type { ArticleAnalysis, ArticleInput, Figure, Sentence } from '../../utils/analysis/types';
import type { AnalyzedReport, CorpusPack, PackReport } from '../../utils/corpus/types';
import { openCorpusDb, type CorpusDb, type CorpusDeps } from '../../utils/corpus/store/schema';
import { makeFigure } from '../../utils/analysis/make-figure';

/** A fresh database name per test, so tests never see each other's data. */
export function uniqueName(): string {
  return `test-${crypto.randomUUID()}`;
}

export function openTestDb(name: string = uniqueName()): Promise<CorpusDb> {
  return openCorpusDb({ name, indexedDB, IDBKeyRange });
}

/** A raw Dexie instance on fake IndexedDB (to write an old schema version). */
export function rawDexie(name: string): Dexie {
  return new Dexie(name, { indexedDB, IDBKeyRange });
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'army troops border minister talks sanctions city officials said reported according statement forces ' +
  'government capital meeting week month soldiers killed wounded village region president spokesman agency ' +
  'press conference diplomats summit embassy parliament vote election economy market prices inflation bank ' +
  'river bridge convoy aid refugees camp hospital doctors school students police protest crowd night morning'
).split(' ');

/** Article text of `sentences` sentences, each with a number, from a seed (different seeds give unrelated texts). */
export function articleText(seed: number, sentences = 30): string {
  const random = prng(seed);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const words = Array.from({ length: 10 + Math.floor(random() * 10) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    words.splice(3, 0, String(1 + Math.floor(random() * 100_000)));
    const sentence = words.join(' ');
    current.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    if (current.length === 3) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

function spansOf(text: string, pattern: RegExp): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

/** A pack report built from a seed; fields can be overridden. */
export function makeReport(seed: number, overrides: Partial<PackReport> = {}): PackReport {
  const text = overrides.text ?? articleText(seed);
  return {
    id: `r${seed}`,
    origin: 'imported',
    url: `https://news${seed % 7}.example.com/story/${seed}`,
    outlet: `Outlet ${seed % 7}`,
    headline: `Headline number ${seed}`,
    published: '2022-01-22',
    dateline: null,
    agencies: ['AFP'],
    translatedFrom: null,
    event: null,
    inferred: [],
    text,
    paragraphs: spansOf(text, /[^\n]+/g),
    sentences: spansOf(text, /[^.\n]+\./g).map(({ start, end }) => {
      const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
      return { start: start + lead, end };
    }),
    ...overrides,
  };
}

export function makePack(reports: PackReport[], revision = 'rev-1'): CorpusPack {
  return { format: 'second-source-pack', version: 1, revision, reports };
}

/** A stand-in for analyzeArticle: sentences split on full stops, every number a count figure, no statements. */
export function stubAnalyze(input: ArticleInput): ArticleAnalysis {
  const sentences: Sentence[] = [];
  const figures: Figure[] = [];
  let paragraph = 0;
  for (const match of input.text.matchAll(/[^.\n]+\.?|\n\n/g)) {
    if (match[0] === '\n\n') {
      paragraph++;
      continue;
    }
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const start = match.index + lead;
    const end = match.index + raw.trimEnd().length;
    if (end <= start) continue;
    const index = sentences.length;
    sentences.push({ index, paragraph, start, end, text: input.text.slice(start, end) });
    for (const number of input.text.slice(start, end).matchAll(/\d+/g)) {
      const value = Number(number[0]);
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

/** A stand-in for the index builder: the segment bytes are the JSON list of the report ids it covers. */
export function stubBuildSegment(reports: readonly AnalyzedReport[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(reports.map((report) => report.meta.id)));
}

export function decodeStub(bytes: Uint8Array): string[] {
  return JSON.parse(new TextDecoder().decode(bytes)) as string[];
}

export const deps: CorpusDeps = {
  analyze: stubAnalyze,
  extractorVersion: 'x1',
  buildSegment: stubBuildSegment,
  segmentFormat: 's1',
};

/** Every row of every table, in key order, as plain data: equal snapshots mean an unchanged database. */
export async function snapshot(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] = rows.map((row) => JSON.parse(JSON.stringify(row, (_key, value) => (value instanceof Uint8Array ? [...value] : value))));
  }
  return out;
}
