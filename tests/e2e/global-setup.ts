// Global setup of the e2e project: builds the extension once, for Chromium and for Firefox, before any browser test runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs `npx wxt build` (Chrome MV3) and the Firefox MV3 build at the project root; a failed build fails the whole e2e run with WXT's own output. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  // The same options as `npm run build:firefox`: tests/e2e/firefox.test.ts installs .output/firefox-mv3.
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
