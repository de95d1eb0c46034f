// Names that hold figures under more than one form: corporate suffixes dropped, renamed companies and their parents joined.

/** Other names → the name a holder is compared under. General knowledge, not any one story's. */
const HOLDER_ALIASES: Record<string, string> = {
  facebook: 'meta',
  'meta platforms': 'meta',
  google: 'alphabet',
  'alphabet inc': 'alphabet',
  'google parent alphabet': 'alphabet',
  twitter: 'x',
  'united states': 'us',
  'u.s.': 'us',
  america: 'us',
  'united kingdom': 'uk',
  britain: 'uk',
};

const SUFFIX = /\s+(?:inc|corp|corporation|co|company|ltd|limited|plc|llc|group|holdings|sa|ag|nv)\.?$/i;

/** The key a holder is compared under ("Apple Inc." → "apple", "Facebook" → "meta"). */
export function holderKey(key: string): string {
  const k = key.toLowerCase().replace(SUFFIX, '').trim();
  return HOLDER_ALIASES[k] ?? k;
}
