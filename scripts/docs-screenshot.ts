// `npm run docs:screenshot`: puts the end-to-end run's screenshot of the demo sidebar into docs/sidebar.png (the README's).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../tests/e2e/news-page';

/** What the e2e test of `npm start` (tests/e2e/start.test.ts) saves: the demo article with the sidebar open. */
const SHOT = join(ROOT, 'test-results', 'start.png');
const BUILT = join(ROOT, '.output', 'chrome-mv3', 'manifest.json');
const DOCS = join(ROOT, 'docs', 'sidebar.png');

/** True when the e2e run's screenshot is there and newer than the last build, so it shows the current sidebar. */
function fresh(): boolean {
  return existsSync(SHOT) && existsSync(BUILT) && statSync(SHOT).mtimeMs >= statSync(BUILT).mtimeMs;
}

if (!fresh()) {
  // No e2e run since the last build: run the same headless demo the e2e test runs (it builds first).
  console.log('No screenshot from an end-to-end run since the last build; running the headless demo (scripts/start.ts)…');
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  execFileSync('npx', ['tsx', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
copyFileSync(SHOT, DOCS);
console.log(`${relative(ROOT, DOCS)} ← ${relative(ROOT, SHOT)} (${statSync(DOCS).size} bytes)`);
