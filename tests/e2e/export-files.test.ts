// A corpus too large for one pack file, in real Chromium: "Export all" downloads several files that each import alone,
// and "Import a pack" takes them all at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusPack } from '../../utils/corpus/types';
import { EXPORT_FILE_REPORTS } from '../../utils/corpus/store/import-export';
import { packJson } from '../../utils/corpus/format/pack-write';
import { packOf } from '../../scripts/bench/import-chromium';
import { launchWithExtension, POLL, screenshot, textOf, type ExtensionBrowser, waitForBackground } from './harness';

/** One report more than a file holds, so the export needs a second file (the bundled reports come on top). */
const IMPORTED = EXPORT_FILE_REPORTS + 1;

let browser: ExtensionBrowser;
/** Playwright hands a page at most 50 MB from memory: the pack goes through a file. */
const folder = mkdtempSync(join(tmpdir(), 'second-source-export-'));

beforeAll(async () => {
  browser = await launchWithExtension();
  await waitForBackground(browser);
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('an export larger than one pack file', () => {
  it('downloads as several files that import again, all at once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Synthetic variants of the seed reports, each with its stamped analysis, as the bench imports them.
    const pack = packJson(packOf(IMPORTED));
    const packFile = join(folder, 'large.json');
    writeFileSync(packFile, pack);
    await page.getByLabel('Import a pack file').setInputFiles(packFile);
    await expect.poll(() => textOf(page.getByTestId('pack-notice')), { ...POLL, timeout: 120_000 }).toMatch(new RegExp(`^Imported ${IMPORTED.toLocaleString('en-US')} of ${IMPORTED.toLocaleString('en-US')} reports\\.`));

    const downloads: { name: string; path: string }[] = [];
    page.on('download', (download) => {
      void download.path().then((path) => downloads.push({ name: download.suggestedFilename(), path }));
    });
    await page.getByTestId('export-all').click();
    await expect.poll(() => downloads.length, { ...POLL, timeout: 120_000 }).toBe(2);
    await expect.poll(() => textOf(page.getByTestId('list-notice')), POLL).toMatch(/^Exported [\d,]+ reports in 2 files, second-source-pack-.+-part-1-of-2\.json and second-source-pack-.+-part-2-of-2\.json/);
    downloads.sort((a, b) => a.name.localeCompare(b.name));
    expect(downloads.map((download) => download.name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual([
      'second-source-pack-DAY-part-1-of-2.json',
      'second-source-pack-DAY-part-2-of-2.json',
    ]);
    const packs = downloads.map((download) => JSON.parse(readFileSync(download.path, 'utf8')) as CorpusPack);
    expect(packs[0]!.reports).toHaveLength(EXPORT_FILE_REPORTS);
    const ids = packs.flatMap((file) => file.reports.map((report) => report.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Every imported report is in one of the files, in the order it was added; the bundled ones come first.
    const imported = JSON.parse(pack) as CorpusPack;
    expect(ids.slice(-IMPORTED)).toEqual(imported.reports.map((report) => report.id));

    // Both files at once: each imports alone, and every report is already here.
    const copies = downloads.map((download) => {
      const copy = join(folder, download.name);
      writeFileSync(copy, readFileSync(download.path));
      return copy;
    });
    await page.getByLabel('Import a pack file').setInputFiles(copies);
    await expect.poll(() => textOf(page.getByTestId('pack-notice')), { ...POLL, timeout: 120_000 }).toMatch(/^Read 2 files:/);
    const lines = await page.getByTestId('pack-notice').getByRole('listitem').allTextContents();
    const count = EXPORT_FILE_REPORTS.toLocaleString('en-US');
    expect(lines[0]).toMatch(new RegExp(`^“second-source-pack-.+-part-1-of-2\\.json”: Imported 0 of ${count} reports\\. ${count} skipped as duplicates`));
    expect(lines[1]).toMatch(/^“second-source-pack-.+-part-2-of-2\.json”: Imported 0 of \d+ reports?\. \d+ skipped as duplicates/);
    await screenshot(page, 'reports-export-files');
    await page.close();
    // Two imports and two exports of thousands of reports: about a minute here, more on a busy machine.
  }, 300_000);
});
