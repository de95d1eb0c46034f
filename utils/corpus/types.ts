// Shapes of corpus reports: the pack format (bundled, imported, exported) and a report as stored.
import type { ArticleAnalysis, Span } from '../analysis/types';
import type { CompactAnalysis } from './format/compact-analysis';

export type ReportOrigin = 'bundled' | 'saved' | 'imported';

/** A metadata field that was not stated by the report but taken from well-established public facts. */
export interface InferredField {
  field: string;
  reason: string;
}

/** What is known about a report. Fields the report does not state are null (or listed in `inferred`). */
export interface ReportMeta {
  /** Stable id. For bundled reports: the file name without ".txt". */
  id: string;
  origin: ReportOrigin;
  url: string | null;
  outlet: string | null;
  headline: string | null;
  /** ISO date (YYYY-MM-DD) of publication. */
  published: string | null;
  /** The dateline place ("Geneva", "Washington"). */
  dateline: string | null;
  /** Wire agencies credited ("AFP", "Reuters"). */
  agencies: string[];
  /** Language the report was translated from (ISO 639-1), when it was. */
  translatedFrom: string | null;
  /** The event the report covers, in a few words. */
  event: string | null;
  /** ISO date (YYYY-MM-DD) of the event covered, when known (it may precede publication). */
  eventDate?: string | null;
  /** ISO date (YYYY-MM-DD) on which a site reprinted the report, when its page stamp says so; not the event date. */
  republished?: string | null;
  inferred: InferredField[];
  /** Author line as the page gives it (saved pages); absent in packs that do not carry one. */
  byline?: string | null;
}

/** A report in a pack: metadata, the cleaned article text, and its paragraphs and sentences as offsets. */
export interface PackReport extends ReportMeta {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  /** Version 2 packs: the report's analysis, stamped with the extractor that made it (absent: analysed on import). */
  analysis?: PackAnalysis;
}

/**
 * An analysis carried by a version 2 pack. Import uses it as it is only when `extractor` is the running extractor's
 * version and its shape checks out; otherwise the report is analysed again (in the background, in batches).
 */
export interface PackAnalysis {
  extractor: string;
  data: CompactAnalysis;
}

export const PACK_FORMAT = 'second-source-pack';
/** The version export writes: 2 may carry analyses. */
export const PACK_VERSION = 2;
/** Every version import reads: 1 (reports only) and 2 (reports with their analyses). */
export const PACK_VERSIONS: readonly PackVersion[] = [1, 2];
export type PackVersion = 1 | 2;

export interface CorpusPack {
  format: typeof PACK_FORMAT;
  version: PackVersion;
  /** Build or export stamp; for the bundled pack, a content hash so a newer pack is recognized. */
  revision: string;
  reports: PackReport[];
  /** Version 2: the retrieval index over every report, in order (see format/pack-index.ts). */
  index?: PackIndex;
}

/** An index segment a pack carries: the segment format that wrote it and its bytes in base64. */
export interface PackIndex {
  format: string;
  data: string;
}

/** A report ready for matching: its metadata and the core's analysis of its text. */
export interface AnalyzedReport {
  meta: ReportMeta;
  analysis: ArticleAnalysis;
}
