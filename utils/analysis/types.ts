// Shared shapes of an analysed article: sentences, figures and statements (pure data, JSON-serializable).

/** An article handed to the core: the Readability text plus what the page says about itself. */
export interface ArticleInput {
  /** Plain article text; paragraphs separated by a blank line ("\n\n"). */
  text: string;
  title: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) or datetime of publication, when known. Relative dates resolve against it. */
  published: string | null;
  siteName: string | null;
  byline: string | null;
  /** BCP 47 language tag from the page, when known. */
  lang: string | null;
}

/** A character range [start, end) into the article text. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
}

export type FigureKind =
  | 'count'
  | 'money'
  | 'percent'
  | 'duration'
  | 'date'
  | 'time'
  | 'year'
  | 'frequency'
  | 'order'
  | 'measure';

/**
 * A value as an interval. `high` is null when the interval is open upwards ("more than 5,000").
 * `point` is the figure the text names (5,000); `vague` marks "tens of thousands", "hundreds", "dozens".
 */
export interface FigureValue {
  low: number;
  high: number | null;
  point: number;
  vague: boolean;
}

/** A date or period that a date figure refers to, resolved against the publication date. */
export interface ResolvedDate {
  /** First day, ISO YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, ISO YYYY-MM-DD. */
  end: string;
  granularity: 'day' | 'week' | 'month' | 'year';
}

export interface Figure extends Span {
  /** The figure as written, e.g. "more than 5,000" (includes the qualifier). */
  text: string;
  /** Index of the sentence holding it. */
  sentence: number;
  kind: FigureKind;
  value: FigureValue;
  /** Normalized qualifier: "more than", "at least", "about", "up to", "nearly", ... or null. */
  qualifier: string | null;
  /** Normalized unit: "minute", "km", "USD", "percent", ... or null for plain counts. */
  unit: string | null;
  /** Currency as written for money ("EUR", "GBP", "USD"). */
  currency: string | null;
  /** What is counted, as written: "Russian soldiers", "people", "OSCE foreign ministers". */
  counted: string | null;
  /** Normalized head of what is counted ("troop" for troops/soldiers/forces). */
  countedKey: string | null;
  /** Normalized modifiers of what is counted ("russia" for "Russian"). */
  countedModifiers: string[];
  /** The event verb, lemmatized where cheap ("kill", "mass", "meet", "last"). */
  verb: string | null;
  /** Canonical entity keys named in the sentence. */
  entities: string[];
  /** Canonical key of the place in the sentence, when one is named. */
  place: string | null;
  /** "according to US intelligence services", "Washington", ... */
  attribution: string | null;
  /** For dates, years and date-bound phrases: the absolute period. */
  date: ResolvedDate | null;
  /** A second rendering of the same figure, e.g. "46km" in "26 miles (46km)". */
  alternate: { text: string; value: FigureValue; unit: string | null; consistent: boolean } | null;
  /** Canonical entity key of the attribution's source ("us" for "Washington accusing"), when known. */
  attributionKey?: string | null;
  /** For times of day: the zone as written ("GMT", "ET"), or null for local time. */
  zone?: string | null;
  /**
   * The event noun of the sentence the figure belongs to, lowercased ("call" in "the call ... lasted 50 minutes" and
   * in "a 50-minute phone call"; "meeting", "talks", "invasion"), when one is near. Absent when none is found.
   */
  event?: string | null;
}

export interface Statement extends Span {
  sentence: number;
  /** The quoted or reported words. */
  text: string;
  kind: 'quote' | 'reported';
  /** The speaker as written, when the text names one. */
  speaker: string | null;
  /** Canonical entity key of the speaker. */
  speakerKey: string | null;
  /** A denial or negation: "denies any plans to invade", "no plans to invade". */
  negated: boolean;
}

export interface ArticleAnalysis {
  text: string;
  published: string | null;
  /** Language the analysis ran in; "en" unless the text was declined. */
  language: string;
  /** Set when the core declined to read figures (another language, not an article). */
  declined: string | null;
  sentences: Sentence[];
  figures: Figure[];
  statements: Statement[];
}
