// Browser shell of the reader's corrections: one storage.local item, read by the background, pages and the content script.
import { storage } from 'wxt/utils/storage';
import { removeCorrection, upsertCorrection, validCorrections, type Correction } from './corrections';

/** Every correction the reader made ("local:corrections"), oldest first. Local to this browser profile. */
export const correctionsItem = storage.defineItem<Correction[]>('local:corrections', { fallback: [] });

/** The stored corrections, damaged entries dropped. */
export async function loadCorrections(): Promise<Correction[]> {
  return validCorrections(await correctionsItem.getValue());
}

/** Stores (or replaces) one correction and returns the whole list. */
export async function saveCorrection(correction: Correction): Promise<Correction[]> {
  const next = upsertCorrection(await loadCorrections(), correction);
  await correctionsItem.setValue(next);
  return next;
}

/** Undoes the correction of `key` and returns the whole list. */
export async function undoCorrection(key: string): Promise<Correction[]> {
  const next = removeCorrection(await loadCorrections(), key);
  await correctionsItem.setValue(next);
  return next;
}

/** Calls back with the list whenever it changes (another tab, My reports). Returns the unwatch. */
export function watchCorrections(callback: (corrections: Correction[]) => void): () => void {
  return correctionsItem.watch((value) => callback(validCorrections(value)));
}
