// Turns raw report texts and their metadata into a corpus pack: boilerplate removed, paragraphs and sentences as offsets.
import type { Span } from '../../analysis/types';
import { splitSentences } from '../../article/sentences';
import { removeBoilerplate, type RemovedLine } from './boilerplate';
import type { SourceEntry } from '../pack-schema';
import { contentHash } from '../format/content-hash';
import { PACK_FORMAT, type CorpusPack, type PackReport } from '../types';

/** Version of the bundled pack file (corpus/pack.json). */
const BUNDLED_PACK_VERSION = 1;

/** What the build did with one report, for the build log and tests. */
export interface ReportBuildLog {
  id: string;
  /** Non-blank input lines. */
  lines: number;
  paragraphs: number;
  sentences: number;
  removed: RemovedLine[];
  /** Headline line found in the text (null when none); compare with the metadata's headline. */
  headlineFound: string | null;
  warnings: string[];
}

export interface BuildResult {
  pack: CorpusPack;
  log: ReportBuildLog[];
}

// The one content hash (format/content-hash.ts); re-exported for the build's callers.
export { contentHash };

/** One report of a pack, with keys in a fixed order so the serialized pack is byte-stable. */
function packReport(meta: SourceEntry, text: string, paragraphs: Span[], sentences: Span[]): PackReport {
  return {
    id: meta.id,
    origin: 'bundled',
    url: meta.url,
    outlet: meta.outlet,
    headline: meta.headline,
    published: meta.published,
    republished: meta.republished ?? null,
    dateline: meta.dateline,
    agencies: [...meta.agencies],
    translatedFrom: meta.translatedFrom,
    event: meta.event,
    eventDate: meta.eventDate ?? null,
    inferred: meta.inferred.map((f) => ({ field: f.field, reason: f.reason })),
    text,
    paragraphs,
    sentences,
  };
}

/** Cleans one report: its article paragraphs joined by a blank line, with paragraph and sentence offsets. */
export function buildReportText(raw: string, headline: string | null): {
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  removed: RemovedLine[];
  headlineFound: string | null;
  lines: number;
} {
  const cleaned = removeBoilerplate(raw, { headline });
  const paragraphs: Span[] = [];
  let offset = 0;
  for (const p of cleaned.paragraphs) {
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  const text = cleaned.paragraphs.join('\n\n');
  const sentences = splitSentences(text).map((s) => ({ start: s.start, end: s.end }));
  return {
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    headlineFound: cleaned.headline,
    lines: cleaned.kept.length + cleaned.removed.length,
  };
}

/**
 * Builds the bundled corpus pack from raw report texts (id → text) and their metadata. Reports are ordered by id;
 * a report without metadata, or metadata without a report, is an error. The revision is a hash of the content.
 */
export function buildPack(reportTexts: Record<string, string>, sources: SourceEntry[]): BuildResult {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const ids = Object.keys(reportTexts).sort();
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new Error(`No entry in sources for report(s): ${missing.join(', ')}`);
  const orphans = sources.filter((s) => !(s.id in reportTexts)).map((s) => s.id);
  if (orphans.length > 0) throw new Error(`Sources list report(s) with no text: ${orphans.join(', ')}`);

  const reports: PackReport[] = [];
  const log: ReportBuildLog[] = [];
  for (const id of ids) {
    const meta = byId.get(id)!;
    const built = buildReportText(reportTexts[id]!, meta.headline);
    const warnings: string[] = [];
    if (meta.headline && built.headlineFound === null) warnings.push(`headline "${meta.headline}" not found as a line of the text`);
    if (!meta.headline && built.headlineFound) warnings.push(`a headline-like line was found but the metadata has none: "${built.headlineFound}"`);
    if (built.sentences.length === 0) warnings.push('no article sentence left');
    reports.push(packReport(meta, built.text, built.paragraphs, built.sentences));
    log.push({
      id,
      lines: built.lines,
      paragraphs: built.paragraphs.length,
      sentences: built.sentences.length,
      removed: built.removed,
      headlineFound: built.headlineFound,
      warnings,
    });
  }
  // The bundled pack stays version 1 (no analyses): the extension analyses it on install, and its revision is stable.
  const revision = contentHash(JSON.stringify({ format: PACK_FORMAT, version: BUNDLED_PACK_VERSION, reports }));
  return { pack: { format: PACK_FORMAT, version: BUNDLED_PACK_VERSION, revision, reports }, log };
}
