// Browser shell of the sidebar's remembered width: one storage item, apart from the settings (it changes by dragging).
import { storage } from 'wxt/utils/storage';

/**
 * The width the reader last dragged the sidebar to, in CSS pixels ("local:sidebarWidth"), or null before any drag.
 * Kept out of the versioned settings item: a drag is not a setting, and writing it must never race a settings save.
 */
export const sidebarWidthItem = storage.defineItem<number | null>('local:sidebarWidth', { fallback: null });

/** The remembered width, or null when there is none or the stored value is not a finite number. */
export async function loadSidebarWidth(): Promise<number | null> {
  const value = await sidebarWidthItem.getValue();
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Remembers the width for the next time the sidebar opens, in any tab. */
export async function saveSidebarWidth(width: number): Promise<void> {
  await sidebarWidthItem.setValue(Math.round(width));
}
