// The Second Source sidebar: a Preact panel that shows what the content script read and what the background answered.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { SaveReportButton, type SaveReportButtonProps } from './save-report-button';
import { KeepSwitch, type KeepSwitchProps } from './keep-switch';
import type { CheckResult } from '../utils/match/types';
import { Findings, type FindingsProps } from './findings';

/** What the content script read from the page, as the sidebar shows it. */
export interface PageArticle {
  title: string | null;
  /** The outlet's name from the page's metadata, else the host name. */
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) from the page's metadata, when it has one. */
  published: string | null;
  sentences: number;
  /** Set when the page was too long to check whole: only its first words were checked. */
  truncated?: { checkedWords: number; totalWords: number } | null;
}

/** Corpus size as the background reports it. */
export interface CorpusSize {
  reports: number;
}

/** Where the cross-check stands. */
export type CheckState =
  | { status: 'working' }
  | { status: 'done'; result: CheckResult; highlighted: ReadonlySet<number> }
  | { status: 'failed'; error: string };

/** Everything the sidebar can show; the content script moves it from one state to the next. */
export type SidebarState =
  | { kind: 'reading' }
  | { kind: 'no-article'; reason: string }
  | {
      kind: 'article';
      article: PageArticle;
      /** null while the background has not answered yet. */
      corpus: CorpusSize | null;
      /** Set when the background could not answer. */
      corpusError: string | null;
      /** The cross-check; absent before it starts. */
      check?: CheckState;
    };

export interface SidebarProps {
  state: SidebarState;
  onClose: () => void;
  /** "Save to my reports" (the reader's own corpus); no button when absent. */
  save?: SaveReportButtonProps;
  /** "Keep what I read" switch; none when absent. */
  keep?: KeepSwitchProps;
  /** Scrolls the page to a figure's highlight and flashes it. */
  onShowFigure?: (index: number) => void;
  /** Opens the full corpus report at one of its sentences. */
  onOpenReport?: (report: string, sentence: string) => void;
  /** Beside the page or over it, its width and the drag handle; a fixed 380 px overlay when absent. */
  layout?: SidebarLayout;
  /** The reader's correction of a link; no "Not the same thing" / "Right" buttons when absent. */
  onCorrect?: FindingsProps['onCorrect'];
}

/** Where the sidebar stands and how the reader changes it (the content script keeps the page in step). */
export interface SidebarLayout {
  /** 'side': the page has reflowed to leave room; 'overlay': the sidebar lies over a narrow page. */
  mode: 'side' | 'overlay';
  width: number;
  minWidth: number;
  maxWidth: number;
  /** Over the page only: folded away to a handle at the window's edge. */
  collapsed: boolean;
  /** A new width while dragging (`done` false) and once the drag or key press ends (`done` true: remember it). */
  onResize: (width: number, done: boolean) => void;
  onCollapse: (collapsed: boolean) => void;
}

const noop = () => undefined;
/** Pixels per arrow key press on the resize handle (Shift: four times as many). */
const KEY_STEP = 16;

/** The sidebar: a labelled complementary landmark with a heading, a close button and the current state's content. */
export function Sidebar({ state, onClose, onShowFigure = noop, onOpenReport = noop, save, keep, layout, onCorrect }: SidebarProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const handleRef = useRef<HTMLButtonElement>(null);
  const collapsed = layout?.collapsed === true;
  const wasCollapsed = useRef(collapsed);
  // Focus moves into the panel once, when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  // Collapsing moves focus to the handle that brings the panel back, and expanding moves it back into the panel.
  useEffect(() => {
    if (wasCollapsed.current === collapsed) return;
    wasCollapsed.current = collapsed;
    (collapsed ? handleRef.current : headingRef.current)?.focus({ preventScroll: true });
  }, [collapsed]);
  return (
    <>
    <aside
      id="ss-panel"
      class="ss-panel"
      aria-labelledby="ss-heading"
      data-testid="second-source-sidebar"
      data-state={isSettled(state) ? 'done' : 'working'}
      data-mode={layout?.mode}
      hidden={collapsed}
      style={layout ? { width: `${layout.width}px` } : undefined}
    >
      {layout && <ResizeHandle layout={layout} />}
      <header class="ss-header">
        <h2 id="ss-heading" class="ss-brand" tabIndex={-1} ref={headingRef}>
          <span class="ss-logo" aria-hidden="true">
            2°
          </span>
          Second Source
        </h2>
        <span class="ss-header-buttons">
          {layout?.mode === 'overlay' && (
            <button
              type="button"
              class="ss-close"
              aria-label="Collapse Second Source"
              aria-expanded="true"
              aria-controls="ss-panel"
              title="Collapse to the edge of the window"
              data-testid="collapse"
              onClick={() => layout.onCollapse(true)}
            >
              <span aria-hidden="true">»</span>
            </button>
          )}
          <button type="button" class="ss-close" aria-label="Close Second Source" title="Close (Esc)" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </header>
      <div class="ss-body">
        <Body state={state} onShowFigure={onShowFigure} onOpenReport={onOpenReport} onCorrect={onCorrect} />
      </div>
      {(save || keep) && state.kind === 'article' ? (
        <div class="ss-actions">
          {save ? <SaveReportButton {...save} /> : null}
          {keep ? <KeepSwitch {...keep} /> : null}
        </div>
      ) : null}
      <footer class="ss-footer">Checked on this computer. Nothing leaves your browser.</footer>
    </aside>
    {collapsed && layout && (
      <button
        type="button"
        class="ss-handle"
        ref={handleRef}
        aria-label="Expand Second Source"
        aria-expanded="false"
        aria-controls="ss-panel"
        data-testid="expand"
        onClick={() => layout.onCollapse(false)}
      >
        <span class="ss-logo" aria-hidden="true">
          2°
        </span>
      </button>
    )}
    </>
  );
}

/**
 * The panel's left edge: drag it (pointer) or use the arrow keys (keyboard) to change the width. A separator with
 * its value, so screen readers say how wide the panel is; the content script remembers the width once a change ends.
 */
function ResizeHandle({ layout }: { layout: SidebarLayout }) {
  const drag = useRef<{ x: number; width: number; last: number } | null>(null);
  const { width, minWidth, maxWidth, onResize } = layout;
  return (
    <div
      class="ss-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the Second Source panel"
      aria-valuemin={minWidth}
      aria-valuemax={maxWidth}
      aria-valuenow={width}
      aria-valuetext={`${width} pixels`}
      tabIndex={0}
      title="Drag to resize (or use the arrow keys)"
      data-testid="resize"
      onPointerDown={(event) => {
        event.preventDefault();
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width, last: width };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        // The panel is anchored to the right edge: moving the handle left widens it.
        drag.current.last = drag.current.width + (drag.current.x - event.clientX);
        onResize(drag.current.last, false);
      }}
      onPointerUp={() => {
        if (!drag.current) return;
        onResize(drag.current.last, true);
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
        const next =
          event.key === 'ArrowLeft' ? width + step : event.key === 'ArrowRight' ? width - step : event.key === 'Home' ? minWidth : event.key === 'End' ? maxWidth : null;
        if (next === null) return;
        event.preventDefault();
        onResize(next, true);
      }}
    />
  );
}

/** True once nothing more is coming: the sidebar shows its final content. */
export function isSettled(state: SidebarState): boolean {
  if (state.kind === 'reading') return false;
  if (state.kind === 'no-article') return true;
  if (state.check) return state.check.status !== 'working';
  return state.corpus !== null || state.corpusError !== null;
}

type Actions = Required<Pick<SidebarProps, 'onShowFigure' | 'onOpenReport'>> & Pick<SidebarProps, 'onCorrect'>;

function Body({ state, ...actions }: { state: SidebarState } & Actions) {
  switch (state.kind) {
    case 'reading':
      return (
        <p class="ss-status" role="status">
          Reading the article…
        </p>
      );
    case 'no-article':
      return (
        <section class="ss-empty" aria-labelledby="ss-empty-heading" data-testid="no-article">
          <h3 id="ss-empty-heading">No article found on this page</h3>
          <p>{state.reason}</p>
          <p class="ss-muted">
            Second Source reads the news article on a page and compares its figures with other reports. Open an
            article and click the Second Source button again.
          </p>
        </section>
      );
    case 'article':
      return (
        <>
          <ArticleSummary state={state} />
          {state.article.truncated && <TruncatedNote {...state.article.truncated} />}
          {state.check && <Check check={state.check} sentences={state.article.sentences} corpus={state.corpus} {...actions} />}
        </>
      );
  }
}

/** Says plainly that a very long page was checked on its first words only. */
function TruncatedNote({ checkedWords, totalWords }: { checkedWords: number; totalWords: number }) {
  const words = (n: number) => n.toLocaleString('en');
  return (
    <p class="ss-status" role="note" data-testid="truncated">
      This page is very long ({words(totalWords)} words): only its first {words(checkedWords)} words were checked.
    </p>
  );
}

/**
 * The article in one line (outlet · date · N reports checked) so the findings start near the top; the title, the
 * publication date and the counts sit behind a disclosure for whoever wants them.
 */
function ArticleSummary({ state }: { state: Extract<SidebarState, { kind: 'article' }> }) {
  const { article, corpus, corpusError } = state;
  return (
    <section class="ss-article" aria-label="The article">
      <details class="ss-about" data-testid="article-details">
        <summary class="ss-kicker" data-testid="article-line">
          <span data-testid="outlet">{article.outlet ?? 'Unknown outlet'}</span>
          <span aria-hidden="true"> · </span>
          <DateText iso={article.published} />
          <span aria-hidden="true"> · </span>
          <CorpusCount corpus={corpus} corpusError={corpusError} />
        </summary>
        <h3 id="ss-article-title" class="ss-title" data-testid="title">
          {article.title ?? 'Untitled article'}
        </h3>
        <dl class="ss-facts">
          <Fact label="Published">
            <DateText iso={article.published} />
          </Fact>
          <Fact label="Sentences read">
            <span data-testid="sentences">{article.sentences}</span>
          </Fact>
          <Fact label="Reports in your corpus">{corpus ? corpus.reports : corpusError ? 'unavailable' : 'counting…'}</Fact>
        </dl>
      </details>
      {corpusError && (
        <p class="ss-error" role="alert">
          Your corpus is unavailable: {corpusError}
        </p>
      )}
    </section>
  );
}

/** "N reports checked" in the one-line header, or where the count stands. */
function CorpusCount({ corpus, corpusError }: { corpus: CorpusSize | null; corpusError: string | null }) {
  if (corpus) {
    return (
      <span>
        <span data-testid="corpus-size">{corpus.reports}</span> {corpus.reports === 1 ? 'report' : 'reports'} checked
      </span>
    );
  }
  if (corpusError) return <span>corpus unavailable</span>;
  return <span role="status">counting reports…</span>;
}

function Check({
  check,
  sentences,
  corpus,
  onShowFigure,
  onOpenReport,
  onCorrect,
}: { check: CheckState; sentences: number; corpus: CorpusSize | null } & Actions) {
  if (check.status === 'working') {
    return (
      <div class="ss-progress" role="status" data-testid="checking">
        <span class="ss-spinner" aria-hidden="true" />
        Checking {sentences} sentences against {corpus ? `${corpus.reports} reports` : 'your corpus'}…
      </div>
    );
  }
  if (check.status === 'failed') {
    return (
      <p class="ss-error" role="alert" data-testid="check-failed">
        The check did not finish: {check.error}
      </p>
    );
  }
  return (
    <Findings
      result={check.result}
      highlighted={check.highlighted}
      onShowFigure={onShowFigure}
      onOpenReport={onOpenReport}
      onCorrect={onCorrect}
    />
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="ss-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A date in the reader's words ("2 December 2021") inside a machine-readable <time>, or "date unknown". */
export function DateText({ iso }: { iso: string | null }) {
  if (!iso) return <span data-testid="published">date unknown</span>;
  return (
    <time dateTime={iso} data-testid="published">
      {formatDate(iso)}
    </time>
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-12-02" → "2 December 2021"; other strings are shown as they are. Fixed English, so tests read the same everywhere. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}
