// Small facts about the page that the content script shows before the background answers.

/**
 * Number of sentences in the article text (paragraphs separated by blank lines), by the platform's sentence
 * segmenter. A stand-in until the core's sentence splitter is wired in; it counts the same kind of thing.
 */
export function countSentences(text: string, lang: string | null = null): number {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang ?? 'en', { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  }
  let count = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    for (const piece of segmenter.segment(paragraph)) if (/\p{L}|\p{N}/u.test(piece.segment)) count += 1;
  }
  return count;
}

/** The outlet's name from the page's metadata, else the host name without "www.". */
export function outletOf(siteName: string | null, hostname: string): string | null {
  if (siteName) return siteName;
  const host = hostname.replace(/^www\./, '');
  return host.length > 0 ? host : null;
}

/** True when a key event comes from a place where the reader types: a field, a text area, or editable content. */
export function isTypingTarget(target: EventTarget | undefined | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(type);
  }
  return false;
}
