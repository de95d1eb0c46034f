// @vitest-environment happy-dom
// "My reports": the table, search/filter/sort, delete with undo and focus, hide/restore bundled, import and export,
// driven against the real store on fake IndexedDB (stub analysis), the way the background would answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ensureBundledPack } from '../../utils/corpus/store/bundled';
import type { CorpusDb } from '../../utils/corpus/store/schema';
import { exportPackJson, importPack } from '../../utils/corpus/store/import-export';
import { listReports } from '../../utils/corpus/store/list';
import { saveReport } from '../../utils/corpus/store/save';
import { deleteReports, resetBundled, undoDelete } from '../../utils/corpus/store/trash';
import { ReportsPage, type ReportsApi } from '../../components/reports/reports-page';
import { articleText, deps, makePack, makeReport, openTestDb, snapshot } from '../db/helpers';

afterEach(cleanup);

/** The page's api over a real database, as the background handlers wire it. */
function apiOver(db: CorpusDb, exported: string[] = []): ReportsApi {
  return {
    list: (query) => listReports(db, query),
    remove: (ids) => deleteReports(db, ids),
    undo: (token) => undoDelete(db, token),
    hideBundled: async () => deleteReports(db, (await listReports(db, { origin: 'bundled', includeHidden: false })).map((item) => item.id)),
    resetBundled: () => resetBundled(db),
    importFile: async (file) => importPack(db, await file.text(), deps),
    exportPack: async (ids) => {
      const json = await exportPackJson(db, ids ? { ids } : {});
      exported.push(json);
      return { count: (JSON.parse(json) as { reports: unknown[] }).reports.length, fileNames: ['pack.json'] };
    },
  };
}

/** Two bundled reports, one imported, one saved page; added one minute apart in that order. */
async function filledDb(): Promise<CorpusDb> {
  const db = await openTestDb();
  const t0 = Date.UTC(2026, 10, 20, 9, 0);
  await ensureBundledPack(
    db,
    makePack([
      makeReport(11, { origin: 'bundled', outlet: 'Geneva Wire', headline: 'Talks open in Geneva', published: '2022-01-10' }),
      makeReport(12, { origin: 'bundled', outlet: 'Kyiv Post', headline: 'Troops gather at the border', published: '2021-12-02' }),
    ]),
    deps,
    t0,
  );
  await importPack(
    db,
    JSON.stringify(makePack([makeReport(13, { outlet: 'Harbour Times', headline: '<img src=x onerror=alert(1)> Harbour strike', published: '2023-03-14' })])),
    deps,
    { now: t0 + 60_000 },
  );
  await saveReport(
    db,
    { text: articleText(14), title: 'Dock workers vote', url: 'https://ledger.example/dock', published: '2023-03-15', siteName: 'The Morning Ledger', byline: null, lang: 'en' },
    deps,
    t0 + 120_000,
  );
  return db;
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('report-row');
}

function headlines(): string[] {
  return rows().map((row) => within(row).getByTestId('report-open').textContent ?? '');
}

async function renderPage(db: CorpusDb, exported: string[] = []) {
  const view = render(<ReportsPage api={apiOver(db, exported)} reportHref={(id) => `report.html?id=${id}`} utc />);
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  return view;
}

describe('the reports table', () => {
  it('lists every report with outlet, headline, date, origin, figures and when it was added, newest first', async () => {
    const db = await filledDb();
    await renderPage(db);
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toBe('Your reports: 4 reports');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.replace(/[▲▼↕]/g, '').replace(/,.*$/, '').trim());
    expect(headers).toEqual(['Select all shown reports', 'Outlet', 'Headline', 'Published', 'Origin', 'Figures', 'Added', 'Actions']);
    // Added newest first; the two bundled reports came in one load, the later-numbered one first.
    expect(headlines()).toEqual(['Dock workers vote', '<img src=x onerror=alert(1)> Harbour strike', 'Troops gather at the border', 'Talks open in Geneva']);

    const saved = rows()[0]!;
    expect(within(saved).getByTestId('report-outlet').textContent).toBe('The Morning Ledger');
    expect(within(saved).getByTestId('report-origin').textContent).toBe('Saved');
    expect(Number(within(saved).getByTestId('report-figures').textContent)).toBeGreaterThanOrEqual(30);
    expect(saved.textContent).toContain('15 March 2023');
    expect(saved.textContent).toContain('20 Nov 2026, 09:02');
    expect(within(rows()[1]!).getByTestId('report-origin').textContent).toBe('Imported');
    expect(within(rows()[3]!).getByTestId('report-origin').textContent).toBe('Bundled');
    // The viewer link carries the report id; bundled rows offer Hide, the reader's rows Delete.
    expect(within(saved).getByTestId('report-open').getAttribute('href')).toMatch(/^report\.html\?id=saved-/);
    expect(within(rows()[3]!).getByRole('button', { name: 'Hide “Talks open in Geneva”' })).toBeTruthy();
    expect(within(saved).getByRole('button', { name: 'Delete “Dock workers vote”' })).toBeTruthy();
  });

  it('renders untrusted headlines as text, never as HTML', async () => {
    const db = await filledDb();
    const { container } = await renderPage(db);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)> Harbour strike')).toBeTruthy();
  });

  it('labels every checkbox with the report it selects', async () => {
    const db = await filledDb();
    await renderPage(db);
    expect(screen.getByLabelText('Select “Dock workers vote”')).toBeTruthy();
    expect(screen.getByLabelText('Select all shown reports')).toBeTruthy();
    expect(screen.getByLabelText('Search')).toBeTruthy();
    expect(screen.getByLabelText('Origin')).toBeTruthy();
  });

  it('searches, filters by origin and sorts by a column, saying the order in aria-sort', async () => {
    const db = await filledDb();
    await renderPage(db);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'geneva' } });
    await waitFor(() => expect(headlines()).toEqual(['Talks open in Geneva']));
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Origin'), { target: { value: 'bundled' } });
    await waitFor(() => expect(headlines()).toEqual(['Troops gather at the border', 'Talks open in Geneva']));
    fireEvent.change(screen.getByLabelText('Origin'), { target: { value: 'all' } });
    await waitFor(() => expect(rows()).toHaveLength(4));

    fireEvent.click(screen.getByTestId('sort-published'));
    await waitFor(() =>
      expect(headlines()).toEqual(['Dock workers vote', '<img src=x onerror=alert(1)> Harbour strike', 'Talks open in Geneva', 'Troops gather at the border']),
    );
    expect(screen.getByTestId('sort-published').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-published'));
    await waitFor(() => expect(headlines()[0]).toBe('Troops gather at the border'));
    expect(screen.getByTestId('sort-published').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByTestId('sort-added').closest('th')?.getAttribute('aria-sort')).toBe('none');

    fireEvent.click(screen.getByTestId('sort-outlet'));
    await waitFor(() => expect(rows().map((row) => within(row).getByTestId('report-outlet').textContent)).toEqual(['Geneva Wire', 'Harbour Times', 'Kyiv Post', 'The Morning Ledger']));
  });
});

describe('long lists', () => {
  it('renders a page of rows at a time, says how many are shown, and shows more on request', async () => {
    const db = await filledDb();
    render(<ReportsPage api={apiOver(db)} reportHref={(id) => id} pageSize={3} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Your reports: 3 of 4 reports shown');
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more of 1 not shown' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: /more of/ })).toBeNull();
  });
});

describe('delete with undo', () => {
  it('deletes one report, moves focus to a visible Undo button, and undo brings it back with focus on it', async () => {
    const db = await filledDb();
    await renderPage(db);
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Dock workers vote”' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const notice = screen.getByTestId('list-notice');
    expect(within(notice).getByRole('status').textContent).toBe('Deleted 1 report.');
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(within(notice).getByRole('status').textContent).toBe('Restored 1 report.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Dock workers vote'));
    expect((await listReports(db)).map((item) => item.headline)).toContain('Dock workers vote');
  });

  it('deletes a selection in one go (bundled ones are hidden) and undoes all of it', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    await renderPage(db);
    const bulk = screen.getByTestId('delete-selected');
    expect((bulk as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Select “Dock workers vote”'));
    fireEvent.click(screen.getByLabelText('Select “Talks open in Geneva”'));
    await waitFor(() => expect(bulk.textContent).toBe('Delete selected (2)'));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Your reports: 4 reports, 2 selected');
    fireEvent.click(bulk);
    await waitFor(() => expect(headlines()).toEqual(['<img src=x onerror=alert(1)> Harbour strike', 'Troops gather at the border']));
    expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe(
      'Deleted 1 report. Hid 1 bundled report (Restore bundled reports brings them back).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    // Undo puts the rows back exactly as they were.
    expect(await snapshot(db)).toEqual(before);
  });

  it('selects all shown reports with the header checkbox', async () => {
    const db = await filledDb();
    await renderPage(db);
    fireEvent.click(screen.getByLabelText('Select all shown reports'));
    await waitFor(() => expect(screen.getByTestId('delete-selected').textContent).toBe('Delete selected (4)'));
    fireEvent.click(screen.getByLabelText('Select all shown reports'));
    await waitFor(() => expect(screen.getByTestId('delete-selected').textContent).toBe('Delete selected'));
  });
});

describe('bundled reports', () => {
  it('hides them all, shows them on request marked "Hidden", and restores them', async () => {
    const db = await filledDb();
    await renderPage(db);
    fireEvent.click(screen.getByTestId('hide-bundled'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe('Hid 2 bundled reports; they are no longer used in checks.');

    fireEvent.click(screen.getByLabelText('Show hidden bundled reports'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getAllByTestId('report-hidden').map((tag) => tag.textContent)).toEqual(['Hidden: not used in checks', 'Hidden: not used in checks']);

    fireEvent.click(screen.getByTestId('reset-bundled'));
    await waitFor(() => expect(screen.queryAllByTestId('report-hidden')).toHaveLength(0));
    expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe('Restored 2 bundled reports.');
    expect((await listReports(db, { includeHidden: false })).length).toBe(4);
  });
});

function chooseFile(input: HTMLElement, ...files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('import and export', () => {
  it('imports a pack and says how many were imported and which were duplicates', async () => {
    const db = await filledDb();
    await renderPage(db);
    const pack = makePack([makeReport(21, { headline: 'New one' }), makeReport(22, { headline: 'Copy of the saved page', url: 'https://ledger.example/dock' })]);
    chooseFile(screen.getByLabelText('Import a pack file'), new File([JSON.stringify(pack)], 'colleague.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('pack-notice').textContent).toMatch(/^Imported 1 of 2 reports\./));
    expect(screen.getByTestId('pack-notice').textContent).toContain('1 skipped as duplicates');
    expect(screen.getByTestId('pack-notice').textContent).toContain('has the same address as');
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(headlines()).toContain('New one');
  });

  it('refuses a broken pack with a message saying what and where, and changes nothing', async () => {
    const db = await filledDb();
    const before = await snapshot(db);
    await renderPage(db);
    chooseFile(screen.getByLabelText('Import a pack file'), new File(['{\n  "format": "second-source-pack",\n  "version": 1,\n  "reports": [ }'], 'broken.json'));
    await waitFor(() => expect(screen.getByTestId('pack-notice').textContent).toMatch(/^Error: “broken\.json” was not imported\./));
    expect(screen.getByTestId('pack-notice').textContent).toContain('line 4, column 16');
    expect(await snapshot(db)).toEqual(before);

    chooseFile(screen.getByLabelText('Import a pack file'), new File([JSON.stringify({ format: 'second-source-pack', version: 9, revision: 'x', reports: [] })], 'future.json'));
    await waitFor(() => expect(screen.getByTestId('pack-notice').textContent).toContain('made by a newer Second Source'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports several files in turn, each all or nothing, naming the one that failed', async () => {
    const db = await filledDb();
    await renderPage(db);
    const first = makePack([makeReport(31, { headline: 'Part one report' })]);
    const second = makePack([makeReport(32, { headline: 'Part two report' })]);
    chooseFile(
      screen.getByLabelText('Import a pack file'),
      new File([JSON.stringify(first)], 'export-part-1-of-3.json'),
      new File(['{"format": "second-source-pack",'], 'export-part-2-of-3.json'),
      new File([JSON.stringify(second)], 'export-part-3-of-3.json'),
    );
    await waitFor(() => expect(screen.getByTestId('pack-notice').textContent).toMatch(/^Error: 1 of 3 files could not be imported:/));
    // One outcome per file, in the order chosen.
    const lines = within(screen.getByTestId('pack-notice'))
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^“export-part-1-of-3\.json”: Imported 1 of 1 report\./);
    expect(lines[1]).toMatch(/^“export-part-2-of-3\.json” was not imported\. /);
    expect(lines[2]).toMatch(/^“export-part-3-of-3\.json”: Imported 1 of 1 report\./);
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect((screen.getByLabelText('Import a pack file') as HTMLInputElement).multiple).toBe(true);
  });

  it('names every file of an export cut into several', async () => {
    const api = apiOver(await filledDb());
    api.exportPack = async () => ({ count: 9000, fileNames: ['p-part-1-of-3.json', 'p-part-2-of-3.json', 'p-part-3-of-3.json'] });
    render(<ReportsPage api={api} reportHref={(id) => id} />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(screen.getByTestId('export-all'));
    await waitFor(() =>
      expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe(
        'Exported 9,000 reports in 3 files, p-part-1-of-3.json to p-part-3-of-3.json (each imports on its own).',
      ),
    );
  });

  it('exports everything, or only the selection', async () => {
    const db = await filledDb();
    const exported: string[] = [];
    await renderPage(db, exported);
    fireEvent.click(screen.getByTestId('export-all'));
    await waitFor(() => expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe('Exported 4 reports to pack.json.'));
    fireEvent.click(screen.getByLabelText('Select “Dock workers vote”'));
    await waitFor(() => expect((screen.getByTestId('export-selected') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('export-selected'));
    await waitFor(() => expect(within(screen.getByTestId('list-notice')).getByRole('status').textContent).toBe('Exported 1 report to pack.json.'));
    const selection = JSON.parse(exported[1]!) as { reports: { headline: string; origin: string }[] };
    expect(selection.reports.map((report) => [report.headline, report.origin])).toEqual([['Dock workers vote', 'saved']]);
  });

  it('says so when listing fails', async () => {
    const api = apiOver(await openTestDb());
    api.list = vi.fn(() => Promise.reject(new Error('The database is locked by another window.')));
    render(<ReportsPage api={api} reportHref={(id) => id} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Error: Your reports could not be listed: The database is locked by another window.'));
  });
});
