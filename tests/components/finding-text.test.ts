// The words the reader sees about findings: summary line, report counts, timelines, tooltip lines, figure offsets.
import { describe, expect, it } from 'vitest';
import {
  figureInSentence,
  figureWithReading,
  statementTooltipLines,
  linksByReport,
  reportCount,
  shortDate,
  summaryLine,
  timelinePhrase,
  tooltipLines,
} from '../../components/finding-text';
import type { FigureFinding, FigureLink } from '../../utils/match/types';

function link(report: string, relation: 'agrees' | 'differs', extra: Partial<FigureLink> = {}): FigureLink {
  return {
    report,
    outlet: `Outlet ${report}`,
    published: '2022-01-21',
    text: '100,000',
    sentence: 'About 100,000 troops.',
    relation,
    vague: false,
    timeline: 'later',
    attribution: null,
    reasons: [],
    cluster: report,
    figureStart: 6,
    figureEnd: 13,
    ...extra,
  };
}

describe('summaryLine', () => {
  it.each([
    [{ figures: 12, differ: 2, confirmed: 5, onlyHere: 5 }, '12 figures checked: 2 differ from other reports, 5 confirmed, 5 only here'],
    [{ figures: 1, differ: 1, confirmed: 0, onlyHere: 0 }, '1 figure checked: 1 differs from other reports, 0 confirmed, 0 only here'],
  ])('%o reads "%s"', (summary, expected) => {
    expect(summaryLine(summary)).toBe(expected);
  });
});

describe('reportCount', () => {
  it('collapses wire copies: "3 reports (2 independent)"', () => {
    expect(reportCount([{ report: 'a' }, { report: 'b' }, { report: 'c' }], 2)).toBe('3 reports (2 independent)');
  });
  it('counts a report linked twice once, and says nothing more when all are independent', () => {
    expect(reportCount([{ report: 'a' }, { report: 'a' }, { report: 'b' }], 2)).toBe('2 reports');
    expect(reportCount([{ report: 'a' }], 1)).toBe('1 report');
  });
});

describe('timelinePhrase', () => {
  it.each([
    ['2021-12-02', '2021-12-02', 'Published the same day as this article'],
    ['2021-12-02', '2021-12-05', 'Published 3 days after this article'],
    ['2021-12-02', '2022-01-21', 'Published 7 weeks after this article'],
    ['2022-02-02', '2021-12-02', 'Published 2 months before this article'],
    ['2020-01-01', '2023-01-01', 'Published 3 years after this article'],
  ])('%s then %s: "%s"', (page, report, expected) => {
    expect(timelinePhrase(page, report)).toBe(expected);
  });
  it('says nothing when a date is unknown', () => {
    expect(timelinePhrase(null, '2022-01-01')).toBeNull();
    expect(timelinePhrase('2022-01-01', 'soon')).toBeNull();
  });
});

describe('shortDate', () => {
  it('formats ISO dates and leaves anything else alone', () => {
    expect(shortDate('2021-12-02')).toBe('2 Dec 2021');
    expect(shortDate('2021-12-02T10:00:00Z')).toBe('2 Dec 2021');
    expect(shortDate('yesterday')).toBe('yesterday');
    expect(shortDate(null)).toBeNull();
  });
});

describe('tooltipLines and linksByReport', () => {
  const finding = {
    text: 'more than 114,000',
    verdict: 'differs',
    reports: [
      link('a', 'agrees', { vague: true, text: 'tens of thousands' }),
      link('b', 'differs', { text: 'an estimated 100,000' }),
      link('b', 'agrees'),
      link('c', 'differs', { published: null, text: 'more than 100,000' }),
      link('d', 'agrees'),
    ],
  } as unknown as FigureFinding;

  it('keeps one link per report, the differing ones first', () => {
    expect(linksByReport(finding.reports).map((l) => `${l.report}:${l.relation}`)).toEqual(['b:differs', 'c:differs', 'a:agrees', 'd:agrees']);
  });

  it('names the other reports and what they say, then how many more there are', () => {
    expect(tooltipLines(finding)).toEqual({
      head: 'Differs from 2 of 4 other reports',
      lines: [
        'Outlet b (21 Jan 2022) says “an estimated 100,000”',
        'Outlet c says “more than 100,000”',
        'Outlet a (21 Jan 2022) says, less precisely, “tens of thousands”',
      ],
      more: 'and 1 more report: see the Second Source panel',
    });
  });
});

describe('figureInSentence', () => {
  it('uses the stated offsets when they hold, else the first occurrence', () => {
    const sentence = 'Of 100 ships, 100 were late.';
    expect(figureInSentence({ text: '100', sentence, start: 1014, sentenceStart: 1000 })).toEqual({ start: 14, end: 17 });
    expect(figureInSentence({ text: '100', sentence, start: 5, sentenceStart: 0 })).toEqual({ start: 3, end: 6 });
    expect(figureInSentence({ text: '250', sentence, start: 0, sentenceStart: 0 })).toBeNull();
  });
});

describe('figureWithReading', () => {
  it.each([
    [{ text: 'next week', kind: 'date' as const, value: { low: 0, high: 6, point: 0, vague: false }, date: { start: '2022-01-24', end: '2022-01-30', granularity: 'week' as const } }, 'next week (24–30 Jan 2022)'],
    [{ text: 'about an hour', kind: 'duration' as const, value: { low: 54, high: 66, point: 60, vague: false }, qualifier: 'about' }, 'about an hour (about 1 h)'],
    [{ text: '2014', kind: 'year' as const, value: { low: 2014, high: 2014, point: 2014, vague: false }, date: { start: '2014-01-01', end: '2014-12-31', granularity: 'year' as const } }, '2014'],
    [{ text: 'more than 114,000' }, 'more than 114,000'],
  ])('%j → %s', (figure, expected) => {
    expect(figureWithReading(figure)).toBe(expected);
  });
});

describe('statementTooltipLines', () => {
  const link = (report: string, relation: 'corroborates' | 'conflicts') => ({ report, outlet: `Outlet ${report}`, published: '2022-01-22', sentence: 's', relation, reasons: [], cluster: report });
  const said = (reports: ReturnType<typeof link>[]) => ({ sentence: 's', text: 't', speaker: 'Blinken', start: 0, end: 1, reports, independent: reports.length });

  it('names the reports that give the words too', () => {
    expect(statementTooltipLines(said([link('a', 'corroborates'), link('a', 'corroborates'), link('b', 'corroborates')]))).toEqual({
      head: 'Blinken’s words are also in 2 other reports',
      lines: ['Outlet a (22 Jan 2022) reports them too', 'Outlet b (22 Jan 2022) reports them too'],
      more: null,
    });
  });

  it('says when a report gives them otherwise', () => {
    expect(statementTooltipLines(said([link('a', 'conflicts'), link('b', 'corroborates')])).head).toBe('Blinken’s words: 1 of 2 other reports gives them otherwise');
  });
});
