// Date phrases resolved against the publication date.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/article/sentences';
import { extractFigures } from '../../utils/figures/extract-figures';

function dateOf(text: string, published: string | null, written: string): string | null {
  const found = extractFigures(text, splitSentences(text), { published });
  const f = found.find((x) => x.text === written);
  expect(f, `no figure "${written}" in ${JSON.stringify(found.map((x) => x.text))}`).toBeDefined();
  return f!.date ? `${f!.date.start}/${f!.date.end}/${f!.date.granularity}` : null;
}

describe('dates resolve against the publication date', () => {
  it.each([
    ['The presidents met last June in Geneva.', '2021-12-02', 'last June', '2021-06-01/2021-06-30/month'],
    ['Washington will reply next week.', '2022-01-22', 'next week', '2022-01-24/2022-01-30/week'],
    ['Blinken called Lavrov on Tuesday.', '2022-02-02', 'Tuesday', '2022-02-01/2022-02-01/day'],
    ['The talks will take place on January 10.', '2021-12-30', 'January 10', '2022-01-10/2022-01-10/day'],
    ['Russia annexed Crimea in 2014.', '2021-12-02', '2014', '2014-01-01/2014-12-31/year'],
    ['Putin warned this week that it was a red line.', '2021-12-02', 'this week', '2021-11-29/2021-12-05/week'],
    ['The US tightened its sanctions yesterday.', '2022-01-22', 'yesterday', '2022-01-21/2022-01-21/day'],
    ['Earlier this month, Russia published its demands.', '2021-12-30', 'Earlier this month', '2021-12-01/2021-12-31/month'],
    ['The talks were held last week.', '2021-12-30', 'last week', '2021-12-20/2021-12-26/week'],
    ['Negotiations will follow in Geneva in January.', '2021-12-30', 'January', '2022-01-01/2022-01-31/month'],
    ['It was signed on 22 January 2022.', '2022-02-02', '22 January 2022', '2022-01-22/2022-01-22/day'],
    ['They met on March 3, 2021 in Vienna.', '2022-02-02', 'March 3, 2021', '2021-03-03/2021-03-03/day'],
    ['The war stretched throughout the 1980s.', '2022-01-22', '1980s', '1980-01-01/1989-12-31/year'],
    ['Those talks will take place on Monday.', '2022-01-22', 'Monday', '2022-01-24/2022-01-24/day'],
    ['Prices fell last month.', '2022-01-22', 'last month', '2021-12-01/2021-12-31/month'],
    ['Elections are due next year.', '2022-01-22', 'next year', '2023-01-01/2023-12-31/year'],
  ])('%s (published %s): %s → %s', (text, published, written, expected) => {
    expect(dateOf(text, published, written)).toBe(expected);
  });

  it('leaves relative dates unresolved without a publication date, but still resolves absolute ones', () => {
    expect(dateOf('The US tightened its sanctions yesterday.', null, 'yesterday')).toBeNull();
    expect(dateOf('Russia annexed Crimea in 2014.', null, '2014')).toBe('2014-01-01/2014-12-31/year');
  });

  it('keeps a year qualifier and reads a year glued to a name as part of the name', () => {
    const text = 'Nato admitted no members before 1997. The Qatar 2022 tournament began.';
    const found = extractFigures(text, splitSentences(text), { published: '2022-01-22' });
    expect(found.map((f) => [f.text, f.qualifier])).toEqual([['1997', 'before']]);
  });
});

describe('durations counted back from publication', () => {
  it.each([
    ['Its dictator fell four years ago.', '2015-03-18', 'four years ago', '2011-01-01/2011-12-31/year'],
    ['The deal was signed two months ago.', '2022-01-22', 'two months ago', '2021-11-01/2021-11-30/month'],
    ['The troops arrived three days ago.', '2022-01-22', 'three days ago', '2022-01-19/2022-01-19/day'],
  ])('%s (published %s): %s → %s', (text, published, written, expected) => {
    expect(dateOf(text, published, written)).toBe(expected);
  });
});

describe('weekdays in the future tense', () => {
  it.each([
    ['Obama plans to sign the order on Friday.', '2017-01-13', 'Friday', '2017-01-13/2017-01-13/day'],
    ['The envoys will meet next Friday.', '2017-01-13', 'next Friday', '2017-01-20/2017-01-20/day'],
    ['The talks were held on Friday.', '2017-01-16', 'Friday', '2017-01-13/2017-01-13/day'],
  ])('%s (published %s): %s → %s', (text, published, written, expected) => {
    expect(dateOf(text, published, written)).toBe(expected);
  });
});
