// Settings: defaults, validation of stored or typed values, and the tolerance handed to the engine.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../utils/match/types';
import { applyRelationFilter, checkSettings, DEFAULT_SETTINGS, defaultSettings, engineTolerance, normalizeSettings, parseTolerance } from '../../utils/settings/settings';

describe('settings', () => {
  it('defaults to highlights on, every relation shown and a 3% tolerance (the engine default)', () => {
    expect(defaultSettings()).toEqual({
      highlights: true,
      relations: { differs: true, agrees: true, statements: true },
      agreeTolerancePercent: 3,
      keep: { enabled: false, neverSites: [], retention: { kind: 'forever' }, autoSites: [] },
    });
    expect(engineTolerance(defaultSettings())).toBe(0.03);
    // A copy: changing it never changes the defaults.
    const copy = defaultSettings();
    copy.relations.agrees = false;
    expect(DEFAULT_SETTINGS.relations.agrees).toBe(true);
  });

  it('keeps valid fields and names each invalid one, using its default', () => {
    const { settings, problems } = checkSettings({ highlights: 'yes', relations: { differs: false, agrees: 1 }, agreeTolerancePercent: 80, extra: 1 });
    expect(settings).toEqual({ ...defaultSettings(), relations: { differs: false, agrees: true, statements: true } });
    expect(problems).toEqual([
      'highlights must be true or false; the default (on) is used.',
      'relations.agrees must be true or false; the default (shown) is used.',
      'agreeTolerancePercent: The tolerance must be between 0% and 25%. The default (3%) is used.',
    ]);
  });

  it.each([null, undefined, 'garbage', 42, []])('reads %j as the defaults without throwing', (value) => {
    expect(normalizeSettings(value)).toEqual(defaultSettings());
  });

  it.each([
    ['3', 3],
    ['2.5', 2.5],
    ['2,5 %', 2.5],
    [' 10% ', 10],
    [0, 0],
    [1.26, 1.3],
  ])('reads the tolerance %j as %d', (input, expected) => {
    expect(parseTolerance(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '-1', '26', '1e3', Number.NaN, null])('refuses the tolerance %j with a reason', (input) => {
    const parsed = parseTolerance(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/percent|between/);
  });
});

describe('applyRelationFilter', () => {
  const result = {
    figures: [{ verdict: 'differs' as const, text: 'a' }, { verdict: 'agrees' as const, text: 'b' }, { verdict: null, text: 'c' }],
    statements: [{ text: 'q' }],
    summary: { figures: 3, differ: 1, confirmed: 1, onlyHere: 1 },
  };

  it('takes the engine\'s CheckResult as it is', () => {
    const check: CheckResult = {
      article: { title: 't', published: null, corpusId: null, url: null, siteName: null },
      figures: [],
      statements: [],
      summary: { figures: 0, differ: 0, confirmed: 0, onlyHere: 0 },
      corpusSize: 0,
      declined: null,
    };
    const filtered: CheckResult = applyRelationFilter(check, defaultSettings().relations);
    expect(filtered).toEqual(check);
  });

  it('keeps everything with the defaults', () => {
    expect(applyRelationFilter(result, defaultSettings().relations)).toEqual(result);
  });

  it('drops the relations switched off, keeps figures only here and the summary', () => {
    const filtered = applyRelationFilter(result, { differs: true, agrees: false, statements: false });
    expect(filtered.figures.map((finding) => finding.text)).toEqual(['a', 'c']);
    expect(filtered.statements).toEqual([]);
    expect(filtered.summary).toEqual(result.summary);
    expect(applyRelationFilter(result, { differs: false, agrees: true, statements: true }).figures.map((finding) => finding.text)).toEqual(['b', 'c']);
  });
});
