// Stories of invented events told by several outlets: each article is checked against the others (plus the bundled
// corpus), and its figures must be linked as a careful reader would — and nothing else linked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult, FigureFinding } from '../../utils/match/types';
import { checkAgainstStories, readStories, relationsByReport } from './story-corpus';

const ROOT = fileURLToPath(new URL('../fixtures/unseen/stories/', import.meta.url));

interface ExpectedFigure {
  text: string;
  /** Report id → relation. Every report linked to the figure must be here or in `linkedAny`. */
  links: Record<string, 'agrees' | 'differs'>;
  linkedAny?: string[];
  /** Set when the engine is known to miss this: the check is then expected to fail. */
  knownMiss?: string;
}
interface ExpectedStatement {
  contains: string;
  corroboratedBy: string[];
  /** Set when the engine is known to miss this: the check is then expected to fail. */
  knownMiss?: string;
}
/** A trap the engine is known to link: the reason it should not, and why the engine does. */
interface KnownFalseLink {
  text: string;
  knownMiss: string;
}
interface ExpectedPage {
  figures: ExpectedFigure[];
  statements: ExpectedStatement[];
  /** Figures a reader may or may not link: not checked. */
  maybe?: string[];
  /** Figures that must be extracted and linked to nothing (an object when the engine is known to link it anyway). */
  noLinks: (string | KnownFalseLink)[];
}

const articles = readStories(ROOT);
const stories = [...new Set(articles.map((a) => a.story))];

function findFigure(result: CheckResult, text: string): FigureFinding {
  const found = result.figures.find((f) => f.text === text);
  if (!found) throw new Error(`"${text}" was not extracted; got ${result.figures.map((f) => `"${f.text}"`).join(', ')}`);
  return found;
}

/** A figure that must be linked to no report at all. */
function expectUnlinked(found: FigureFinding): void {
  expect(found.reports.map((l) => `${l.report} ${l.relation} “${l.text}”`)).toEqual([]);
}

/** The statement is corroborated by exactly the labelled reports. */
function expectCorroborated(result: CheckResult, statement: ExpectedStatement): void {
  const st = result.statements.find((s) => s.sentence.includes(statement.contains) || s.text.includes(statement.contains));
  expect(st, `no corroborated statement holds "${statement.contains}"`).toBeDefined();
  expect(st!.reports.filter((l) => l.relation === 'corroborates').map((l) => l.report).sort()).toEqual([...statement.corroboratedBy].sort());
}

/** The figure is linked to exactly the labelled reports, with the labelled relations. */
function expectExactly(found: FigureFinding, figure: ExpectedFigure): void {
  const relations = relationsByReport(found);
  for (const [report, relation] of Object.entries(figure.links)) expect([report, relations.get(report)]).toEqual([report, relation]);
  for (const report of figure.linkedAny ?? []) expect([report, relations.has(report)]).toEqual([report, true]);
  const allowed = new Set([...Object.keys(figure.links), ...(figure.linkedAny ?? [])]);
  expect([...relations.keys()].filter((r) => !allowed.has(r))).toEqual([]);
}

describe.each(stories)('story %s', (story) => {
  const expected = JSON.parse(readFileSync(`${ROOT}${story}/expected.json`, 'utf8')) as { pages: Record<string, ExpectedPage> };
  const pages = articles.filter((a) => a.story === story);

  it('labels every article of the story', () => {
    expect(Object.keys(expected.pages).sort()).toEqual(pages.map((p) => p.id).sort());
  });

  describe.each(pages.map((p) => [p.id, p] as const))('%s', (id, page) => {
    const labels = expected.pages[id]!;
    const result = checkAgainstStories(page, articles);
    const found = labels.figures.filter((f) => !f.knownMiss);
    const missed = labels.figures.filter((f) => f.knownMiss);

    it.each(found.map((f) => [f.text, f] as const))('links “%s” as labelled', (_text, figure) => {
      expectExactly(findFigure(result, figure.text), figure);
    });
    if (missed.length > 0) {
      // Known misses stay visible: when the engine learns them, this fails and the label moves up.
      it.fails.each(missed.map((f) => [f.text, f.knownMiss, f] as const))('known miss: “%s” (%s)', (_text, _why, figure) => {
        expectExactly(findFigure(result, figure.text), figure);
      });
    }

    const falseLinks = labels.noLinks.filter((n): n is KnownFalseLink => typeof n !== 'string');
    it('links no other figure', () => {
      for (const trap of labels.noLinks) findFigure(result, typeof trap === 'string' ? trap : trap.text);
      const labelled = new Set([...labels.figures.map((f) => f.text), ...(labels.maybe ?? []), ...falseLinks.map((t) => t.text)]);
      const stray = result.figures.filter((f) => f.reports.length > 0 && !labelled.has(f.text));
      expect(stray.map((f) => `${f.text} → ${f.reports.map((l) => `${l.report} ${l.relation} “${l.text}”`).join('; ')}`)).toEqual([]);
    });
    if (falseLinks.length > 0) {
      it.fails.each(falseLinks.map((t) => [t.text, t.knownMiss] as const))('known false link: “%s” (%s)', (text) => {
        expectUnlinked(findFigure(result, text));
      });
    }

    const statementsFound = labels.statements.filter((s) => !s.knownMiss);
    const statementsMissed = labels.statements.filter((s) => s.knownMiss);
    it.each(statementsFound.map((s) => [s.contains, s] as const))('corroborates “%s”', (_text, statement) => {
      expectCorroborated(result, statement);
    });
    if (statementsMissed.length > 0) {
      it.fails.each(statementsMissed.map((s) => [s.contains, s.knownMiss, s] as const))('known miss: corroborates “%s” (%s)', (_text, _why, statement) => {
        expectCorroborated(result, statement);
      });
    }
  });
});
