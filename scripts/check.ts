// `npm run check -- <page.html> [--json]`: Readability, extraction and cross-check of one saved page against the bundled corpus.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import { readArticle } from '../utils/article/read-article';
import { checkArticle } from '../utils/match/check-article';
import type { CheckResult, FigureFinding } from '../utils/match/types';
import { loadBundledCorpus } from './load-corpus';

const USAGE = 'Usage: npm run check -- <page.html> [--json]';

/** Exit statuses: 0 a result, 1 any error, 2 no article on the page. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly status: 1 | 2,
  ) {
    super(message);
  }
}

/** The page's own URL as it states it (canonical link or og:url), for recognizing a corpus report by URL. */
function pageUrl(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const url = canonical ?? og ?? null;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Runs the pipeline on one HTML file. Throws CheckError with a one-line message on bad input. */
export function checkFile(path: string): CheckResult {
  let html: string;
  try {
    if (statSync(path).isDirectory()) throw new CheckError(`${path} is a directory, not an HTML file.`, 1);
    html = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CheckError) throw error;
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable';
    throw new CheckError(`Cannot read ${path}: ${why}.`, 1);
  }
  if (html.trim() === '') throw new CheckError(`${path} has no article: the file is empty.`, 2);
  if (html.includes('\u0000')) throw new CheckError(`${path} has no article: it is not a text (HTML) file.`, 2);
  let doc: Document;
  try {
    doc = parseHTML(html).document as unknown as Document;
  } catch {
    throw new CheckError(`${path} could not be parsed as HTML.`, 2);
  }
  if (!doc.documentElement || !doc.body) throw new CheckError(`${path} has no article: it is not an HTML page.`, 2);
  let outcome: ReturnType<typeof readArticle>;
  try {
    // Off: the reader asked about this one file, and Readability's own threshold below still rejects non-articles.
    outcome = readArticle(doc, pageUrl(doc), { readerableCheck: false });
  } catch {
    throw new CheckError(`${path} has no article: Readability could not read it.`, 2);
  }
  if (!outcome.ok) throw new CheckError(`${path} has no article: ${outcome.reason}`, 2);
  const input = outcome.article;
  const { corpus } = loadBundledCorpus();
  const analysis = analyzeArticle(input);
  return checkArticle(input, analysis, corpus);
}

function quote(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

function reportCount(n: number, independent: number): string {
  return `${n} report${n === 1 ? '' : 's'}${independent < n ? ` (${independent} independent)` : ''}`;
}

function figureLines(f: FigureFinding): string[] {
  const verdict = f.verdict === 'differs' ? 'DIFFERS' : 'agrees';
  const lines = [`• ${quote(f.text)} (${f.kind}): ${reportCount(f.reportCount ?? f.reports.length, f.independent)}, ${verdict}`, `    here: ${quote(f.sentence)}`];
  for (const l of f.reports) {
    const when = l.published ? `, ${l.published}` : '';
    lines.push(`    - ${l.relation}${l.vague ? ' (vague)' : ''}: ${quote(l.text)} in ${l.outlet}${when} [${l.report}]`);
    lines.push(`      ${quote(l.sentence)}`);
    for (const r of l.reasons) lines.push(`        · ${r}`);
  }
  return lines;
}

/** The readable report printed by default. */
export function formatReport(result: CheckResult): string {
  const a = result.article;
  const out: string[] = [];
  out.push(`${a.title || '(untitled)'}${a.published ? `, published ${a.published}` : ''}`);
  if (a.corpusId) out.push(`This page is corpus report ${a.corpusId}; it is not counted as corroborating itself.`);
  out.push(`Checked against ${result.corpusSize} report${result.corpusSize === 1 ? '' : 's'}.`);
  if (result.declined) {
    out.push(`Not checked: ${result.declined}`);
    return out.join('\n');
  }
  const s = result.summary;
  out.push(`Figures: ${s.figures} (${s.differ} differ elsewhere, ${s.confirmed} confirmed, ${s.onlyHere} only here).`);
  const linked = result.figures.filter((f) => f.reports.length > 0);
  if (linked.length > 0) {
    out.push('', 'FIGURES FOUND IN OTHER REPORTS');
    for (const f of linked) out.push(...figureLines(f));
  }
  const alone = result.figures.filter((f) => f.reports.length === 0);
  if (alone.length > 0) {
    out.push('', `ONLY HERE: ${alone.map((f) => quote(f.text, 40)).join(', ')}`);
  }
  if (result.statements.length > 0) {
    out.push('', 'STATEMENTS');
    for (const st of result.statements) {
      out.push(`• ${quote(st.text)}${st.speaker ? ` (${st.speaker})` : ''}: ${reportCount(st.reportCount ?? st.reports.length, st.independent)}`);
      for (const l of st.reports) {
        out.push(`    - ${l.relation}: ${l.outlet}${l.published ? `, ${l.published}` : ''} [${l.report}]`);
        out.push(`      ${quote(l.sentence)}`);
        for (const r of l.reasons) out.push(`        · ${r}`);
      }
    }
  }
  return out.join('\n');
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    console.error(unknown.length > 0 ? `check: unknown option ${unknown[0]}. ${USAGE}` : `check: ${USAGE}`);
    return 1;
  }
  try {
    const result = checkFile(files[0] as string);
    console.log(json ? JSON.stringify(result, null, 2) : formatReport(result));
    return 0;
  } catch (error) {
    if (error instanceof CheckError) {
      console.error(`check: ${error.message}`);
      return error.status;
    }
    console.error(`check: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  }
}

// Run only as a script, so tests may import formatReport and checkFile.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
