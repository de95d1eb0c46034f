// `npm run bench`: prints the speed and memory figures of every stage, as medians, in one run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Each stage module exports one function returning printable lines; a stage not built yet is reported, not fatal. */
const STAGES: { title: string; module: string; run: string }[] = [
  { title: 'Extraction (Node)', module: './bench/extraction.ts', run: 'benchExtraction' },
  { title: 'Cross-check (Node)', module: './bench/match.ts', run: 'benchMatch' },
  { title: 'Storage: import and export', module: './bench/storage.ts', run: 'benchStorage' },
  { title: 'Browser: click to sidebar (headless Chromium)', module: './bench/browser.ts', run: 'benchBrowser' },
  {
    title: 'Import, cross-check, memory and cold start in Chromium (1,000 and 10,000 reports; BENCH_100K=1 adds 100,000)',
    module: './bench/import-chromium.ts',
    run: 'benchImportChromium',
  },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = false;
  for (const stage of STAGES) {
    if (only.length > 0 && !only.some((word) => stage.title.toLowerCase().includes(word.toLowerCase()))) continue;
    console.log(`\n## ${stage.title}`);
    const path = fileURLToPath(new URL(stage.module, import.meta.url));
    if (!existsSync(path)) {
      console.log(`  (not measured: ${stage.module} is missing)`);
      continue;
    }
    try {
      const mod = (await import(stage.module)) as Record<string, () => Promise<string[]>>;
      const run = mod[stage.run];
      if (!run) throw new Error(`${stage.module} exports no ${stage.run}()`);
      for (const line of await run()) console.log(`  ${line}`);
    } catch (error) {
      failed = true;
      console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed) process.exitCode = 1;
}

await main();
