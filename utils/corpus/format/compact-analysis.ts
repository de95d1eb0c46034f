// An analysis without what its report already holds (the text, sentence texts): how the store and v2 packs carry it.
import { EMPTY_FIGURE_FIELDS, makeFigure } from '../../analysis/make-figure';
import type { ArticleAnalysis, Figure, Sentence, Statement } from '../../analysis/types';

// Figure fields every figure has (EMPTY_FIGURE_FIELDS) are left out of a stored figure when they are empty: most
// figures fill few of them, and each left-out field is bytes not written, read or cloned on every import.
type EmptyFigureField = keyof typeof EMPTY_FIGURE_FIELDS;

/** A figure or statement as stored: its text is left out when it is the slice of the text its offsets give. */
type StoredFigure = Omit<Figure, 'text' | EmptyFigureField> & Partial<Pick<Figure, 'text' | EmptyFigureField>>;
type StoredStatement = Omit<Statement, 'text'> & { text?: string };

/**
 * An analysis as stored or packed, without what its report already holds or what is empty: the article text (the
 * report's text), sentence texts and numbers, figure and statement texts that are slices, and empty figure fields.
 */
export type CompactAnalysis = Omit<ArticleAnalysis, 'text' | 'sentences' | 'figures' | 'statements'> & {
  /** Present only when the analysed text differs from the report's text. */
  text?: string;
  sentences: (Omit<Sentence, 'text' | 'index'> & { text?: string; index?: number })[];
  figures: StoredFigure[];
  statements: StoredStatement[];
};

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/** Drops what the report already holds (the text, slices of it) and empty figure fields from an analysis. */
export function compactAnalysis(analysis: ArticleAnalysis, text: string): CompactAnalysis {
  const { text: analysedText, sentences, figures, statements, ...rest } = analysis;
  const same = analysedText === text;
  const isSlice = (item: { start: number; end: number; text: string }) => analysedText.slice(item.start, item.end) === item.text;
  const stored: CompactAnalysis = {
    ...rest,
    sentences: sentences.map(({ text: sentenceText, index, ...span }, position) => {
      const out: CompactAnalysis['sentences'][number] = same && analysedText.slice(span.start, span.end) === sentenceText ? span : { ...span, text: sentenceText };
      if (index !== position) out.index = index;
      return out;
    }),
    figures: figures.map((figure) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(figure)) {
        if (key === 'text' ? isSlice(figure) : key in EMPTY_FIGURE_FIELDS && isEmpty(value)) continue;
        out[key] = value;
      }
      return out as StoredFigure;
    }),
    statements: statements.map((statement) => {
      if (!isSlice(statement)) return statement;
      const { text: _slice, ...rest } = statement;
      return rest;
    }),
  };
  if (!same) stored.text = analysedText;
  return stored;
}

/** Restores the full analysis from its compact form (or the fuller form earlier versions stored) and the report's text. */
export function expandAnalysis(stored: CompactAnalysis, text: string): ArticleAnalysis {
  const { text: storedText, sentences, figures, statements, ...rest } = stored;
  const full = storedText ?? text;
  return {
    ...rest,
    text: full,
    sentences: sentences.map((sentence, position) => ({
      ...sentence,
      index: sentence.index ?? position,
      text: sentence.text ?? full.slice(sentence.start, sentence.end),
    })),
    // makeFigure gives back the empty fields compactAnalysis left out.
    figures: figures.map((figure) => makeFigure({ ...figure, text: figure.text ?? full.slice(figure.start, figure.end) })),
    statements: statements.map((statement) => ({ ...statement, text: statement.text ?? full.slice(statement.start, statement.end) })),
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
    if (!isSpanIn(sentence, length) || (sentence.index !== undefined && sentence.index !== i) || !Number.isInteger(sentence.paragraph)) return `sentences[${i}] is out of place`;
    if (sentence.text !== undefined && typeof sentence.text !== 'string') return `sentences[${i}].text is not text`;
  }
  const inSentence = (item: unknown): boolean =>
    isSpanIn(item, length) && Number.isInteger(item.sentence) && (item.sentence as number) >= 0 && (item.sentence as number) < sentences.length && (item.text === undefined || typeof item.text === 'string');
  for (const [i, figure] of figures.entries()) {
    if (!inSentence(figure)) return `figures[${i}] is out of place`;
    const f = figure as Record<string, unknown>;
    if (typeof f.kind !== 'string' || !isValue(f.value)) return `figures[${i}] has no value`;
    const list = (field: unknown) => field === undefined || (Array.isArray(field) && field.every((entry) => typeof entry === 'string'));
    if (!list(f.entities) || !list(f.countedModifiers)) return `figures[${i}] lacks its entities`;
    // The matcher reads these as text: a number or an object there would throw in the middle of a check.
    const wrong = FIGURE_TEXT_FIELDS.find((key) => !isOptionalText(f[key]));
    if (wrong) return `figures[${i}].${wrong} is not text`;
    const date = f.date;
    if (date !== undefined && date !== null && !(isRecord(date) && typeof date.start === 'string' && typeof date.end === 'string' && typeof date.granularity === 'string')) {
      return `figures[${i}].date is not a date`;
    }
    const alt = f.alternate;
    if (alt !== undefined && alt !== null && !(isRecord(alt) && typeof alt.text === 'string' && isValue(alt.value) && isOptionalText(alt.unit) && typeof alt.consistent === 'boolean')) {
      return `figures[${i}].alternate is not a value`;
    }
  }
  for (const [i, statement] of statements.entries()) {
    const st = statement as Record<string, unknown>;
    if (!inSentence(statement) || (st.kind !== 'quote' && st.kind !== 'reported')) return `statements[${i}] is out of place`;
    if (!isOptionalText(st.speaker) || !isOptionalText(st.speakerKey) || typeof st.negated !== 'boolean') return `statements[${i}] has no speaker or negation`;
  }
  return null;
}

/** Figure fields the matcher reads as text (or null). */
const FIGURE_TEXT_FIELDS = ['qualifier', 'unit', 'currency', 'counted', 'countedKey', 'verb', 'place', 'attribution', 'attributionKey', 'zone', 'event'] as const;

function isOptionalText(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

function isValue(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.low === 'number' &&
    typeof value.point === 'number' &&
    (value.high === null || typeof value.high === 'number') &&
    typeof value.vague === 'boolean'
  );
}
