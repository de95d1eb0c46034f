// @vitest-environment happy-dom
// The report viewer: metadata, text as text, the matched sentence marked (exact, re-spaced or nearly the same) and in view.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { ReportView } from '../../components/reports/report-view';
import { findSentence, splitParagraph } from '../../components/reports/find-sentence';
import type { StoredReport } from '../../utils/corpus/protocol-types';

afterEach(cleanup);

const TEXT =
  'GENEVA (AFP) - Russia has massed more than 100,000 troops near the border, officials said on Friday.\n\n' +
  'Talks between the two ministers lasted about 90 minutes. <script>alert("x")</script> was not run.\n\n' +
  'The next round is expected in February.';

function stored(overrides: Partial<StoredReport['meta']> = {}, extra: Partial<StoredReport> = {}): StoredReport {
  const paragraphs = [
    { start: 0, end: TEXT.indexOf('\n\n') },
    { start: TEXT.indexOf('Talks'), end: TEXT.lastIndexOf('\n\n') },
    { start: TEXT.indexOf('The next'), end: TEXT.length },
  ];
  return {
    meta: {
      id: 'r-geneva',
      origin: 'bundled',
      url: 'https://example.org/geneva',
      outlet: 'France 24',
      headline: 'Geneva talks end without a breakthrough',
      published: '2022-01-21',
      dateline: 'Geneva',
      agencies: ['AFP'],
      translatedFrom: 'fr',
      event: 'Blinken-Lavrov talks in Geneva',
      inferred: [{ field: 'outlet', reason: 'The page footer names the site.' }],
      ...overrides,
    },
    text: TEXT,
    paragraphs,
    sentences: [
      { start: 0, end: TEXT.indexOf('\n\n') },
      { start: TEXT.indexOf('Talks'), end: TEXT.indexOf(' <script>') },
      { start: TEXT.indexOf('The next'), end: TEXT.length },
    ],
    analysis: null,
    addedAt: Date.UTC(2026, 10, 20, 9, 0),
    updatedAt: Date.UTC(2026, 10, 20, 9, 0),
    hidden: false,
    deleted: false,
    ...extra,
  };
}

describe('findSentence', () => {
  it.each([
    ['exact', 'Talks between the two ministers lasted about 90 minutes.', 'Talks between the two ministers lasted about 90 minutes.'],
    ['other spacing and case', 'talks  between the two\nministers lasted about 90 minutes', 'Talks between the two ministers lasted about 90 minutes'],
    ['nearly the same words', 'Talks between both ministers lasted about 90 minutes.', 'Talks between the two ministers lasted about 90 minutes.'],
  ])('finds the sentence given %s', (_case, wanted, expected) => {
    const report = stored();
    const span = findSentence(TEXT, wanted, report.sentences);
    expect(span && TEXT.slice(span.start, span.end)).toBe(expected);
  });

  it('finds nothing for an unrelated sentence, or none asked', () => {
    expect(findSentence(TEXT, 'Oil prices rose sharply in Asian trading on Monday.', stored().sentences)).toBeNull();
    expect(findSentence(TEXT, null)).toBeNull();
    expect(findSentence(TEXT, '   ')).toBeNull();
  });

  it('splits a paragraph around the highlight', () => {
    expect(splitParagraph('abcdef', { start: 0, end: 6 }, { start: 2, end: 4 })).toEqual([
      { text: 'ab', marked: false },
      { text: 'cd', marked: true },
      { text: 'ef', marked: false },
    ]);
    expect(splitParagraph('abcdef', { start: 0, end: 6 }, { start: 7, end: 9 })).toEqual([{ text: 'abcdef', marked: false }]);
  });
});

describe('ReportView', () => {
  it('shows the metadata: outlet, headline, dates, dateline, agencies, translation, origin and inferred fields with reasons', () => {
    render(<ReportView state={{ kind: 'report', report: stored() }} sentence={null} utc />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Geneva talks end without a breakthrough');
    const meta = screen.getByTestId('viewer-meta');
    const value = (label: string) =>
      within(meta)
        .getAllByRole('term')
        .find((dt) => dt.textContent === label)
        ?.nextElementSibling?.textContent;
    expect(value('Outlet')).toBe('France 24');
    expect(value('Published')).toBe('21 January 2022');
    expect(value('Dateline')).toBe('Geneva');
    expect(value('Agencies')).toBe('AFP');
    expect(value('Translated from')).toBe('French');
    expect(value('Origin')).toBe('Bundled Shipped with Second Source.');
    expect(value('Added')).toBe('20 Nov 2026, 09:00');
    expect(value('Event')).toBe('Blinken-Lavrov talks in Geneva');
    expect(within(screen.getByTestId('viewer-inferred')).getByRole('listitem').textContent).toBe('outlet: The page footer names the site.');
    expect(screen.getByRole('link', { name: 'https://example.org/geneva' }).getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders the report text as text: markup in it stays characters', () => {
    const { container } = render(<ReportView state={{ kind: 'report', report: stored() }} sentence={null} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert("x")</script> was not run.');
    expect(container.querySelectorAll('.rv-text p')).toHaveLength(3);
  });

  it('never links a javascript: address', () => {
    render(<ReportView state={{ kind: 'report', report: stored({ url: 'javascript:alert(1)' }) }} sentence={null} />);
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });

  it('marks the matched sentence, scrolls it into view and focuses it', () => {
    const scrolled = vi.fn();
    HTMLElement.prototype.scrollIntoView = scrolled;
    render(<ReportView state={{ kind: 'report', report: stored() }} sentence="Talks between the two ministers lasted about 90 minutes." />);
    const marks = screen.getAllByTestId('viewer-match');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.tagName).toBe('MARK');
    expect(marks[0]!.textContent).toBe('Matched sentence: Talks between the two ministers lasted about 90 minutes.');
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    expect(document.activeElement).toBe(marks[0]);
    expect(screen.getByTestId('viewer-match-note').textContent).toContain('highlighted below');
  });

  it('says so when the sentence is not in the report, and marks nothing', () => {
    render(<ReportView state={{ kind: 'report', report: stored() }} sentence="Oil prices rose sharply in Asian trading." />);
    expect(screen.queryAllByTestId('viewer-match')).toHaveLength(0);
    expect(screen.getByTestId('viewer-match-note').textContent).toContain('could not be found');
  });

  it('flags a hidden report, and explains a missing one', () => {
    const { unmount } = render(<ReportView state={{ kind: 'report', report: stored({}, { hidden: true }) }} sentence={null} />);
    expect(screen.getByRole('note').textContent).toContain('Hidden:');
    unmount();
    render(<ReportView state={{ kind: 'missing', id: 'gone-1' }} sentence={null} reportsHref="options.html" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Report not found');
    // A reader never sees an id.
    expect(screen.getByRole('alert').textContent).not.toContain('gone-1');
    expect(screen.getByRole('alert').textContent).toContain('This report is not in your corpus.');
    expect(screen.getByRole('link', { name: '← My reports' }).getAttribute('href')).toBe('options.html');
  });
});
