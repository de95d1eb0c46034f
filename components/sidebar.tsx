// The Second Source sidebar: a Preact panel that shows what the content script read and what the background answered.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { SaveReportButton, type SaveReportButtonProps } from './save-report-button';
import { KeepSwitch, type KeepSwitchProps } from './keep-switch';
import type { CheckResult } from '../utils/match/types';
import { Findings } from './findings';

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
}

const noop = () => undefined;

/** The sidebar: a labelled complementary landmark with a heading, a close button and the current state's content. */
export function Sidebar({ state, onClose, onShowFigure = noop, onOpenReport = noop, save, keep }: SidebarProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel once, when it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <aside
      class="ss-panel"
      aria-labelledby="ss-heading"
      data-testid="second-source-sidebar"
      data-state={isSettled(state) ? 'done' : 'working'}
    >
      <header class="ss-header">
        <h2 id="ss-heading" class="ss-brand" tabIndex={-1} ref={headingRef}>
          <span class="ss-logo" aria-hidden="true">
            2°
          </span>
          Second Source
        </h2>
        <button type="button" class="ss-close" aria-label="Close Second Source" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="ss-body">
        <Body state={state} onShowFigure={onShowFigure} onOpenReport={onOpenReport} />
      </div>
      {(save || keep) && state.kind === 'article' ? (
        <div class="ss-actions">
          {save ? <SaveReportButton {...save} /> : null}
          {keep ? <KeepSwitch {...keep} /> : null}
        </div>
      ) : null}
      <footer class="ss-footer">Checked on this computer. Nothing leaves your browser.</footer>
    </aside>
  );
}

/** True once nothing more is coming: the sidebar shows its final content. */
export function isSettled(state: SidebarState): boolean {
  if (state.kind === 'reading') return false;
  if (state.kind === 'no-article') return true;
  if (state.check) return state.check.status !== 'working';
  return state.corpus !== null || state.corpusError !== null;
}

type Actions = Required<Pick<SidebarProps, 'onShowFigure' | 'onOpenReport'>>;

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

function ArticleSummary({ state }: { state: Extract<SidebarState, { kind: 'article' }> }) {
  const { article, corpus, corpusError } = state;
  return (
    <section class="ss-article" aria-labelledby="ss-article-title">
      <p class="ss-kicker">
        <span data-testid="outlet">{article.outlet ?? 'Unknown outlet'}</span>
        <span aria-hidden="true"> · </span>
        <DateText iso={article.published} />
      </p>
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
        <Fact label="Reports in your corpus">
          {corpus ? (
            <span data-testid="corpus-size">{corpus.reports}</span>
          ) : corpusError ? (
            <span class="ss-error" role="alert">
              Unavailable: {corpusError}
            </span>
          ) : (
            <span class="ss-muted" role="status">
              counting…
            </span>
          )}
        </Fact>
      </dl>
    </section>
  );
}

function Check({
  check,
  sentences,
  corpus,
  onShowFigure,
  onOpenReport,
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
