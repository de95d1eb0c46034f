// The lint's layer rules really fire: probe files that break them, laid out like the project, must be rejected.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OXLINT = join(ROOT, 'node_modules', '.bin', 'oxlint');
const sandbox = mkdtempSync(join(tmpdir(), 'layer-rules-'));
copyFileSync(join(ROOT, '.oxlintrc.json'), join(sandbox, '.oxlintrc.json'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function lint(path: string, source: string): { errors: number; output: string } {
  const file = join(sandbox, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const run = spawnSync(OXLINT, ['-c', '.oxlintrc.json', '--format', 'json', path], { cwd: sandbox, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
  const errors = report.diagnostics.filter((d) => d.code.includes('no-restricted-imports')).length;
  return { errors, output: run.stdout };
}

describe('layer rules', () => {
  it.each([
    ['utils/figures/probe.ts', "import { browser } from 'wxt/browser';\nexport const probe = browser;\n"],
    ['utils/match/probe.ts', "import { Sidebar } from '../../components/sidebar';\nexport const probe = Sidebar;\n"],
    ['entrypoints/content/probe.ts', "import { openCorpusDb } from '../../utils/corpus/database';\nexport const probe = openCorpusDb;\n"],
    ['entrypoints/content/dexie-probe.ts', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"],
    ['components/probe.tsx', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"],
    ['components/browser-probe.tsx', "import { browser } from 'wxt/browser';\nexport const probe = browser;\n"],
  ])('rejects %s', (path, source) => {
    expect(lint(path, source).errors).toBeGreaterThan(0);
  });

  it.each([
    ['utils/figures/fine.ts', "import { splitSentences } from '../article/sentences';\nexport const fine = splitSentences;\n"],
    ['entrypoints/background/fine.ts', "import Dexie from 'dexie';\nimport { browser } from 'wxt/browser';\nexport const fine = [Dexie, browser];\n"],
    ['components/fine.tsx', "import { useState } from 'preact/hooks';\nexport const fine = useState;\n"],
  ])('accepts %s', (path, source) => {
    expect(lint(path, source).errors).toBe(0);
  });
});
