// Validates corpus packs (bundled, imported) and corpus/sources.json where they enter the system, with path-precise errors.
import * as v from 'valibot';
import { PACK_FORMAT, PACK_VERSION, PACK_VERSIONS, type CorpusPack, type ReportMeta } from './types';

/** YYYY-MM-DD that names a real calendar day, optionally followed by a time ("2022-01-21T10:00:00Z"). */
const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'Expected an ISO date YYYY-MM-DD'),
  v.check((s) => {
    const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
  }, 'Expected a real calendar date'),
);

const Offset = v.pipe(v.number(), v.integer('Expected an integer offset'), v.minValue(0, 'Expected an offset ≥ 0'));
const Span = v.object({ start: Offset, end: Offset });

const Inferred = v.object({
  field: v.pipe(v.string(), v.minLength(1, 'Expected the name of the inferred field')),
  reason: v.pipe(v.string(), v.minLength(10, 'Expected a reason (at least a few words) for the inferred field')),
});

/** Metadata fields as in ReportMeta; `origin` is left to the caller (sources.json has none, packs do). */
const metaEntries = {
  id: v.pipe(v.string(), v.minLength(1, 'Expected a non-empty id')),
  url: v.nullable(v.string()),
  outlet: v.nullable(v.string()),
  headline: v.nullable(v.string()),
  published: v.nullable(IsoDate),
  dateline: v.nullable(v.string()),
  agencies: v.array(v.pipe(v.string(), v.minLength(1))),
  translatedFrom: v.nullable(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Expected a language code like "es"'))),
  event: v.nullable(v.string()),
  eventDate: v.optional(v.nullable(IsoDate)),
  republished: v.optional(v.nullable(IsoDate)),
  byline: v.optional(v.nullable(v.string())),
  inferred: v.array(Inferred),
};

const PackReportSchema = v.object({
  ...metaEntries,
  origin: v.picklist(['bundled', 'saved', 'imported']),
  text: v.string(),
  paragraphs: v.array(Span),
  sentences: v.array(Span),
  // Version 2: the stamped analysis. Its body is checked by checkCompactAnalysis at import; one that fails is redone.
  analysis: v.optional(v.object({ extractor: v.string(), data: v.unknown() })),
});

/** The structural schema of a corpus pack. Offsets and cross-field rules are checked by `parsePack` afterwards. */
export const PackSchema = v.object({
  format: v.literal(PACK_FORMAT, `Expected format "${PACK_FORMAT}"`),
  version: v.picklist(PACK_VERSIONS, `Expected pack version ${PACK_VERSIONS.join(' or ')}`),
  revision: v.pipe(v.string(), v.minLength(1, 'Expected a non-empty revision')),
  reports: v.array(PackReportSchema),
  // Version 2: the index over the reports. Its bytes are checked by the matcher (adoptSegment) at import; else rebuilt.
  index: v.optional(v.object({ format: v.string(), data: v.string() })),
});

/** One entry of corpus/sources.json: a report's metadata without its origin (every bundled report is 'bundled'). */
export type SourceEntry = Omit<ReportMeta, 'origin'>;

export const SourcesSchema = v.object({ reports: v.array(v.object(metaEntries)) });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Most reports a pack may hold (MAX_PACK_REPORTS of format/pack-read.ts is this one). */
export const PACK_MAX_REPORTS = 100_000;
/** Longest report text, in characters (MAX_REPORT_CHARS). */
export const PACK_MAX_TEXT = 2_000_000;
/** Most spans (paragraphs plus sentences) of one report: far more than a 2-million-character text has sentences. */
export const PACK_MAX_SPANS = 500_000;
/** Most spans of a whole pack. */
export const PACK_MAX_TOTAL_SPANS = 5_000_000;
/** Longest untrusted value quoted in an error message. */
const QUOTE_CHARS = 80;

/**
 * A short, safe description of an untrusted value for an error message: strings clipped and quoted, arrays and
 * objects named, never serialized (a deeply nested value would overflow the stack, a huge one flood the message).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > QUOTE_CHARS ? `${value.slice(0, QUOTE_CHARS)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A message cut to a readable length: valibot quotes received strings whole. */
function clipMessage(message: string, max = 300): string {
  return message.length <= max ? message : `${message.slice(0, max)}…`;
}

/**
 * Size and count limits, checked before the structural schema so that a huge pack is refused in time linear in
 * its top-level lists, without validating (or quoting) millions of items first. Null when within limits.
 */
export function checkPackLimits(json: unknown): string | null {
  if (json === null || typeof json !== 'object') return null;
  const reports = (json as { reports?: unknown }).reports;
  if (!Array.isArray(reports)) return null;
  if (reports.length > PACK_MAX_REPORTS) return `reports: the pack holds ${reports.length} reports; at most ${PACK_MAX_REPORTS} can be read`;
  let total = 0;
  for (const [r, report] of reports.entries()) {
    if (report === null || typeof report !== 'object') continue;
    const { text, paragraphs, sentences } = report as { text?: unknown; paragraphs?: unknown; sentences?: unknown };
    if (typeof text === 'string' && text.length > PACK_MAX_TEXT) {
      return `reports[${r}].text: ${text.length} characters; reports up to ${PACK_MAX_TEXT} characters can be read`;
    }
    const spans = (Array.isArray(paragraphs) ? paragraphs.length : 0) + (Array.isArray(sentences) ? sentences.length : 0);
    if (spans > PACK_MAX_SPANS) return `reports[${r}]: ${spans} paragraphs and sentences; at most ${PACK_MAX_SPANS} per report`;
    total += spans;
    if (total > PACK_MAX_TOTAL_SPANS) return `reports[${r}]: more than ${PACK_MAX_TOTAL_SPANS} paragraphs and sentences in the pack`;
  }
  return null;
}

/** "reports[2].sentences[5].end" from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${pathOf(first)}: ${clipMessage(first.message)}${more}`;
}

/** Fields an `inferred` entry may name. */
const META_FIELDS = new Set(['url', 'outlet', 'headline', 'published', 'dateline', 'agencies', 'translatedFrom', 'event', 'eventDate', 'republished', 'byline']);

/** Rules across fields of one report's metadata; returns an error "path: message" or null. */
function checkMeta(meta: Record<string, unknown> & { inferred: { field: string }[] }, at: string): string | null {
  for (const [k, entry] of meta.inferred.entries()) {
    if (!META_FIELDS.has(entry.field)) return `${at}.inferred[${k}].field: ${describeValue(entry.field)} is not a metadata field`;
    const value = meta[entry.field];
    if (value === null || value === undefined) {
      return `${at}.inferred[${k}].field: "${entry.field}" is marked inferred but is null; leave unknown fields null without an inferred entry`;
    }
  }
  return null;
}

/** Checks a list of spans against a text: in bounds, non-empty, in order, not overlapping. */
function checkSpans(spans: { start: number; end: number }[], textLength: number, at: string): string | null {
  let previousEnd = 0;
  for (const [k, s] of spans.entries()) {
    if (s.end <= s.start) return `${at}[${k}]: empty or reversed span (start ${s.start}, end ${s.end})`;
    if (s.end > textLength) return `${at}[${k}].end: ${s.end} is past the end of the text (${textLength} characters)`;
    if (s.start < previousEnd) return `${at}[${k}].start: ${s.start} overlaps or precedes the previous span (which ends at ${previousEnd})`;
    previousEnd = s.end;
  }
  return null;
}

/**
 * Index of the first sentence inside no paragraph, or -1. Both lists are sorted and non-overlapping (checkSpans ran
 * first), so one sweep of two pointers does it in linear time (a search per sentence took 20 s on 160,000 spans).
 */
function sentenceOutsideParagraphs(sentences: readonly { start: number; end: number }[], paragraphs: readonly { start: number; end: number }[]): number {
  let p = 0;
  for (const [k, s] of sentences.entries()) {
    while (p < paragraphs.length && paragraphs[p]!.end < s.end) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || paragraph.start > s.start) return k;
  }
  return -1;
}

/**
 * Parses an untrusted corpus pack (bundled file, user import). On failure the error names the first problem and
 * where it is, e.g. `reports[1].sentences[3].end: 5120 is past the end of the text (4210 characters)`.
 * Beyond the structure it checks: unique report ids; spans in bounds, ordered and non-overlapping; every sentence
 * inside a paragraph; inferred entries naming real, non-null fields. Unknown keys are dropped.
 */
export function parsePack(json: unknown): { ok: true; pack: CorpusPack } | { ok: false; error: string } {
  if (json !== null && typeof json === 'object' && 'version' in json && typeof json.version === 'number' && json.version > PACK_VERSION) {
    return { ok: false, error: `version: this pack has version ${json.version}, newer than this Second Source reads (${PACK_VERSION})` };
  }
  const limit = checkPackLimits(json);
  if (limit) return { ok: false, error: limit };
  const result = v.safeParse(PackSchema, json);
  if (!result.success) return { ok: false, error: describeIssues(result.issues) };
  const pack = result.output as CorpusPack;
  const ids = new Map<string, number>();
  for (const [r, report] of pack.reports.entries()) {
    const at = `reports[${r}]`;
    const seen = ids.get(report.id);
    if (seen !== undefined) return { ok: false, error: `${at}.id: ${describeValue(report.id)} repeats the id of reports[${seen}]` };
    ids.set(report.id, r);
    const problem =
      checkMeta(report as unknown as Parameters<typeof checkMeta>[0], at) ??
      checkSpans(report.paragraphs, report.text.length, `${at}.paragraphs`) ??
      checkSpans(report.sentences, report.text.length, `${at}.sentences`);
    if (problem) return { ok: false, error: problem };
    const outside = sentenceOutsideParagraphs(report.sentences, report.paragraphs);
    if (outside >= 0) {
      const s = report.sentences[outside]!;
      return { ok: false, error: `${at}.sentences[${outside}]: span ${s.start}–${s.end} lies in no paragraph` };
    }
  }
  return { ok: true, pack };
}

/** Parses corpus/sources.json: `{ reports: SourceEntry[] }`, ids unique, inferred entries naming non-null fields. */
export function parseSources(json: unknown): ParseResult<SourceEntry[]> {
  const result = v.safeParse(SourcesSchema, json);
  if (!result.success) return { ok: false, error: describeIssues(result.issues) };
  const entries = result.output.reports as SourceEntry[];
  const ids = new Set<string>();
  for (const [r, entry] of entries.entries()) {
    if (ids.has(entry.id)) return { ok: false, error: `reports[${r}].id: "${entry.id}" appears twice` };
    ids.add(entry.id);
    const problem = checkMeta(entry as unknown as Parameters<typeof checkMeta>[0], `reports[${r}]`);
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, value: entries };
}
