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

/** Writes probe files into the sandbox and lints them; counts the diagnostics of `rule`. */
function lintFiles(files: Record<string, string>, rule = 'no-restricted-imports'): { errors: number; output: string } {
  for (const [path, source] of Object.entries(files)) {
    const file = join(sandbox, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
  const run = spawnSync(OXLINT, ['-c', '.oxlintrc.json', '--format', 'json', ...Object.keys(files)], { cwd: sandbox, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
  const errors = report.diagnostics.filter((d) => d.code.includes(rule)).length;
  return { errors, output: run.stdout };
}

function lint(path: string, source: string): { errors: number; output: string } {
  return lintFiles({ [path]: source });
}

describe('layer rules', () => {
  it.each([
    ['utils/figures/probe.ts', "import { browser } from 'wxt/browser';\nexport const probe = browser;\n"],
    ['utils/match/probe.ts', "import { Sidebar } from '../../components/sidebar';\nexport const probe = Sidebar;\n"],
    ['entrypoints/content/probe.ts', "import { openCorpusDb } from '../../utils/corpus/database';\nexport const probe = openCorpusDb;\n"],
    ['entrypoints/content/dexie-probe.ts', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"],
    ['components/probe.tsx', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"],
    ['components/browser-probe.tsx', "import { browser } from 'wxt/browser';\nexport const probe = browser;\n"],
    // The core and the pack format never import Dexie or the store: only utils/corpus/store/ opens the database.
    ['utils/corpus/format/dexie-probe.ts', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"],
    ['utils/match/store-probe.ts', "import { openCorpusDb } from '../corpus/store/schema';\nexport const probe = openCorpusDb;\n"],
    ['utils/store-probe.ts', "import type { ReportRow } from './corpus/store/schema';\nexport type Probe = ReportRow;\n"],
    // The store takes its database as an argument: no browser API in it.
    ['utils/corpus/store/browser-probe.ts', "import { browser } from 'wxt/browser';\nexport const probe = browser;\n"],
    // Extension pages never import content-script code, nor the store.
    ['entrypoints/options/content-probe.ts', "import { Highlighter } from '../content/highlighter';\nexport const probe = Highlighter;\n"],
    ['entrypoints/report/content-probe.tsx', "import { askBackground } from '../content/ask-background';\nexport const probe = askBackground;\n"],
    ['entrypoints/options/store-probe.ts', "import { listReports } from '../../utils/corpus/store/list';\nexport const probe = listReports;\n"],
  ])('rejects %s', (path, source) => {
    expect(lint(path, source).errors).toBeGreaterThan(0);
  });

  it.each([
    ['utils/figures/fine.ts', "import { splitSentences } from '../article/sentences';\nexport const fine = splitSentences;\n"],
    ['entrypoints/background/fine.ts', "import Dexie from 'dexie';\nimport { browser } from 'wxt/browser';\nexport const fine = [Dexie, browser];\n"],
    ['components/fine.tsx', "import { useState } from 'preact/hooks';\nexport const fine = useState;\n"],
    ['utils/corpus/store/fine.ts', "import Dexie from 'dexie';\nimport { textSketch } from '../format/text-sketch';\nexport const fine = [Dexie, textSketch];\n"],
    ['utils/messaging-fine.ts', "import type { ReportListItem } from './corpus/protocol-types';\nexport type Fine = ReportListItem;\n"],
    ['entrypoints/options/fine.ts', "import { askBackground } from '../../utils/ask-background.browser';\nexport const fine = askBackground;\n"],
  ])('accepts %s', (path, source) => {
    expect(lint(path, source).errors).toBe(0);
  });

  it('rejects an import cycle (import/no-cycle), types included', () => {
    const cycle = lintFiles(
      {
        'utils/cycle/protocol.ts': "import type { Row } from './store';\nexport interface Call { row: Row }\n",
        'utils/cycle/store.ts': "import type { Call } from './protocol';\nexport interface Row { call: Call | null }\n",
      },
      'no-cycle',
    );
    expect(cycle.errors).toBeGreaterThan(0);
    const chain = lintFiles(
      {
        'utils/chain/protocol.ts': "export interface Call { id: string }\n",
        'utils/chain/store.ts': "import type { Call } from './protocol';\nexport interface Row { call: Call | null }\n",
      },
      'no-cycle',
    );
    expect(chain.errors).toBe(0);
  });
});
