// Global setup of the e2e project: builds the extension once, before any browser test runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs `npx wxt build` at the project root; a failed build fails the whole e2e run with WXT's own output. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
