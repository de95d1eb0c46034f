// Settings: defaults, validation of stored or typed values, and the tolerance handed to the engine.
import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS, defaultSettings, engineTolerance, normalizeSettings, parseTolerance } from '../../utils/settings/settings';

describe('settings', () => {
  it('defaults to highlights on, every relation shown and a 3% tolerance (the engine default)', () => {
    expect(defaultSettings()).toEqual({ highlights: true, relations: { differs: true, agrees: true, statements: true }, agreeTolerancePercent: 3 });
    expect(engineTolerance(defaultSettings())).toBe(0.03);
    // A copy: changing it never changes the defaults.
    const copy = defaultSettings();
    copy.relations.agrees = false;
    expect(DEFAULT_SETTINGS.relations.agrees).toBe(true);
  });

  it('keeps valid fields and names each invalid one, using its default', () => {
    const { settings, problems } = checkSettings({ highlights: 'yes', relations: { differs: false, agrees: 1 }, agreeTolerancePercent: 80, extra: 1 });
    expect(settings).toEqual({ highlights: true, relations: { differs: false, agrees: true, statements: true }, agreeTolerancePercent: 3 });
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
