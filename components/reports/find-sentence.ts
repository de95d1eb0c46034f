// Finds the sentence the sidebar matched inside a report's text, so the viewer can mark it (pure).
import type { Span } from '../../utils/analysis/types';

/** Words of a text, lower-cased, for the fuzzy fallback. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The span of `sentence` in `text`: an exact match first, then the same words with any spacing, quotes or case,
 * and last the stored sentence (`sentences`) that shares most of its words (at least 60%), since the matcher may
 * have quoted a sentence split or cleaned a little differently. Null when nothing is close enough.
 */
export function findSentence(text: string, sentence: string | null, sentences: readonly Span[] = []): Span | null {
  const wanted = sentence?.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length };

  // The same words in the same order, whatever lies between them (spaces, line breaks, curly or straight quotes).
  const tokens = wanted.match(/[\p{L}\p{N}]+/gu);
  if (tokens && tokens.length > 0) {
    const escaped = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(escaped.join('[^\\p{L}\\p{N}]+'), 'iu');
    const found = pattern.exec(text);
    if (found) return { start: found.index, end: found.index + found[0].length };
  }

  const target = new Set(words(wanted));
  if (target.size === 0) return null;
  let best: { span: Span; score: number } | null = null;
  for (const span of sentences) {
    const own = new Set(words(text.slice(span.start, span.end)));
    let shared = 0;
    for (const word of target) if (own.has(word)) shared++;
    const score = shared / Math.max(target.size, own.size);
    if (!best || score > best.score) best = { span, score };
  }
  return best && best.score >= 0.6 ? { start: best.span.start, end: best.span.end } : null;
}

/** A paragraph cut into plain text and the marked part, as offsets into the paragraph. */
export interface ParagraphPiece {
  text: string;
  marked: boolean;
}

/** Splits `text[paragraph]` around the highlight (which may cover only part of it, or none). */
export function splitParagraph(text: string, paragraph: Span, highlight: Span | null): ParagraphPiece[] {
  const body = text.slice(paragraph.start, paragraph.end);
  if (!highlight || highlight.end <= paragraph.start || highlight.start >= paragraph.end) return [{ text: body, marked: false }];
  const from = Math.max(highlight.start, paragraph.start) - paragraph.start;
  const to = Math.min(highlight.end, paragraph.end) - paragraph.start;
  return [
    { text: body.slice(0, from), marked: false },
    { text: body.slice(from, to), marked: true },
    { text: body.slice(to), marked: false },
  ].filter((piece) => piece.text.length > 0);
}
