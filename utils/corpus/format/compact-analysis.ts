// An analysis without what its report already holds (the text, sentence texts): how the store and v2 packs carry it.
import type { ArticleAnalysis, Sentence } from '../../analysis/types';

/** An analysis as stored or packed: the article text is not repeated (it is the report's text); sentence texts are slices. */
export type CompactAnalysis = Omit<ArticleAnalysis, 'text' | 'sentences'> & {
  /** Present only when the analysed text differs from the report's text. */
  text?: string;
  sentences: (Omit<Sentence, 'text'> & { text?: string })[];
};

/** Drops what the report already holds (the text, sentence texts equal to their slice) from an analysis. */
export function compactAnalysis(analysis: ArticleAnalysis, text: string): CompactAnalysis {
  const { text: analysedText, sentences, ...rest } = analysis;
  const same = analysedText === text;
  const stored: CompactAnalysis = {
    ...rest,
    sentences: sentences.map(({ text: sentenceText, ...span }) =>
      same && analysedText.slice(span.start, span.end) === sentenceText ? span : { ...span, text: sentenceText },
    ),
  };
  if (!same) stored.text = analysedText;
  return stored;
}

/** Restores the full analysis from its compact form and the report's text. */
export function expandAnalysis(stored: CompactAnalysis, text: string): ArticleAnalysis {
  const { text: storedText, sentences, ...rest } = stored;
  const full = storedText ?? text;
  return {
    ...rest,
    text: full,
    sentences: sentences.map((sentence) => ({ ...sentence, text: sentence.text ?? full.slice(sentence.start, sentence.end) })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSpanIn(value: unknown, length: number): value is Record<string, unknown> & { start: number; end: number } {
  if (!isRecord(value)) return false;
  const { start, end } = value;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= length;
}

/**
 * Checks that an analysis from a pack (untrusted) has the shape the matcher relies on: the top-level fields, and
 * sentences, figures and statements whose offsets and sentence numbers fall inside the text. Linear in its size.
 * Returns what is wrong, or null. A pack analysis that fails is not an error: the report is analysed again.
 */
export function checkCompactAnalysis(value: unknown, textLength: number): string | null {
  if (!isRecord(value)) return 'the analysis is not an object';
  if (typeof value.language !== 'string') return 'language is missing';
  if (value.published !== null && typeof value.published !== 'string') return 'published is not a date or null';
  if (value.declined !== null && typeof value.declined !== 'string') return 'declined is not text or null';
  if (value.text !== undefined && typeof value.text !== 'string') return 'text is not text';
  const length = typeof value.text === 'string' ? value.text.length : textLength;
  const { sentences, figures, statements } = value;
  if (!Array.isArray(sentences) || !Array.isArray(figures) || !Array.isArray(statements)) return 'sentences, figures or statements is not a list';
  for (const [i, sentence] of sentences.entries()) {
    if (!isSpanIn(sentence, length) || sentence.index !== i || !Number.isInteger(sentence.paragraph)) return `sentences[${i}] is out of place`;
    if (sentence.text !== undefined && typeof sentence.text !== 'string') return `sentences[${i}].text is not text`;
  }
  const inSentence = (item: unknown): boolean =>
    isSpanIn(item, length) && Number.isInteger(item.sentence) && (item.sentence as number) >= 0 && (item.sentence as number) < sentences.length && typeof item.text === 'string';
  for (const [i, figure] of figures.entries()) {
    if (!inSentence(figure)) return `figures[${i}] is out of place`;
    const f = figure as Record<string, unknown>;
    const v = f.value;
    if (typeof f.kind !== 'string' || !isRecord(v) || typeof v.low !== 'number' || typeof v.point !== 'number' || (v.high !== null && typeof v.high !== 'number')) {
      return `figures[${i}] has no value`;
    }
    if (!Array.isArray(f.entities) || !Array.isArray(f.countedModifiers)) return `figures[${i}] lacks its entities`;
  }
  for (const [i, statement] of statements.entries()) {
    if (!inSentence(statement) || typeof (statement as Record<string, unknown>).kind !== 'string') return `statements[${i}] is out of place`;
  }
  return null;
}
