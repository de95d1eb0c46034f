// Browser shell of the settings: one versioned WXT storage item in storage.local, read and watched by pages.
import { storage } from 'wxt/utils/storage';
import { defaultKeep } from './keep';
import { DEFAULT_SETTINGS, defaultSettings, normalizeSettings, SETTINGS_VERSION, type Settings } from './settings';

/**
 * The settings item ("local:settings"), version SETTINGS_VERSION, falling back to the defaults when nothing is
 * stored. Each new shape adds a migration here; WXT runs them when the stored version is older.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings(),
  version: SETTINGS_VERSION,
  // v2 added "keep what I read", off by default; a v1 value gets the default keep settings.
  migrations: { 2: (v1: Omit<Settings, 'keep'>): Settings => ({ ...v1, keep: defaultKeep() }) },
});

/** The current settings, validated: a damaged entry gives the defaults for the damaged fields. */
export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Stores the settings (validated first, so nothing invalid is ever written). */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await settingsItem.setValue(clean);
  return clean;
}

/** Calls back with the validated settings whenever they change (another page, another tab). Returns the unwatch. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value ?? DEFAULT_SETTINGS)));
}
