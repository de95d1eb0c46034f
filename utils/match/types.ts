// Shapes of the cross-check result: each figure and statement of the page with the reports that bear on it.
import type { FigureKind, FigureValue, ResolvedDate } from '../analysis/types';

export type FigureRelation = 'agrees' | 'differs';
export type StatementRelation = 'corroborates' | 'conflicts';

/** A corpus report's figure linked to a figure of the page. */
export interface FigureLink {
  report: string;
  outlet: string;
  published: string | null;
  /** The report's figure as written. */
  text: string;
  /** The whole report sentence that holds it. */
  sentence: string;
  relation: FigureRelation;
  /** Set when one side is vague and the other specific: not a conflict, say so. */
  vague: boolean;
  /** Where the report sits in time relative to the page: "earlier", "later", "same" or null. */
  timeline: 'earlier' | 'later' | 'same' | null;
  /** Who the report attributes the figure to. */
  attribution: string | null;
  /** Why the link was made, as short sentences a person can read. */
  reasons: string[];
  /** Reports that are near copies of one wire story share a cluster id. */
  cluster: string;
  /** Offsets of the figure inside `sentence`, for marking it. */
  figureStart: number;
  figureEnd: number;
  /** The report figure's value, kind, period and qualifier (optional, additive): the timeline and precise wording use them. */
  value?: FigureValue;
  kind?: FigureKind;
  date?: ResolvedDate | null;
  qualifier?: string | null;
  /** The reader's own decision on this link (optional, additive: set by utils/corrections after the engine). */
  correction?: { decision: 'different' | 'same'; at: string };
}

export interface FigureFinding {
  text: string;
  sentence: string;
  kind: FigureKind;
  value: FigureValue;
  /** Offsets in the article text of the figure and of its sentence: the UI anchors by quote, these help order. */
  start: number;
  end: number;
  sentenceStart: number;
  attribution: string | null;
  /** Links, earliest report first. A report that gives the quantity twice appears once per figure. */
  reports: FigureLink[];
  /** Number of distinct reports among `reports` (optional: added by the matcher). */
  reportCount?: number;
  /** Number of independent reports (wire copies collapsed). */
  independent: number;
  /** "differs" if any link differs with a specific value, else "agrees" if any link, else null. */
  verdict: FigureRelation | null;
  /** For dates: the period the text names, at its own granularity (optional, additive: "last June" is a month). */
  date?: ResolvedDate | null;
  /** Normalized qualifier as written ("about", "more than"), or null (optional, additive). */
  qualifier?: string | null;
  /** Links the reader marked "Not the same thing" (optional, additive): kept to show and undo, not counted. */
  dismissed?: FigureLink[];
}

export interface StatementLink {
  report: string;
  outlet: string;
  published: string | null;
  sentence: string;
  relation: StatementRelation;
  reasons: string[];
  cluster: string;
  /** The reader's own decision on this link (optional, additive: set by utils/corrections after the engine). */
  correction?: { decision: 'different' | 'same'; at: string };
}

export interface StatementFinding {
  sentence: string;
  text: string;
  speaker: string | null;
  start: number;
  end: number;
  reports: StatementLink[];
  /** Number of distinct reports among `reports` (optional: added by the matcher). */
  reportCount?: number;
  independent: number;
  /** Links the reader marked "Not the same thing" (optional, additive): kept to show and undo, not counted. */
  dismissed?: StatementLink[];
}

export interface CheckResult {
  article: {
    title: string;
    published: string | null;
    corpusId: string | null;
    url: string | null;
    siteName: string | null;
  };
  /** Every figure of the page, linked or not ("only here" when reports is empty). */
  figures: FigureFinding[];
  /** Statements with at least one corroborating or conflicting report. */
  statements: StatementFinding[];
  summary: { figures: number; differ: number; confirmed: number; onlyHere: number };
  corpusSize: number;
  declined: string | null;
  /** Number of sentences the core read in the article (set by the background; the sidebar shows it). */
  sentences?: number;
}
