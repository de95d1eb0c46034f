// Every extraction pattern's own examples, run through the real extractor: the figures each promises come out.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/article/sentences';
import { extractFigures } from '../../utils/figures/extract-figures';
import { EXTRACTION_PATTERNS, NUMBER_PATTERNS, SENTENCE_PATTERNS } from '../../utils/figures/patterns';
import type { PatternExample } from '../../utils/figures/patterns/types';

function figuresOf(example: PatternExample) {
  return extractFigures(example.sentence, splitSentences(example.sentence), { published: example.published ?? '2022-03-10' });
}

describe('the extraction registry', () => {
  it('names each pattern once', () => {
    const names = EXTRACTION_PATTERNS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it('runs the numbers pass over the unit patterns', () => {
    expect(SENTENCE_PATTERNS.map((p) => p.name)).toContain('numbers');
    expect(NUMBER_PATTERNS.map((p) => p.name).at(-1)).toBe('counts');
  });
});

describe.each(EXTRACTION_PATTERNS.map((p) => [p.name, p] as const))('extraction pattern %s', (_name, pattern) => {
  it('has a description and examples', () => {
    expect(pattern.description.length).toBeGreaterThan(20);
    expect(pattern.examples.length).toBeGreaterThanOrEqual(1);
  });
  const examples = pattern.examples.map((e, i) => [i, e] as const);
  // Known misses stay in the suite as expected failures: they pass the day the extractor learns them.
  it.fails.each(examples.filter(([, e]) => e.knownMiss))('known miss %d', (_i, example) => check(example));
  it.each(examples.filter(([, e]) => !e.knownMiss))('example %d', (_i, example) => check(example));
});

function check(example: PatternExample): void {
  const figures = figuresOf(example);
  const seen = figures.map((f) => `${f.text} (${f.kind} ${f.value.point} ${f.unit ?? ''})`).join('; ');
  for (const want of example.figures) {
    const got = figures.find((f) => f.text === want.text && f.kind === want.kind);
    expect(got, `“${want.text}” as ${want.kind} in “${example.sentence}”; got: ${seen}`).toBeDefined();
    if (want.value !== undefined) expect(got!.value.point).toBeCloseTo(want.value, 2);
    if (want.unit !== undefined) expect(got!.unit).toBe(want.unit);
  }
  for (const text of example.notFigures ?? []) {
    const at = example.sentence.indexOf(text);
    expect(at, `“${text}” is in the sentence`).toBeGreaterThanOrEqual(0);
    const overlapping = figures.filter((f) => f.start < at + text.length && at < f.end);
    expect(overlapping.map((f) => f.text), `“${text}” in “${example.sentence}”`).toEqual([]);
  }
}
