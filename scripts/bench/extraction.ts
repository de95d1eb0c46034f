// Extraction benchmark: median ms per 1,000 words of analyzeArticle, beside Readability's own parse of the same pages.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { ArticleInput } from '../../utils/analysis/types';
import { readArticle } from '../../utils/article/read-article';

const PAGES = fileURLToPath(new URL('../../../shared/readability-pages/', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../corpus/reports/', import.meta.url));
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of RUNS timings of `fn` (after one warm-up run), in ms. */
function time(fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Times extraction (sentences, figures, statements) per 1,000 words on the Readability test pages and the seed
 * reports, and Readability's parse (readArticle on a linkedom document) on the same pages in the same run.
 */
export async function benchExtraction(): Promise<string[]> {
  const lines: string[] = [];
  const extractPer1k: number[] = [];
  const readabilityPer1k: number[] = [];
  const ratios: number[] = [];
  let pages = 0;
  let totalWords = 0;
  if (existsSync(PAGES)) {
    for (const name of readdirSync(PAGES).sort()) {
      const file = `${PAGES}${name}/source.html`;
      if (!existsSync(file)) continue;
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const doc = document as unknown as Document;
      const outcome = readArticle(doc, null, { readerableCheck: false });
      if (!outcome.ok) continue;
      const article = outcome.article;
      const n = words(article.text);
      // Time what the extension runs: pages in another language are declined, which is cheap, so read them as English.
      const input: ArticleInput = { ...article, lang: 'en' };
      const readMs = time(() => readArticle(doc, null, { readerableCheck: false }));
      const extractMs = time(() => analyzeArticle(input));
      pages += 1;
      totalWords += n;
      extractPer1k.push((extractMs / n) * 1000);
      readabilityPer1k.push((readMs / n) * 1000);
      ratios.push(extractMs / readMs);
    }
  }
  const seedPer1k: number[] = [];
  if (existsSync(REPORTS)) {
    for (const file of readdirSync(REPORTS).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(`${REPORTS}${file}`, 'utf8');
      const input: ArticleInput = { text, title: null, url: null, published: '2022-01-22', siteName: null, byline: null, lang: 'en' };
      seedPer1k.push((time(() => analyzeArticle(input)) / words(text)) * 1000);
    }
  }
  if (pages > 0) {
    lines.push(`readability pages: ${pages} pages, ${totalWords} words (median of ${RUNS} runs each, after a warm-up)`);
    lines.push(`  extraction (sentences + figures + statements): ${median(extractPer1k).toFixed(2)} ms per 1,000 words (median)`);
    lines.push(`  Readability parse (linkedom, same pages):      ${median(readabilityPer1k).toFixed(2)} ms per 1,000 words (median)`);
    lines.push(`  extraction / Readability per page: median ${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (target < 1)`);
  } else {
    lines.push('readability pages: not found (../shared/readability-pages), skipped');
  }
  if (seedPer1k.length > 0) {
    lines.push(`seed reports: ${seedPer1k.length} texts, extraction ${median(seedPer1k).toFixed(2)} ms per 1,000 words (median)`);
  }
  return lines;
}
