// `npm run build:corpus`: turns corpus/reports/*.txt + corpus/sources.json into corpus/pack.json and logs what it did.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPack, type BuildResult } from '../utils/corpus/build/build-pack';
import { parsePack, parseSources } from '../utils/corpus/pack-schema';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Where the corpus lives; tests point these at the same place. */
export const CORPUS_DIR = join(ROOT, 'corpus');
export const REPORTS_DIR = join(CORPUS_DIR, 'reports');
export const SOURCES_FILE = join(CORPUS_DIR, 'sources.json');
export const PACK_FILE = join(CORPUS_DIR, 'pack.json');

/** Reads the raw reports (id = file name without .txt) and the validated sources. */
export function readCorpusInputs(reportsDir = REPORTS_DIR, sourcesFile = SOURCES_FILE) {
  const reportTexts: Record<string, string> = {};
  for (const name of readdirSync(reportsDir).filter((n) => n.endsWith('.txt')).sort()) {
    reportTexts[basename(name, '.txt')] = readFileSync(join(reportsDir, name), 'utf8');
  }
  const sources = parseSources(JSON.parse(readFileSync(sourcesFile, 'utf8')));
  if (!sources.ok) throw new Error(`${sourcesFile}: ${sources.error}`);
  return { reportTexts, sources: sources.value };
}

/**
 * The pack as written to disk: pretty JSON with a final newline, each span on one line so diffs stay readable.
 * Key order is fixed by buildPack.
 */
export function serializePack(result: BuildResult): string {
  const pretty = JSON.stringify(result.pack, null, 2);
  return `${pretty.replace(/\{\n\s+"start": (\d+),\n\s+"end": (\d+)\n\s+\}/g, '{ "start": $1, "end": $2 }')}\n`;
}

/** Builds the pack from the corpus folder and checks it against the schema. */
export function buildCorpus(): { result: BuildResult; json: string } {
  const { reportTexts, sources } = readCorpusInputs();
  const result = buildPack(reportTexts, sources);
  const checked = parsePack(JSON.parse(serializePack(result)));
  if (!checked.ok) throw new Error(`built pack fails its schema: ${checked.error}`);
  return { result, json: serializePack(result) };
}

function main(): void {
  const check = process.argv.includes('--check');
  const verbose = process.argv.includes('--verbose');
  const { result, json } = buildCorpus();
  let totalSentences = 0;
  let totalRemoved = 0;
  for (const r of result.log) {
    totalSentences += r.sentences;
    totalRemoved += r.removed.length;
    const reasons = new Map<string, number>();
    for (const x of r.removed) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    const summary = [...reasons].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`${r.id}: ${r.lines} lines -> ${r.paragraphs} paragraphs, ${r.sentences} sentences; removed ${r.removed.length} (${summary})`);
    if (verbose) for (const x of r.removed) console.log(`    - line ${x.line + 1} [${x.reason}] ${x.text.slice(0, 100)}`);
    for (const w of r.warnings) console.log(`    ! ${w}`);
  }
  console.log(`${result.pack.reports.length} reports, ${totalSentences} sentences, ${totalRemoved} boilerplate lines removed; revision ${result.pack.revision}`);
  let current = '';
  try {
    current = readFileSync(PACK_FILE, 'utf8');
  } catch {
    // No pack yet: the first build writes it.
  }
  if (check) {
    if (current !== json) {
      console.error(`${PACK_FILE} is stale: run npm run build:corpus and commit it`);
      process.exitCode = 1;
    } else console.log(`${PACK_FILE} is up to date`);
    return;
  }
  if (current === json) console.log(`${PACK_FILE} unchanged (${json.length} bytes)`);
  else {
    writeFileSync(PACK_FILE, json);
    console.log(`wrote ${PACK_FILE} (${json.length} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
