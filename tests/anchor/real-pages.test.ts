// @vitest-environment happy-dom
// Anchoring baselines on Readability's real pages: every figure of the article is found in the live DOM, and undo
// restores the page exactly. Skipped when ../shared/readability-pages is absent.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodeConsole from 'node:console';
import { readArticle } from '../../utils/article/read-article';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import type { FigureFinding } from '../../utils/match/types';
import { Highlighter } from '../../entrypoints/content/highlighter';

const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'readability-pages');
const names = existsSync(PAGES) ? readdirSync(PAGES).filter((name) => existsSync(join(PAGES, name, 'source.html'))) : [];

/**
 * Parses a saved page without running its scripts. happy-dom loads no stylesheet, script or iframe here (by design) and
 * logs a NotSupportedError with its stack for each one the page links: about 2,700 lines on a passing run. Those
 * notices, and only those, are kept out of the log while the page is parsed.
 */
function parseQuietly(html: string): Document {
  // happy-dom was handed Node's own console before Vitest put its capturing one in place: patch that one.
  const error = nodeConsole.error;
  nodeConsole.error = (...args: unknown[]) => {
    // Duck-typed: the DOMException is made by happy-dom's window, so `instanceof Error` of this realm does not hold.
    const first = args[0] as { name?: unknown; message?: unknown } | undefined;
    if (first?.name === 'NotSupportedError' && typeof first.message === 'string' && first.message.includes('loading is disabled')) return;
    error(...args);
  };
  try {
    return new DOMParser().parseFromString(html, 'text/html');
  } finally {
    nodeConsole.error = error;
  }
}

/** Every figure the core finds in the page's article, as a finding the highlighter takes. */
function findingsOf(doc: Document): FigureFinding[] {
  const outcome = readArticle(doc, 'http://127.0.0.1/page', { readerableCheck: false });
  if (!outcome.ok) return [];
  const analysis = analyzeArticle(outcome.article);
  return analysis.figures.flatMap((figure) => {
    const sentence = analysis.sentences[figure.sentence];
    if (!sentence) return [];
    return [
      {
        text: figure.text,
        sentence: sentence.text,
        kind: figure.kind,
        value: figure.value,
        start: figure.start,
        end: figure.end,
        sentenceStart: sentence.start,
        attribution: null,
        reports: [],
        independent: 0,
        verdict: 'agrees' as const,
      },
    ];
  });
}

describe.skipIf(names.length === 0)("anchoring on Readability's real pages", () => {
  it.each(names)('%s: anchors the article figures in the live page and undoes without a trace', (name) => {
    const html = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
    // DOMParser builds the page without running its scripts.
    const doc = parseQuietly(html);
    const findings = findingsOf(doc);
    const before = doc.body.innerHTML;
    const highlighter = new Highlighter(doc);
    const made = highlighter.highlight(findings);
    // Each mark holds exactly its figure's words (whitespace aside).
    for (const highlight of made) {
      const text = highlight.marks.map((mark) => mark.textContent).join('').replace(/\s+/g, ' ').trim();
      expect(text).toBe(findings[highlight.finding]!.text.replace(/\s+/g, ' ').trim());
    }
    // Nearly every figure is found: the article text came from this very page.
    if (findings.length > 0) expect(made.length / findings.length, `${made.length} of ${findings.length}`).toBeGreaterThanOrEqual(0.9);
    if (process.env.SS_ANCHOR_LOG) {
      const got = new Set(made.map((h) => h.finding));
      console.log(`ANCHOR ${name} ${made.length}/${findings.length}`, findings.filter((_, i) => !got.has(i)).map((f) => `[${f.text}] in [${f.sentence}]`));
    }
    highlighter.undo();
    expect(doc.body.innerHTML).toBe(before);
  });
});
