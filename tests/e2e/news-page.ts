// Fixture generator: renders any report (from the corpus pack or a raw report file) as a realistic news page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusPack, PackReport } from '../../utils/corpus/types';

/** What a news page is made of. Everything is text: it is escaped on the way into HTML. */
export interface NewsStory {
  headline: string;
  outlet: string;
  /** ISO date (YYYY-MM-DD) or null when the page states none. */
  published: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string[];
  /** Where the page says it lives (for og:url and the canonical link). */
  url?: string;
}

export interface RenderOptions {
  /** Link the site stylesheet (served at /site.css) instead of inlining it: strict-CSP pages need that. */
  stylesheetHref?: string;
  /** Put the page's own stylesheet inline in a <style> element (ignored when stylesheetHref is set). */
  inlineStyles?: boolean;
  /** Add a page script (a comment counter) so the page is not script-free; blocked under script-src 'none'. */
  withScript?: boolean;
  lang?: string;
  /** The site's stylesheet when inlined; default SITE_CSS (greedy on purpose), CALM_CSS for the demo. */
  css?: string;
  /** Also state the byline in <meta name="author">. */
  authorMeta?: boolean;
  /**
   * Add `window.rerender()`, which rebuilds the article from the HTML it had at load, as script-driven pages do
   * (the nodes are new; any marks a reader tool added are gone).
   */
  rerenderScript?: boolean;
}

export const ROOT = join(import.meta.dirname, '..', '..');
const PACK = join(ROOT, 'corpus', 'pack.json');
const REPORTS = join(ROOT, 'corpus', 'reports');

/** The bundled pack, or null when the corpus build has not written it. */
export function loadPack(): CorpusPack | null {
  return existsSync(PACK) ? (JSON.parse(readFileSync(PACK, 'utf8')) as CorpusPack) : null;
}

/** Ids of the raw reports in corpus/reports, sorted. */
export function rawReportIds(): string[] {
  return readdirSync(REPORTS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -4))
    .sort();
}

/** A story from a pack report: its cleaned paragraphs and its metadata. */
export function storyFromPack(report: PackReport): NewsStory {
  const paragraphs = report.paragraphs.map((span) => report.text.slice(span.start, span.end).trim()).filter(Boolean);
  return {
    headline: report.headline ?? paragraphs[0] ?? report.id,
    outlet: report.outlet ?? 'The Daily Wire Service',
    published: report.published,
    byline: report.agencies.length > 0 ? report.agencies.join(' / ') : null,
    dateline: report.dateline,
    paragraphs,
    url: report.url ?? undefined,
  };
}

/**
 * A story from a raw report file (boilerplate and all, as it was scraped): one paragraph per non-empty line.
 * The metadata is given by the caller, because a raw file does not reliably say it.
 */
export function storyFromRaw(
  id: string,
  meta: Pick<NewsStory, 'headline' | 'outlet' | 'published'> & Partial<NewsStory>,
): NewsStory {
  const text = readFileSync(join(REPORTS, `${id}.txt`), 'utf8');
  const paragraphs = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line !== meta.headline);
  return { byline: null, dateline: null, ...meta, paragraphs };
}

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${Number(d)}, ${y}`;
}

/**
 * The site's stylesheet. It is deliberately greedy, as real sites are: it styles bare `aside`, `h2`, `h3`, `button`,
 * `dl`, `time`, sets a large root font size and a global box model. None of it may reach the sidebar.
 */
export const SITE_CSS = `
:root { font-size: 19px; }
* { box-sizing: content-box; }
body { margin: 0; font-family: "Courier New", monospace; color: rgb(40, 40, 40); background: rgb(250, 248, 240); line-height: 1.7; }
.site-header { background: rgb(120, 0, 0); color: white; padding: 12px 24px; }
.site-header .logo { font: 700 28px Georgia, serif; letter-spacing: 1px; }
nav ul { list-style: none; display: flex; gap: 18px; margin: 8px 0 0; padding: 0; }
nav a { color: white; text-decoration: none; text-transform: uppercase; font-size: 13px; }
.ticker { background: black; color: rgb(255, 220, 0); padding: 4px 24px; font-size: 12px; white-space: nowrap; overflow: hidden; }
.layout { display: flex; gap: 32px; max-width: 1100px; margin: 24px auto; padding: 0 24px; }
main { flex: 1 1 auto; min-width: 0; }
article h1 { font: 700 34px/1.2 Georgia, serif; margin: 0 0 12px; }
.byline { color: rgb(110, 110, 110); font-size: 14px; margin-bottom: 20px; }
article p { font-size: 18px; margin: 0 0 16px; }
h2, h3 { color: rgb(0, 128, 0) !important; text-transform: uppercase; font-family: Impact, sans-serif; }
aside { background: rgb(255, 235, 59) !important; border: 6px dashed rgb(255, 0, 255); padding: 16px; font-size: 22px; width: 260px; flex: none; }
button { background: rgb(255, 0, 0); color: rgb(255, 255, 0); font-size: 30px; border-radius: 0; padding: 10px 40px; }
dl, dt, dd { margin: 30px; color: rgb(0, 0, 255); }
time { color: rgb(255, 0, 0); font-weight: 900; }
div { letter-spacing: 1px; }
.ad { background: rgb(230, 230, 230); border: 1px solid rgb(200, 200, 200); text-align: center; padding: 30px; margin: 24px 0; color: rgb(120, 120, 120); font-size: 12px; }
.comments { border-top: 3px solid rgb(120, 0, 0); margin-top: 32px; padding-top: 12px; }
.comment { margin: 12px 0; padding: 10px; background: white; }
footer { background: rgb(34, 34, 34); color: rgb(200, 200, 200); padding: 24px; font-size: 13px; }
`;

/** A quiet, ordinary news-site stylesheet for the demo of `npm start` (same page structure as SITE_CSS). */
export const CALM_CSS = `
body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #1f1f1f; background: #fff; line-height: 1.6; }
.site-header { border-bottom: 1px solid #ddd; padding: 14px 32px 8px; }
.site-header .logo { font: 700 30px Georgia, serif; color: #111; }
nav ul { list-style: none; display: flex; gap: 20px; margin: 6px 0 0; padding: 0; }
nav a { color: #444; text-decoration: none; font: 600 13px system-ui, sans-serif; text-transform: uppercase; letter-spacing: .05em; }
.ticker { background: #f4f4f4; color: #555; padding: 6px 32px; font: 12px system-ui, sans-serif; white-space: nowrap; overflow: hidden; }
.layout { display: flex; gap: 40px; max-width: 1100px; margin: 28px 0 0 32px; padding: 0; }
main { flex: 0 1 620px; min-width: 0; }
article h1 { font: 700 34px/1.2 Georgia, serif; margin: 0 0 12px; }
.byline { color: #666; font: 13px system-ui, sans-serif; margin-bottom: 22px; }
article p { font-size: 19px; margin: 0 0 18px; }
.ad { background: #f7f7f7; border: 1px solid #e5e5e5; text-align: center; padding: 28px; margin: 24px 0; color: #999; font: 11px system-ui, sans-serif; }
aside { display: none; }
.comments { border-top: 1px solid #ddd; margin-top: 32px; padding-top: 8px; font: 15px system-ui, sans-serif; }
.comments h2 { font-size: 18px; }
.comment { margin: 12px 0; }
footer { border-top: 1px solid #ddd; color: #777; padding: 24px 32px; font: 13px system-ui, sans-serif; }
`;

/** Renders a story as a complete news page, with the clutter around the article that real pages have. */
export function renderNewsPage(story: NewsStory, options: RenderOptions = {}): string {
  const e = escapeHtml;
  const lang = options.lang ?? 'en';
  const published = story.published;
  const styles = options.stylesheetHref
    ? `<link rel="stylesheet" href="${e(options.stylesheetHref)}">`
    : options.inlineStyles === false
      ? ''
      : `<style>${options.css ?? SITE_CSS}</style>`;
  const meta = [
    `<meta property="og:site_name" content="${e(story.outlet)}">`,
    `<meta property="og:title" content="${e(story.headline)}">`,
    `<meta property="og:type" content="article">`,
    story.url ? `<meta property="og:url" content="${e(story.url)}">` : '',
    published ? `<meta property="article:published_time" content="${e(published)}T09:30:00Z">` : '',
    // Readability keeps the visible byline block in the article when a meta author is present (0.6.0), so a
    // meta author is opt-in: the page-reading core should learn to drop that block (reported).
    story.byline && options.authorMeta ? `<meta name="author" content="${e(story.byline)}">` : '',
  ]
    .filter(Boolean)
    .join('\n    ');
  const paragraphs = story.paragraphs.map((text, index) => {
    const p = `<p>${index === 0 && story.dateline ? `<strong>${e(story.dateline.toUpperCase())}:</strong> ` : ''}${e(text)}</p>`;
    // An advert after the third paragraph, as news sites do.
    return index === 2 ? `${p}\n        <div class="ad" role="complementary" aria-label="Advertisement">Advertisement · Fly to the coast this winter from 49 €</div>` : p;
  });
  const scripts: string[] = [];
  if (options.withScript) {
    scripts.push(`<script>document.querySelectorAll('.comment').forEach(function (c, i) { c.dataset.n = String(i + 1); });</script>`);
  }
  if (options.rerenderScript) {
    scripts.push(
      `<script>(function () { var a = document.querySelector('article'); var html = a.innerHTML; window.rerenders = 0; window.rerender = function () { a.innerHTML = html; window.rerenders++; }; })();</script>`,
    );
  }
  const script = scripts.join('\n    ');
  return `<!doctype html>
<html lang="${e(lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${e(story.headline)} | ${e(story.outlet)}</title>
    ${meta}
    ${styles}
  </head>
  <body>
    <header class="site-header">
      <div class="logo">${e(story.outlet)}</div>
      <nav aria-label="Sections">
        <ul>
          <li><a href="/world">World</a></li>
          <li><a href="/politics">Politics</a></li>
          <li><a href="/business">Business</a></li>
          <li><a href="/sport">Sport</a></li>
          <li><a href="/opinion">Opinion</a></li>
        </ul>
      </nav>
    </header>
    <div class="ticker">Markets close higher for a third day · Weather: storms expected over the weekend · 3,500 runners expected at Sunday's city marathon</div>
    <div class="layout">
      <main>
        <article>
          <h1>${e(story.headline)}</h1>
          <div class="byline">${story.byline ? `By <span class="author">${e(story.byline)}</span> · ` : ''}${
            published ? `<time datetime="${e(published)}">${e(humanDate(published))}</time>` : 'Undated'
          }</div>
        ${paragraphs.join('\n        ')}
        </article>
        <section class="comments" aria-label="Comments">
          <h2>Comments (2)</h2>
          <div class="comment"><b>reader_1987</b><p>I read somewhere it was 250,000 troops, not what they say here.</p></div>
          <div class="comment"><b>Marta K.</b><p>Thanks for the clear reporting. Shared it with 12 friends.</p></div>
          <form><label>Add a comment <textarea name="comment" rows="3"></textarea></label> <button type="button">Post</button></form>
        </section>
      </main>
      <aside aria-label="Related stories">
        <h2>Related</h2>
        <ul>
          <li><a href="/world/1">Talks to resume next week, officials say</a></li>
          <li><a href="/world/2">Explainer: what is at stake in 7 charts</a></li>
          <li><a href="/world/3">Opinion: 30 years of missed chances</a></li>
        </ul>
        <div class="ad">Advertisement</div>
      </aside>
    </div>
    <footer>
      <p>© 2022 ${e(story.outlet)}. All rights reserved. · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p>
    </footer>
    ${script}
  </body>
</html>
`;
}

/** A page that is not an article: a section front with headlines and links only. */
export function renderSectionFront(outlet = 'The Morning Ledger'): string {
  const e = escapeHtml;
  const links = [
    'Council approves new bus lanes',
    'Storm warning for the weekend',
    'Local team wins in extra time',
    'Five recipes for a cold evening',
    'Markets close higher',
  ]
    .map((title, i) => `<li><a href="/story/${i}">${e(title)}</a></li>`)
    .join('\n          ');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${e(outlet)}: front page</title><style>${SITE_CSS}</style></head>
  <body>
    <header class="site-header"><div class="logo">${e(outlet)}</div>
      <nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    </header>
    <div class="layout">
      <main>
        <h2>Top stories</h2>
        <ul>
          ${links}
        </ul>
      </main>
    </div>
    <footer><p>© ${e(outlet)}</p></footer>
  </body>
</html>
`;
}
