// Our own code never writes HTML as a string: every innerHTML warning of addons-linter must trace to a dependency.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_SITES, explain } from '../../scripts/lint-firefox';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Ways to turn a string into DOM (what addons-linter's UNSAFE_VAR_ASSIGNMENT and friends look for), and Preact's own. */
const HTML_SINKS = /\.(innerHTML|outerHTML)\s*(\+?=)(?!=)|\binsertAdjacentHTML\s*\(|\bdocument\.write(ln)?\s*\(|\bdangerouslySetInnerHTML\b|\bcreateContextualFragment\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('no HTML from strings in the extension code', () => {
  it('finds no HTML sink in entrypoints/, components/ or utils/', () => {
    const files = ['entrypoints', 'components', 'utils'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, n) => (HTML_SINKS.test(line) ? [`${file}:${n + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it.each([
    'el.innerHTML = html;',
    'host.outerHTML=x',
    "node.insertAdjacentHTML('beforeend', s)",
    'document.write(s)',
    '<div dangerouslySetInnerHTML={{ __html: s }} />',
  ])('the scan catches %s', (line) => {
    expect(HTML_SINKS.test(line)).toBe(true);
  });

  it.each(['const same = a.innerHTML === b.innerHTML;', 'el.textContent = text;'])('the scan leaves %s alone', (line) => {
    expect(HTML_SINKS.test(line)).toBe(false);
  });
});

describe('lint:firefox traces innerHTML warnings to dependencies only', () => {
  const warning = (column: number) => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', line: 1, column });

  it.each([
    ['Preact', 'f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[])', 'preact'],
    ['Readability, page cache', 'if(se=!1,e.innerHTML=r,this._attempts.push({articleContent:F})', '@mozilla/readability'],
    ['Readability, noscript', 'createElement(`div`);n.innerHTML=t.innerHTML;var r=t.previousElementSibling;', '@mozilla/readability'],
  ])('%s is explained', (_name, line, source) => {
    const column = line.indexOf('.innerHTML=');
    expect(explain(warning(column), line)?.source).toMatch(new RegExp(`^${source} `));
  });

  it.each([
    ['our own assignment', 'function show(e,t){e.innerHTML=t.html}'],
    ['an assignment near Preact-like code', 'e.innerHTML=f.__body,t.__k=[]'],
  ])('%s is not explained', (_name, line) => {
    expect(explain(warning(line.indexOf('.innerHTML=')), line)).toBeNull();
  });

  it('has one review note per known site', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const site of DEPENDENCY_SITES) expect(readme).toContain(site.source);
  });
});
