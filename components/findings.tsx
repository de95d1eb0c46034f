// The sidebar's findings: figures that differ, figures confirmed, statements corroborated, with each other report.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { PagedList } from './paged-list';
import { correctionReason, type Decision } from '../utils/corrections/corrections';
import type { CheckResult, FigureFinding, FigureLink, StatementFinding, StatementLink } from '../utils/match/types';
import {
  figureInSentence,
  linksByReport,
  reportCount,
  shortDate,
  statementInSentence,
  summaryLine,
  timelinePhrase,
} from './finding-text';
import { readingOf, type Readable } from '../utils/match/precision';
import { FigureTimeline, timelinePoints } from './figure-timeline';

export interface FindingsProps {
  result: CheckResult;
  /** Indexes (into result.figures) of the figures highlighted in the page. */
  highlighted: ReadonlySet<number>;
  /** Scrolls the page to a figure's highlight and flashes it. */
  onShowFigure: (index: number) => void;
  /** Opens the full corpus report at one of its sentences. */
  onOpenReport: (report: string, sentence: string) => void;
  /** The reader's correction of a link ("Not the same thing", "Right", or null: undo); no buttons when absent. */
  onCorrect?: (target: CorrectTarget, decision: Decision | null) => void;
}

/** Which link a correction is about: a figure's or a statement's (its index in the result), and the link itself. */
export interface CorrectTarget {
  kind: 'figure' | 'statement';
  finding: number;
  link: FigureLink | StatementLink;
}

/** The correction callback, for every link's footer without threading it through each component. */
const CorrectContext = createContext<FindingsProps['onCorrect']>(undefined);
/** The finding a link belongs to, set by its figure or statement item. */
const ItemContext = createContext<{ kind: CorrectTarget['kind']; finding: number }>({ kind: 'figure', finding: -1 });

/** The summary line, the three sections in order, and the empty state that is true for this result. */
export function Findings(props: FindingsProps) {
  return (
    <CorrectContext.Provider value={props.onCorrect}>
      <FindingsBody {...props} />
    </CorrectContext.Provider>
  );
}

function FindingsBody({ result, highlighted, onShowFigure, onOpenReport }: FindingsProps) {
  if (result.declined) {
    return (
      <Empty testId="declined" title="This article was not checked">
        <p>{result.declined}</p>
      </Empty>
    );
  }
  if (result.figures.length === 0 && result.statements.length === 0) {
    return (
      <Empty testId="no-figures" title="No figures in this article">
        <p>
          Second Source checks numbers, dates, durations, amounts and quoted statements. It found none to check in
          this article.
        </p>
      </Empty>
    );
  }
  const indexed = result.figures.map((finding, index) => ({ finding, index }));
  const differs = indexed.filter(({ finding }) => finding.verdict === 'differs');
  const confirmed = indexed.filter(({ finding }) => finding.verdict === 'agrees');
  const onlyHere = indexed.filter(({ finding }) => finding.verdict === null);
  // A statement whose every link the reader dismissed stays listed, so the dismissal can be seen and undone.
  const statements = result.statements
    .map((statement, index) => ({ statement, index }))
    .filter(({ statement }) => statement.reports.length > 0 || (statement.dismissed?.length ?? 0) > 0);
  const covered = differs.length + confirmed.length + statements.length > 0;
  const pagePublished = result.article.published;
  const item = ({ finding, index }: { finding: FigureFinding; index: number }) => (
    <FigureItem
      key={index}
      finding={finding}
      index={index}
      highlighted={highlighted.has(index)}
      pagePublished={pagePublished}
      onShow={onShowFigure}
      onOpenReport={onOpenReport}
    />
  );
  return (
    <div class="ss-findings">
      {/* A status region: screen readers announce the outcome when the check finishes. */}
      <p class="ss-summary" data-testid="summary" role="status">
        {summaryLine(result.summary)}
      </p>
      {!covered ? (
        <Empty testId="not-covered" title="Nothing in your corpus covers this story">
          <p>
            None of the {result.corpusSize} reports in your corpus reports these figures or statements, so there is
            nothing to compare them with. That is not a sign they are wrong.
          </p>
        </Empty>
      ) : (
        <>
          <Section id="differs" title="Differ from other reports" count={differs.length} empty="No figure differs from other reports.">
            {differs.map(item)}
          </Section>
          <Section id="confirmed" title="Confirmed by other reports" count={confirmed.length} empty="No figure is confirmed by another report yet.">
            {confirmed.map(item)}
          </Section>
          <Section
            id="statements"
            title="Statements corroborated by other reports"
            count={statements.length}
            empty="No statement in this article appears in other reports."
          >
            {statements.map(({ statement, index }) => (
              <StatementItem key={index} index={index} finding={statement} pagePublished={pagePublished} onOpenReport={onOpenReport} />
            ))}
          </Section>
        </>
      )}
      {onlyHere.length > 0 && (
        <details class="ss-only-here" data-testid="only-here">
          <summary>
            {onlyHere.length === 1 ? '1 figure appears' : `${onlyHere.length} figures appear`} only in this article
          </summary>
          <ul>
            <PagedList
              items={onlyHere}
              noun="figures"
              render={({ finding, index }) => (
                <li key={index}>
                  <Marked text={finding.sentence} span={figureInSentence(finding)} relation={null} />
                </li>
              )}
            />
          </ul>
        </details>
      )}
    </div>
  );
}

function Empty({ testId, title, children }: { testId: string; title: string; children: ComponentChildren }) {
  return (
    <section class="ss-empty" aria-labelledby={`ss-empty-${testId}`} data-testid={testId}>
      <h3 id={`ss-empty-${testId}`}>{title}</h3>
      {children}
    </section>
  );
}

function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ComponentChildren;
}) {
  return (
    <section class={`ss-section ss-section-${id}`} aria-labelledby={`ss-section-${id}`} data-testid={`section-${id}`}>
      <h3 id={`ss-section-${id}`} class="ss-section-title">
        {title} <span class="ss-count">({count})</span>
      </h3>
      {count === 0 ? <p class="ss-muted ss-section-empty">{empty}</p> : <ol class="ss-items">{children}</ol>}
    </section>
  );
}

/** A sentence with one part marked, rendered as text (never as HTML). */
export function Marked({
  text,
  span,
  relation,
}: {
  text: string;
  span: { start: number; end: number } | null;
  relation: 'differs' | 'agrees' | 'statement' | null;
}) {
  if (!span) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, span.start)}
      <mark class={`ss-mark ss-mark-${relation ?? 'plain'}`}>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end)}
    </span>
  );
}

function RelationBadge({ relation, vague }: { relation: 'differs' | 'agrees' | 'corroborates' | 'conflicts'; vague?: boolean }) {
  const label =
    relation === 'differs'
      ? 'Differs'
      : relation === 'conflicts'
        ? 'Conflicts'
        : relation === 'corroborates'
          ? 'Corroborates'
          : vague
            ? 'Consistent, less precise'
            : 'Agrees';
  const negative = relation === 'differs' || relation === 'conflicts';
  return (
    <span class={`ss-badge ${negative ? 'ss-badge-differs' : 'ss-badge-agrees'}`} data-testid="relation">
      <span aria-hidden="true">{negative ? '≠ ' : '✓ '}</span>
      {label}
    </span>
  );
}

function FigureItem({
  finding,
  index,
  highlighted,
  pagePublished,
  onShow,
  onOpenReport,
}: {
  finding: FigureFinding;
  index: number;
  highlighted: boolean;
  pagePublished: string | null;
  onShow: (index: number) => void;
  onOpenReport: (report: string, sentence: string) => void;
}) {
  const relation = finding.verdict ?? 'agrees';
  const links = linksByReport(finding.reports);
  const points = timelinePoints(finding, pagePublished);
  return (
    <li class={`ss-item ss-item-${relation}`} data-testid="figure-item" data-figure={finding.text}>
      <div class="ss-item-head">
        <span class="ss-figure">
          <RelationBadge relation={relation} /> <strong>{finding.text}</strong>
          <Reading figure={finding} />
        </span>
        <span class="ss-reports-count" data-testid="report-count">
          {reportCount(finding.reports, finding.independent)}
        </span>
      </div>
      {/* A mouse click on the page's sentence does what the button below does; keyboard users have the button. */}
      <blockquote
        class={`ss-quote ss-quote-page${highlighted ? ' ss-clickable' : ''}`}
        onClick={highlighted ? () => onShow(index) : undefined}
      >
        <Marked text={finding.sentence} span={figureInSentence(finding)} relation={relation} />
      </blockquote>
      {highlighted && (
        <button type="button" class="ss-link" onClick={() => onShow(index)} data-testid="show-in-page">
          Show in the article
        </button>
      )}
      {points && <FigureTimeline finding={finding} points={points} />}
      <ItemContext.Provider value={{ kind: 'figure', finding: index }}>
        <ul class="ss-links" aria-label={`Other reports on ${finding.text}`}>
          {links.map((link) => (
            <FigureLinkItem key={`${link.report}:${link.figureStart}`} link={link} pagePublished={pagePublished} onOpenReport={onOpenReport} />
          ))}
        </ul>
        <Dismissed count={finding.dismissed?.length ?? 0}>
          {(finding.dismissed ?? []).map((link) => (
            <FigureLinkItem key={`${link.report}:${link.figureStart}`} link={link} pagePublished={pagePublished} onOpenReport={onOpenReport} />
          ))}
        </Dismissed>
      </ItemContext.Provider>
    </li>
  );
}

function FigureLinkItem({
  link,
  pagePublished,
  onOpenReport,
}: {
  link: FigureLink;
  pagePublished: string | null;
  onOpenReport: (report: string, sentence: string) => void;
}) {
  const timeline = link.published !== pagePublished ? timelinePhrase(pagePublished, link.published) : null;
  const span = link.sentence.slice(link.figureStart, link.figureEnd) === link.text ? { start: link.figureStart, end: link.figureEnd } : null;
  return (
    <li
      class="ss-link-item"
      data-testid="report-link"
      data-report={link.report}
      data-relation={link.relation}
      data-dismissed={link.correction?.decision === 'different' ? '' : undefined}
    >
      <div class="ss-link-head">
        <span class="ss-outlet" data-testid="link-outlet">
          {link.outlet}
        </span>
        {link.published && <time dateTime={link.published}>{shortDate(link.published)}</time>}
        <RelationBadge relation={link.relation} vague={link.vague} />
      </div>
      <blockquote class="ss-quote">
        <Marked text={link.sentence} span={span ?? markFirst(link.sentence, link.text)} relation={link.relation} />
      </blockquote>
      {link.kind && link.value && readingOf(link as Readable) ? (
        <p class="ss-reading-line" data-testid="link-reading">
          “{link.text}” read as <Reading figure={link} bare />
        </p>
      ) : null}
      {timeline && (
        <p class="ss-timeline" data-testid="timeline">
          {timeline}
        </p>
      )}
      <LinkFooter link={link} onOpenReport={onOpenReport} />
    </li>
  );
}

/** The end of every report link: why it was made (the engine's reasons and the reader's), the reader's say, the report. */
function LinkFooter({
  link,
  onOpenReport,
}: {
  link: Pick<StatementLink, 'report' | 'outlet' | 'sentence' | 'reasons' | 'correction'> & { text?: string };
  onOpenReport: (report: string, sentence: string) => void;
}) {
  const onCorrect = useContext(CorrectContext);
  const item = useContext(ItemContext);
  const mine = link.correction ? correctionReason(item.kind, link.correction) : null;
  const reasons = mine ? [...link.reasons, mine] : link.reasons;
  const correct = (decision: Decision | null) => onCorrect?.({ kind: item.kind, finding: item.finding, link: link as FigureLink | StatementLink }, decision);
  const what = `${link.outlet}${link.text ? ` “${link.text}”` : ''}`;
  return (
    <>
      {mine && (
        <p class="ss-mine" data-testid="reader-decision">
          <span aria-hidden="true">{link.correction?.decision === 'same' ? '✓ ' : '≠ '}</span>
          {mine}
        </p>
      )}
      {reasons.length > 0 && (
        <details class="ss-reasons">
          <summary>Why these are linked</summary>
          <ul>
            {reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="ss-link-actions">
        <button type="button" class="ss-link" onClick={() => onOpenReport(link.report, link.sentence)}>
          Open report<span class="ss-visually-hidden"> from {link.outlet}</span>
        </button>
        {onCorrect &&
          (link.correction ? (
            <button type="button" class="ss-link" data-testid="undo-correction" onClick={() => correct(null)}>
              Undo<span class="ss-visually-hidden"> your decision on {what}</span>
            </button>
          ) : (
            <span class="ss-correct" role="group" aria-label={`Is ${what} the same thing?`}>
              <button type="button" class="ss-link" data-testid="correct-different" onClick={() => correct('different')}>
                Not the same thing
              </button>
              <button type="button" class="ss-link" data-testid="correct-same" onClick={() => correct('same')}>
                Right
              </button>
            </span>
          ))}
      </div>
    </>
  );
}

/** The links the reader marked "Not the same thing", folded away under one line, each with its Undo. */
function Dismissed({ count, children }: { count: number; children: ComponentChildren }) {
  if (count === 0) return null;
  return (
    <details class="ss-dismissed" data-testid="dismissed">
      <summary>
        You marked {count === 1 ? '1 link' : `${count} links`} as not the same thing
      </summary>
      <ul class="ss-links">{children}</ul>
    </details>
  );
}

/** How a date or duration was read, at the precision the text gave ("June 2021" for "last June"), or nothing. */
function Reading({ figure, bare = false }: { figure: Partial<Readable> & { text: string }; bare?: boolean }) {
  const reading = figure.kind && figure.value ? readingOf(figure as Readable) : null;
  if (!reading) return null;
  return (
    <span class="ss-reading" data-testid="reading">
      {bare ? reading : ` (${reading})`}
    </span>
  );
}

function markFirst(sentence: string, text: string): { start: number; end: number } | null {
  const at = sentence.indexOf(text);
  return at >= 0 ? { start: at, end: at + text.length } : null;
}

function StatementItem({
  index,
  finding,
  pagePublished,
  onOpenReport,
}: {
  index: number;
  finding: StatementFinding;
  pagePublished: string | null;
  onOpenReport: (report: string, sentence: string) => void;
}) {
  const seen = new Set<string>();
  const links = finding.reports.filter((link) => (seen.has(link.report) ? false : (seen.add(link.report), true)));
  return (
    <li class="ss-item ss-item-statement" data-testid="statement-item">
      <div class="ss-item-head">
        <span class="ss-figure">{finding.speaker ? <strong>{finding.speaker}</strong> : <strong>Statement</strong>}</span>
        <span class="ss-reports-count" data-testid="report-count">
          {reportCount(finding.reports, finding.independent)}
        </span>
      </div>
      <blockquote class="ss-quote ss-quote-page">
        <Marked text={finding.sentence} span={statementInSentence(finding)} relation="statement" />
      </blockquote>
      <ItemContext.Provider value={{ kind: 'statement', finding: index }}>
        {links.length > 0 && (
          <ul class="ss-links" aria-label="Other reports of this statement">
            {links.map((link) => (
              <StatementLinkItem key={link.report} link={link} pagePublished={pagePublished} onOpenReport={onOpenReport} />
            ))}
          </ul>
        )}
        <Dismissed count={finding.dismissed?.length ?? 0}>
          {(finding.dismissed ?? []).map((link) => (
            <StatementLinkItem key={link.report} link={link} pagePublished={pagePublished} onOpenReport={onOpenReport} />
          ))}
        </Dismissed>
      </ItemContext.Provider>
    </li>
  );
}

function StatementLinkItem({
  link,
  pagePublished,
  onOpenReport,
}: {
  link: StatementLink;
  pagePublished: string | null;
  onOpenReport: (report: string, sentence: string) => void;
}) {
  const timeline = link.published !== pagePublished ? timelinePhrase(pagePublished, link.published) : null;
  return (
    <li
      class="ss-link-item"
      data-testid="report-link"
      data-report={link.report}
      data-relation={link.relation}
      data-dismissed={link.correction?.decision === 'different' ? '' : undefined}
    >
      <div class="ss-link-head">
        <span class="ss-outlet" data-testid="link-outlet">
          {link.outlet}
        </span>
        {link.published && <time dateTime={link.published}>{shortDate(link.published)}</time>}
        <RelationBadge relation={link.relation} />
      </div>
      <blockquote class="ss-quote">{link.sentence}</blockquote>
      {timeline && <p class="ss-timeline">{timeline}</p>}
      <LinkFooter link={link} onOpenReport={onOpenReport} />
    </li>
  );
}
