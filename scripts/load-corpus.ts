// Node-only: loads corpus/pack.json, analyses every report with the core, and builds the Corpus the CLI, eval and bench use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import { parsePack } from '../utils/corpus/pack-schema';
import type { AnalyzedReport, PackReport } from '../utils/corpus/types';
import { createCorpus, inputOfReport, type Corpus } from '../utils/match/corpus';

/** The bundled pack's path. */
export const PACK_PATH = fileURLToPath(new URL('../corpus/pack.json', import.meta.url));

/** A pack report with the core's analysis of its text. */
export function analyzeReport(report: PackReport): AnalyzedReport {
  const { text: _text, paragraphs: _p, sentences: _s, ...meta } = report;
  return { meta, analysis: analyzeArticle(inputOfReport(report)) };
}

export interface BundledCorpus {
  corpus: Corpus;
  reports: AnalyzedReport[];
  packReports: PackReport[];
}

let cached: BundledCorpus | null = null;

/**
 * Reads and validates corpus/pack.json, analyses its reports in Node and returns a searchable Corpus.
 * Cached per process. Throws an Error with a one-line message when the pack is missing or invalid.
 */
export function loadBundledCorpus(path: string = PACK_PATH): BundledCorpus {
  if (cached && path === PACK_PATH) return cached;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the bundled corpus at ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parsePack(json);
  if (!parsed.ok) throw new Error(`The bundled corpus at ${path} is invalid: ${parsed.error}`);
  const packReports = parsed.pack.reports;
  const reports = packReports.map(analyzeReport);
  const result = { corpus: createCorpus(reports), reports, packReports };
  if (path === PACK_PATH) cached = result;
  return result;
}
