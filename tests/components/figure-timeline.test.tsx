// @vitest-environment happy-dom
// A figure's timeline: drawn only for 3+ reports at different dates; the page's value marked; the same facts as a list.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { FigureTimeline, timelinePoints } from '../../components/figure-timeline';
import type { FigureFinding, FigureLink } from '../../utils/match/types';

afterEach(cleanup);

function link(report: string, published: string, text: string, value: FigureLink['value'], relation: FigureLink['relation'] = 'differs'): FigureLink {
  return {
    report,
    outlet: `Outlet ${report}`,
    published,
    text,
    sentence: `They counted ${text} troops.`,
    relation,
    vague: false,
    timeline: 'later',
    attribution: null,
    reasons: [],
    cluster: report,
    figureStart: 13,
    figureEnd: 13 + text.length,
    value,
    kind: 'count',
  };
}

const point = (n: number) => ({ low: n, high: n, point: n, vague: false });

function troops(reports: FigureLink[]): FigureFinding {
  return {
    text: '100,000',
    sentence: 'There are 100,000 troops.',
    kind: 'count',
    value: point(100_000),
    start: 10,
    end: 17,
    sentenceStart: 0,
    attribution: null,
    reports,
    independent: reports.length,
    verdict: 'differs',
  };
}

const THREE = [
  link('a', '2022-01-23', '127,000', point(127_000)),
  link('b', '2022-02-10', '150,000', point(150_000)),
  link('c', '2021-12-10', 'more than 114,000', { low: 114_000, high: null, point: 114_000, vague: false }),
  { ...link('e', '2021-12-20', 'an estimated 100,000', { low: 90_000, high: 110_000, point: 100_000, vague: false }), qualifier: 'about' },
  link('d', '2022-01-30', 'tens of thousands', { low: 20_000, high: 90_000, point: 20_000, vague: true }, 'agrees'),
];

describe('timelinePoints', () => {
  it('puts the reports and the page in date order, ranges as ranges', () => {
    const points = timelinePoints(troops(THREE), '2021-12-02');
    expect(points?.map((p) => [p.date, p.text, p.page, p.range])).toEqual([
      ['2021-12-02', '100,000', true, false],
      ['2021-12-10', 'more than 114,000', false, true],
      ['2021-12-20', 'an estimated 100,000', false, false],
      ['2022-01-23', '127,000', false, false],
      ['2022-01-30', 'tens of thousands', false, true],
      ['2022-02-10', '150,000', false, false],
    ]);
  });

  it.each([
    ['two reports', THREE.slice(0, 2)],
    ['three reports on two dates', [THREE[0]!, THREE[1]!, { ...THREE[2]!, published: THREE[0]!.published }]],
  ])('draws nothing for %s', (_, reports) => {
    expect(timelinePoints(troops(reports), '2021-12-02')).toBeNull();
  });

  it('draws nothing for dates, which are when things happen, not how many', () => {
    expect(timelinePoints({ ...troops(THREE), kind: 'date' }, '2021-12-02')).toBeNull();
  });
});

describe('FigureTimeline', () => {
  it('is an image with a text alternative, marks the page, and lists the same facts', () => {
    const finding = troops(THREE);
    render(<FigureTimeline finding={finding} points={timelinePoints(finding, '2021-12-02')!} />);
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toBe(
      '100,000 over time: This article, 2 Dec 2021: 100,000; Outlet c, 10 Dec 2021: more than 114,000; Outlet e, 20 Dec 2021: an estimated 100,000; Outlet a, 23 Jan 2022: 127,000; Outlet d, 30 Jan 2022: tens of thousands; Outlet b, 10 Feb 2022: 150,000.',
    );
    expect(screen.getAllByTestId('timeline-point')).toHaveLength(6);
    expect(screen.getAllByTestId('timeline-point').filter((g) => g.dataset.page === 'true')).toHaveLength(1);
    const items = within(screen.getByTestId('timeline-list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '2 Dec 2021 · This article: “100,000” (this article)',
      '10 Dec 2021 · Outlet c: “more than 114,000” (a range)',
      '20 Dec 2021 · Outlet e: “an estimated 100,000”',
      '23 Jan 2022 · Outlet a: “127,000”',
      '30 Jan 2022 · Outlet d: “tens of thousands” (a range)',
      '10 Feb 2022 · Outlet b: “150,000”',
    ]);
  });
});
