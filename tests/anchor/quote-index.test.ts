// Anchoring scans the page's text once per run: every quote of a run shares one loose and one letters view.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findQuote, QuoteIndex } from '../../utils/anchor/text-quote';
import { Highlighter } from '../../entrypoints/content/highlighter';
import type { FigureFinding } from '../../utils/match/types';

describe('QuoteIndex', () => {
  it('builds each view once however many quotes are looked up', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Report ${i} said that ${i * 7 + 3} ships waited offshore.`);
    const page = new QuoteIndex(sentences.join(' '));
    for (const sentence of sentences) expect(findQuote(page, sentence)).not.toBeNull();
    // A quote that only the letters view finds, and one found nowhere.
    expect(findQuote(page, 'report 5 said that 38 ships, waited offshore')).not.toBeNull();
    expect(findQuote(page, 'No such sentence in this text at all, nowhere.')).toBeNull();
    expect(page.builds).toBe(2);
  });

  it('gives the same anchors as a fresh view per quote', () => {
    const raw = 'A “quoted” sentence — with dashes. Another one, with 1,100 ships.';
    const page = new QuoteIndex(raw);
    for (const quote of ['"quoted" sentence - with dashes.', 'another one with 1100 ships']) expect(findQuote(page, quote)).toEqual(findQuote(raw, quote));
  });
});

describe('Highlighter', () => {
  it('places 150 findings on a long page with one scan of its text', () => {
    const paragraphs = Array.from({ length: 150 }, (_, i) => `<p>Officials counted ${1000 + i} soldiers near post ${i}. ${'Filler words here. '.repeat(40)}</p>`);
    document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
    const findings = Array.from({ length: 150 }, (_, i) => {
      const sentence = `Officials counted ${1000 + i} soldiers near post ${i}.`;
      const text = String(1000 + i);
      return { text, sentence, start: 18, end: 18 + text.length, sentenceStart: 0, verdict: 'agrees', reports: [] } as unknown as FigureFinding;
    });
    const highlighter = new Highlighter(document);
    expect(highlighter.highlight(findings)).toHaveLength(150);
    expect(highlighter.lastIndex?.builds).toBe(1);
    highlighter.undo();
  });
});
