// The extraction core's entry point: article text + publication date → sentences, figures and statements.
import { splitSentences } from '../article/sentences';
import { extractFigures } from '../figures/extract-figures';
import { LANGUAGE_STOPWORDS } from '../lexicon/stopwords';
import { extractStatements } from '../statements/extract-statements';
import type { ArticleAnalysis, ArticleInput } from './types';


/** Language of `text` by stop-word counts, with the share of stop words that are English. */
export function guessLanguage(text: string): { language: string; english: number } {
  const counts: Record<string, number> = {};
  const sets = Object.fromEntries(Object.entries(LANGUAGE_STOPWORDS).map(([k, v]) => [k, new Set(v)]));
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const w of words.slice(0, 5000)) {
    for (const [lang, set] of Object.entries(sets)) if (set.has(w)) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return { language: best?.[0] ?? 'und', english: total === 0 ? 0 : (counts.en ?? 0) / total };
}

/**
 * Analyses an article: sentences with offsets, figures with normalized values and statements with speakers.
 * Pure and synchronous. Declines (no figures, no statements, `declined` says why) pages in another language than
 * English and pages that are not prose (formulas, listings), rather than reading nonsense from them.
 */
export function analyzeArticle(input: ArticleInput): ArticleAnalysis {
  const text = input.text;
  const sentences = splitSentences(text);
  const base = { text, published: input.published, sentences };
  const declined = declineReason(input);
  if (declined) return { ...base, language: declined.language, declined: declined.reason, figures: [], statements: [] };
  return {
    ...base,
    language: 'en',
    declined: null,
    figures: extractFigures(text, sentences, { published: input.published }),
    statements: extractStatements(text, sentences),
  };
}

function declineReason(input: ArticleInput): { language: string; reason: string } | null {
  const tag = input.lang?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const guess = guessLanguage(input.text);
  if (tag && tag !== 'en') {
    return { language: tag, reason: `The page is in another language (${tag}); figures are read in English only.` };
  }
  if (guess.language !== 'en' && guess.english < 0.5) {
    return { language: guess.language, reason: `The text reads as another language (${guess.language}); figures are read in English only.` };
  }
  // Formulas and code: many symbols, few sentences of prose.
  const symbols = (input.text.match(/[=^\\{}_<>|∑∫√±×÷]/g) ?? []).length;
  if (symbols / Math.max(1, input.text.length) > 0.01) {
    return { language: 'en', reason: 'The page is mostly formulas or code, not a news article.' };
  }
  return null;
}
