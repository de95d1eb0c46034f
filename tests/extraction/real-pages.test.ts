// Real pages (../shared/readability-pages, read at test time): Readability + extraction run clean on every one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import { readArticle } from '../../utils/article/read-article';

const DIR = fileURLToPath(new URL('../../../shared/readability-pages/', import.meta.url));
const pages = existsSync(DIR)
  ? readdirSync(DIR).filter((name) => existsSync(`${DIR}${name}/source.html`)).sort()
  : [];

/** Pages in another language than English: they must be declined (or read correctly, which we do not attempt). */
const OTHER_LANGUAGES: Record<string, string> = {
  aktualne: 'cs',
  folha: 'pt',
  heise: 'de',
  'lemonde-1': 'fr',
  'liberation-1': 'fr',
  'nytimes-5': 'es',
};
/** Pages that are not news articles: no figures at all. */
const NOT_ARTICLES = new Set(['mathjax']);

function read(name: string) {
  const { document } = parseHTML(readFileSync(`${DIR}${name}/source.html`, 'utf8'));
  return readArticle(document as unknown as Document, `https://example.org/${name}`, { readerableCheck: false });
}

describe.skipIf(pages.length === 0)('real pages', () => {
  it.each(pages)('%s: extraction runs clean and its figures are well formed', (name) => {
    const outcome = read(name);
    if (!outcome.ok) return expect(outcome.reason).toMatch(/article/);
    const a = analyzeArticle(outcome.article);
    for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    for (const f of a.figures) {
      expect(a.text.slice(f.start, f.end)).toBe(f.text);
      expect(Number.isFinite(f.value.point)).toBe(true);
      expect(f.value.high === null || f.value.low <= f.value.high).toBe(true);
      if (f.date) expect(f.date.start <= f.date.end).toBe(true);
    }
    for (const st of a.statements) expect(a.text.slice(st.start, st.end)).toBe(st.text);
  });

  it.each(Object.entries(OTHER_LANGUAGES).filter(([name]) => pages.includes(name)))(
    '%s (%s) is declined with a reason and gives no figures',
    (name, lang) => {
      const outcome = read(name);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const a = analyzeArticle(outcome.article);
      expect(a.declined).toMatch(/language/);
      expect(a.language).toBe(lang);
      expect(a.figures).toEqual([]);
    },
  );

  it('declines a page in another language even when the page does not say so', () => {
    const name = 'lemonde-1';
    if (!pages.includes(name)) return;
    const outcome = read(name);
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = analyzeArticle({ ...outcome.article, lang: null });
    expect(a.declined).toMatch(/language \(fr\)/);
    expect(a.figures).toEqual([]);
  });

  it.each([...NOT_ARTICLES].filter((name) => pages.includes(name)))('%s (not an article) produces no figures', (name) => {
    const outcome = read(name);
    if (!outcome.ok) return;
    expect(analyzeArticle(outcome.article).figures).toEqual([]);
  });

  it.each(pages.filter((name) => !(name in OTHER_LANGUAGES) && !NOT_ARTICLES.has(name)))(
    '%s (English) is read, not declined',
    (name) => {
      const outcome = read(name);
      if (!outcome.ok) return;
      expect(analyzeArticle(outcome.article).declined).toBeNull();
    },
  );
});
