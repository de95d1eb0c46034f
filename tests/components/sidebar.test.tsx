// @vitest-environment happy-dom
// The sidebar renders what it is given: states, sections in order, empty states, untrusted text as text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { Sidebar, type SidebarState } from '../../components/sidebar';
import type { CheckResult, FigureFinding } from '../../utils/match/types';

afterEach(cleanup);

const article = { title: 'Talks in Geneva', outlet: 'The Ledger', published: '2022-01-21', sentences: 12 };

function figure(text: string, verdict: FigureFinding['verdict'], reports: FigureFinding['reports'] = []): FigureFinding {
  const sentence = `Officials counted ${text} troops near the border.`;
  return {
    text,
    sentence,
    kind: 'count',
    value: { low: 1, high: 1, point: 1, vague: false },
    start: 100 + 'Officials counted '.length,
    end: 100 + 'Officials counted '.length + text.length,
    sentenceStart: 100,
    attribution: null,
    reports,
    independent: new Set(reports.map((r) => r.report)).size,
    verdict,
  };
}

function result(partial: Partial<CheckResult>): CheckResult {
  return {
    article: { title: 'Talks in Geneva', published: '2022-01-21', corpusId: null, url: null, siteName: 'The Ledger' },
    figures: [],
    statements: [],
    summary: { figures: 0, differ: 0, confirmed: 0, onlyHere: 0 },
    corpusSize: 5,
    declined: null,
    ...partial,
  };
}

const link = (report: string, relation: 'agrees' | 'differs', text: string) => ({
  report,
  outlet: `Outlet ${report}`,
  published: '2022-02-02',
  text,
  sentence: `Reports say ${text} troops.`,
  relation,
  vague: false,
  timeline: 'later' as const,
  attribution: null,
  reasons: ['Both count the same thing.'],
  cluster: report,
  figureStart: 'Reports say '.length,
  figureEnd: 'Reports say '.length + text.length,
});

function show(state: SidebarState, handlers: { onShowFigure?: (i: number) => void; onOpenReport?: (r: string, s: string) => void } = {}) {
  const onClose = vi.fn();
  render(<Sidebar state={state} onClose={onClose} {...handlers} />);
  return { onClose };
}

describe('Sidebar', () => {
  it('is a labelled landmark with a named close button that calls onClose', () => {
    const { onClose } = show({ kind: 'reading' });
    expect(screen.getByRole('complementary', { name: 'Second Source' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close Second Source' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Reading the article');
  });

  it('tells the reader when the page has no article', () => {
    show({ kind: 'no-article', reason: 'This page does not look like an article.' });
    expect(screen.getByRole('heading', { name: 'No article found on this page' })).toBeTruthy();
    expect(screen.getByText('This page does not look like an article.')).toBeTruthy();
  });

  it('shows progress while the check runs, and it is not settled yet', () => {
    show({ kind: 'article', article, corpus: { reports: 5 }, corpusError: null, check: { status: 'working' } });
    expect(screen.getByTestId('checking').textContent).toBe('Checking 12 sentences against 5 reports…');
    expect(screen.getByTestId('second-source-sidebar').dataset.state).toBe('working');
  });

  it.each([
    ['declined', result({ declined: 'The page is in another language (fr).' }), 'This article was not checked'],
    ['no-figures', result({}), 'No figures in this article'],
    [
      'not-covered',
      result({ figures: [figure('40', null)], summary: { figures: 1, differ: 0, confirmed: 0, onlyHere: 1 } }),
      'Nothing in your corpus covers this story',
    ],
  ])('says something true when %s', (testId, check, heading) => {
    show({ kind: 'article', article, corpus: { reports: 5 }, corpusError: null, check: { status: 'done', result: check, highlighted: new Set() } });
    expect(within(screen.getByTestId(testId)).getByRole('heading').textContent).toBe(heading);
    expect(screen.getByTestId('second-source-sidebar').dataset.state).toBe('done');
  });

  it('lists differing, then confirmed figures, then statements, each with other reports, and wires its buttons', () => {
    const onShowFigure = vi.fn();
    const onOpenReport = vi.fn();
    const figures = [
      figure('2014', 'agrees', [link('b', 'agrees', '2014')]),
      figure('more than 114,000', 'differs', [link('a', 'differs', 'more than 100,000'), link('c', 'agrees', 'tens of thousands')]),
    ];
    const check = result({ figures, summary: { figures: 2, differ: 1, confirmed: 1, onlyHere: 0 } });
    show(
      { kind: 'article', article, corpus: { reports: 5 }, corpusError: null, check: { status: 'done', result: check, highlighted: new Set([1]) } },
      { onShowFigure, onOpenReport },
    );
    expect(screen.getByTestId('summary').textContent).toBe('2 figures checked: 1 differs from other reports, 1 confirmed, 0 only here');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(1)).toEqual([
      'Differ from other reports (1)',
      'Confirmed by other reports (1)',
      'Statements corroborated by other reports (0)',
    ]);
    const differing = within(screen.getByTestId('section-differs')).getByTestId('figure-item');
    expect(within(differing).getAllByTestId('report-link').map((li) => li.dataset.report)).toEqual(['a', 'c']);
    expect(differing.querySelector('blockquote mark')?.textContent).toBe('more than 114,000');
    fireEvent.click(within(differing).getByTestId('show-in-page'));
    expect(onShowFigure).toHaveBeenCalledWith(1);
    fireEvent.click(within(differing).getAllByRole('button', { name: /Open report/ })[0]!);
    expect(onOpenReport).toHaveBeenCalledWith('a', 'Reports say more than 100,000 troops.');
    // Not highlighted in the page: no "Show in the article" for it.
    expect(within(screen.getByTestId('section-confirmed')).queryByTestId('show-in-page')).toBeNull();
  });

  it('puts the article in one line (outlet · date · N reports checked) and the rest behind a disclosure', () => {
    show({ kind: 'article', article, corpus: { reports: 5 }, corpusError: null });
    expect(screen.getByTestId('article-line').textContent).toBe('The Ledger · 21 January 2022 · 5 reports checked');
    const details = screen.getByTestId('article-details') as HTMLDetailsElement;
    expect(details.tagName).toBe('DETAILS');
    expect(details.open).toBe(false);
    expect(within(details).getByTestId('title').textContent).toBe('Talks in Geneva');
    expect(within(details).getByTestId('sentences').textContent).toBe('12');
  });

  it('shows a date at the precision the text gave: "last June (June 2021)", never its first day', () => {
    const june = { start: '2021-06-01', end: '2021-06-30', granularity: 'month' as const };
    const other = { ...link('a', 'agrees', 'June 2021'), kind: 'date' as const, value: { low: 1, high: 30, point: 1, vague: false }, date: june, reasons: ['Same month: June 2021.'] };
    const lastJune = { ...figure('last June', 'agrees', [other]), kind: 'date' as const, date: june };
    const check = result({ figures: [lastJune], summary: { figures: 1, differ: 0, confirmed: 1, onlyHere: 0 } });
    show({ kind: 'article', article, corpus: { reports: 5 }, corpusError: null, check: { status: 'done', result: check, highlighted: new Set() } });
    const item = within(screen.getByTestId('section-confirmed')).getByTestId('figure-item');
    expect(within(item).getAllByTestId('reading')[0]!.textContent).toBe(' (June 2021)');
    expect(item.textContent).not.toMatch(/1 Jun 2021/);
  });

  it('renders page and corpus text as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)">';
    show({ kind: 'article', article: { ...article, title: evil, outlet: evil }, corpus: { reports: 1 }, corpusError: null });
    expect(screen.getByTestId('title').textContent).toBe(evil);
    expect(document.querySelector('img')).toBeNull();
  });
});
