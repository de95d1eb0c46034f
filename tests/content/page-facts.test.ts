// @vitest-environment happy-dom
// The content script's small page facts: sentence count, outlet fallback, and "is the reader typing?".
import { describe, expect, it } from 'vitest';
import { countSentences, isTypingTarget, outletOf } from '../../entrypoints/content/page-facts';

describe('countSentences', () => {
  it('counts sentences across paragraphs, not abbreviations', () => {
    expect(countSentences('Cranes resumed work at 6 a.m. on Tuesday. It expects the backlog to clear.\n\nTalks begin next month.')).toBe(3);
  });
  it('counts nothing in blank text', () => {
    expect(countSentences(' \n\n ')).toBe(0);
  });
  it('falls back to English for an unknown language tag', () => {
    expect(countSentences('One. Two.', 'not a tag!')).toBe(2);
  });
});

describe('outletOf', () => {
  it.each([
    ['The Ledger', 'www.ledger.example', 'The Ledger'],
    [null, 'www.ledger.example', 'ledger.example'],
    [null, '', null],
  ])('site name %s on %s is shown as %s', (siteName, host, expected) => {
    expect(outletOf(siteName, host)).toBe(expected);
  });
});

describe('isTypingTarget', () => {
  function element(html: string): Element {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    return host.firstElementChild!;
  }
  it.each([
    ['<input type="text">', true],
    ['<input type="search">', true],
    ['<input>', true],
    ['<textarea></textarea>', true],
    ['<select></select>', true],
    ['<div contenteditable="true"></div>', true],
    ['<input type="checkbox">', false],
    ['<button>Go</button>', false],
    ['<p>text</p>', false],
  ])('%s → %s', (html, expected) => {
    const target = element(html);
    expect(isTypingTarget(target)).toBe(expected);
  });
  it('is false for no target', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(window)).toBe(false);
  });
});
