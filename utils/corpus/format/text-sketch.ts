// Near-duplicate detection by MinHash: a bottom-k sketch of each text's 5-word shingles, compared without the texts.

/** Estimated share of 5-word shingles two texts must have in common to count as the same report. */
export const NEAR_DUPLICATE = 0.9;

/** Sketch size: the k smallest shingle hashes. */
const SKETCH_SIZE = 64;
const SHINGLE = 5;

/** Letters and digits (ASCII, plus every non-ASCII letter range; general punctuation and spaces excluded). */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && !(code >= 0x2000 && code <= 0x206f) && code !== 0x3000 && code !== 0xfeff;
}

/**
 * Bottom-k MinHash sketch of the text's 5-word shingles (lower-cased words, punctuation ignored).
 * Two sketches estimate the Jaccard similarity of the texts (sketchSimilarity); near copies score above ~0.8.
 * One pass over the characters: each word is hashed as it is read and a shingle's hash mixes its five word hashes,
 * so a 30-sentence report costs a fraction of a millisecond (it runs for every imported report).
 */
export function textSketch(text: string): number[] {
  const lower = text.toLowerCase();
  const ring = new Uint32Array(SHINGLE);
  const shingles: number[] = [];
  let words = 0;
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isWordCode(code)) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    ring[words % SHINGLE] = hash >>> 0;
    words++;
    hash = 0x811c9dc5;
    inWord = false;
    if (words >= SHINGLE) {
      let mixed = 0x9e3779b9;
      for (let j = words - SHINGLE; j < words; j++) {
        mixed = Math.imul(mixed ^ (ring[j % SHINGLE] as number), 0x85ebca6b);
        mixed ^= mixed >>> 13;
      }
      shingles.push(Math.imul(mixed ^ (mixed >>> 16), 0xc2b2ae35) >>> 0);
    }
  }
  if (words > 0 && words < SHINGLE) {
    // Too short for one shingle: the words themselves make the sketch.
    for (let j = 0; j < words; j++) shingles.push(ring[j] as number);
  }
  const sorted = Uint32Array.from(shingles).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length && out.length < SKETCH_SIZE; i++) {
    const value = sorted[i] as number;
    if (out.length === 0 || out[out.length - 1] !== value) out.push(value);
  }
  return out;
}

/** Estimated Jaccard similarity of two texts from their (sorted) sketches, in [0, 1]. Allocation-free merge walk. */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Bottom-k estimate: among the k smallest hashes of the union, the share present in both sketches.
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return shared / taken;
}
