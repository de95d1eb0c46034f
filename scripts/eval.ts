// `npm run eval`: turns ../shared/gold-dev.json into tests/fixtures/gold/dev.json and scores the engine on it, every seed report read as the page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertGold, GOLD_FIXTURE, GOLD_SOURCE, readGoldFixture, scoreGold } from './gold-score';
import { loadBundledCorpus } from './load-corpus';

function main(): number {
  try {
    if (existsSync(GOLD_SOURCE)) {
      const fixture = convertGold(JSON.parse(readFileSync(GOLD_SOURCE, 'utf8')));
      writeFileSync(GOLD_FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
      console.log(`Wrote ${fixture.cases.length} cases from ${GOLD_SOURCE} to tests/fixtures/gold/dev.json`);
    } else {
      console.log(`${GOLD_SOURCE} not found: scoring the committed fixture.`);
    }
    const outcomes = scoreGold(readGoldFixture(), loadBundledCorpus());
    for (const o of outcomes) {
      console.log(`${o.passed ? 'passed' : 'FAILED'}  ${o.id.padEnd(12)} page ${o.page.slice(0, 3)}  expect ${o.expect.padEnd(12)} ${o.detail}`);
    }
    const passed = outcomes.filter((o) => o.passed).length;
    console.log(`\n${passed}/${outcomes.length} passed${passed === outcomes.length ? '' : `, ${outcomes.length - passed} failed`}.`);
    return passed === outcomes.length ? 0 : 1;
  } catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
