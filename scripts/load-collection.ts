// Node-only: turns a folder of saved pages (.html, .txt with an optional Key: value header) or a pack.json into a Corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import type { ArticleInput } from '../utils/analysis/types';
import { readArticle } from '../utils/article/read-article';
import { parseTextPage } from '../utils/article/text-page';
import { parsePack } from '../utils/corpus/pack-schema';
import type { AnalyzedReport } from '../utils/corpus/types';
import { createCorpus, inputOfReport, type Corpus } from '../utils/match/corpus';

/** A collection read from disk: its corpus, and the files it skipped with the reason. */
export interface Collection {
  corpus: Corpus;
  reports: AnalyzedReport[];
  skipped: { file: string; why: string }[];
}

/** The core's input for a saved page's file, or the reason it holds no article. */
export function readPageFile(path: string): { ok: true; input: ArticleInput } | { ok: false; why: string } {
  const source = readFileSync(path, 'utf8');
  if (source.trim() === '') return { ok: false, why: 'the file is empty' };
  if (extname(path).toLowerCase() === '.txt') {
    const page = parseTextPage(source);
    return { ok: true, input: { text: page.text, title: page.title, url: page.url, published: page.published, siteName: page.outlet, byline: null, lang: 'en' } };
  }
  const doc = parseHTML(source).document as unknown as Document;
  if (!doc.documentElement || !doc.body) return { ok: false, why: 'not an HTML page' };
  const outcome = readArticle(doc, null, { readerableCheck: false });
  return outcome.ok ? { ok: true, input: outcome.article } : { ok: false, why: outcome.reason };
}

function reportOf(id: string, input: ArticleInput): AnalyzedReport {
  return {
    meta: { id, origin: 'imported', url: input.url, outlet: input.siteName, headline: input.title, published: input.published?.slice(0, 10) ?? null, dateline: null, agencies: [], translatedFrom: null, event: null, inferred: [] },
    analysis: analyzeArticle(input),
  };
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
      const read = readPageFile(join(path, f));
      if (!read.ok) skipped.push({ file: f, why: read.why });
      else reports.push(reportOf(basename(f, extname(f)), read.input));
    }
  }
  return { corpus: createCorpus(reports), reports, skipped };
}
