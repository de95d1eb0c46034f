// The shape of an extraction pattern: a named, documented matcher with example sentences and the figures they give.
import type { Figure, FigureKind, FigureValue } from '../../analysis/types';
import type { qualifierBefore } from '../numbers';

/** A figure found in one sentence, offsets into it, before what it counts and its context are read. */
export interface Draft {
  start: number;
  end: number;
  kind: FigureKind;
  value: FigureValue;
  qualifier: string | null;
  unit: string | null;
  currency: string | null;
  date: Figure['date'];
  alternate: Figure['alternate'];
  zone?: string | null;
  countable: boolean;
  /** Multiplier applied to the number written (scale word, unit conversion), so a range's first end can share it. */
  factor?: number;
}

/** One sentence being read: patterns add drafts in registry order, and skip spans an earlier pattern took. */
export interface SentenceContext {
  /** The sentence as written. */
  s: string;
  /** The sentence with URLs, handles and datelines blanked (same length): where patterns search. */
  masked: string;
  /** Publication day (ms), for relative dates. */
  pub: number | null;
  drafts: Draft[];
  taken(start: number, end: number): boolean;
}

/** A number as written (digits, number words or a vague amount), with its scale applied, before its unit is read. */
export interface NumberReading {
  s: string;
  pub: number | null;
  start: number;
  end: number;
  /** The number, scale applied. */
  n: number;
  /** The interval of a vague amount ("tens of thousands"), else null. */
  value: FigureValue | null;
  /** Currency of a symbol before the digits ("$", "€"), else null. */
  currency: string | null;
  /** The scale factor applied ("million"), when one was. */
  scaled: number | undefined;
  /** The text right after the number and its scale. */
  rest: string;
  /** The digits as written, when the number was written in digits. */
  digits: string | undefined;
  /** True when the number was written in words ("forty"). */
  isWords: boolean;
}

/** What a unit reader leaves to the common ending (qualifier, "-plus", "-strong"): the kind and unit it decided. */
export interface UnitReading {
  kind: FigureKind;
  unit: string | null;
  currency: string | null;
  end: number;
  countable: boolean;
}

/** A figure an example sentence must give: its text as written, its kind, and optionally value and unit. */
export interface ExpectedFigure {
  text: string;
  kind: FigureKind;
  /** The figure's point value (minutes for durations, days since 1970 for dates). */
  value?: number;
  unit?: string | null;
}

export interface PatternExample {
  sentence: string;
  /** Publication date (ISO) the sentence is read against; default 2022-03-10. */
  published?: string;
  figures: ExpectedFigure[];
  /** Text that must not become a figure (or part of one) in this sentence. */
  notFigures?: string[];
  /** Why the extractor does not yet give what the example expects: the test keeps it as an expected failure. */
  knownMiss?: string;
}

interface PatternInfo {
  name: string;
  /** What the pattern reads, in one sentence a newcomer can check against the examples. */
  description: string;
  examples: PatternExample[];
}

/** A pattern over a whole sentence: adds its drafts to the context. */
export interface SentencePattern extends PatternInfo {
  find(ctx: SentenceContext): void;
}

/**
 * A pattern over one number: what the words after it make it. Returns a finished draft, a unit reading for the
 * common ending, null when the number is no figure at all, or undefined when the pattern does not apply.
 */
export interface NumberPattern extends PatternInfo {
  read(number: NumberReading): Draft | UnitReading | null | undefined;
}

/** A pattern that joins a number's draft to the one before it (a range); true when it did. */
export interface JoinPattern extends PatternInfo {
  join(s: string, previous: Draft, next: Draft): boolean;
}

export type QualifierFound = ReturnType<typeof qualifierBefore>;
