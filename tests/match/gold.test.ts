// The gold dev pairs (tests/fixtures/gold/dev.json, from ../shared/gold-dev.json): every pair scored both ways, as `npm run eval` does.
import { describe, expect, it } from 'vitest';
import { readGoldFixture, scoreGold } from '../../scripts/gold-score';
import { loadBundledCorpus } from '../../scripts/load-corpus';

const fixture = readGoldFixture();
const outcomes = scoreGold(fixture, loadBundledCorpus());

describe('gold dev pairs', () => {
  it('covers every kind of expectation', () => {
    const kinds = new Set(fixture.cases.map((c) => c.expect));
    expect([...kinds].sort()).toEqual(['agrees', 'corroborates', 'differs', 'linked', 'not-linked']);
    expect(outcomes).toHaveLength(fixture.cases.length * 2);
  });

  it.each(outcomes.map((o) => [`${o.id} with ${o.page} as the page (${o.expect})`, o] as const))('%s', (_name, o) => {
    expect(o.detail).toBeTypeOf('string');
    expect(o.passed, o.detail).toBe(true);
  });
});
