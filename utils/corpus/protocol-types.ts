// Shapes of the reader's corpus as the message protocol carries them (lists, reports, deletes, imports): no Dexie here,
// so utils/messaging.ts and the pages can name them without pulling the store (or an import cycle) in.
import type { ArticleAnalysis, Span } from '../analysis/types';
import type { ReportMeta, ReportOrigin } from './types';

/** Corpus size by origin: reports that are not deleted and not hidden. */
export interface CorpusStats {
  reports: number;
  byOrigin: Record<ReportOrigin, number>;
}

export interface SaveResult {
  id: string;
  /** True when a report with the same URL existed and was updated (never duplicated). */
  updated: boolean;
}

/** A report as the "My reports" list shows it. */
export interface ReportListItem {
  id: string;
  origin: ReportOrigin;
  url: string | null;
  outlet: string | null;
  headline: string | null;
  published: string | null;
  figureCount: number;
  statementCount: number;
  addedAt: number;
  /** A bundled report the reader hid. */
  hidden: boolean;
  /** The name shown for its source (display-name.ts: outlet, else wire agencies, else host); never an id. */
  source: string;
  /** The title shown: the headline, else the first sentence (then `titleDerived`). */
  title: string;
  titleDerived: boolean;
}

export type ReportSort = 'added' | 'published' | 'outlet' | 'headline' | 'figures' | 'origin';

export interface ReportQuery {
  /** Words that must all appear in the headline, outlet, URL, byline, dateline or event (case-insensitive). */
  search?: string;
  origin?: ReportOrigin | 'all';
  /** Default "added" (newest first). */
  sort?: ReportSort;
  /** Default "desc" for added/published/figures, "asc" for text columns. */
  direction?: 'asc' | 'desc';
  /** Include hidden bundled reports (flagged `hidden`). Default true. */
  includeHidden?: boolean;
}

/** A whole report for the report viewer. */
export interface StoredReport {
  meta: ReportMeta;
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  analysis: ArticleAnalysis | null;
  addedAt: number;
  updatedAt: number;
  hidden: boolean;
  deleted: boolean;
}

/** What undoDelete needs to put reports back; plain JSON, so it can travel in a message. */
export interface UndoToken {
  /** Reader reports moved to the trash. */
  deleted: string[];
  /** Bundled reports hidden (bundled reports are hidden, never deleted). */
  hidden: string[];
  /** The deletion stamp, so undo never revives a later deletion of the same report. */
  at: number;
}

export interface DeleteResult {
  deleted: string[];
  hidden: string[];
  /** Ids that were not found or already deleted. */
  missing: string[];
  undo: UndoToken;
}

export interface ImportDuplicate {
  /** Position in the pack. */
  index: number;
  id: string;
  headline: string | null;
  /** Same page address, or nearly the same text. */
  /** The title the reader knows it by (its headline, or its first sentence). */
  title: string;
  reason: 'url' | 'text';
  /** Id of the report it duplicates (already stored, or earlier in the same pack). */
  existing: string;
  /** The title of the report it duplicates, and where that one came from. */
  existingTitle: string;
  existingOrigin: ReportOrigin;
  /** True when `existing` is an earlier report of the same pack. */
  inPack: boolean;
  /** Estimated share of text in common (for reason "text"). */
  similarity: number | null;
}

export interface ImportResult {
  revision: string;
  /** Reports in the pack. */
  total: number;
  /** Ids of the reports stored. */
  added: string[];
  /** Reports skipped as duplicates, each with what it duplicates. */
  duplicates: ImportDuplicate[];
  /** Pack ids already used by a different stored report, and the ids they were stored under. */
  renamed: { from: string; to: string }[];
  /** Reports stored with the analysis the pack carried (its stamp matched the running extractor). */
  trusted: number;
  /** Reports stored without an analysis yet: maintainCorpus analyses and indexes them in the background. */
  pending: number;
  /** One paragraph for the reader. */
  summary: string;
}

/** What to export. */
export interface ExportOptions {
  /** Export exactly these reports (hidden ones included, deleted ones not), in the order they were added. */
  ids?: readonly string[];
  /** Without ids: only these origins. Default all. */
  origins?: readonly ReportOrigin[];
  /** Without ids: include hidden bundled reports. Default false. */
  includeHidden?: boolean;
}
