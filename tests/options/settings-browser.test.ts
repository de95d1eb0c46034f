// The settings storage item on the fake browser: defaults when empty, validated writes, damaged entries read safely.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, settingsItem, watchSettings } from '../../utils/settings/settings.browser';
import { defaultSettings, type Settings } from '../../utils/settings/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings item', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('stores validated settings in storage.local under "settings"', async () => {
    const next: Settings = {
      highlights: false,
      relations: { differs: true, agrees: false, statements: true },
      agreeTolerancePercent: 7.25,
      keep: { enabled: true, neverSites: ['bank.example'], retention: { kind: 'days', days: 30 }, autoSites: ['news.example'] },
    };
    const stored = await saveSettings(next);
    expect(stored.agreeTolerancePercent).toBe(7.3);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { ...next, agreeTolerancePercent: 7.3 } });
    expect(await loadSettings()).toEqual(stored);
  });

  it('reads a damaged entry field by field, with defaults for what is wrong', async () => {
    await fakeBrowser.storage.local.set({ settings: { highlights: 'no', relations: { differs: false }, agreeTolerancePercent: -4 } });
    expect(await loadSettings()).toEqual({ ...defaultSettings(), relations: { differs: false, agrees: true, statements: true } });
  });

  it('migrates a version 1 item (before "keep what I read") with keeping off', async () => {
    await fakeBrowser.storage.local.set({
      settings: { highlights: false, relations: { differs: true, agrees: true, statements: true }, agreeTolerancePercent: 4 },
      settings$: { v: 1 },
    });
    // WXT migrates when the item is defined (at import, before this test wrote v1): run it again on the v1 value.
    await settingsItem.migrate();
    expect(await loadSettings()).toEqual({ ...defaultSettings(), highlights: false, agreeTolerancePercent: 4 });
    expect(((await fakeBrowser.storage.local.get('settings')) as { settings: Settings }).settings.keep).toEqual(defaultSettings().keep);
  });

  it('tells watchers about changes made elsewhere', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await settingsItem.setValue({ ...defaultSettings(), highlights: false });
    unwatch();
    expect(seen.map((settings) => settings.highlights)).toEqual([false]);
  });
});
