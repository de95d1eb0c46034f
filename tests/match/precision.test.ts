// Dates and durations are told at the precision the text gave, in the sidebar's words and in the links' reasons.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleInput, Figure } from '../../utils/analysis/types';
import { compareValues } from '../../utils/match/quantity';
import { formatDuration, formatPeriod, readingOf } from '../../utils/match/precision';

function figures(text: string, published = '2022-01-20'): Figure[] {
  const input: ArticleInput = { text, published, lang: 'en', title: 'A story', url: null, siteName: null } as ArticleInput;
  return analyzeArticle(input).figures;
}

describe('formatPeriod', () => {
  it.each([
    [{ start: '2021-06-01', end: '2021-06-30', granularity: 'month' as const }, 'June 2021'],
    [{ start: '2022-01-24', end: '2022-01-30', granularity: 'week' as const }, '24–30 Jan 2022'],
    [{ start: '2022-01-31', end: '2022-02-06', granularity: 'week' as const }, '31 Jan – 6 Feb 2022'],
    [{ start: '2021-12-27', end: '2022-01-02', granularity: 'week' as const }, '27 Dec 2021 – 2 Jan 2022'],
    [{ start: '2022-03-03', end: '2022-03-03', granularity: 'day' as const }, '3 Mar 2022'],
    [{ start: '2014-01-01', end: '2014-12-31', granularity: 'year' as const }, '2014'],
  ])('%j → %s', (date, expected) => {
    expect(formatPeriod(date)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    ['about an hour', 60, 'about', 'about 1 h'],
    ['90 minutes', 90, null, '90 min'],
    ['nine days', 12_960, null, '9 days'],
    ['10-week', 100_800, null, '10 weeks'],
    ['45 seconds', 0.75, null, '45 s'],
    ['a while', 30, null, null],
  ])('"%s" (%d min, qualifier %s) → %s', (text, minutes, qualifier, expected) => {
    expect(formatDuration(text, minutes, qualifier)).toBe(expected);
  });
});

describe('readingOf, on figures the extractor read', () => {
  it.each([
    ['The summit took place last June in Geneva.', 'last June', 'June 2021'],
    ['Talks will resume next week, officials said.', 'next week', '24–30 Jan 2022'],
    ['The call lasted about an hour.', 'about an hour', 'about 1 h'],
    ['The call lasted 90 minutes.', '90 minutes', null],
    ['The crisis began in 2014 in Crimea.', '2014', null],
  ])('%s: "%s" reads as %s', (sentence, text, expected) => {
    const figure = figures(sentence).find((f) => f.text === text);
    expect(figure).toBeDefined();
    expect(readingOf(figure!)).toBe(expected);
  });
});

describe('the reason of a date link claims no more than the texts', () => {
  it('"last June" and "June 2021" share a month, not a day', () => {
    const [a] = figures('The summit took place last June in Geneva.');
    const [b] = figures('The summit took place in June 2021 in Geneva.', '2021-07-02');
    expect(compareValues(a!, b!).reason).toBe('Same month: June 2021.');
  });

  it('"last June" and "12 June 2021" agree at the month', () => {
    const [a] = figures('The summit took place last June in Geneva.');
    const [b] = figures('The summit took place on 12 June 2021 in Geneva.', '2021-06-14');
    const value = compareValues(a!, b!);
    expect(value.relation).toBe('agrees');
    expect(value.reason).toBe('Same month: June 2021.');
  });

  it('two days stay a day', () => {
    const [a] = figures('They met on 3 March.');
    const [b] = figures('They met on 3 March 2022.');
    expect(compareValues(a!, b!).reason).toBe('Same day: 3 Mar 2022.');
  });
});
