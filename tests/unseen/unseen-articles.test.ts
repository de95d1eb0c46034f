// Articles written for this project and kept out of the corpus: the engine must link their figures as a person would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../scripts/check';
import type { CheckResult, FigureFinding } from '../../utils/match/types';
import { relationsByReport } from './story-corpus';

const ROOT = fileURLToPath(new URL('../fixtures/unseen/', import.meta.url));

interface ExpectedFigure {
  text: string;
  /** Words of the figure's sentence, when the page writes the same figure twice ("Tuesday"). */
  in?: string;
  /** Set when the engine is known to miss this figure's links: the test then expects the check to fail. */
  knownMiss?: string;
  links: Record<string, 'agrees' | 'differs'>;
  linkedAny?: string[];
  notLinked?: string[];
}
interface Expected {
  figures: ExpectedFigure[];
  statements: { contains: string; corroboratedBy: string[] }[];
  noLinks?: string[];
  noLinksAtAll?: boolean;
}

// One folder per page; folders without a page.html (the multi-article stories) have their own test.
const cases = readdirSync(ROOT).filter((slug) => existsSync(`${ROOT}${slug}/page.html`)).map((slug) => ({
  slug,
  expected: JSON.parse(readFileSync(`${ROOT}${slug}/expected.json`, 'utf8')) as Expected,
}));

function findFigure(result: CheckResult, text: string, within?: string): FigureFinding {
  const found = result.figures.find((f) => f.text === text && (!within || f.sentence.includes(within)));
  if (!found) throw new Error(`"${text}" was not extracted; got ${result.figures.map((f) => `"${f.text}"`).join(', ')}`);
  return found;
}

/** Checks one figure's links against its hand-labelled expectation. */
function expectLinks(found: FigureFinding, figure: ExpectedFigure): void {
  const relations = relationsByReport(found);
  for (const [report, relation] of Object.entries(figure.links)) expect([report, relations.get(report)]).toEqual([report, relation]);
  for (const report of figure.linkedAny ?? []) expect([report, relations.has(report)]).toEqual([report, true]);
  for (const report of figure.notLinked ?? []) expect([report, relations.has(report)]).toEqual([report, false]);
}

describe.each(cases)('unseen article $slug', ({ slug, expected }) => {
  const result = checkFile(`${ROOT}${slug}/page.html`);

  it('is not taken for a corpus report', () => {
    expect(result.article.corpusId).toBeNull();
  });

  const found = expected.figures.filter((f) => !f.knownMiss);
  const missed = expected.figures.filter((f) => f.knownMiss);
  if (found.length > 0) {
    it.each(found.map((f) => [f.text, f] as const))('links “%s” as expected', (_text, figure) => {
      expectLinks(findFigure(result, figure.text, figure.in), figure);
    });
  }
  // Known misses stay visible: when the engine learns to link them, this fails and the label moves up.
  if (missed.length > 0) {
    it.fails.each(missed.map((f) => [f.text, f.knownMiss, f] as const))('known miss: “%s” (%s)', (_text, _why, figure) => {
      expectLinks(findFigure(result, figure.text, figure.in), figure);
    });
  }

  it.each(expected.statements.map((s) => [s.contains, s] as const))('corroborates “%s”', (_text, statement) => {
    const found = result.statements.find((s) => s.sentence.includes(statement.contains) || s.text.includes(statement.contains));
    expect(found, `no corroborated statement holds "${statement.contains}"`).toBeDefined();
    const reports = found!.reports.filter((l) => l.relation === 'corroborates').map((l) => l.report);
    expect(reports).toEqual(expect.arrayContaining(statement.corroboratedBy));
  });

  it('links nothing that counts something else', () => {
    const linked = result.figures.filter((f) => f.reports.length > 0).map((f) => f.text);
    if (expected.noLinksAtAll) expect(linked).toEqual([]);
    for (const text of expected.noLinks ?? []) expect(linked).not.toContain(text);
  });
});
