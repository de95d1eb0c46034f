// `npm run check -- <page> [--corpus <folder|pack.json>] [--json]`: the core's cross-check of one saved page, from the command line.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import { readArticle } from '../utils/article/read-article';
import { checkArticle } from '../utils/match/check-article';
import type { CheckResult, FigureFinding } from '../utils/match/types';
import type { Corpus } from '../utils/match/corpus';
import { loadCollection } from './load-collection';
import { articleOfFile, pageUrl } from './page-file';
import { loadBundledCorpus } from './load-corpus';

const USAGE = 'Usage: npm run check -- <page.html|page.txt> [--corpus <folder of .html/.txt pages | pack.json>] [--json] [--help]';

const HELP = `${USAGE}

Checks the figures and statements of one saved page against a collection of reports, with the extension's own core.
  --corpus <path>  a folder of .html and .txt pages (a .txt page may open with Title:/Outlet:/Date:/Address: lines
                   ended by a line of dashes), or a pack.json; default: the bundled corpus
  --json           print only the result as JSON (dates as ISO strings, durations with their unit)
  --help           print this help
Exit status: 0 a result, 2 the page has no article, 1 any other error (one line on stderr).`;

/** Exit statuses: 0 a result, 1 any error, 2 no article on the page. */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly status: 1 | 2,
  ) {
    super(message);
  }
}

/** Runs the pipeline on one page file against `corpus` (the bundled corpus by default). Throws CheckError on bad input. */
export function checkFile(path: string, corpus?: Corpus): CheckResult {
  if (/\.txt$/i.test(path)) return checkTextFile(path, corpus);
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
  const analysis = analyzeArticle(input);
  return checkArticle(input, analysis, corpus ?? loadBundledCorpus().corpus);
}

function checkTextFile(path: string, corpus?: Corpus): CheckResult {
  let read: ReturnType<typeof articleOfFile>;
  try {
    read = articleOfFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CheckError(`Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : 'unreadable'}.`, 1);
  }
  if ('skip' in read) throw new CheckError(`${path} has no article: ${read.skip}.`, 2);
  return checkArticle(read, analyzeArticle(read), corpus ?? loadBundledCorpus().corpus);
}

const DAY_MS = 86_400_000;
const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/**
 * The result as the --json mode prints it: each date figure also gives its period as ISO dates, and each duration its
 * unit, so a reader of the JSON need not know the core's day and minute numbers.
 */
export function jsonResult(result: CheckResult): unknown {
  return {
    ...result,
    figures: result.figures.map((f) => ({
      ...f,
      ...(f.kind === 'date' ? { period: { start: isoDay(f.value.low), end: isoDay(f.value.high ?? f.value.low) } } : {}),
      ...(f.kind === 'duration' ? { unit: 'minute' } : {}),
    })),
  };
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
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const json = argv.includes('--json');
  const at = argv.indexOf('--corpus');
  const corpusPath = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (!corpusPath || corpusPath.startsWith('-'))) {
    console.error(`check: --corpus needs a folder or a pack.json. ${USAGE}`);
    return 1;
  }
  const rest = at < 0 ? argv : argv.filter((_, i) => i !== at && i !== at + 1);
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--json');
  const files = rest.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    console.error(unknown.length > 0 ? `check: unknown option ${unknown[0]}. ${USAGE}` : `check: ${USAGE}`);
    return 1;
  }
  try {
    let corpus: Corpus | undefined;
    if (corpusPath) {
      const collection = loadCollection(corpusPath);
      corpus = collection.corpus;
      // Said on stderr so that --json keeps stdout to the JSON alone.
      for (const s of collection.skipped) console.error(`check: skipped ${s.file} in the corpus: ${s.why}`);
    }
    const result = checkFile(files[0] as string, corpus);
    console.log(json ? JSON.stringify(jsonResult(result), null, 2) : formatReport(result));
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
