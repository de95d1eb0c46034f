// @vitest-environment happy-dom
// The page highlighter: marks the right words in the article only, spans elements, and undoes to the same nodes.
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter, isOutsideArticle } from '../../entrypoints/content/highlighter';
import type { FigureFinding, StatementFinding } from '../../utils/match/types';

afterEach(() => {
  document.body.innerHTML = '';
});

function finding(text: string, sentence: string, verdict: FigureFinding['verdict'] = 'differs'): FigureFinding {
  const at = sentence.indexOf(text);
  return {
    text,
    sentence,
    kind: 'count',
    value: { low: 0, high: 0, point: 0, vague: false },
    start: 500 + at,
    end: 500 + at + text.length,
    sentenceStart: 500,
    attribution: null,
    reports: [],
    independent: 0,
    verdict,
  };
}

const SENTENCE = 'Officials counted more than 114,000 soldiers and 100 tanks near the border.';

describe('Highlighter', () => {
  it('marks the figure in the article, not the same words in navigation, asides or comments', () => {
    document.body.innerHTML = `
      <nav><a>${SENTENCE}</a></nav>
      <article><p>Intro. ${SENTENCE} More.</p></article>
      <aside>${SENTENCE}</aside>
      <section class="comments"><p>${SENTENCE}</p></section>`;
    const made = new Highlighter(document).highlight([finding('more than 114,000', SENTENCE)]);
    expect(made).toHaveLength(1);
    const marks = document.querySelectorAll('mark[data-second-source="figure"]');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('more than 114,000');
    expect(marks[0]!.closest('article')).not.toBeNull();
    expect(marks[0]!.getAttribute('data-relation')).toBe('differs');
  });

  it('marks a figure split across elements with one mark per piece', () => {
    document.body.innerHTML = '<article><p>Officials counted more than <b>114</b>,000 soldiers and 100 tanks near the border.</p></article>';
    const made = new Highlighter(document).highlight([finding('more than 114,000', SENTENCE)]);
    expect(made[0]!.marks.map((m) => m.textContent)).toEqual(['more than ', '114', ',000']);
  });

  it('marks two figures in one text node and puts back the very same text node on undo', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p></article>`;
    const p = document.querySelector('p')!;
    const original = p.firstChild!;
    const before = document.body.innerHTML;
    const highlighter = new Highlighter(document);
    const made = highlighter.highlight([finding('more than 114,000', SENTENCE), finding('100', SENTENCE, 'agrees')]);
    expect(made.map((h) => h.marks[0]!.textContent)).toEqual(['more than 114,000', '100']);
    expect(p.querySelectorAll('mark')).toHaveLength(2);
    highlighter.undo();
    expect(document.body.innerHTML).toBe(before);
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
  });

  it('skips figures that other reports do not bear on, and figures it cannot find', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p></article>`;
    const made = new Highlighter(document).highlight([
      finding('100', SENTENCE, null),
      finding('250', 'A sentence that is not on this page at all, with 250 in it.'),
    ]);
    expect(made).toEqual([]);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('reports marks the page removed, so the content script can anchor again', () => {
    document.body.innerHTML = `<article><p>${SENTENCE}</p></article>`;
    const highlighter = new Highlighter(document);
    highlighter.highlight([finding('more than 114,000', SENTENCE)]);
    expect(highlighter.lostAny()).toBe(false);
    document.querySelector('article')!.innerHTML = `<p>${SENTENCE}</p>`;
    expect(highlighter.lostAny()).toBe(true);
  });
});

describe('isOutsideArticle', () => {
  it.each([
    ['<nav><p id="x">a</p></nav>', 'strict', true],
    ['<header><p id="x">a</p></header>', 'strict', true],
    ['<article><header><p id="x">a</p></header></article>', 'strict', false],
    ['<div id="comments"><p id="x">a</p></div>', 'strict', true],
    ['<div class="story has-comments"><p id="x">a</p></div>', 'strict', true],
    ['<div class="story has-comments"><p id="x">a</p></div>', 'relaxed', false],
    ['<div aria-hidden="true"><p id="x">a</p></div>', 'relaxed', true],
    ['<article><p id="x">a</p></article>', 'strict', false],
  ] as const)('%s (%s) → %s', (html, level, expected) => {
    document.body.innerHTML = html;
    expect(isOutsideArticle(document.getElementById('x')!, level)).toBe(expected);
  });
});

describe('Highlighter.highlightStatements', () => {
  const SAID = '“We are deeply concerned about Russia’s plans,” he said, after 114,000 troops massed.';
  const statement = (relation: 'corroborates' | 'conflicts'): StatementFinding => ({
    sentence: SAID,
    text: 'We are deeply concerned about Russia’s plans',
    speaker: 'Blinken',
    start: 0,
    end: 0,
    reports: [{ report: 'r', outlet: 'The Ledger', published: '2022-01-22', sentence: 'x', relation, reasons: [], cluster: 'r' }],
    independent: 1,
  });

  it('marks the quoted words with the statement style, around a figure already marked, and undoes both exactly', () => {
    document.body.innerHTML = `<article><p>Intro. ${SAID} More.</p></article>`;
    const before = document.body.innerHTML;
    const highlighter = new Highlighter(document);
    highlighter.highlight([finding('114,000', SAID)]);
    const made = highlighter.highlightStatements([statement('conflicts')]);
    expect(made).toHaveLength(1);
    expect(made[0]!.kind).toBe('statement');
    const mark = document.querySelector('mark[data-second-source="statement"]');
    expect(mark?.textContent).toBe('We are deeply concerned about Russia’s plans');
    expect(mark?.getAttribute('data-relation')).toBe('conflicts');
    expect(highlighter.highlights.map((h) => h.kind)).toEqual(['figure', 'statement']);
    highlighter.undo();
    expect(document.body.innerHTML).toBe(before);
  });

  it('leaves statements that no other report gives unmarked', () => {
    document.body.innerHTML = `<article><p>${SAID}</p></article>`;
    expect(new Highlighter(document).highlightStatements([{ ...statement('corroborates'), reports: [] }])).toEqual([]);
  });
});
