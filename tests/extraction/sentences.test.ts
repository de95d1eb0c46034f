// Sentence splitting: abbreviations, quotes, guillemets, decimals and offsets.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/article/sentences';

describe('splitSentences', () => {
  it.each([
    ['Mr. Lavrov repeated that to me today. He left.', ['Mr. Lavrov repeated that to me today.', 'He left.']],
    ['The U.S. President Joe Biden spoke. Then he left.', ['The U.S. President Joe Biden spoke.', 'Then he left.']],
    ['The U.S. has declared it a non-starter. Fine.', ['The U.S. has declared it a non-starter.', 'Fine.']],
    ['They fled the U.S. The talks ended.', ['They fled the U.S.', 'The talks ended.']],
    [
      'On Jan. 10 they met in St. Petersburg with Dr. Smith. Fine.',
      ['On Jan. 10 they met in St. Petersburg with Dr. Smith.', 'Fine.'],
    ],
    ['He met John F. Kennedy in Washington D.C. on Monday. Good.', ['He met John F. Kennedy in Washington D.C. on Monday.', 'Good.']],
    [
      '“We look at what is visible to all,” he said, “and it is actions, not words, that make the difference.” Next one.',
      ['“We look at what is visible to all,” he said, “and it is actions, not words, that make the difference.”', 'Next one.'],
    ],
    [
      '«I can’t say if we are on the right track or not,» he told reporters. «We will understand this when we receive a response.»',
      ['«I can’t say if we are on the right track or not,» he told reporters.', '«We will understand this when we receive a response.»'],
    ],
    ['It rose 5.4% in 2021. Prices were $1.5 million.', ['It rose 5.4% in 2021.', 'Prices were $1.5 million.']],
    ['if we conclude (and) the Russians conclude. Yes.', ['if we conclude (and) the Russians conclude.', 'Yes.']],
    ['There is still no date. . It also seeks more.', ['There is still no date. .', 'It also seeks more.']],
    [
      '“Those in and around the Kremlin will have nowhere to hide,” she said. Next.',
      ['“Those in and around the Kremlin will have nowhere to hide,” she said.', 'Next.'],
    ],
  ])('splits %j', (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('gives offsets into the text, trimmed, and numbers paragraphs by blank lines', () => {
    const text = '  Para one. Two.\n\nPara two.\nLine two.\n \n Third.  ';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.index, s.paragraph, s.text])).toEqual([
      [0, 0, 'Para one.'],
      [1, 0, 'Two.'],
      [2, 1, 'Para two.'],
      [3, 1, 'Line two.'],
      [4, 2, 'Third.'],
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
