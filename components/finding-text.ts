// Words the reader sees about findings, shared by the sidebar and the page tooltips: summaries, counts, dates, timelines.
import type { CheckResult, FigureFinding, FigureLink, StatementFinding } from '../utils/match/types';
import { readingOf, type Readable } from '../utils/match/precision';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-12-02" → "2 Dec 2021"; anything else as it is. */
export function shortDate(iso: string | null): string | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A figure as written, followed by how it was read when that adds something, at the text's own precision:
 * "next week (24–30 Jan 2022)", "last June (June 2021)", "about an hour (about 1 h)"; "2014" stays "2014".
 */
export function figureWithReading(figure: Partial<Readable> & { text: string }): string {
  const reading = figure.kind && figure.value ? readingOf(figure as Readable) : null;
  return reading ? `${figure.text} (${reading})` : figure.text;
}

/** "12 figures checked: 2 differ from other reports, 5 confirmed, 5 only here". */
export function summaryLine(summary: CheckResult['summary']): string {
  const differ = `${summary.differ} ${summary.differ === 1 ? 'differs' : 'differ'} from other reports`;
  return `${plural(summary.figures, 'figure')} checked: ${differ}, ${summary.confirmed} confirmed, ${summary.onlyHere} only here`;
}

/** Distinct reports among the links (a report can link twice, with two of its sentences). */
export function reportIds(links: readonly { report: string }[]): string[] {
  return [...new Set(links.map((link) => link.report))];
}

/** "3 reports (2 independent)" where copies of one wire story collapse; "1 report" or "4 reports" otherwise. */
export function reportCount(links: readonly { report: string }[], independent: number): string {
  const n = reportIds(links).length;
  return independent > 0 && independent < n ? `${plural(n, 'report')} (${independent} independent)` : plural(n, 'report');
}

/** Whole days from ISO date a to ISO date b (positive when b is later), or null. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.round((tb - ta) / 86_400_000);
}

function span(days: number): string {
  const d = Math.abs(days);
  if (d < 14) return plural(d, 'day');
  if (d < 61) return plural(Math.round(d / 7), 'week');
  if (d < 730) return plural(Math.round(d / 30.44), 'month');
  return plural(Math.round(d / 365.25), 'year');
}

/** "Published 7 weeks after this article" / "… before …" / "Published the same day"; null when a date is unknown. */
export function timelinePhrase(pagePublished: string | null, reportPublished: string | null): string | null {
  const days = daysBetween(pagePublished, reportPublished);
  if (days === null) return null;
  if (days === 0) return 'Published the same day as this article';
  return `Published ${span(days)} ${days > 0 ? 'after' : 'before'} this article`;
}

/** The links of a figure, one per report (its first link), the differing ones first. */
export function linksByReport(links: readonly FigureLink[]): FigureLink[] {
  const seen = new Set<string>();
  const first: FigureLink[] = [];
  for (const link of [...links].sort((a, b) => Number(b.relation === 'differs') - Number(a.relation === 'differs'))) {
    if (seen.has(link.report)) continue;
    seen.add(link.report);
    first.push(link);
  }
  return first;
}

/** What a highlight's tooltip says: a heading line, then what (up to three) other reports say. */
export function tooltipLines(finding: FigureFinding, max = 3): { head: string; lines: string[]; more: string | null } {
  const reports = linksByReport(finding.reports);
  const differing = reports.filter((link) => link.relation === 'differs').length;
  const head =
    finding.verdict === 'differs'
      ? `Differs from ${differing} of ${plural(reports.length, 'other report')}`
      : `Confirmed by ${plural(reports.length, 'other report')}`;
  const lines = reports.slice(0, max).map((link) => {
    const when = shortDate(link.published);
    const verb = link.relation === 'differs' ? 'says' : link.vague ? 'says, less precisely,' : 'also says';
    const reading = link.kind && link.value ? readingOf(link as Readable) : null;
    return `${link.outlet}${when ? ` (${when})` : ''} ${verb} “${link.text}”${reading ? ` (${reading})` : ''}`;
  });
  const rest = reports.length - lines.length;
  return { head, lines, more: rest > 0 ? `and ${plural(rest, 'more report')}: see the Second Source panel` : null };
}

/** What a statement highlight's tooltip says: who else reports the words, up to three reports by name. */
export function statementTooltipLines(finding: StatementFinding, max = 3): { head: string; lines: string[]; more: string | null } {
  const seen = new Set<string>();
  const reports = finding.reports.filter((link) => (seen.has(link.report) ? false : (seen.add(link.report), true)));
  const conflicting = reports.filter((link) => link.relation === 'conflicts').length;
  const who = finding.speaker ? `${finding.speaker}’s words` : 'These words';
  const head =
    conflicting > 0
      ? `${who}: ${conflicting} of ${plural(reports.length, 'other report')} ${conflicting === 1 ? 'gives' : 'give'} them otherwise`
      : `${who} are also in ${plural(reports.length, 'other report')}`;
  const lines = reports.slice(0, max).map((link) => {
    const when = shortDate(link.published);
    return `${link.outlet}${when ? ` (${when})` : ''} ${link.relation === 'conflicts' ? 'reports otherwise' : 'reports them too'}`;
  });
  const rest = reports.length - lines.length;
  return { head, lines, more: rest > 0 ? `and ${plural(rest, 'more report')}: see the Second Source panel` : null };
}

/** The figure's place inside its sentence: the stated offsets when they hold, else its first occurrence. */
export function figureInSentence(finding: Pick<FigureFinding, 'text' | 'sentence' | 'start' | 'sentenceStart'>): {
  start: number;
  end: number;
} | null {
  const start = finding.start - finding.sentenceStart;
  if (finding.sentence.slice(start, start + finding.text.length) === finding.text) {
    return { start, end: start + finding.text.length };
  }
  const at = finding.sentence.indexOf(finding.text);
  return at >= 0 ? { start: at, end: at + finding.text.length } : null;
}

/** The statement's quoted words inside its sentence, or null when they are not found verbatim. */
export function statementInSentence(finding: Pick<StatementFinding, 'text' | 'sentence'>): { start: number; end: number } | null {
  const at = finding.sentence.indexOf(finding.text);
  return at >= 0 ? { start: at, end: at + finding.text.length } : null;
}
