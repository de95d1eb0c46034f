// The committed corpus pack: valid against its schema, identical to a fresh build, with the metadata of sources.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpus, PACK_FILE, readCorpusInputs } from '../../scripts/build-corpus';
import { buildPack, contentHash } from '../../utils/corpus/build/build-pack';
import { parsePack } from '../../utils/corpus/pack-schema';

const committed = readFileSync(PACK_FILE, 'utf8');

describe('corpus/pack.json', () => {
  it('validates against the pack schema', () => {
    const parsed = parsePack(JSON.parse(committed));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.pack.reports.map((r) => r.id)).toEqual([
      '000_b0799e2d46552d1b',
      '001_894e524890745626',
      '002_f5573d1949718a5b',
      '003_fb517c75f5aea163',
      '004_fc1bf6139301debc',
    ]);
  });

  it('is byte-identical to a fresh build (run `npm run build:corpus` and commit when this fails)', () => {
    expect(buildCorpus().json).toBe(committed);
  });

  it('builds deterministically and changes its revision when content changes', () => {
    const { reportTexts, sources } = readCorpusInputs();
    const a = buildPack(reportTexts, sources);
    const b = buildPack({ ...reportTexts }, [...sources].reverse());
    expect(JSON.stringify(b.pack)).toBe(JSON.stringify(a.pack));
    const firstId = Object.keys(reportTexts).sort()[0]!;
    // Text after a comment prompt is dropped, so edit inside the article: the first line that is a long sentence.
    const firstSentence = reportTexts[firstId]!.split('\n').find((l) => l.length > 80 && l.trim().endsWith('.'))!;
    const edited = { ...reportTexts, [firstId]: reportTexts[firstId]!.replace(firstSentence, `${firstSentence} Added.`) };
    expect(buildPack(edited, sources).pack.revision).not.toBe(a.pack.revision);
  });

  it('carries each report’s metadata from sources.json and marks every bundled report as bundled', () => {
    const { sources } = readCorpusInputs();
    const pack = JSON.parse(committed) as { reports: Record<string, unknown>[] };
    for (const source of sources) {
      const report = pack.reports.find((r) => r.id === source.id)!;
      expect(report.origin).toBe('bundled');
      for (const key of ['outlet', 'headline', 'published', 'dateline', 'agencies', 'translatedFrom', 'event', 'inferred'] as const) {
        expect(report[key], `${source.id}.${key}`).toEqual(source[key]);
      }
    }
  });

  it('offsets slice the text into whole paragraphs and trimmed sentences', () => {
    const pack = JSON.parse(committed) as { reports: { id: string; text: string; paragraphs: { start: number; end: number }[]; sentences: { start: number; end: number }[] }[] };
    for (const r of pack.reports) {
      expect(r.paragraphs.map((p) => r.text.slice(p.start, p.end)).join('\n\n'), r.id).toBe(r.text);
      for (const s of r.sentences) {
        const t = r.text.slice(s.start, s.end);
        expect(t, r.id).toBe(t.trim());
        expect(t).not.toContain('\n');
      }
    }
  });
});

describe('contentHash', () => {
  it('is a stable 16-hex-digit FNV-1a 64 of the UTF-8 bytes', () => {
    // Published FNV-1a 64 test vectors.
    expect(contentHash('')).toBe('cbf29ce484222325');
    expect(contentHash('a')).toBe('af63dc4c8601ec8c');
    expect(contentHash('foobar')).toBe('85944171f73967e8');
    expect(contentHash('Kyiv')).not.toBe(contentHash('Kiev'));
  });
});

describe('buildPack on made-up input', () => {
  const meta = {
    id: 'x1',
    url: null,
    outlet: null,
    headline: 'Port reopens after storm',
    published: '2023-03-06',
    dateline: null,
    agencies: [],
    translatedFrom: null,
    event: null,
    inferred: [],
  };
  const raw = 'Port reopens after storm\n\nMon, Mar 6th, 2023\n\nThe port reopened on Monday. Ships queued for hours.\nDock workers cheered.\n\nLeave a Reply\nGreat news!';

  it('cleans the text, joins paragraphs with a blank line and stores offsets', () => {
    const { pack, log } = buildPack({ x1: raw }, [meta]);
    const report = pack.reports[0]!;
    expect(report.text).toBe('The port reopened on Monday. Ships queued for hours.\n\nDock workers cheered.');
    expect(report.paragraphs.map((p) => report.text.slice(p.start, p.end))).toEqual([
      'The port reopened on Monday. Ships queued for hours.',
      'Dock workers cheered.',
    ]);
    expect(report.sentences.map((s) => report.text.slice(s.start, s.end))).toEqual([
      'The port reopened on Monday.',
      'Ships queued for hours.',
      'Dock workers cheered.',
    ]);
    expect(report.eventDate).toBeNull();
    expect(log[0]!.removed.map((r) => r.reason)).toEqual(['headline', 'date-stamp', 'comments', 'comments']);
    expect(log[0]!.warnings).toEqual([]);
    expect(parsePack(pack).ok).toBe(true);
  });

  it('warns when the metadata headline is not in the text', () => {
    const { log } = buildPack({ x1: raw }, [{ ...meta, headline: 'Another headline entirely' }]);
    expect(log[0]!.warnings[0]).toMatch(/headline "Another headline entirely" not found/);
  });

  it('refuses a report without metadata and metadata without a report', () => {
    expect(() => buildPack({ x1: raw, x2: raw }, [meta])).toThrow(/No entry in sources for report\(s\): x2/);
    expect(() => buildPack({}, [meta])).toThrow(/Sources list report\(s\) with no text: x1/);
  });
});
