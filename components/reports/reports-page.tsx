// The "My reports" page: search, filter and sort the corpus, delete with undo, hide/restore bundled, import and export.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../utils/corpus/protocol-types';
import type { DeleteResult, ReportListItem, ReportQuery, ReportSort, UndoToken } from '../../utils/corpus/protocol-types';
import type { ReportOrigin } from '../../utils/corpus/types';
import { plural } from './format';
import { ReportsTable } from './reports-table';

/** What the page asks of its shell (the extension page wires these to the background). */
export interface ReportsApi {
  list: (query: ReportQuery) => Promise<ReportListItem[]>;
  remove: (ids: string[]) => Promise<DeleteResult>;
  undo: (token: UndoToken) => Promise<string[]>;
  /** Hides every bundled report. */
  hideBundled: () => Promise<DeleteResult>;
  /** Shows every hidden bundled report again; how many came back. */
  resetBundled: () => Promise<number>;
  /** Reads and imports a pack file; rejects with a message saying what is wrong and where. */
  importFile: (file: File) => Promise<ImportResult>;
  /**
   * Exports all reports (ids null) or the given ones and hands the reader one pack file, or several when one would be
   * too large to import again; how many reports were exported, and the files' names.
   */
  exportPack: (ids: string[] | null) => Promise<{ count: number; fileNames: string[] }>;
}

export interface ReportsPageProps {
  api: ReportsApi;
  reportHref: (id: string) => string;
  /** Rendered below the reports (the settings form). */
  children?: ComponentChildren;
  /** Shown under the import notice: the progress of the background analysis of imported reports. */
  importStatus?: ComponentChildren;
  /** Rows rendered at first and added by "Show more"; the list can hold thousands. Default 200. */
  pageSize?: number;
  /** Show times in UTC (tests). */
  utc?: boolean;
  /** Milliseconds of quiet typing before the search runs. Default 150. */
  searchDelay?: number;
}

/** `lines`: one outcome per item (several files imported at once), listed under the text. */
type Notice = { kind: 'info' | 'error'; text: string; undo?: UndoToken; lines?: string[] };

const DEFAULT_DIRECTION: Record<ReportSort, 'asc' | 'desc'> = {
  added: 'desc',
  published: 'desc',
  figures: 'desc',
  outlet: 'asc',
  headline: 'asc',
  origin: 'asc',
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The whole "My reports" page. All data comes through `api`; nothing here touches a browser API or the database. */
export function ReportsPage({ api, reportHref, children, importStatus, pageSize = 200, utc = false, searchDelay = 150 }: ReportsPageProps) {
  const [search, setSearch] = useState('');
  /** The search actually asked for: typing settles for SEARCH_DELAY ms first, so a long list is not re-read per key. */
  const [query, setQuery] = useState('');
  const [origin, setOrigin] = useState<ReportOrigin | 'all'>('all');
  const [showHidden, setShowHidden] = useState(false);
  const [sort, setSort] = useState<ReportSort>('added');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [items, setItems] = useState<ReportListItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(pageSize);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importNotice, setImportNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const undoRef = useRef<HTMLButtonElement>(null);
  const tableRegion = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  /** Where focus goes after the next list load (after delete/undo). */
  const focusAfterLoad = useRef<'undo' | { ids: string[] } | null>(null);

  const reload = useCallback(() => setRevision((n) => n + 1), []);

  useEffect(() => {
    if (search === query) return;
    const timer = setTimeout(() => setQuery(search), searchDelay);
    return () => clearTimeout(timer);
  }, [search, query, searchDelay]);

  useEffect(() => {
    let live = true;
    api
      .list({ search: query, origin, sort, direction, includeHidden: showHidden })
      .then((list) => {
        if (!live) return;
        setItems(list);
        setLoadError(null);
        // Drop selections that are no longer listed, so a bulk action never touches an unseen report.
        setSelected((current) => new Set(list.filter((item) => current.has(item.id)).map((item) => item.id)));
      })
      .catch((error: unknown) => {
        if (live) setLoadError(message(error));
      });
    return () => {
      live = false;
    };
  }, [api, query, origin, sort, direction, showHidden, revision]);

  // Focus management: after a delete the Undo button takes focus; after an undo, the first restored row does.
  useEffect(() => {
    const target = focusAfterLoad.current;
    if (!target || items === null) return;
    focusAfterLoad.current = null;
    if (target === 'undo') {
      undoRef.current?.focus();
      return;
    }
    const row = target.ids
      .map((id) => tableRegion.current?.querySelector<HTMLElement>(`tr[data-report-id="${CSS.escape(id)}"] a`))
      .find(Boolean);
    (row ?? tableRegion.current)?.focus();
  }, [items]);

  const onSort = (column: ReportSort) => {
    if (column === sort) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setDirection(DEFAULT_DIRECTION[column]);
    }
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const deleteIds = (ids: string[]) =>
    run(async () => {
      if (ids.length === 0) return;
      try {
        const result = await api.remove(ids);
        const parts: string[] = [];
        if (result.deleted.length > 0) parts.push(`Deleted ${plural(result.deleted.length, 'report')}.`);
        if (result.hidden.length > 0) parts.push(`Hid ${plural(result.hidden.length, 'bundled report')} (Restore bundled reports brings them back).`);
        if (result.missing.length > 0) parts.push(`${plural(result.missing.length, 'report was', 'reports were')} already gone.`);
        const changed = result.deleted.length + result.hidden.length > 0;
        setNotice({ kind: 'info', text: parts.join(' '), undo: changed ? result.undo : undefined });
        setSelected(new Set());
        focusAfterLoad.current = changed ? 'undo' : null;
        reload();
      } catch (error) {
        setNotice({ kind: 'error', text: `Nothing was deleted: ${message(error)}` });
      }
    });

  const undo = (token: UndoToken) =>
    run(async () => {
      try {
        const restored = await api.undo(token);
        setNotice({ kind: 'info', text: restored.length > 0 ? `Restored ${plural(restored.length, 'report')}.` : 'Nothing left to restore.' });
        focusAfterLoad.current = { ids: restored };
        reload();
      } catch (error) {
        setNotice({ kind: 'error', text: `Could not undo: ${message(error)}`, undo: token });
      }
    });

  const hideBundled = () =>
    run(async () => {
      try {
        const result = await api.hideBundled();
        const count = result.hidden.length;
        setNotice({
          kind: 'info',
          text: count > 0 ? `Hid ${plural(count, 'bundled report')}; they are no longer used in checks.` : 'No bundled reports to hide.',
          undo: count > 0 ? result.undo : undefined,
        });
        focusAfterLoad.current = count > 0 ? 'undo' : null;
        reload();
      } catch (error) {
        setNotice({ kind: 'error', text: `Nothing was hidden: ${message(error)}` });
      }
    });

  const resetBundled = () =>
    run(async () => {
      try {
        const count = await api.resetBundled();
        setNotice({ kind: 'info', text: count > 0 ? `Restored ${plural(count, 'bundled report')}.` : 'Every bundled report is already shown.' });
        reload();
      } catch (error) {
        setNotice({ kind: 'error', text: `Could not restore the bundled reports: ${message(error)}` });
      }
    });

  // Several files (an export cut into parts) import one after another, each all or nothing: one that fails is
  // named, and the others still import.
  const importFiles = (files: File[]) =>
    run(async () => {
      const outcomes: string[] = [];
      let failed = 0;
      try {
        for (const [index, file] of files.entries()) {
          const label = files.length > 1 ? `“${file.name}” (${index + 1} of ${files.length})` : `“${file.name}”`;
          setImportNotice({ kind: 'info', text: `Importing ${label}…` });
          try {
            const result = await api.importFile(file);
            outcomes.push(files.length > 1 ? `“${file.name}”: ${result.summary}` : result.summary);
          } catch (error) {
            failed++;
            outcomes.push(`“${file.name}” was not imported. ${message(error)}`);
          }
          reload();
        }
        if (files.length === 1) setImportNotice({ kind: failed ? 'error' : 'info', text: outcomes[0] ?? '' });
        else {
          const text = failed ? `${failed} of ${files.length} files could not be imported:` : `Read ${files.length} files:`;
          setImportNotice({ kind: failed ? 'error' : 'info', text, lines: outcomes });
        }
      } finally {
        // The same file can be chosen again after it was fixed.
        if (fileRef.current) fileRef.current.value = '';
      }
    });

  const exportReports = (ids: string[] | null) =>
    run(async () => {
      try {
        const { count, fileNames } = await api.exportPack(ids);
        const first = fileNames[0] ?? '';
        const last = fileNames[fileNames.length - 1] ?? '';
        const where =
          fileNames.length === 1 ? `to ${first}` : `in ${fileNames.length} files, ${first} ${fileNames.length === 2 ? 'and' : 'to'} ${last} (each imports on its own)`;
        setNotice({ kind: 'info', text: `Exported ${plural(count, 'report')} ${where}.` });
      } catch (error) {
        setNotice({ kind: 'error', text: `Nothing was exported: ${message(error)}` });
      }
    });

  const list = items ?? [];
  const visible = list.slice(0, shown);
  const selectedIds = [...selected];

  return (
    <main class="rp-page" aria-labelledby="rp-title">
      <header class="rp-header">
        <h1 id="rp-title">
          <span class="rp-logo" aria-hidden="true">
            2°
          </span>
          My reports
        </h1>
        <p class="rp-lede">
          The reports Second Source checks articles against: the bundled ones, the pages you saved and the packs you
          imported. Everything stays on this computer.
        </p>
      </header>

      <section class="rp-section" aria-labelledby="rp-packs-title">
        <h2 id="rp-packs-title">Import a pack</h2>
        <p class="rp-muted">
          A pack is a JSON file of reports, such as one exported below by a colleague (the format is described in the
          README). Its reports are added as “Imported”; reports you already have, by address or by nearly the same
          text, are skipped and listed. A file with any problem changes nothing.
        </p>
        <div class="rp-field">
          <label for="rp-import">Import a pack file</label>
          <input
            id="rp-import"
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            multiple
            disabled={busy}
            data-testid="import-file"
            onChange={(event) => {
              const files = [...((event.currentTarget as HTMLInputElement).files ?? [])];
              if (files.length > 0) void importFiles(files);
            }}
          />
        </div>
        <div role="status" aria-live="polite" class={`rp-notice-text rp-notice-${importNotice?.kind ?? 'none'}`} data-testid="pack-notice">
          {importNotice?.kind === 'error' ? <strong>Error: </strong> : null}
          {importNotice?.text ?? ''}
          {importNotice?.lines ? (
            <ul class="rp-notice-lines">
              {importNotice.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {importStatus}
      </section>

      <section class="rp-section" aria-labelledby="rp-list-title">
        <h2 id="rp-list-title">Reports</h2>
        <form class="rp-filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <div class="rp-field">
            <label for="rp-search">Search</label>
            <input
              id="rp-search"
              type="search"
              value={search}
              placeholder="Headline, outlet, address…"
              onInput={(event) => {
                setSearch((event.currentTarget as HTMLInputElement).value);
                setShown(pageSize);
              }}
            />
          </div>
          <div class="rp-field">
            <label for="rp-origin">Origin</label>
            <select id="rp-origin" value={origin} onChange={(event) => setOrigin((event.currentTarget as HTMLSelectElement).value as ReportOrigin | 'all')}>
              <option value="all">All origins</option>
              <option value="bundled">Bundled</option>
              <option value="saved">Saved</option>
              <option value="imported">Imported</option>
            </select>
          </div>
          <div class="rp-field rp-inline">
            <input id="rp-show-hidden" type="checkbox" checked={showHidden} onChange={(event) => setShowHidden((event.currentTarget as HTMLInputElement).checked)} />
            <label for="rp-show-hidden">Show hidden bundled reports</label>
          </div>
        </form>

        <div class="rp-toolbar" role="group" aria-label="Actions on reports">
          <button type="button" class="rp-button rp-danger" disabled={busy || selected.size === 0} onClick={() => deleteIds(selectedIds)} data-testid="delete-selected">
            Delete selected{selected.size > 0 ? ` (${selected.size})` : ''}
          </button>
          <button type="button" class="rp-button" disabled={busy || selected.size === 0} onClick={() => exportReports(selectedIds)} data-testid="export-selected">
            Export selected{selected.size > 0 ? ` (${selected.size})` : ''}
          </button>
          <button type="button" class="rp-button" disabled={busy} onClick={() => exportReports(null)} data-testid="export-all">
            Export all
          </button>
          <span class="rp-spacer" />
          <button type="button" class="rp-button" disabled={busy} onClick={hideBundled} data-testid="hide-bundled">
            Hide bundled reports
          </button>
          <button type="button" class="rp-button" disabled={busy} onClick={resetBundled} data-testid="reset-bundled">
            Restore bundled reports
          </button>
        </div>

        <div class={`rp-notice rp-notice-${notice?.kind ?? 'none'}`} data-testid="list-notice">
          <p role="status" aria-live="polite" class="rp-notice-text">
            {notice ? (notice.kind === 'error' ? <strong>Error: </strong> : null) : null}
            {notice?.text ?? ''}
          </p>
          {notice?.undo ? (
            <button type="button" class="rp-button rp-undo" ref={undoRef} disabled={busy} onClick={() => undo(notice.undo!)} data-testid="undo">
              Undo
            </button>
          ) : null}
        </div>

        <div class="rp-table-region" ref={tableRegion} tabIndex={-1} aria-busy={items === null ? 'true' : 'false'}>
          {loadError ? (
            <p class="rp-error" role="alert">
              <strong>Error: </strong>Your reports could not be listed: {loadError}
            </p>
          ) : items === null ? (
            <p class="rp-muted" role="status">
              Loading your reports…
            </p>
          ) : (
            <ReportsTable
              items={visible}
              total={list.length}
              selected={selected}
              sort={sort}
              direction={direction}
              onSort={onSort}
              onSelect={(id, on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (on) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
              onSelectAll={(on) => setSelected(on ? new Set(visible.map((item) => item.id)) : new Set())}
              onDelete={(id) => deleteIds([id])}
              reportHref={reportHref}
              utc={utc}
            />
          )}
          {list.length > shown ? (
            <button type="button" class="rp-button rp-more" onClick={() => setShown(shown + pageSize)}>
              Show {Math.min(pageSize, list.length - shown)} more of {list.length - shown} not shown
            </button>
          ) : null}
        </div>
      </section>

      {children}
    </main>
  );
}
