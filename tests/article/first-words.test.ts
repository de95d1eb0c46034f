// The cap on checked words: short texts untouched, long ones cut at a paragraph end, or a word end, in one pass.
import { describe, expect, it } from 'vitest';
import { firstWords, MAX_CHECKED_WORDS } from '../../utils/article/first-words';

describe('firstWords', () => {
  it('leaves a text within the limit alone', () => {
    expect(firstWords('One two three.\n\nFour.', 4)).toEqual({ text: 'One two three.\n\nFour.', words: 4, total: 4, truncated: false });
  });

  it('cuts at the last paragraph end inside the limit', () => {
    const text = ['a b c d', 'e f g h', 'i j k l'].join('\n\n');
    expect(firstWords(text, 10)).toEqual({ text: 'a b c d\n\ne f g h', words: 8, total: 12, truncated: true });
  });

  it('cuts after the max-th word when the paragraph is longer than the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    const cut = firstWords(text, 20);
    expect(cut).toMatchObject({ words: 20, total: 50, truncated: true });
    expect(cut.text.endsWith('w19')).toBe(true);
  });

  it('caps a 200,000-word page at the stated size', () => {
    const text = Array.from({ length: 2_000 }, () => Array.from({ length: 100 }, () => 'word').join(' ')).join('\n\n');
    const cut = firstWords(text);
    expect(cut.total).toBe(200_000);
    expect(cut.words).toBe(MAX_CHECKED_WORDS);
    expect(cut.truncated).toBe(true);
  });
});
