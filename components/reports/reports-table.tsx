// The "My reports" table: one row per report, sortable column headers, labelled selection checkboxes, row actions.
import type { ReportListItem, ReportSort } from '../../utils/corpus/protocol-types';
import { formatDate, formatMoment, ORIGIN_LABELS, plural } from './format';

/** A sortable column: its key in the store's sort and the header's words. */
const COLUMNS: { sort: ReportSort; label: string }[] = [
  { sort: 'outlet', label: 'Outlet' },
  { sort: 'headline', label: 'Headline' },
  { sort: 'published', label: 'Published' },
  { sort: 'origin', label: 'Origin' },
  { sort: 'figures', label: 'Figures' },
  { sort: 'added', label: 'Added' },
];

export interface ReportsTableProps {
  items: readonly ReportListItem[];
  /** How many reports match in all (the table may show fewer). */
  total: number;
  selected: ReadonlySet<string>;
  sort: ReportSort;
  direction: 'asc' | 'desc';
  onSort: (sort: ReportSort) => void;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onDelete: (id: string) => void;
  /** The report viewer's address for a report. */
  reportHref: (id: string) => string;
  /** Show times in UTC (tests); default the reader's zone. */
  utc?: boolean;
}

/** A real <table> with a caption and column headers; sort buttons sit in the headers and say their order in aria-sort. */
export function ReportsTable(props: ReportsTableProps) {
  const { items, total, selected, sort, direction, onSort, onSelect, onSelectAll, onDelete, reportHref, utc = false } = props;
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const someSelected = !allSelected && items.some((item) => selected.has(item.id));
  return (
    <table class="rp-table" data-testid="reports-table">
      <caption>
        Your reports: {items.length === total ? plural(total, 'report') : `${items.length} of ${plural(total, 'report')} shown`}
        {selected.size > 0 ? `, ${selected.size} selected` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="rp-check">
            <input
              type="checkbox"
              id="rp-select-all"
              checked={allSelected}
              indeterminate={someSelected}
              disabled={items.length === 0}
              onChange={(event) => onSelectAll((event.currentTarget as HTMLInputElement).checked)}
            />
            <label for="rp-select-all" class="rp-visually-hidden">
              Select all shown reports
            </label>
          </th>
          {COLUMNS.map((column) => {
            const active = column.sort === sort;
            const order = active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined;
            return (
              <th scope="col" aria-sort={order ?? 'none'} key={column.sort} class={`rp-col-${column.sort}`}>
                <button type="button" class="rp-sort" onClick={() => onSort(column.sort)} data-testid={`sort-${column.sort}`}>
                  {column.label}
                  <span class="rp-sort-mark" aria-hidden="true">
                    {active ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                  <span class="rp-visually-hidden">{active ? `, sorted ${order}` : ', sort by this column'}</span>
                </button>
              </th>
            );
          })}
          <th scope="col">
            <span class="rp-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <tr>
            <td colSpan={COLUMNS.length + 2} class="rp-empty">
              No reports match.
            </td>
          </tr>
        ) : (
          items.map((item) => {
            const name = item.title;
            const checkId = `rp-select-${item.id}`;
            return (
              <tr key={item.id} data-report-id={item.id} data-testid="report-row" class={selected.has(item.id) ? 'rp-selected' : ''}>
                <td class="rp-check">
                  <input
                    type="checkbox"
                    id={checkId}
                    checked={selected.has(item.id)}
                    onChange={(event) => onSelect(item.id, (event.currentTarget as HTMLInputElement).checked)}
                  />
                  <label for={checkId} class="rp-visually-hidden">
                    Select “{name}”
                  </label>
                </td>
                <td data-testid="report-outlet">{item.source}</td>
                <td class="rp-headline">
                  <a href={reportHref(item.id)} target="_blank" rel="noopener" data-testid="report-open">
                    {item.title}
                  </a>
                  {item.titleDerived ? (
                    <span class="rp-muted" data-testid="report-title-derived">
                      {' '}
                      (no headline: its first sentence)
                    </span>
                  ) : null}
                  {item.hidden ? (
                    <span class="rp-tag rp-tag-hidden" data-testid="report-hidden">
                      Hidden: not used in checks
                    </span>
                  ) : null}
                </td>
                <td class="rp-nowrap">{item.published ? <time dateTime={item.published}>{formatDate(item.published)}</time> : <span class="rp-muted">unknown</span>}</td>
                <td>
                  <span class={`rp-tag rp-origin-${item.origin}`} data-testid="report-origin">
                    {ORIGIN_LABELS[item.origin]}
                  </span>
                </td>
                <td class="rp-number" data-testid="report-figures">
                  {item.figureCount}
                </td>
                <td class="rp-nowrap">
                  <time dateTime={new Date(item.addedAt).toISOString()}>{formatMoment(item.addedAt, utc)}</time>
                </td>
                <td class="rp-actions">
                  {item.hidden ? null : (
                  <button type="button" class="rp-button rp-danger" onClick={() => onDelete(item.id)} aria-label={`${item.origin === 'bundled' ? 'Hide' : 'Delete'} “${name}”`}>
                    {item.origin === 'bundled' ? 'Hide' : 'Delete'}
                  </button>
                  )}
                </td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
