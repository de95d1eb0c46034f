// The automatic keeping script's work on a site the reader listed: read the article and hand it to the background.
import { askBackground } from './ask-background';
import { readPage, savableArticle } from './read-page';

/**
 * Reads the page's article (Readability on a clone) and asks the background to keep it. Draws nothing and changes
 * nothing on the page; a page without an article sends nothing. The background decides with the reader's settings.
 */
export async function keepThisPage(doc: Document = document, url: string = location.href): Promise<void> {
  const outcome = readPage(doc, url);
  if (!outcome.ok) return;
  await askBackground('report/auto-keep', { ...savableArticle(outcome.article), url }).catch(() => undefined);
}
