// Finds named entities in a sentence and maps spelling variants to one canonical key (alias table + normalization).
import { CURATED_COUNTRY_KEYS, DEMONYMS, NAME_ALIASES, PLACES, SEATS_OF_GOVERNMENT } from '../lexicon/aliases';
import { WORLD_COUNTRIES } from '../lexicon/countries';
import { CAPITALIZED_NON_NAMES, EVENT_NAME_HEADS, INSTITUTION_HEADS, TITLE_WORDS } from '../lexicon/name-words';

export type EntityType = 'person' | 'place' | 'government' | 'organization' | 'country' | 'demonym' | 'name';

/** One entity mention; offsets are relative to the string given to `findEntities`. */
export interface EntityMention {
  text: string;
  key: string;
  type: EntityType;
  start: number;
  end: number;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  capitalized: boolean;
}



const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside', 'around', 'into', 'across', 'inside', 'via']);

const TOKEN_RE = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}][\p{L}\p{M}\p{N}’'-]*/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let word = m[0];
    // A possessive is not part of the name: "Russia’s" → "Russia".
    word = word.replace(/[’']s$/u, '').replace(/[’'-]+$/u, '');
    if (!word) continue;
    const start = m.index;
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      capitalized: /^\p{Lu}/u.test(word),
    });
  }
  return tokens;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'the', 'de', 'al', 'von', 'van', 'bin']);
const MAX_ALIAS_WORDS = 8;

/**
 * Entity mentions of `text` (a sentence), each with a canonical key: alias-table names ("Kyiv" for Kiev, "blinken" for
 * Antony Blink), demonyms ("Russian" → russia), seats of government used as a subject ("Moscow denies" → russia)
 * and, for unknown capitalized names, the surname of a person-like name or the lowercased name.
 */
export function findEntities(text: string): EntityMention[] {
  const tokens = tokenize(text);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!tok.capitalized) {
      i += 1;
      continue;
    }
    // A capitalized run, allowing lowercase connectors inside ("Secretary of State", "Organization for Security").
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      const gap = text.slice(tokens[j - 1]!.end, t.start);
      // A possessive ends the name: "Denmark's Social Democrats" names Denmark and a party, not a person.
      if (!/^[\s-]{1,2}$/u.test(gap)) break;
      if (t.capitalized) {
        j += 1;
        continue;
      }
      if (CONNECTORS.has(t.lower) && j + 1 < tokens.length && tokens[j + 1]!.capitalized) {
        j += 1;
        continue;
      }
      break;
    }
    // "the Pine Hollow fire", "the Ash Creek blaze": a run named by the event noun after it is no person.
    const next = tokens[j];
    const eventNamed = next !== undefined && !next.capitalized && EVENT_NAME_HEADS.has(next.lower) && /^\s$/.test(text.slice(tokens[j - 1]!.end, next.start));
    out.push(...keyRun(text, tokens, i, j, eventNamed));
    i = j;
  }
  return out;
}

/** Keys the capitalized run tokens[from, to): known aliases first (longest match), then leftover names. */
function keyRun(text: string, tokens: Token[], from: number, to: number, eventNamed = false): EntityMention[] {
  const out: EntityMention[] = [];
  let pending: Token[] = [];
  const flush = (): void => {
    const mention = unknownName(text, pending, eventNamed);
    if (mention) out.push(mention);
    pending = [];
  };
  let k = from;
  while (k < to) {
    let matched = false;
    for (let n = Math.min(MAX_ALIAS_WORDS, to - k); n >= 1; n -= 1) {
      const words = tokens.slice(k, k + n);
      const phrase = words.map((w) => w.lower).join(' ');
      const found = lookup(phrase, tokens, k);
      if (found) {
        flush();
        const first = words[0]!;
        const last = words[n - 1]!;
        out.push({ text: text.slice(first.start, last.end), key: found.key, type: found.type, start: first.start, end: last.end });
        k += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const tok = tokens[k]!;
    if (TITLE_WORDS.has(tok.lower) || (!tok.capitalized && CONNECTORS.has(tok.lower)) || (k === from && CAPITALIZED_NON_NAMES.has(tok.lower))) {
      flush();
    } else {
      pending.push(tok);
    }
    k += 1;
  }
  flush();
  return out;
}

function lookup(phrase: string, tokens: Token[], at: number): { key: string; type: EntityType } | null {
  const seat = SEATS_OF_GOVERNMENT[phrase.replace(/^the /, '')];
  if (seat) {
    const before = tokens[at - 1]?.lower;
    const beforeThat = tokens[at - 2]?.lower;
    const asPlace = (before && PLACE_PREPOSITIONS.has(before)) || (before === 'the' && beforeThat && PLACE_PREPOSITIONS.has(beforeThat));
    return asPlace ? { key: seat.place, type: 'place' } : { key: seat.government, type: 'government' };
  }
  const alias = NAME_ALIASES[phrase];
  if (alias) {
    if (COUNTRIES.has(alias)) return { key: alias, type: 'country' };
    if (PLACES.has(alias)) return { key: alias, type: 'place' };
    // A person's alias keys to the surname: "antony blink" and "blinkin" → "blinken".
    const lastWord = phrase.split(' ').pop() ?? phrase;
    const person = !alias.includes('-') && alias.slice(0, 4) === lastWord.slice(0, 4) && !ORGANIZATIONS.has(alias);
    return { key: alias, type: person ? 'person' : 'organization' };
  }
  const demonym = DEMONYMS[phrase];
  if (demonym) return { key: demonym, type: 'demonym' };
  if (PLACES.has(phrase)) return { key: phrase, type: 'place' };
  return null;
}

const ORGANIZATIONS = new Set(['nato', 'osce', 'eu', 'un']);

const COUNTRIES = new Set([...CURATED_COUNTRY_KEYS, ...WORLD_COUNTRIES.map((c) => c.key)]);

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|half|millions?|billions?)(?:-[\p{L}]+)?$/u;

function unknownName(text: string, words: Token[], eventNamed = false): EntityMention | null {
  if (words.length === 0) return null;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length === 1 && (CAPITALIZED_NON_NAMES.has(first.lower) || first.text.length < 2 || /^\p{N}/u.test(first.text))) return null;
  // "Twelve villages", "Two-thirds of": a number word opening a sentence is no name.
  if (words.length === 1 && NUMBER_WORD.test(first.lower)) return null;
  const span = text.slice(first.start, last.end);
  const lowerWords = words.map((w) => w.lower);
  const personLike =
    !eventNamed &&
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text)) &&
    !INSTITUTION_HEADS.has(last.lower) &&
    !PLACES.has(lowerWords.join(' '));
  if (personLike) return { text: span, key: normalizeKey(last.lower), type: 'person', start: first.start, end: last.end };
  const key = normalizeKey(lowerWords.join(' '));
  return { text: span, key, type: PLACES.has(key) ? 'place' : 'name', start: first.start, end: last.end };
}

function normalizeKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, '')
    .replace(/\./g, '')
    .trim();
}

/**
 * Canonical key of a name as written ("Sergey Lavrov" → "lavrov", "the White House" → "us", "Kiev" → "kyiv"),
 * or null when it names nothing. Used for speakers and attributions.
 */
export function entityKey(name: string): string | null {
  const cleaned = name.trim().replace(/^the\s+/i, '');
  const lower = cleaned.toLowerCase();
  const seat = SEATS_OF_GOVERNMENT[lower];
  if (seat) return seat.government;
  const mentions = findEntities(cleaned.charAt(0).toUpperCase() + cleaned.slice(1));
  const people = mentions.filter((m) => m.type === 'person');
  const chosen = people[people.length - 1] ?? mentions[mentions.length - 1];
  return chosen?.key ?? null;
}
