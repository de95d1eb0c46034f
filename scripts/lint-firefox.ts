// `npm run lint:firefox`: addons-linter on the Firefox build; fails on any error and on any warning not traced to a dependency.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One message of addons-linter's JSON output. */
export interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LinterReport {
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
}

/**
 * The places in our dependencies that addons-linter flags, each recognised by the minified code that starts at the
 * warning's column. The README's "Review notes" name the same places for a store reviewer; keep the two together.
 * A dependency upgrade that changes this code makes the warning unexplained again, so it is looked at again.
 */
export const DEPENDENCY_SITES: readonly { code: string; source: string; why: string; pattern: RegExp }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: 'preact 11.2.0, src/diff/index.js (diffElementNodes: dom.innerHTML = newHtml.__html)',
    why: "Preact's dangerouslySetInnerHTML prop; no component of ours passes it, so this branch never runs",
    pattern: /^\.innerHTML=\w+\.__html\)/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: '@mozilla/readability 0.6.0, Readability.js (_grabArticle: page.innerHTML = pageCacheHtml)',
    why: "Readability restores its own copy of the page's HTML between attempts, on the detached clone it parses",
    pattern: /^\.innerHTML=\w+,this\._attempts\.push\(/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: '@mozilla/readability 0.6.0, Readability.js (_unwrapNoscriptImages: tmp.innerHTML = noscript.innerHTML)',
    why: "Readability unwraps <noscript> images, on the detached clone it parses (no browsing context: nothing runs or loads)",
    pattern: /^\.innerHTML=\w+\.innerHTML;var \w+=\w+\.previousElementSibling/,
  },
];

/**
 * What a warning comes from: the dependency site whose code is at the warning's position in `sourceLine`, or null
 * when it matches none (then it is ours, or new, and must be looked at).
 */
export function explain(warning: LinterMessage, sourceLine: string | undefined): (typeof DEPENDENCY_SITES)[number] | null {
  if (sourceLine === undefined || warning.column === undefined) return null;
  const at = sourceLine.slice(warning.column);
  return DEPENDENCY_SITES.find((site) => site.code === warning.code && site.pattern.test(at)) ?? null;
}

/** Runs the pinned addons-linter on `target` (a built directory or a zip) and returns its JSON report. */
export function runAddonsLinter(target: string): LinterReport {
  const bin = join(ROOT, 'node_modules', '.bin', 'addons-linter');
  // It exits 1 when there are errors; its report on stdout is read either way.
  const run = spawnSync(bin, ['--output', 'json', '--boring', target], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  try {
    return JSON.parse(run.stdout) as LinterReport;
  } catch {
    throw new Error(`addons-linter gave no JSON report (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
}

/** Each warning and notice of `report` on the built directory `dir`, with the dependency site it comes from (or null). */
export function traceWarnings(report: LinterReport, dir: string): { message: LinterMessage; site: ReturnType<typeof explain> }[] {
  const lines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n');
  return [...report.warnings, ...report.notices].map((message) => {
    // Only a built directory can be read back; a zip's warnings all count as unexplained.
    const line = message.file && message.line && !dir.endsWith('.zip') ? lines(message.file)[message.line - 1] : undefined;
    return { message, site: explain(message, line) };
  });
}

function main(args: string[]): number {
  const target = resolve(ROOT, args[0] ?? '.output/firefox-mv3');
  const report = runAddonsLinter(target);
  let unexplained = 0;
  for (const error of report.errors) console.log(`error   ${error.code} ${error.file ?? ''}: ${error.message}`);
  for (const { message, site } of traceWarnings(report, target)) {
    const where = `${message.file ?? ''}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}`;
    if (site) {
      console.log(`warning ${message.code} ${where}: from ${site.source}. ${site.why}.`);
    } else {
      unexplained += 1;
      console.log(`warning ${message.code} ${where}: NOT FROM A KNOWN DEPENDENCY SITE: ${message.message}`);
    }
  }
  const explained = report.warnings.length + report.notices.length - unexplained;
  console.log(
    `addons-linter ${target}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ` +
      `${explained} from dependencies, ${unexplained} unexplained`,
  );
  return report.errors.length === 0 && unexplained === 0 ? 0 : 1;
}

// Run only as a script, so tests may import explain.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
