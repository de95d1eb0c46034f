// readArticle on small pages built in linkedom: article text by paragraph, metadata, no byline block, clear refusals.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { normalizeDate, readArticle, withoutBylineBlock } from '../../utils/article/read-article';

const BODY = [
  'The city council approved a budget of 12 million dollars on Monday after a debate that lasted most of the night.',
  'Council members said the money would pay for new buses, two libraries and repairs to the harbour wall.',
  'The mayor, who had proposed a larger budget, said she would accept the vote and work with the council.',
  'Opponents argued that the plan relied on a tax increase that voters had rejected in a referendum last year.',
];

function page({ author = true }: { author?: boolean } = {}): Document {
  const html = `<!doctype html><html lang="en"><head><title>Council approves budget | Town Herald</title>
    <meta property="article:published_time" content="2022-03-07T10:00:00Z">
    <meta property="og:site_name" content="Town Herald">${author ? '<meta name="author" content="Jane Doe">' : ''}</head>
    <body><nav><a href="/">Home</a></nav><article><h1>Council approves budget</h1>
    <p class="byline">By Jane Doe · 7 March 2022</p>${BODY.map((p) => `<p>${p}</p>`).join('')}</article>
    <footer>© Town Herald</footer></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

describe('readArticle', () => {
  it('returns the article text paragraph by paragraph with its metadata', () => {
    const outcome = readArticle(page(), 'https://example.org/budget', { readerableCheck: false });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.article.text.split('\n\n')).toEqual(BODY);
    expect(outcome.article).toMatchObject({ published: '2022-03-07', siteName: 'Town Herald', url: 'https://example.org/budget', lang: 'en' });
  });

  it('refuses a page with no article text, with a reason', () => {
    const doc = parseHTML('<html><body><nav>Home</nav><p>Short.</p></body></html>').document as unknown as Document;
    const outcome = readArticle(doc, null, { readerableCheck: false });
    expect(outcome).toEqual({ ok: false, reason: 'No article text was found on this page.' });
  });
});

describe('withoutBylineBlock', () => {
  it.each([
    ['By Jane Doe · 7 March 2022\n\nFirst sentence.', 'Jane Doe', 'First sentence.'],
    ['Jane Doe, Staff writer\n\nFirst sentence.', 'By Jane Doe', 'First sentence.'],
    ['Jane Doe said the plan was fair.\n\nMore.', 'Jane Doe', 'Jane Doe said the plan was fair.\n\nMore.'],
    ['First sentence.\n\nSecond.', null, 'First sentence.\n\nSecond.'],
  ])('%j with byline %j', (text, byline, expected) => {
    expect(withoutBylineBlock(text, byline)).toBe(expected);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2022-02-02T10:00:00Z', '2022-02-02'],
    ['February 2, 2022 12:00 UTC', '2022-02-02'],
    ['not a date', null],
    [null, null],
  ])('%j → %j', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});
