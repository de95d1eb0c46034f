// Node-only: turns a folder of saved pages (.html, .txt with an optional Key: value header) or a pack.json into a Corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import { parsePack } from '../utils/corpus/pack-schema';
import type { AnalyzedReport } from '../utils/corpus/types';
import { createCorpus, inputOfReport, type Corpus } from '../utils/match/corpus';
import { analyzedReportOf, articleOfFile } from './page-file';

/** A collection read from disk: its corpus, and the files it skipped with the reason. */
export interface Collection {
  corpus: Corpus;
  reports: AnalyzedReport[];
  skipped: { file: string; why: string }[];
}

/**
 * Reads `path`: a pack.json (validated as on import) or a folder whose .html, .htm and .txt files are the reports,
 * each report's id being its file name without the extension. Throws an Error with a one-line message.
 */
export function loadCollection(path: string): Collection {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new Error(`Cannot read the corpus ${path}: no such file or folder.`);
  }
  const skipped: Collection['skipped'] = [];
  const reports: AnalyzedReport[] = [];
  if (stat.isFile()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new Error(`The corpus ${path} is not a folder of pages nor a JSON pack.`);
    }
    const parsed = parsePack(json);
    if (!parsed.ok) throw new Error(`The pack ${path} is invalid: ${parsed.error}`);
    for (const r of parsed.pack.reports) {
      const { text: _t, paragraphs: _p, sentences: _s, ...meta } = r;
      reports.push({ meta, analysis: analyzeArticle(inputOfReport(r)) });
    }
  } else {
    const files = readdirSync(path).filter((f) => /\.(?:html?|txt)$/i.test(f)).sort();
    if (files.length === 0) throw new Error(`The folder ${path} holds no .html or .txt pages.`);
    for (const f of files) {
      const read = articleOfFile(join(path, f));
      if ('skip' in read) skipped.push({ file: f, why: read.skip });
      else reports.push(analyzedReportOf(read, basename(f, extname(f))));
    }
  }
  return { corpus: createCorpus(reports), reports, skipped };
}
