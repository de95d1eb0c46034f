// The index segment a pack carries (pure): built over the pack's analysed reports, in base64, and read back.
import type { AnalyzedReport, PackIndex } from '../types';

/** The chunk String.fromCharCode takes at once (its arguments go on the stack). */
const CHUNK = 0x8000;

type Base64Uint8Array = typeof Uint8Array & {
  fromBase64?: (text: string) => Uint8Array;
};

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const native = (Uint8Array as Base64Uint8Array).fromBase64;
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * The index a pack carries over its reports, in order: an importer on the same segment format adopts it instead of
 * building it, which was the largest part of an import (10,000 reports: 4.7-7.3 s of tokenizing every sentence).
 */
export async function packIndexOf(
  reports: readonly AnalyzedReport[],
  deps: { buildSegment: (reports: readonly AnalyzedReport[]) => Uint8Array | Promise<Uint8Array>; segmentFormat?: string },
): Promise<PackIndex> {
  return packIndexFrom(await deps.buildSegment(reports), deps.segmentFormat ?? '0');
}

/** A built segment as a pack's index. */
export function packIndexFrom(bytes: Uint8Array, segmentFormat: string): PackIndex {
  return { format: segmentFormat, data: toBase64(bytes) };
}

/** The bytes of a carried index when it was written in this segment format; null otherwise (or when not base64). */
export function packIndexBytes(index: PackIndex | undefined, segmentFormat: string): Uint8Array | null {
  if (!index || index.format !== segmentFormat) return null;
  return fromBase64(index.data);
}
