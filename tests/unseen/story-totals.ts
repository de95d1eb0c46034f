// Prints how the engine scores on the written stories, per story and in all: pairs linked right, wrong or missed,
// false links, traps respected and statements corroborated. Run: npx tsx tests/unseen/story-totals.ts [story ...]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAgainstStories, readStories, relationsByReport } from './story-corpus';

const ROOT = fileURLToPath(new URL('../fixtures/unseen/stories/', import.meta.url));

interface Labels {
  figures: { text: string; links: Record<string, string>; linkedAny?: string[] }[];
  statements: { contains: string; corroboratedBy: string[] }[];
  maybe?: string[];
  noLinks: (string | { text: string })[];
}

const empty = () => ({ right: 0, wrong: 0, missed: 0, falseLinks: 0, traps: 0, trapsRespected: 0, statements: 0, statementsRight: 0 });
type Totals = ReturnType<typeof empty>;

const articles = readStories(ROOT);
const wanted = process.argv.slice(2);
const stories = [...new Set(articles.map((a) => a.story))].filter((s) => wanted.length === 0 || wanted.includes(s));
const all = empty();

for (const story of stories) {
  const pages = (JSON.parse(readFileSync(`${ROOT}${story}/expected.json`, 'utf8')) as { pages: Record<string, Labels> }).pages;
  const totals = empty();
  for (const [id, labels] of Object.entries(pages)) {
    const result = checkAgainstStories(articles.find((a) => a.id === id)!, articles);
    const byText = (text: string) => result.figures.find((f) => f.text === text);
    for (const figure of labels.figures) {
      const found = byText(figure.text);
      const relations = found ? relationsByReport(found) : new Map<string, string>();
      // A figure the engine did not extract misses every report it should link.
      for (const [report, relation] of Object.entries(figure.links)) {
        const got = relations.get(report);
        if (got === relation) totals.right += 1;
        else if (got) totals.wrong += 1;
        else totals.missed += 1;
      }
      for (const report of figure.linkedAny ?? []) {
        if (relations.has(report)) totals.right += 1;
        else totals.missed += 1;
      }
      const allowed = new Set([...Object.keys(figure.links), ...(figure.linkedAny ?? [])]);
      totals.falseLinks += [...relations.keys()].filter((r) => !allowed.has(r)).length;
    }
    const labelled = new Set([...labels.figures.map((f) => f.text), ...(labels.maybe ?? [])]);
    const traps = new Set(labels.noLinks.map((n) => (typeof n === 'string' ? n : n.text)));
    for (const f of result.figures) {
      if (labelled.has(f.text) || traps.has(f.text)) continue;
      totals.falseLinks += relationsByReport(f).size;
    }
    for (const text of traps) {
      totals.traps += 1;
      const found = byText(text);
      if (found && found.reports.length === 0) totals.trapsRespected += 1;
      else totals.falseLinks += found ? relationsByReport(found).size : 0;
    }
    for (const statement of labels.statements) {
      totals.statements += 1;
      const st = result.statements.find((s) => s.sentence.includes(statement.contains) || s.text.includes(statement.contains));
      const by = (st?.reports ?? []).filter((l) => l.relation === 'corroborates').map((l) => l.report).sort();
      if (JSON.stringify(by) === JSON.stringify([...statement.corroboratedBy].sort())) totals.statementsRight += 1;
    }
  }
  print(story, totals);
  for (const key of Object.keys(all) as (keyof Totals)[]) all[key] += totals[key];
}
print('all', all);

function print(name: string, t: Totals): void {
  const pairs = t.right + t.wrong + t.missed;
  console.log(
    `${name.padEnd(10)} links right ${t.right}/${pairs}, wrong ${t.wrong}, missed ${t.missed}; false links ${t.falseLinks}; ` +
      `traps respected ${t.trapsRespected}/${t.traps}; statements ${t.statementsRight}/${t.statements}`,
  );
}
