// Splits article text into sentences with offsets: Intl.Segmenter plus a merge step for abbreviation false splits.
import type { Sentence } from '../analysis/types';
import { ALWAYS_JOIN, MONTH_ABBREVIATIONS, SENTENCE_OPENERS } from '../lexicon/sentence-words';




const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits `text` into sentences. Paragraphs are separated by blank lines ("\n\n"); a single line break also ends a
 * sentence, because scraped article text puts one block per line. Offsets are into `text`, and each sentence's
 * [start, end) excludes surrounding whitespace, so `text.slice(start, end) === sentence.text`.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  let lastLineEnd = -1;
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    if (line[0].trim() === '') continue;
    // A blank line (only whitespace between two line breaks) opens a new paragraph.
    const gap = lastLineEnd < 0 ? '\n\n' : text.slice(lastLineEnd, lineStart);
    if (paragraph < 0 || /\n\s*\n/.test(gap)) paragraph += 1;
    lastLineEnd = lineStart + line[0].length;
    for (const [b, block] of blocksOf(line[0]).entries()) {
      // Each joined block was a paragraph of its own page.
      if (b > 0 && block.text.trim() !== '') paragraph += 1;
      for (const piece of splitLine(block.text)) {
        const start = lineStart + block.start + piece.start;
        const end = lineStart + block.start + piece.end;
        out.push({ index: out.length, paragraph, start, end, text: text.slice(start, end) });
      }
    }
  }
  return out;
}

/**
 * Blocks of a line joined by a lone comma between spaces (" , "). Prose never puts a space before a comma; scrapers
 * that flatten a page join its paragraphs, captions and promo lines that way, and a sentence must not run across them.
 */
function blocksOf(line: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0;
  // Also a comma right after a quoted sentence's end ('…transition.", Revenue rose'): a join of two blocks, not prose.
  // Or after a word's full stop ('in line with expectations., CSX — Shares'); not after "U.S." or "Inc.".
  for (const m of line.matchAll(/\s,(?:\s|$)|(?<=[.!?]["”’]|\p{Ll}{3}[.!?]),\s+(?=["“‘(]?\p{Lu})/gu)) {
    out.push({ start, text: line.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: line.slice(start) });
  return out;
}

interface Piece {
  start: number;
  end: number;
}

/** Sentences of one line, as trimmed ranges into the line. */
function splitLine(line: string): Piece[] {
  const raw: Piece[] = [];
  for (const s of segmenter.segment(line)) {
    const piece = trim(line, s.index, s.index + s.segment.length);
    if (piece) raw.push(piece);
  }
  const merged: Piece[] = [];
  for (const piece of raw) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(line.slice(prev.start, prev.end), line.slice(piece.start, piece.end))) {
      prev.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

function trim(line: string, start: number, end: number): Piece | null {
  while (start < end && /\s/.test(line[start]!)) start += 1;
  while (end > start && /\s/.test(line[end - 1]!)) end -= 1;
  return end > start ? { start, end } : null;
}

/** True when the segmenter split `next` off `prev` at an abbreviation, or `next` holds no words (". ."). */
function shouldJoin(prev: string, next: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(next)) return true;
  const m = /(?:^|[\s(“"«‘'])((?:\p{L}{1,2}\.){2,}|\p{L}+\.)$/u.exec(prev);
  if (!m) return false;
  const word = m[1]!.toLowerCase().replace(/\.$/, '');
  const firstWord = (/^[“"«‘'(]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? '').toLowerCase();
  if (ALWAYS_JOIN.has(word)) return true;
  if (MONTH_ABBREVIATIONS.has(word)) return /^\d/.test(firstWord);
  // Initials ("John F. Kennedy") and dotted acronyms ("U.S.", "D.C.") rarely end a sentence before a name.
  const isInitial = /^\p{Lu}$/u.test(m[1]!.replace(/\.$/, ''));
  const isAcronym = word.includes('.');
  if (isInitial || isAcronym) return firstWord !== '' && !SENTENCE_OPENERS.has(firstWord);
  return false;
}
