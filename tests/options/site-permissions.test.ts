// "Keep automatically": the host permission asked for each listed site, and where the keeping script is registered.
import { describe, expect, it } from 'vitest';
import { autoKeepScope, sitePattern, sitePatterns } from '../../utils/settings/site-permissions';
import { defaultKeep } from '../../utils/settings/keep';

describe('site permissions', () => {
  it.each([
    ['news.example', '*://*.news.example/*'],
    ['world.news.example', '*://*.world.news.example/*'],
    ['localhost', '*://localhost/*'],
    ['127.0.0.1', '*://127.0.0.1/*'],
    ['10.0.0.12', '*://10.0.0.12/*'],
  ])('asks for %s as %s', (host, pattern) => {
    expect(sitePattern(host)).toBe(pattern);
  });

  it('asks once per site, in the list order', () => {
    expect(sitePatterns(['b.example', 'a.example', 'b.example'])).toEqual(['*://*.b.example/*', '*://*.a.example/*']);
    expect(sitePatterns([])).toEqual([]);
  });

  const on = { ...defaultKeep(), enabled: true, autoSites: ['news.example', 'world.example'], neverSites: ['bank.news.example'] };

  it('registers the script on the granted sites only, with the never-keep sites excluded', () => {
    expect(autoKeepScope(on, new Set(['*://*.news.example/*', '*://*.elsewhere.example/*']))).toEqual({
      matches: ['*://*.news.example/*'],
      excludeMatches: ['*://*.bank.news.example/*'],
    });
  });

  it('registers nothing while keeping is off, when nothing is granted, or when no site is listed', () => {
    const all = new Set(['*://*.news.example/*', '*://*.world.example/*']);
    expect(autoKeepScope({ ...on, enabled: false }, all)).toBeNull();
    expect(autoKeepScope(on, new Set())).toBeNull();
    expect(autoKeepScope({ ...on, autoSites: [] }, all)).toBeNull();
  });
});
