// The report viewer: a corpus report's full text (as text), its metadata, and the matched sentence marked and in view.
import { displayTitle, leadTitle, sourceName } from '../../utils/corpus/format/display-name';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { StoredReport } from '../../utils/corpus/protocol-types';
import { findSentence, splitParagraph } from './find-sentence';
import { formatDate, formatMoment, ORIGIN_EXPLANATIONS, ORIGIN_LABELS, safeHref } from './format';

export type ReportViewState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'missing'; id: string }
  | { kind: 'report'; report: StoredReport };

export interface ReportViewProps {
  state: ReportViewState;
  /** The sentence to mark (from the sidebar's "Open report"), or null. */
  sentence: string | null;
  /** The "My reports" page's address, for the way back. */
  reportsHref?: string;
  /** Show times in UTC (tests). */
  utc?: boolean;
}

/** The whole viewer page. Everything from the report is rendered as text nodes, never as HTML. */
export function ReportView({ state, sentence, reportsHref, utc = false }: ReportViewProps) {
  return (
    <main class="rv-page" aria-labelledby="rv-title">
      {reportsHref ? (
        <nav class="rv-nav" aria-label="Second Source">
          <a href={reportsHref}>← My reports</a>
        </nav>
      ) : null}
      <Body state={state} sentence={sentence} utc={utc} />
    </main>
  );
}

function Body({ state, sentence, utc }: { state: ReportViewState; sentence: string | null; utc: boolean }) {
  switch (state.kind) {
    case 'loading':
      return (
        <>
          <h1 id="rv-title">Report</h1>
          <p role="status">Loading the report…</p>
        </>
      );
    case 'error':
      return (
        <>
          <h1 id="rv-title">Report</h1>
          <p role="alert" class="rp-error">
            <strong>Error: </strong>
            {state.message}
          </p>
        </>
      );
    case 'missing':
      return (
        <>
          <h1 id="rv-title">Report not found</h1>
          <p role="alert">
            This report is not in your corpus. It may have been deleted; deleted reports can be restored
            from “My reports” right after deleting them (Undo).
          </p>
        </>
      );
    case 'report':
      return <Report report={state.report} sentence={sentence} utc={utc} />;
  }
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function Report({ report, sentence, utc }: { report: StoredReport; sentence: string | null; utc: boolean }) {
  const { meta, text } = report;
  const highlight = findSentence(text, sentence, report.sentences);
  const markRef = useRef<HTMLElement>(null);
  const paragraphs = report.paragraphs.length > 0 ? report.paragraphs : [{ start: 0, end: text.length }];
  const href = safeHref(meta.url);

  // Bring the matched sentence into view and give it focus (the mark is focusable), so a screen reader starts there.
  useEffect(() => {
    const mark = markRef.current;
    if (!mark) return;
    mark.scrollIntoView?.({ block: 'center' });
    mark.focus({ preventScroll: true });
  }, [report.meta.id, highlight?.start, highlight?.end]);

  let marked = false;
  const title = displayTitle(meta.headline, leadTitle(report.text, report.sentences));
  return (
    <article class="rv-report" data-testid="report-view" data-report-id={meta.id}>
      <header class="rv-header">
        <p class="rv-kicker">
          <span data-testid="viewer-outlet">{sourceName(meta)}</span>
          <span aria-hidden="true"> · </span>
          {meta.published ? <time dateTime={meta.published}>{formatDate(meta.published)}</time> : <span>date unknown</span>}
        </p>
        <h1 id="rv-title" data-testid="viewer-headline">
          {title.text}
        </h1>
        {title.derived ? (
          <p class="rv-flag" role="note" data-testid="viewer-title-derived">
            The report states no headline; its first sentence stands in for one.
          </p>
        ) : null}
        {report.deleted ? (
          <p class="rv-flag" role="note">
            <strong>Deleted:</strong> this report is in the trash and no longer used in checks.
          </p>
        ) : report.hidden ? (
          <p class="rv-flag" role="note">
            <strong>Hidden:</strong> this bundled report is not used in checks until you restore the bundled reports.
          </p>
        ) : null}
      </header>

      <section class="rv-meta" aria-labelledby="rv-meta-title">
        <h2 id="rv-meta-title">About this report</h2>
        <dl data-testid="viewer-meta">
          <Row label="Outlet">{meta.outlet ?? <Unknown />}</Row>
          <Row label="Headline">{meta.headline ?? <Unknown />}</Row>
          <Row label="Published">{meta.published ? <time dateTime={meta.published}>{formatDate(meta.published)}</time> : <Unknown />}</Row>
          {meta.eventDate ? <Row label="Event date">{formatDate(meta.eventDate)}</Row> : null}
          {meta.republished ? <Row label="Reprinted">{formatDate(meta.republished)}</Row> : null}
          <Row label="Dateline">{meta.dateline ?? <Unknown what="none stated" />}</Row>
          <Row label="Agencies">{meta.agencies.length > 0 ? meta.agencies.join(', ') : <Unknown what="none credited" />}</Row>
          <Row label="Translated from">{meta.translatedFrom ? languageName(meta.translatedFrom) : <Unknown what="not a translation" />}</Row>
          {meta.event ? <Row label="Event">{meta.event}</Row> : null}
          {meta.byline ? <Row label="Byline">{meta.byline}</Row> : null}
          <Row label="Origin">
            <span class={`rp-tag rp-origin-${meta.origin}`}>{ORIGIN_LABELS[meta.origin]}</span> {ORIGIN_EXPLANATIONS[meta.origin]}
          </Row>
          <Row label="Address">
            {href ? (
              <a href={href} rel="noopener noreferrer" target="_blank">
                {meta.url}
              </a>
            ) : (
              (meta.url ?? <Unknown />)
            )}
          </Row>
          <Row label="Added">{formatMoment(report.addedAt, utc)}</Row>
          {report.updatedAt !== report.addedAt ? <Row label="Updated">{formatMoment(report.updatedAt, utc)}</Row> : null}
          {report.analysis ? (
            <Row label="Checkable">
              {report.analysis.figures.length} figures, {report.analysis.statements.length} statements
            </Row>
          ) : null}
        </dl>
        {meta.inferred.length > 0 ? (
          <div class="rv-inferred" data-testid="viewer-inferred">
            <h3>Not stated in the report, inferred</h3>
            <ul>
              {meta.inferred.map((entry) => (
                <li key={entry.field}>
                  <strong>{entry.field}</strong>: {entry.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section class="rv-text" aria-labelledby="rv-text-title">
        <h2 id="rv-text-title">Full text</h2>
        {sentence ? (
          highlight ? (
            <p class="rv-note" data-testid="viewer-match-note">
              The sentence the sidebar matched is <mark class="rv-key">highlighted</mark> below.
            </p>
          ) : (
            <p class="rv-note" role="note" data-testid="viewer-match-note">
              The sentence the sidebar matched could not be found in this report’s text: “{sentence}”
            </p>
          )
        ) : null}
        {paragraphs.map((paragraph) => (
          <p key={paragraph.start}>
            {splitParagraph(text, paragraph, highlight).map((piece, index) => {
              if (!piece.marked) return piece.text;
              // Only the first piece of the highlight takes the ref and the id (a sentence rarely spans paragraphs).
              const first = !marked;
              marked = true;
              return (
                <mark
                  key={index}
                  id={first ? 'rv-match' : undefined}
                  ref={first ? markRef : undefined}
                  tabIndex={first ? -1 : undefined}
                  class="rv-match"
                  data-testid="viewer-match"
                >
                  <span class="rp-visually-hidden">Matched sentence: </span>
                  {piece.text}
                </mark>
              );
            })}
          </p>
        ))}
      </section>
    </article>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="rv-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Unknown({ what = 'unknown' }: { what?: string }) {
  return <span class="rp-muted">{what}</span>;
}
