// Names that hold figures under more than one form: corporate suffixes dropped, renamed companies and their parents joined.
import { HOLDER_ALIASES, NAME_ALIASES } from './aliases';

const SUFFIX = /\s+(?:inc|corp|corporation|co|company|ltd|limited|plc|llc|group|holdings|sa|ag|nv)\.?$/i;

/** The key a holder is compared under ("Apple Inc." → "apple", "Facebook" → "meta", "Britain" → "uk"). */
export function holderKey(key: string): string {
  // "Socialist Party" and "the Socialists", "Conservative Party" and "the Conservatives": one party.
  let k = key.toLowerCase().replace(SUFFIX, '').replace(/\s+party$/, '').trim();
  if (/^[a-z]+(?:ist|an|at|ive)s$/.test(k)) k = k.slice(0, -1);
  return HOLDER_ALIASES[k] ?? NAME_ALIASES[k] ?? k;
}
