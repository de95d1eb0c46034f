// Reads this page's article for the background, in the content script: the sidebar and the automatic keeping share it.
import type { ArticleInput } from '../../utils/analysis/types';
import { firstWords } from '../../utils/article/first-words';
import { readArticle, type ReadOutcome } from '../../utils/article/read-article';
import { MAX_ARTICLE_CHARS } from '../../utils/messaging';

/** Readability's article of `doc` (read on a clone, the page is left as it is), or why there is none. Never throws. */
export function readPage(doc: Document, url: string): ReadOutcome {
  try {
    return readArticle(doc, url);
  } catch (error) {
    // Readability can throw on unusual documents; that is a page without an article, not a failure of ours.
    return { ok: false, reason: `The page could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The article as a report is saved from it: whole up to what one message may carry (the background analyses and
 * indexes it, off the page's thread), else its first words.
 */
export function savableArticle(article: ArticleInput): ArticleInput {
  return article.text.length <= MAX_ARTICLE_CHARS ? article : { ...article, text: firstWords(article.text).text };
}
