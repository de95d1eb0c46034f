// `npm run eval:real-dev [-- --all]`: scores the engine on ../shared/real-dev and prints each miss (or every pair with --all).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_DEV, scoreRealDev } from './real-dev-score';

function main(argv: string[]): number {
  const root = argv.find((a) => !a.startsWith('--')) ?? REAL_DEV;
  if (!existsSync(root)) {
    console.log(`${root} not found: nothing to score.`);
    return 0;
  }
  const all = argv.includes('--all');
  const score = scoreRealDev(root);
  for (const o of score.outcomes) {
    if (all || !o.passed) console.log(`${o.passed ? 'passed' : 'FAILED'}  ${o.set.padEnd(26)} ${o.relation.padEnd(9)} ${o.id.padEnd(22)} ${o.detail}`);
  }
  for (const c of score.crossLinks) console.log(`CROSS   ${c.page} “${c.figure}” → ${c.report} “${c.theirs}” (${c.relation})`);
  console.log('');
  for (const [rel, { passed, total }] of Object.entries(score.byRelation)) {
    console.log(`${rel.padEnd(10)} ${passed}/${total} (${total ? Math.round((100 * passed) / total) : 100}%)`);
  }
  console.log(`cross-set links: ${score.crossLinks.length}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
