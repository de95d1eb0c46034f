// "Keep what I read" in the background: after a check, save the article when the reader's settings say so.
import type { ArticleInput } from '../../utils/analysis/types';
import { keepArticle } from '../../utils/corpus/store/keep';
import type { KeepSettings } from '../../utils/settings/keep';
import { loadSettings, saveSettings } from '../../utils/settings/settings.browser';
import { corpusChanged, corpusDb, CORPUS_DEPS } from './corpus-service';

/**
 * The keep in progress, if any. The next check waits for it, so an article kept a moment ago is in the corpus when
 * the reader opens the next one (and two quick checks never save the same page twice at once).
 */
let keeping: Promise<void> = Promise.resolve();

/** Resolves once every keep started so far has finished (successfully or not). */
export function keepsSettled(): Promise<void> {
  return keeping;
}

/** Keeps a checked article in the background, after the check; failures are logged, never thrown at the reader. */
export function keepAfterCheck(article: ArticleInput, keep: KeepSettings): void {
  if (!keep.enabled) return;
  keepChecked(article, keep).catch((error: unknown) => console.warn('Second Source could not keep this article:', error));
}

/**
 * Keeps an article once every keep before it has finished (a check's, or one the automatic keeping script sent), so
 * two keeps of the same page never run at once; says whether it was kept and why not.
 */
export function keepChecked(article: ArticleInput, keep: KeepSettings): Promise<{ kept: boolean; reason: string | null }> {
  const run = keeping.then(async () => {
    const outcome = await keepArticle(await corpusDb(), article, keep, CORPUS_DEPS);
    if (outcome.kept) corpusChanged();
    return outcome.kept ? { kept: true, reason: null } : { kept: false, reason: outcome.reason };
  });
  keeping = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * The sidebar's switch (the content script cannot write settings: they are for trusted contexts only). Stores the
 * choice; turned on, keeps this already checked article now. Says whether it was kept and why not.
 */
export async function keepNow(article: ArticleInput, on: boolean): Promise<{ kept: boolean; reason: string | null }> {
  await keeping;
  const settings = await loadSettings();
  const keep = { ...settings.keep, enabled: on === true };
  await saveSettings({ ...settings, keep });
  if (!keep.enabled) return { kept: false, reason: 'Keeping is off.' };
  return keepChecked(article, keep);
}
