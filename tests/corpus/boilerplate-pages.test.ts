// Generality check: on real news pages (Readability's test pages, read in place), the boilerplate rules keep the
// article prose that Readability finds. Skipped when ../shared/readability-pages is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../utils/article/read-article';
import { hasSentenceEnd, removeBoilerplate } from '../../utils/corpus/build/boilerplate';

const PAGES = fileURLToPath(new URL('../../../shared/readability-pages/', import.meta.url));
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dt, dd';

interface PageResult {
  name: string;
  prose: number;
  lost: string[];
  kept: number;
  keptOutsideArticle: number;
}

/** Flattens a whole page (navigation, teasers, footer and all) into one block per line, as scraped text looks. */
function pageLines(doc: Document): string[] {
  doc.querySelectorAll('script, style, noscript, template').forEach((e) => e.remove());
  const blocks = Array.from(doc.body.querySelectorAll(BLOCKS)).filter((el) => !el.querySelector(BLOCKS));
  return blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function measure(name: string): PageResult | null {
  const dir = join(PAGES, name);
  const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { lang?: string | null };
  if (meta.lang && !meta.lang.startsWith('en')) return null;
  const doc = parseHTML(readFileSync(join(dir, 'source.html'), 'utf8')).document as unknown as Document;
  const read = readArticle(doc, null, { readerableCheck: false });
  if (!read.ok) return null;
  const articleParagraphs = read.article.text.split('\n\n');
  const lines = pageLines(doc);
  const onPage = new Set(lines);
  // Prose paragraphs of the article that exist as lines of the flattened page (Readability sometimes splits or
  // joins blocks differently; those cannot be compared line for line).
  const prose = articleParagraphs.filter((p) => hasSentenceEnd(p) && /\p{L}{2}/u.test(p) && onPage.has(p));
  const cleaned = removeBoilerplate(lines.join('\n\n'));
  const kept = new Set(cleaned.paragraphs);
  const inArticle = new Set(articleParagraphs);
  return {
    name,
    prose: prose.length,
    lost: prose.filter((p) => !kept.has(p)),
    kept: cleaned.paragraphs.length,
    keptOutsideArticle: cleaned.paragraphs.filter((p) => !inArticle.has(p)).length,
  };
}

describe.skipIf(!existsSync(PAGES))('boilerplate rules on real news pages', () => {
  it('keep at least 99% of the article prose paragraphs, on every page', { timeout: 120_000 }, () => {
    const results = readdirSync(PAGES)
      .sort()
      .map(measure)
      .filter((r): r is PageResult => r !== null && r.prose > 0);
    expect(results.length).toBeGreaterThanOrEqual(15);
    const prose = results.reduce((n, r) => n + r.prose, 0);
    const lost = results.flatMap((r) => r.lost.map((l) => `${r.name}: ${l.slice(0, 100)}`));
    expect(lost.length / prose, lost.join('\n')).toBeLessThanOrEqual(0.01);
    for (const r of results) expect(r.lost.length / r.prose, `${r.name}: ${r.lost.join(' | ')}`).toBeLessThanOrEqual(0.05);
  });
});
