// Every alignment rule's own examples: the frames the extractor builds for two sentences give the verdict the rule promises.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import { buildFrame, salientHolders } from '../../utils/frames/quantity-frame';
import { ALIGNMENT_RULES } from '../../utils/match/rules';
import type { ExampleSide, FrameSide } from '../../utils/match/rules/types';

const FILLER =
  'This paragraph is plain text that follows the example so that the extractor reads the whole as a short news article, and it names nobody and gives no amounts of any kind at all.';

function side(example: ExampleSide): FrameSide {
  const published = example.published ?? '2022-03-10';
  // A one-sentence text is declined as no article: a plain paragraph after it makes it one without naming anything.
  const text = `${example.sentence}\n\n${FILLER}`;
  const analysis = analyzeArticle({ text, title: null, url: null, published, siteName: null, byline: null, lang: 'en' });
  const at = example.sentence.indexOf(example.figure);
  const figure = analysis.figures.find((f) => f.start <= at && f.end > at);
  if (!figure) throw new Error(`no figure “${example.figure}” in “${example.sentence}”`);
  const s = analysis.sentences[figure.sentence]!;
  const frame = buildFrame(figure, {
    sentence: s.text,
    sentenceStart: s.start,
    sentenceFigures: analysis.figures.filter((f) => f.sentence === figure.sentence),
    published,
    story: () => salientHolders(null, analysis.sentences),
  });
  return { figure, frame, published, storyEntities: new Set() };
}

describe.each(ALIGNMENT_RULES.map((r) => [r.name, r] as const))('alignment rule %s', (_name, rule) => {
  it('has a description and examples of both outcomes', () => {
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.examples.length).toBeGreaterThanOrEqual(2);
  });
  it.each(rule.examples.map((e, i) => [i, e] as const))('example %d', (_i, e) => {
    const verdict = rule.apply(side(e.a), side(e.b));
    const got = verdict?.veto ? 'veto' : verdict?.evidence ? 'evidence' : 'silent';
    expect(got, JSON.stringify(verdict)).toBe(e.expect);
  });
});
