// Moves pack files between the "My reports" page and the background, in parts when they exceed one message.
import type { ExportOptions, ImportResult } from '../../utils/corpus/protocol-types';
import { PACK_FILE_UNREADABLE, PACK_PART_CHARS, type BackgroundCalls, type CallName } from '../../utils/messaging';

/** askBackground's shape, passed in so tests can answer with the handlers directly. */
export type Ask = <K extends CallName>(call: K, payload: BackgroundCalls[K]['payload']) => Promise<BackgroundCalls[K]['value']>;

/**
 * Sends a pack file's text for import: in one message when it fits, else in parts of `partChars` characters
 * followed by the import call naming them. The background refuses files over its size limit either way.
 */
export async function sendPackForImport(ask: Ask, text: string, name: string | null, partChars: number = PACK_PART_CHARS): Promise<ImportResult> {
  if (text.length <= partChars) return ask('pack/import', { text, name });
  const transfer = crypto.randomUUID();
  const count = Math.ceil(text.length / partChars);
  for (let index = 0; index < count; index++) {
    await ask('pack/put-part', { transfer, index, count, text: text.slice(index * partChars, (index + 1) * partChars) });
  }
  return ask('pack/import', { transfer, name });
}

/**
 * Imports a pack file by its address: the background reads the file itself, so nothing large crosses a message (for a
 * file of 20 MB that saves seconds). A background that cannot read the address gets the text instead (sendPackForImport).
 */
export async function sendPackFileForImport(ask: Ask, file: Blob, name: string | null, partChars: number = PACK_PART_CHARS): Promise<ImportResult> {
  const address = URL.createObjectURL(file);
  try {
    return await ask('pack/import', { file: address, name });
  } catch (error) {
    if (!(error instanceof Error) || error.message !== PACK_FILE_UNREADABLE) throw error;
    return sendPackForImport(ask, await file.text(), name, partChars);
  } finally {
    URL.revokeObjectURL(address);
  }
}

/**
 * Fetches an export as the files the background cut it into (see 'pack/export-files'), one at a time, handing each to
 * `save` before the next is fetched, so only one file's text is held at once. Says how many reports and files it wrote.
 */
export async function receiveExportFiles(
  ask: Ask,
  options: ExportOptions,
  save: (text: string, index: number, total: number) => void,
): Promise<{ count: number; files: number }> {
  const files = await ask('pack/export-files', options);
  if (files.length === 0) throw new Error('There are no reports to export.');
  let count = 0;
  for (const [index, ids] of files.entries()) {
    const file = await receiveExport(ask, { ids });
    count += file.count;
    save(file.text, index, files.length);
  }
  return { count, files: files.length };
}

/** Fetches an export whole (all its parts) and says how many reports it holds. */
export async function receiveExport(ask: Ask, options: ExportOptions): Promise<{ text: string; count: number }> {
  const first = await ask('pack/export', options);
  const parts = [first.text];
  for (let index = 1; index < first.parts; index++) {
    parts.push(await ask('pack/get-part', { transfer: first.transfer ?? '', index }));
  }
  return { text: parts.join(''), count: first.count };
}
