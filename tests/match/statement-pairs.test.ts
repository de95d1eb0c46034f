// Statement matching on the labelled pairs (tests/fixtures/statements/pairs.json) and the seed gold statements, with floors.
import { describe, expect, it } from 'vitest';
import { readPairs, scoreStatementPairs, summarize } from '../../scripts/statements-score';

const pairs = readPairs();
const outcomes = scoreStatementPairs(pairs);
const score = summarize(outcomes);
const misses = (label: string, got?: string) =>
  outcomes.filter((o) => o.label === label && (got ? o.got === got : o.got !== label)).map((o) => `${o.id} (page ${o.page}): ${o.detail}`);

describe('labelled statement pairs', () => {
  it('holds every label across domains, each pair judged both ways', () => {
    expect(new Set(pairs.map((p) => p.label))).toEqual(new Set(['corroborates', 'conflicts', 'unrelated']));
    expect(new Set(pairs.map((p) => p.domain)).size).toBeGreaterThanOrEqual(6);
    expect(outcomes.filter((o) => o.page !== 'gold')).toHaveLength(pairs.length * 2);
  });

  it('never says "conflicts" where the label is not conflicts (the worst thing the product can say)', () => {
    const wrong = outcomes.filter((o) => o.got === 'conflicts' && o.label !== 'conflicts');
    expect(wrong.map((o) => `${o.id} (page ${o.page}, ${o.label}): ${o.detail}`)).toEqual([]);
    expect(score.conflictPrecision).toBe(1);
  });

  it('finds most conflicts', () => {
    expect(score.conflictRecall, misses('conflicts').join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('corroborates at least 80% of the same claims, the seed gold statements included', () => {
    expect(outcomes.some((o) => o.page === 'gold')).toBe(true);
    expect(score.corroborationRecall, misses('corroborates').join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves at least 95% of unrelated pairs unlinked', () => {
    expect(score.unrelatedLeftAlone, misses('unrelated').join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
