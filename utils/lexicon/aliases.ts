// The one alias table: spelling variants, demonyms, seats of government and company names mapped to one key each.
import { WORLD_COUNTRIES } from './countries';

/**
 * Canonical key of a multi-word or single-word name, as lowercased text. Longest names are matched first. Variant
 * spellings map to the modern one (Kiev → kyiv, Lugansk → luhansk), never the other way round.
 */
export const NAME_ALIASES: Record<string, string> = {
  // People whose names are spelled several ways in translated and scraped reports.
  'antony blinken': 'blinken',
  'anthony blinken': 'blinken',
  'antony blink': 'blinken',
  'anthony blink': 'blinken',
  blinkin: 'blinken',
  'sergei lavrov': 'lavrov',
  'sergey lavrov': 'lavrov',
  'vladimir putin': 'putin',
  'joe biden': 'biden',
  'volodymyr zelensky': 'zelensky',
  'volodymyr zelenskyy': 'zelensky',
  zelenskyy: 'zelensky',
  zelenskiy: 'zelensky',
  'dmytro kuleba': 'kuleba',
  'dmitro kuleba': 'kuleba',
  // Places.
  kiev: 'kyiv',
  kyiv: 'kyiv',
  lugansk: 'luhansk',
  luhansk: 'luhansk',
  donetsk: 'donetsk',
  kharkov: 'kharkiv',
  kharkiv: 'kharkiv',
  odessa: 'odesa',
  odesa: 'odesa',
  // Organisations.
  nato: 'nato',
  'north atlantic treaty organisation': 'nato',
  'north atlantic treaty organization': 'nato',
  'north atlantic alliance': 'nato',
  osce: 'osce',
  'organization for security and cooperation in europe': 'osce',
  'organization for security and co-operation in europe': 'osce',
  'organisation for security and co-operation in europe': 'osce',
  'organisation for security and cooperation in europe': 'osce',
  eu: 'eu',
  'european union': 'eu',
  un: 'un',
  'united nations': 'un',
  'u.n.': 'un',
  'state department': 'us-state-department',
  'us state department': 'us-state-department',
  'u.s. state department': 'us-state-department',
  // Countries and their spellings.
  us: 'us',
  'u.s.': 'us',
  'u.s': 'us',
  usa: 'us',
  'u.s.a.': 'us',
  'united states': 'us',
  'united states of america': 'us',
  america: 'us',
  uk: 'uk',
  'u.k.': 'uk',
  'united kingdom': 'uk',
  britain: 'uk',
  'great britain': 'uk',
  russia: 'russia',
  'russian federation': 'russia',
  ukraine: 'ukraine',
  china: 'china',
  france: 'france',
  germany: 'germany',
  italy: 'italy',
  poland: 'poland',
  hungary: 'hungary',
  belarus: 'belarus',
  spain: 'spain',
  sweden: 'sweden',
  switzerland: 'switzerland',
  romania: 'romania',
  bulgaria: 'bulgaria',
  australia: 'australia',
  japan: 'japan',
  india: 'india',
  israel: 'israel',
  iran: 'iran',
  turkey: 'turkey',
  canada: 'canada',
  crimea: 'crimea',
  donbas: 'donbas',
  donbass: 'donbas',
};

/** Keys of the countries curated above, which win over the world table's entries for the same country. */
export const CURATED_COUNTRY_KEYS = [
  'us', 'uk', 'russia', 'ukraine', 'china', 'france', 'germany', 'italy', 'poland', 'hungary', 'belarus', 'spain',
  'sweden', 'switzerland', 'romania', 'bulgaria', 'australia', 'japan', 'india', 'israel', 'iran', 'turkey', 'canada',
];

/** Demonyms and adjectives of countries: "Russian troops" counts troops of russia. */
export const DEMONYMS: Record<string, string> = {
  russian: 'russia',
  russians: 'russia',
  ukrainian: 'ukraine',
  ukrainians: 'ukraine',
  american: 'us',
  americans: 'us',
  british: 'uk',
  briton: 'uk',
  britons: 'uk',
  english: 'uk',
  french: 'france',
  german: 'germany',
  germans: 'germany',
  italian: 'italy',
  polish: 'poland',
  hungarian: 'hungary',
  belarusian: 'belarus',
  chinese: 'china',
  spanish: 'spain',
  swedish: 'sweden',
  swiss: 'switzerland',
  romanian: 'romania',
  bulgarian: 'bulgaria',
  australian: 'australia',
  japanese: 'japan',
  indian: 'india',
  israeli: 'israel',
  israelis: 'israel',
  iranian: 'iran',
  turkish: 'turkey',
  canadian: 'canada',
  european: 'europe',
  western: 'west',
  soviet: 'soviet-union',
  crimean: 'crimea',
};

/**
 * Seats and symbols of government. Used as a subject ("Moscow denies", "according to Kiev") they name the
 * government; after a place preposition ("in Moscow") they name the city.
 */
export const SEATS_OF_GOVERNMENT: Record<string, { government: string; place: string }> = Object.fromEntries(
  (
    [
      ['us', 'washington', ['washington', 'white house', 'pentagon']],
      ['russia', 'moscow', ['moscow', 'kremlin']],
      ['ukraine', 'kyiv', ['kiev', 'kyiv']],
      ['uk', 'london', ['london', 'downing street']],
      ['china', 'beijing', ['beijing']],
      ['france', 'paris', ['paris']],
      ['germany', 'berlin', ['berlin']],
      ['eu', 'brussels', ['brussels']],
    ] as const
  ).flatMap(([government, place, names]) => names.map((name) => [name, { government, place }])),
);

/** Names that are places (cities, regions, countries): the "place" of a sentence is the first of these it names. */
export const PLACES = new Set([
  'geneva', 'stockholm', 'kyiv', 'moscow', 'washington', 'london', 'paris', 'berlin', 'brussels', 'beijing', 'minsk',
  'vienna', 'sydney', 'luhansk', 'donetsk', 'donbas', 'crimea', 'kharkiv', 'odesa', 'mariupol', 'sweden', 'switzerland',
  'ukraine', 'russia', 'belarus', 'poland', 'romania', 'bulgaria', 'hungary', 'australia', 'europe', 'afghanistan',
  'chechnya', 'new york', 'sochi', 'rome', 'warsaw', 'budapest', 'madrid', 'tokyo', 'delhi', 'new delhi', 'jerusalem',
  'tehran', 'ankara', 'istanbul', 'ottawa', 'atlantic', 'pacific', 'arctic', 'mediterranean', 'black sea',
]);


// The world's countries: their names are aliases and places, their demonyms point to them. The curated entries
// above win where both speak.
for (const country of WORLD_COUNTRIES) {
  for (const name of country.names) {
    NAME_ALIASES[name] ??= country.key;
    PLACES.add(name);
  }
  PLACES.add(country.key);
  for (const demonym of country.demonyms) DEMONYMS[demonym] ??= country.key;
}

/** Companies known under more than one name: renamed companies and their parents join (general knowledge). */
export const HOLDER_ALIASES: Record<string, string> = {
  facebook: 'meta',
  'meta platforms': 'meta',
  google: 'alphabet',
  'alphabet inc': 'alphabet',
  'google parent alphabet': 'alphabet',
  twitter: 'x',
};

/** First names transliterated two ways, which the sentence index must read as one word. */
const FIRST_NAME_SPELLINGS: Record<string, string> = { sergey: 'sergei', anthony: 'antony' };

/**
 * Words the sentence index reads as their country or modern spelling: a nation's people, its seat of government and
 * variant spellings ("Kremlin", "Russians" → russia; "Kiev" → kyiv). Only these: a wider set would merge index
 * terms that retrieval keeps apart on purpose (a city named as a place, a language).
 */
const NAME_TERMS = [
  'russian', 'russians', 'moscow', 'kremlin', 'ukrainian', 'ukrainians', 'kiev', 'american', 'americans', 'usa',
  'washington', 'british', 'britain', 'french', 'german', 'chinese', 'european', 'nato', 'sergey', 'anthony',
  'lugansk', 'zelenskyy', 'crimean',
];

/** Near-synonyms of counted things and verbs that index as one term ("soldiers" and "forces" count troops). */
const TERM_SYNONYMS: Record<string, string> = {
  soldiers: 'troop', soldier: 'troop', troops: 'troop', forces: 'troop', servicemen: 'troop', begin: 'start',
  began: 'start', begun: 'start', whether: 'if', people: 'person', persons: 'person',
};

/** The key a name-word takes in the tables above: its own spelling first, then its people, then its seat. */
function nameTerm(word: string): string {
  return NAME_ALIASES[word] ?? DEMONYMS[word] ?? SEATS_OF_GOVERNMENT[word]?.government ?? FIRST_NAME_SPELLINGS[word] ?? word;
}

/** Word → the term the sentence index files it under, drawn from the one alias table and the synonyms above. */
export const TERM_ALIASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(NAME_TERMS.map((word) => [word, nameTerm(word)])),
  ...TERM_SYNONYMS,
};
