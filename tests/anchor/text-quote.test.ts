// Anchoring by quote: sentence first, then the figure inside it; tolerant matching and a fuzzy fallback.
import { describe, expect, it } from 'vitest';
import { anchorFigure, findQuote, flatten, locate, looseView } from '../../utils/anchor/text-quote';

const slice = (raw: string, span: { start: number; end: number } | null) => (span ? raw.slice(span.start, span.end) : null);

describe('looseView', () => {
  it('collapses whitespace, folds typographic quotes and dashes, and maps back to raw offsets', () => {
    const raw = '  He said \u201cno\u201d \u2014\n\n  twice. ';
    const view = looseView(raw);
    expect(view.text).toBe('He said "no" - twice.');
    expect(raw[view.map[view.text.indexOf('twice')]!]).toBe('t');
    expect(view.map.at(-1)).toBe(raw.length);
  });
});

describe('findQuote', () => {
  const page = 'Nav: 100,000 troops? Home | World\n  Blinken met   Lavrov in Geneva on Friday.\nComments: Blinken met Lavrov in Geneva on Friday.';

  it.each([
    ['exact', 'Blinken met Lavrov in Geneva on Friday.'],
    ['other whitespace', 'Blinken met\nLavrov in  Geneva on Friday.'],
  ])('finds a sentence despite %s', (_name, quote) => {
    expect(slice(page, findQuote(page, quote))).toBe('Blinken met   Lavrov in Geneva on Friday.');
  });

  it('skips places that are not allowed (navigation, asides, comments)', () => {
    const comments = page.indexOf('Comments:');
    const found = findQuote(page, 'Blinken met Lavrov in Geneva on Friday.', { allowed: (span) => span.start > comments });
    expect(found?.start).toBeGreaterThan(comments);
  });

  it('chooses between repeated quotes by the surrounding text', () => {
    const found = findQuote(page, 'Blinken met Lavrov in Geneva on Friday.', { prefix: 'Comments:' });
    expect(found?.start).toBe(page.indexOf('Comments:') + 'Comments: '.length);
  });

  it('ignores punctuation and case when the loose match fails', () => {
    const raw = 'Intro. The ministers’ talks lasted 90 minutes, officials said. End.';
    expect(slice(raw, findQuote(raw, "The Ministers' talks lasted 90 minutes officials said"))).toBe(
      'The ministers’ talks lasted 90 minutes, officials said',
    );
  });

  it('falls back to the first and last letters when a word in the middle changed', () => {
    const raw = 'Before. Russia has massed tens of thousands of troops on the Ukrainian border, denying it plans to invade. After.';
    const quote = 'Russia has massed tens of thousands of soldiers on the Ukrainian border, denying it plans to invade.';
    expect(slice(raw, findQuote(raw, quote))).toBe(
      'Russia has massed tens of thousands of troops on the Ukrainian border, denying it plans to invade',
    );
  });

  it('returns null when the quote is not there', () => {
    expect(findQuote(page, 'Nothing like this sentence appears on the page at all, anywhere.')).toBeNull();
  });
});

describe('anchorFigure', () => {
  const sentence = 'The port handled 1,100 ships, up from 100 a decade ago, and 100 more are expected.';
  const raw = `Menu 100 ships | Weather\n${sentence}\nReaders: 100 is wrong`;

  it('anchors the sentence first, so a bare short number does not match the menu', () => {
    const at = sentence.indexOf('100 a decade');
    const anchor = anchorFigure(raw, sentence, { text: '100', offsetInSentence: at });
    expect(anchor).not.toBeNull();
    expect(raw.slice(anchor!.figure.start, anchor!.figure.end)).toBe('100');
    expect(anchor!.figure.start).toBe(raw.indexOf(sentence) + at);
  });

  it('never takes a number that continues another one ("100" inside "1,100")', () => {
    const anchor = anchorFigure(raw, sentence, { text: '100', offsetInSentence: sentence.indexOf('1,100') });
    expect(anchor!.figure.start).toBe(raw.indexOf(sentence) + sentence.indexOf('100 a decade'));
  });

  it('accepts a figure followed by a suffix ("80" in "the 80s", "19" in "19th")', () => {
    const s = 'The big change happened in the 80s, long after the 19th century.';
    const page = `Intro. ${s}`;
    const decade = anchorFigure(page, s, { text: '80', offsetInSentence: s.indexOf('80') });
    expect(page.slice(decade!.figure.start, decade!.figure.end + 1)).toBe('80s');
    const century = anchorFigure(page, s, { text: '19', offsetInSentence: s.indexOf('19') });
    expect(page.slice(century!.figure.start, century!.figure.end + 2)).toBe('19th');
  });

  it('picks the occurrence nearest the expected offset', () => {
    const at = sentence.indexOf('100 more');
    const anchor = anchorFigure(raw, sentence, { text: '100', offsetInSentence: at });
    expect(anchor!.figure.start).toBe(raw.indexOf(sentence) + at);
  });

  it('keeps a qualifier with the figure and survives different whitespace', () => {
    const page = 'Top\n<p>amid the concentration of more   than 114,000 Russian soldiers on the border.</p>';
    const s = 'amid the concentration of more than 114,000 Russian soldiers on the border.';
    const anchor = anchorFigure(page, s, { text: 'more than 114,000', offsetInSentence: s.indexOf('more') });
    expect(page.slice(anchor!.figure.start, anchor!.figure.end)).toBe('more   than 114,000');
  });

  it('returns null when the figure is not in the anchored sentence', () => {
    expect(anchorFigure(raw, sentence, { text: '250', offsetInSentence: 0 })).toBeNull();
  });
});

describe('flatten and locate', () => {
  const flat = flatten(['ab', '', 'cde', 'f']);

  it('concatenates chunks and records where each starts', () => {
    expect(flat).toEqual({ text: 'abcdef', starts: [0, 2, 2, 5] });
  });

  it.each([
    [0, 'start', { chunk: 0, offset: 0 }],
    [2, 'start', { chunk: 2, offset: 0 }],
    [2, 'end', { chunk: 0, offset: 2 }],
    [4, 'start', { chunk: 2, offset: 2 }],
    [5, 'end', { chunk: 2, offset: 3 }],
    [6, 'end', { chunk: 3, offset: 1 }],
  ] as const)('offset %i (%s) is in chunk %o', (offset, side, expected) => {
    expect(locate(flat, offset, side)).toEqual(expected);
  });
});
