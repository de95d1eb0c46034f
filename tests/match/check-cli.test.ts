// `npm run check`: exit statuses, one-line messages for bad input, the --json shape, and real saved pages when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
const PAGES = fileURLToPath(new URL('../../../shared/readability-pages/', import.meta.url));

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('npm warn'))
    .join('\n');
  return { status: r.status, stdout: r.stdout, stderr };
}

describe('check command', () => {
  it('prints the issue’s JSON shape for a page that is a corpus report, and never lists the page itself', () => {
    const r = check(`${FIXTURES}seed-003.html`, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.article).toMatchObject({ title: 'US and Russia promise to work on easing tensions over Ukraine', published: '2022-01-22', corpusId: '003_fb517c75f5aea163' });
    const troops = out.figures.find((f: { text: string }) => f.text === 'tens of thousands');
    expect(troops).toMatchObject({ kind: 'count', sentence: expect.stringContaining('Russia has massed tens of thousands of troops') });
    for (const f of out.figures) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['text', 'sentence', 'kind', 'reports']));
      for (const l of f.reports) {
        expect(l.report).not.toBe('003_fb517c75f5aea163');
        expect(['agrees', 'differs']).toContain(l.relation);
        expect(typeof l.outlet).toBe('string');
        expect(l.sentence).toContain(l.text);
      }
    }
    const reports = troops.reports.map((l: { report: string }) => l.report);
    expect(reports).toEqual(expect.arrayContaining(['000_b0799e2d46552d1b', '002_f5573d1949718a5b', '004_fc1bf6139301debc']));
    const track = out.statements.find((s: { sentence: string }) => s.sentence.includes('I cannot say whether or not'));
    expect(track.reports).toEqual([expect.objectContaining({ report: '002_f5573d1949718a5b', relation: 'corroborates' })]);
  });

  it('prints a readable report by default', () => {
    const r = check(`${FIXTURES}seed-003.html`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/This page is corpus report 003_fb517c75f5aea163/);
    expect(r.stdout).toMatch(/Values differ: “more than 13,000” here, “more than 14,000” there/);
  });

  it.each([
    ['a page with no article', 'junk.html', /has no article/],
    ['an empty file', 'empty.html', /has no article: the file is empty/],
  ])('exits 2 with one line for %s', (_name, file, message) => {
    const r = check(`${FIXTURES}${file}`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['a missing file', ['/no/such/page.html'], /Cannot read .*no such file/],
    ['a directory', [FIXTURES], /is a directory/],
    ['no file at all', [], /Usage/],
    ['an unknown option', [`${FIXTURES}junk.html`, '--yaml'], /unknown option --yaml/],
  ])('exits 1 with one line for %s', (_name, args, message) => {
    const r = check(...args);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  const pages = existsSync(PAGES) ? readdirSync(PAGES).filter((d) => existsSync(`${PAGES}${d}/source.html`)).slice(0, 6) : [];
  it.skipIf(pages.length === 0).each(pages)('reads the real saved page %s without error', (page) => {
    const r = check(`${PAGES}${page}/source.html`, '--json');
    expect([0, 2]).toContain(r.status);
    if (r.status === 0) {
      const out = JSON.parse(r.stdout);
      expect(out.article.corpusId).toBeNull();
      expect(Array.isArray(out.figures)).toBe(true);
    } else {
      expect(r.stderr).toMatch(/has no article/);
    }
  });
});

describe('check --corpus', () => {
  // Two short wire-style reports written for this test: the same payroll figure, the same rate, one forecast trap.
  const dir = mkdtempSync(join(tmpdir(), 'check-corpus-'));
  const header = (title: string, outlet: string) => `Title: ${title}\nOutlet: ${outlet}\nDate: 2024-05-03\nAddress: https://example.org/${outlet.toLowerCase().replace(/\s+/g, "-")}\n${'-'.repeat(40)}\n`;
  writeFileSync(
    join(dir, 'wire-a.txt'),
    `${header('Hiring slows in April', 'Wire A')}Employers in the US added 175,000 jobs in April, the Labor Department said on Friday. The unemployment rate rose to 3.9% from 3.8%. Economists had expected payrolls to rise by 240,000.\n`,
  );
  writeFileSync(
    join(dir, 'wire-b.txt'),
    `${header('US payrolls miss forecasts', 'Wire B')}Nonfarm payrolls rose by a weaker-than-expected 175,000 in April, government data showed. The US unemployment rate edged up to 3.9% from 3.8% a month earlier.\n`,
  );
  writeFileSync(join(dir, 'notes.md'), 'not a page');

  it('--help prints the usage and exits 0', () => {
    const r = check('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: npm run check -- <page.html\|page.txt> \[--corpus/);
  });

  it('checks a .txt page against a folder of pages: JSON only on stdout, the page not its own source, the forecast left alone', () => {
    const r = check(join(dir, 'wire-a.txt'), '--corpus', dir, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.corpusSize).toBe(2);
    const jobs = out.figures.find((f: { text: string }) => f.text === '175,000');
    expect(jobs.reports.map((l: { report: string; relation: string }) => `${l.report} ${l.relation}`)).toEqual(['wire-b agrees']);
    const rate = out.figures.find((f: { text: string }) => f.text === '3.9%');
    expect(rate.reports.map((l: { report: string }) => l.report)).toEqual(['wire-b']);
    const forecast = out.figures.find((f: { text: string }) => f.text === '240,000');
    expect(forecast.reports).toEqual([]);
    for (const f of out.figures) for (const l of f.reports) expect(l.report).not.toBe('wire-a');
    const april = out.figures.find((f: { kind: string }) => f.kind === 'date');
    if (april) expect(april.period.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('exits 1 with one line when the corpus cannot be read', () => {
    const r = check(join(dir, 'wire-a.txt'), '--corpus', join(dir, 'missing'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file or folder/);
  });
});
