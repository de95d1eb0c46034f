// Caps what gets checked on very long pages: the first N words, cut at a paragraph end where one is near.

/** Words of an article that are checked; beyond it the sidebar says only the first part was checked. */
export const MAX_CHECKED_WORDS = 20_000;

export interface FirstWords {
  text: string;
  /** Words in the returned text. */
  words: number;
  /** Words in the whole text. */
  total: number;
  truncated: boolean;
}

/**
 * The first `max` words of `text` (default MAX_CHECKED_WORDS), in one linear pass. The cut falls at the last
 * paragraph break ("\n\n") inside the limit when that keeps at least half of it, else just after the max-th word,
 * so no sentence is cut mid-word and paragraphs stay whole where they can.
 */
export function firstWords(text: string, max: number = MAX_CHECKED_WORDS): FirstWords {
  const word = /\S+/g;
  let words = 0;
  let cutAt = -1;
  let total = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    total++;
    if (total === max) cutAt = match.index + match[0].length;
  }
  if (total <= max || cutAt < 0) return { text, words: total, total, truncated: false };
  const paragraph = text.lastIndexOf('\n\n', cutAt);
  const head = paragraph > 0 && countWords(text.slice(0, paragraph)) >= max / 2 ? text.slice(0, paragraph) : text.slice(0, cutAt);
  words = countWords(head);
  return { text: head, words, total, truncated: true };
}

function countWords(text: string): number {
  let n = 0;
  const word = /\S+/g;
  while (word.exec(text)) n++;
  return n;
}
