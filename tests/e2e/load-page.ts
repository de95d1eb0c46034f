// A large page for the freeze test and the bench: 150 paragraphs whose figures 150 imported reports confirm, in ~500 KB.
import type { ArticleInput } from '../../utils/analysis/types';
import type { CorpusPack } from '../../utils/corpus/types';
import { renderNewsPage, type NewsStory } from './news-page';
import type { ExtensionBrowser } from './harness';

export interface LoadReport {
  id: string;
  url: string;
  outlet: string;
  headline: string;
  published: string;
  text: string;
}

const CONS = 'bcdfghklmnprstvz';
const VOW = 'aeiou';

/** A made-up town name, different for each i. */
function town(i: number): string {
  let n = i + 7;
  let s = '';
  for (let k = 0; k < 3; k++) {
    s += CONS[n % CONS.length]! + VOW[Math.floor(n / CONS.length) % VOW.length]!;
    n = Math.floor(n / 3) + 11 * (k + 1);
  }
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}ford`;
}

/** The figure sentence of story i, worded as the page words it. */
function pageSentence(i: number): string {
  return `Dock workers at ${town(i)} ended a strike that had left ${40 + i} container ships waiting offshore, the union said on Tuesday.`;
}

/** The same fact as another outlet reports it. */
function reportSentence(i: number): string {
  return `The strike at ${town(i)} had left ${40 + i} container ships waiting offshore, union officials said.`;
}

const FILLER =
  'Traders in the harbour district said the dispute had emptied their shelves, and hauliers described long queues at the gates. ' +
  'Local shopkeepers welcomed the end of the stoppage and said the deal looked fair to most of the people they spoke to. ';

/** A pack of the reports, spans worked out the way the pack format wants them (one paragraph, sentence per period). */
export function loadPack(reports: readonly LoadReport[]): CorpusPack {
  return {
    format: 'second-source-pack',
    version: 1,
    revision: 'load-page',
    reports: reports.map((report) => {
      const sentences: { start: number; end: number }[] = [];
      for (const match of report.text.matchAll(/[^.]+\./g)) {
        const lead = match[0].length - match[0].trimStart().length;
        sentences.push({ start: match.index + lead, end: match.index + match[0].length });
      }
      return {
        id: report.id,
        origin: 'imported' as const,
        url: report.url,
        outlet: report.outlet,
        headline: report.headline,
        published: report.published,
        dateline: null,
        agencies: [],
        translatedFrom: null,
        event: null,
        inferred: [],
        text: report.text,
        paragraphs: [{ start: 0, end: report.text.length }],
        sentences,
      };
    }),
  };
}

/**
 * The page's story (150 figure paragraphs, with filler, under MAX_CHECKED_WORDS words), the reports that confirm
 * each figure, and the page's HTML: the story plus a reader-comments section of filler text that brings the page
 * to about `bytes` (default 500 KB). The highlighter scans all of the page's text, comments included.
 */
export function makeLoadPage(figures = 150, bytes = 500_000): { reports: LoadReport[]; story: NewsStory; html: string; article: ArticleInput } {
  const reports: LoadReport[] = [];
  const paragraphs: string[] = [];
  for (let i = 0; i < figures; i++) {
    paragraphs.push(`${pageSentence(i)} ${FILLER}`);
    reports.push({
      id: `load-${i}`,
      url: `https://wire.example/load/${i}`,
      outlet: 'Wire Example',
      headline: `Strike ends at ${town(i)}`,
      published: '2023-03-14',
      text: `${reportSentence(i)} Cranes were working again on Wednesday morning.`,
    });
  }
  const story: NewsStory = {
    headline: 'One hundred and fifty strikes end',
    outlet: 'The Morning Ledger',
    published: '2023-03-14',
    byline: null,
    dateline: null,
    paragraphs,
  };
  const page = renderNewsPage(story);
  const comments: string[] = [];
  for (let size = page.length, n = 0; size < bytes; n++) {
    const comment = `<div class="comment"><p>Reader ${n}: ${FILLER}${FILLER}</p></div>`;
    comments.push(comment);
    size += comment.length;
  }
  const html = page.replace('</body>', `<section class="comments" id="comments">${comments.join('\n')}</section>\n</body>`);
  const article: ArticleInput = {
    text: paragraphs.join('\n\n'),
    title: story.headline,
    url: 'https://ledger.example/load',
    published: story.published,
    siteName: story.outlet,
    byline: null,
    lang: 'en',
  };
  return { reports, story, html, article };
}

/** Imports a pack from "My reports" (an extension page: imports are refused to content scripts); reports added. */
export async function importLoadReports(target: ExtensionBrowser, text: string): Promise<number> {
  const options = await target.context.newPage();
  await options.goto(`chrome-extension://${target.extensionId}/options.html`);
  const added = await options.evaluate(async (pack) => {
    type Reply = { ok: boolean; value?: { added: string[] }; error?: string };
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<Reply> } } }).chrome.runtime;
    const reply = await runtime.sendMessage({ channel: 'second-source', call: 'pack/import', payload: { text: pack, name: 'load.json' } });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value!.added.length;
  }, text);
  await options.close();
  return added;
}
