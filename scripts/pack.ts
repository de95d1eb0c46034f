// `npm run pack -- <folder> -o pack.json`: builds a version 2 pack, with analyses, from saved .html and .txt pages.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../utils/analysis/analyze-article';
import { contentHash } from '../utils/corpus/format/content-hash';
import { parsePack } from '../utils/corpus/pack-schema';
import { reportOfArticle, withAnalysis } from '../utils/corpus/format/report-of-article';
import { packJson } from '../utils/corpus/format/pack-write';
import { articleOfFile } from './page-file';
import { PACK_FORMAT, PACK_VERSION, type AnalyzedReport, type CorpusPack, type PackReport } from '../utils/corpus/types';
import { packIndexFrom } from '../utils/corpus/format/pack-index';
import { encodeSegment, INDEX_FORMAT } from '../utils/match/sentence-index';
// The extension stamps analyses with its own version (entrypoints/background/corpus-service.ts): the same stamp here
// lets an importer on this version trust them.
import { version as EXTRACTOR_VERSION } from '../package.json';

const USAGE = 'Usage: npm run pack -- <folder of .html/.txt pages> -o <pack.json>';

/** What happened to one file, for the build log. */
export interface PackLogLine {
  file: string;
  /** The report id, or null when the file was skipped. */
  id: string | null;
  note: string;
}

/** A readable, stable report id from a file name: "bbc-2022-01-27-apple" (made unique with -2, -3…). */
function idOf(file: string, taken: Set<string>): string {
  const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Builds a version 2 pack from every .html and .txt file of a folder (sorted by name, not recursive), each report
 * analysed by the same core as the extension and stamped with its version. Deterministic: the same folder gives
 * the same bytes. Files without an article are skipped and say why in the log.
 */
export function buildPackFromFolder(folder: string, extractor: string = EXTRACTOR_VERSION): { pack: CorpusPack; log: PackLogLine[] } {
  const files = readdirSync(folder)
    .filter((name) => /\.(html?|txt)$/i.test(name))
    .sort();
  const taken = new Set<string>();
  const reports: PackReport[] = [];
  const analysed: AnalyzedReport[] = [];
  const log: PackLogLine[] = [];
  for (const file of files) {
    const path = join(folder, file);
    if (!statSync(path).isFile()) continue;
    const article = articleOfFile(path);
    if ('skip' in article) {
      log.push({ file, id: null, note: `skipped: ${article.skip}` });
      continue;
    }
    const analysis = analyzeArticle(article);
    const report = withAnalysis(reportOfArticle(article, idOf(file, taken), 'saved'), analysis, extractor);
    reports.push(report);
    analysed.push({ meta: report, analysis });
    const said = analysis.declined ? `declined (${analysis.declined})` : `${analysis.sentences.length} sentences, ${analysis.figures.length} figures, ${analysis.statements.length} statements`;
    log.push({ file, id: report.id, note: said });
  }
  const revision = `pack-${contentHash(JSON.stringify(reports))}`;
  // The index rides along, so a reader's import adopts it instead of tokenizing every sentence again.
  const index = reports.length > 0 ? packIndexFrom(encodeSegment(analysed), INDEX_FORMAT) : undefined;
  return { pack: { format: PACK_FORMAT, version: PACK_VERSION, revision, reports, ...(index ? { index } : {}) }, log };
}

function main(argv: string[]): number {
  const out = argv.indexOf('-o') >= 0 ? argv[argv.indexOf('-o') + 1] : undefined;
  const folders = argv.filter((arg, index) => !arg.startsWith('-') && argv[index - 1] !== '-o');
  if (!out || folders.length !== 1) {
    console.error(`pack: ${USAGE}`);
    return 1;
  }
  const folder = folders[0] as string;
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`pack: ${folder} is not a folder. ${USAGE}`);
    return 1;
  }
  const { pack, log } = buildPackFromFolder(folder);
  for (const line of log) console.log(`${line.id ? 'added  ' : 'skipped'} ${line.file}${line.id ? ` → ${line.id}` : ''}: ${line.note.replace(/^skipped: /, '')}`);
  if (pack.reports.length === 0) {
    console.error(`pack: no article found in ${folder}; nothing written.`);
    return 1;
  }
  // The pack is checked as an importer would check it before it is written.
  const checked = parsePack(pack);
  if (!checked.ok) {
    console.error(`pack: the pack would not import: ${checked.error}`);
    return 1;
  }
  writeFileSync(out, `${packJson(pack)}\n`);
  console.log(`Wrote ${out}: ${pack.reports.length} report${pack.reports.length === 1 ? '' : 's'}, pack version ${pack.version}, analyses by extractor ${EXTRACTOR_VERSION}.`);
  return 0;
}

// Run only as a script, so tests may import buildPackFromFolder.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
