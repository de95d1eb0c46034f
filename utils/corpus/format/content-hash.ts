// The one content hash: 64-bit FNV-1a of a text's UTF-8 bytes, for pack revisions and ids derived from content.

const FNV_PRIME_LOW = 0x1b3; // the 64-bit FNV prime is 2^40 + 0x1b3

/**
 * 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 hex digits. Deterministic, so a pack's revision changes exactly
 * when its content does (nothing is secret: no cryptographic hash is needed). Computed in two 32-bit halves rather
 * than with BigInt, which took seconds on a 60 MB export.
 */
export function contentHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ (bytes[i] as number)) >>> 0;
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64, with every partial product exact in a double.
    const low = lo * FNV_PRIME_LOW;
    const carry = Math.floor(low / 4294967296);
    hi = (Math.imul(hi, FNV_PRIME_LOW) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
