// The reader's settings: their shape, defaults and validation (pure; the storage shell is settings.browser.ts).
import { checkKeep, defaultKeep, type KeepSettings } from './keep';

/** Which relations the sidebar and the highlights show. */
export interface RelationFilter {
  /** Figures that differ from other reports. */
  differs: boolean;
  /** Figures confirmed by other reports. */
  agrees: boolean;
  /** Statements corroborated (or contradicted) by other reports. */
  statements: boolean;
}

/** Everything the reader can set. Stored as one versioned item, so a change is one atomic write. */
export interface Settings {
  /** Highlight checked figures in the page. Default true. */
  highlights: boolean;
  /** Relations to show. Default: all three. */
  relations: RelationFilter;
  /**
   * Relative difference, in percent, under which two point estimates still "agree". Default 3 (the engine's own
   * default, CheckOptions.tolerance = 0.03); between MIN_TOLERANCE and MAX_TOLERANCE.
   */
  agreeTolerancePercent: number;
  /** "Keep what I read" (utils/settings/keep.ts). Default: off, no never-keep sites, kept until deleted. */
  keep: KeepSettings;
}

/** Version of the stored settings item; a new shape means a new version with a migration in settings.browser.ts. */
export const SETTINGS_VERSION = 2;

export const MIN_TOLERANCE = 0;
/** Beyond a quarter, "agrees" would no longer mean anything a reader could rely on. */
export const MAX_TOLERANCE = 25;

/** The defaults: everything shown, the engine's 3% tolerance. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  highlights: true,
  relations: Object.freeze({ differs: true, agrees: true, statements: true }),
  agreeTolerancePercent: 3,
  keep: Object.freeze(defaultKeep()) as KeepSettings,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, relations: { ...DEFAULT_SETTINGS.relations }, keep: defaultKeep() };
}

/** Problems found while reading a settings value; each names the field and what was done about it. */
export interface SettingsCheck {
  settings: Settings;
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads any stored or entered value as Settings: known fields of the right type are kept, anything else falls back
 * to its default and is named in `problems`. Never throws, so a damaged storage entry cannot break a page.
 */
export function checkSettings(value: unknown): SettingsCheck {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (value === null || value === undefined) return { settings, problems };
  if (!isRecord(value)) return { settings, problems: ['The stored settings were not an object; defaults are used.'] };

  if ('highlights' in value) {
    if (typeof value.highlights === 'boolean') settings.highlights = value.highlights;
    else problems.push('highlights must be true or false; the default (on) is used.');
  }
  if ('relations' in value) {
    const relations = value.relations;
    if (isRecord(relations)) {
      for (const key of ['differs', 'agrees', 'statements'] as const) {
        if (!(key in relations)) continue;
        const flag = relations[key];
        if (typeof flag === 'boolean') settings.relations[key] = flag;
        else problems.push(`relations.${key} must be true or false; the default (shown) is used.`);
      }
    } else problems.push('relations must be an object; the default (all shown) is used.');
  }
  if ('agreeTolerancePercent' in value) {
    const tolerance = value.agreeTolerancePercent;
    const parsed = parseTolerance(tolerance);
    if (parsed.ok) settings.agreeTolerancePercent = parsed.value;
    else problems.push(`agreeTolerancePercent: ${parsed.error} The default (${DEFAULT_SETTINGS.agreeTolerancePercent}%) is used.`);
  }
  if ('keep' in value) {
    const checked = checkKeep(value.keep);
    settings.keep = checked.keep;
    problems.push(...checked.problems);
  }
  return { settings, problems };
}

/** checkSettings without the problems: what a page uses. */
export function normalizeSettings(value: unknown): Settings {
  return checkSettings(value).settings;
}

/**
 * Reads a tolerance typed by the reader ("3", "2.5", "2,5 %") or stored as a number. Rounded to a tenth of a percent.
 * The error says what is wrong in words a reader understands.
 */
export function parseTolerance(value: unknown): { ok: true; value: number } | { ok: false; error: string } {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const cleaned = value.trim().replace(/\s*%$/, '').replace(',', '.');
    if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return { ok: false, error: 'Enter a number of percent, such as 3 or 2.5.' };
    number = Number(cleaned);
  } else return { ok: false, error: 'Enter a number of percent, such as 3 or 2.5.' };
  if (!Number.isFinite(number)) return { ok: false, error: 'Enter a number of percent, such as 3 or 2.5.' };
  if (number < MIN_TOLERANCE || number > MAX_TOLERANCE) {
    return { ok: false, error: `The tolerance must be between ${MIN_TOLERANCE}% and ${MAX_TOLERANCE}%.` };
  }
  return { ok: true, value: Math.round(number * 10) / 10 };
}

/** The engine's tolerance (a fraction, CheckOptions.tolerance) for the reader's percentage. */
export function engineTolerance(settings: Settings): number {
  return settings.agreeTolerancePercent / 100;
}

/** The parts of a cross-check result that the relation filter looks at (CheckResult satisfies it). */
export interface FilterableResult {
  figures: readonly { verdict: 'agrees' | 'differs' | null }[];
  statements: readonly unknown[];
}

/**
 * The result as the reader asked to see it: figures whose relation is switched off and, when statements are off,
 * all statements are left out. Figures no report covers ("only here") always stay; the summary counts are kept as
 * the engine gave them, so the header still tells the whole truth.
 */
export function applyRelationFilter<T extends FilterableResult>(result: T, relations: RelationFilter): T {
  return {
    ...result,
    figures: result.figures.filter((finding) => finding.verdict === null || relations[finding.verdict]),
    statements: relations.statements ? result.statements : [],
  };
}
