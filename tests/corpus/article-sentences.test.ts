// Hand-read fixtures: every article sentence of every report survives the build, and nothing else does.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_FILE } from '../../scripts/build-corpus';
import type { CorpusPack } from '../../utils/corpus/types';

/** tests/fixtures/corpus/<id>.json, written by reading each report: its article as paragraphs of sentences, and the rest. */
interface ReportFixture {
  id: string;
  headline: string | null;
  article: string[][];
  boilerplate: string[];
}

const FIXTURES = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const fixtures: ReportFixture[] = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => JSON.parse(readFileSync(join(FIXTURES, n), 'utf8')) as ReportFixture);
const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as CorpusPack;

describe('hand-read report fixtures', () => {
  it('cover every report of the pack', () => {
    expect(fixtures.map((f) => f.id)).toEqual(pack.reports.map((r) => r.id));
  });

  describe.each(fixtures.map((f) => [f.id, f] as const))('%s', (id, fixture) => {
    const report = pack.reports.find((r) => r.id === id)!;
    const paragraphs = report.paragraphs.map((p) => report.text.slice(p.start, p.end));
    const sentences = report.sentences.map((s) => report.text.slice(s.start, s.end));

    it('keeps every article sentence, inside one paragraph', () => {
      for (const sentence of fixture.article.flat()) {
        expect(paragraphs.some((p) => p.includes(sentence)), sentence).toBe(true);
      }
    });

    it('keeps exactly the article paragraphs, in order', () => {
      expect(paragraphs).toEqual(fixture.article.map((p) => p.join(' ')));
    });

    it('has no sentence that is not article text', () => {
      const articleText = fixture.article.map((p) => p.join(' '));
      for (const s of sentences) expect(articleText.some((p) => p.includes(s)), s).toBe(true);
      expect(sentences.length).toBeGreaterThanOrEqual(fixture.article.flat().length - 2);
    });

    it('lets no boilerplate line survive', () => {
      for (const line of fixture.boilerplate) {
        expect(paragraphs, line).not.toContain(line);
        if (line.split(/\s+/).length >= 5) expect(report.text, line).not.toContain(line);
      }
    });

    it('keeps the headline as metadata, not text', () => {
      expect(report.headline).toBe(fixture.headline);
      if (fixture.headline) expect(report.text).not.toContain(fixture.headline);
    });
  });
});
