// Articles written for this project and kept out of the corpus: the engine must link their figures as a person would.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../scripts/check';
import type { CheckResult, FigureFinding } from '../../utils/match/types';

const ROOT = fileURLToPath(new URL('../fixtures/unseen/', import.meta.url));

interface ExpectedFigure {
  text: string;
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

const cases = readdirSync(ROOT).map((slug) => ({
  slug,
  expected: JSON.parse(readFileSync(`${ROOT}${slug}/expected.json`, 'utf8')) as Expected,
}));

function findFigure(result: CheckResult, text: string): FigureFinding {
  const found = result.figures.find((f) => f.text === text);
  if (!found) throw new Error(`"${text}" was not extracted; got ${result.figures.map((f) => `"${f.text}"`).join(', ')}`);
  return found;
}

describe.each(cases)('unseen article $slug', ({ slug, expected }) => {
  const result = checkFile(`${ROOT}${slug}/page.html`);

  it('is not taken for a corpus report', () => {
    expect(result.article.corpusId).toBeNull();
  });

  it.each(expected.figures.map((f) => [f.text, f] as const))('links “%s” as expected', (_text, figure) => {
    const found = findFigure(result, figure.text);
    const relations = new Map(found.reports.map((link) => [link.report, link.relation]));
    for (const [report, relation] of Object.entries(figure.links)) expect([report, relations.get(report)]).toEqual([report, relation]);
    for (const report of figure.linkedAny ?? []) expect([report, relations.has(report)]).toEqual([report, true]);
    for (const report of figure.notLinked ?? []) expect([report, relations.has(report)]).toEqual([report, false]);
  });

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
