// A figure's timeline: each report's value at its date as a small inline SVG, with the same facts as a list.
import type { FigureFinding, FigureLink } from '../utils/match/types';
import { linksByReport, shortDate } from './finding-text';

/** One value on the timeline: the page's or a report's. */
export interface TimelinePoint {
  /** ISO date (YYYY-MM-DD) of publication. */
  date: string;
  /** Who gives it: the report's outlet, or "This article". */
  source: string;
  /** The figure as written ("more than 5,000", "tens of thousands"). */
  text: string;
  low: number;
  /** null: open upwards ("more than 5,000" is at least 5,000). */
  high: number | null;
  point: number;
  /** Drawn as a range, not a point: a vague value ("tens of thousands") or a stated range. */
  range: boolean;
  /** A vague amount: drawn as its range only, with no point (its "point" is only the low end). */
  vague: boolean;
  page: boolean;
  relation: FigureLink['relation'] | null;
}

/** Kinds whose values sit on a number line; dates and times are when things happen, not how many. */
const PLOTTED = new Set(['count', 'money', 'percent', 'duration', 'measure', 'frequency']);

/**
 * The points of a figure's timeline, oldest first, or null when there is none to draw: fewer than three other
 * reports, fewer than three publication dates among them, or a kind that is not a quantity.
 */
export function timelinePoints(finding: FigureFinding, pagePublished: string | null): TimelinePoint[] | null {
  if (!PLOTTED.has(finding.kind)) return null;
  const reports = linksByReport(finding.reports).filter(
    (link): link is FigureLink & { published: string; value: NonNullable<FigureLink['value']> } => Boolean(link.published && link.value),
  );
  if (reports.length < 3 || new Set(reports.map((link) => link.published.slice(0, 10))).size < 3) return null;
  // A range is what the text states as one: a vague amount, an open "more than", or "between"/"10,000-12,000".
  // "an estimated 100,000" is a point: the engine's ±10% around it is its tolerance, not the text's claim.
  const range = (value: { low: number; high: number | null; vague: boolean }, qualifier: string | null | undefined) =>
    value.vague || value.high === null || ((qualifier === 'between' || !qualifier) && value.high > value.low);
  const points: TimelinePoint[] = reports.map((link) => ({
    date: link.published.slice(0, 10),
    source: link.outlet,
    text: link.text,
    low: link.value.low,
    high: link.value.high,
    point: link.value.point,
    vague: link.value.vague,
    range: range(link.value, link.qualifier),
    page: false,
    relation: link.relation,
  }));
  if (pagePublished) {
    points.push({
      date: pagePublished.slice(0, 10),
      source: 'This article',
      text: finding.text,
      low: finding.value.low,
      high: finding.value.high,
      point: finding.value.point,
      vague: finding.value.vague,
      range: range(finding.value, finding.qualifier),
      page: true,
      relation: null,
    });
  }
  return points.sort((a, b) => a.date.localeCompare(b.date) || Number(b.page) - Number(a.page));
}

const WIDTH = 320;
const HEIGHT = 112;
const PAD = { left: 44, right: 12, top: 12, bottom: 24 };
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 2 });

/** The figure's values over time, drawn (for sighted readers) and listed (for everyone, and the keyboard). */
export function FigureTimeline({ finding, points }: { finding: FigureFinding; points: TimelinePoint[] }) {
  const days = points.map((p) => Date.parse(p.date) / 86_400_000);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const tops = points.map((p) => p.high ?? p.point);
  const lows = points.map((p) => p.low);
  // An open range ("more than 5,000") reaches a little above the highest stated value.
  const ceiling = Math.max(...tops, ...points.map((p) => p.point)) * 1.1;
  const floor = Math.min(...lows) * 0.9;
  const x = (day: number) => PAD.left + (last === first ? 0.5 : (day - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - floor) / (ceiling - floor || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const summary = `${finding.text} over time: ${points.map((p) => `${p.source}, ${shortDate(p.date)}: ${p.text}`).join('; ')}.`;
  return (
    <figure class="ss-chart" data-testid="figure-timeline">
      {/* The picture's text alternative is its label; the list below gives the same facts to the keyboard too. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} class="ss-chart-svg">
        <line class="ss-chart-axis" x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} />
        <line class="ss-chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} />
        <text class="ss-chart-label" x={PAD.left - 4} y={y(ceiling) + 4} text-anchor="end">
          {compact.format(ceiling)}
        </text>
        <text class="ss-chart-label" x={PAD.left - 4} y={y(floor)} text-anchor="end">
          {compact.format(floor)}
        </text>
        <text class="ss-chart-label" x={PAD.left} y={HEIGHT - 6} text-anchor="start">
          {shortDate(points[0]?.date ?? null)}
        </text>
        <text class="ss-chart-label" x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
          {shortDate(points.at(-1)?.date ?? null)}
        </text>
        {points.map((p, i) => {
          const cx = x(days[i] as number);
          const kind = p.page ? 'page' : (p.relation ?? 'agrees');
          return (
            <g key={i} class={`ss-chart-point ss-chart-${kind}`} data-testid="timeline-point" data-page={p.page ? 'true' : undefined}>
              {p.range && (
                <line class="ss-chart-range" x1={cx} x2={cx} y1={y(p.low)} y2={y(p.high ?? ceiling)} />
              )}
              {p.range && p.high === null && <path class="ss-chart-open" d={`M${cx - 4},${y(ceiling) + 5} L${cx},${y(ceiling)} L${cx + 4},${y(ceiling) + 5}`} />}
              {p.vague ? (
                // A vague amount has no point of its own: only its range, with its two ends marked.
                <path class="ss-chart-ends" d={`M${cx - 4},${y(p.low)} H${cx + 4} M${cx - 4},${y(p.high ?? ceiling)} H${cx + 4}`} />
              ) : p.page ? (
                // The page's value is a diamond, the reports' are circles: shape, not colour alone, tells them apart.
                <path class="ss-chart-mark" d={`M${cx},${y(p.point) - 6} L${cx + 6},${y(p.point)} L${cx},${y(p.point) + 6} L${cx - 6},${y(p.point)} Z`} />
              ) : (
                <circle class="ss-chart-mark" cx={cx} cy={y(p.point)} r={4} />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="ss-chart-caption">
        <span aria-hidden="true">◆ this article · ● other reports · │ a range</span>
      </figcaption>
      <details class="ss-chart-list">
        <summary>The timeline as a list</summary>
        <ol aria-label={`${finding.text} over time`} data-testid="timeline-list">
          {points.map((p, i) => (
            <li key={i}>
              <time dateTime={p.date}>{shortDate(p.date)}</time> · {p.source}: “{p.text}”
              {p.page ? ' (this article)' : p.range ? ' (a range)' : ''}
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
